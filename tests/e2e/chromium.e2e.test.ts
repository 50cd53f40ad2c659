/**
 * The Chromium chooser (support.ts): with CHROMIUM_PATH=none the npm package's Chromium starts, and its pages draw
 * Chinese with real glyphs (not the same missing-glyph box for every character) from the repository's fonts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { chooseChromium, launchChromium } from './support';

const before = process.env.CHROMIUM_PATH;
afterAll(() => {
  if (before === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = before;
});

describe('Chromium from npm (CHROMIUM_PATH=none)', () => {
  it('refuses a CHROMIUM_PATH that names no file', () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    expect(() => chooseChromium()).toThrow('CHROMIUM_PATH=/nonexistent/chromium');
  });

  it('starts @sparticuz/chromium and draws 银 and 川 as different glyphs', async () => {
    process.env.CHROMIUM_PATH = 'none';
    const choice = await chooseChromium();
    expect(choice.kind).toBe('npm');
    expect(choice.args).toContain('--no-sandbox');
    expect(choice.args).toContain('--disable-background-networking');
    expect(choice.args).not.toContain('--single-process');
    expect(choice.args).not.toContain('--disable-web-security');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const glyphs = await page.evaluate(() => {
        const draw = (ch: string) => {
          const c = document.createElement('canvas');
          c.width = 64;
          c.height = 64;
          const g = c.getContext('2d')!;
          g.font = '48px sans-serif';
          g.fillText(ch, 4, 52);
          return c.toDataURL();
        };
        return { yin: draw('银'), chuan: draw('川'), blank: draw(' ') };
      });
      expect(glyphs.yin).not.toBe(glyphs.blank);
      expect(glyphs.yin).not.toBe(glyphs.chuan);
    } finally {
      await browser.close();
    }
  });
});

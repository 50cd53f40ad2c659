/**
 * Fonts opened once and shaping cached across documents (sharedFonts.ts, issue 14): documents must come out byte for
 * byte as pdfkit's own per-document font handling makes them (creation date aside), a second document must reuse the
 * first one's shaping, and the cache must stay within its bound.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderPdf } from './pdf';
import { FONT_FACES } from './fonts';
import { preparedFont, setShapingCacheLimit, SHAPING_CACHE_LIMIT, shapingStats, useSharedFonts } from './sharedFonts';

afterEach(() => {
  useSharedFonts(true);
  setShapingCacheLimit(SHAPING_CACHE_LIMIT);
});

/** Plain and bold text, rare characters, and a table with the schedule's explicit OpenType features. */
function sample(seed: number, rows = 40): Record<string, unknown> {
  // The same Latin words in the table (no kerning) and in the paragraph (kerned): cached runs must tell them apart.
  const body: unknown[][] = [['期次', '还款日期', '金额（元）'].map((h) => ({ text: h, bold: true })), ['AVAWAY', 'To', 'ffi']];
  for (let i = 1; i <= rows; i++) body.push([String(i), `2026-${String((i % 12) + 1).padStart(2, '0')}-1${i % 10}`, { text: `${(seed * 7919 + i * 104_729).toLocaleString('en')}.${String(i % 100).padStart(2, '0')}`, alignment: 'right' }]);
  return {
    content: [
      { text: `住房公积金贷款还款计划表 第${seed}份`, bold: true, fontSize: 16 },
      { text: '借款人：张堃 王喆 李燊 𠮷野家　Loan No. YC-GJJ-2026-000123 AVAWAY To ffi' },
      { table: { widths: [34, 70, '*'], headerRows: 1, body }, fontFeatures: { kern: false, liga: false, calt: false }, fontSize: 8.5 },
    ],
  };
}

/** The PDF without its creation date and the file ID pdfkit derives from it (all two renderings may differ in). */
const bytes = (pdf: Buffer) => pdf.toString('latin1').replace(/\(D:\d{14}Z\)/g, '(D)').replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, '/ID');

describe('shared fonts and shaping cache', () => {
  it('makes the same bytes as pdfkit opening and shaping the fonts for each document', async () => {
    useSharedFonts(false);
    const own = await renderPdf(sample(1), { title: '样张' });
    useSharedFonts(true);
    const first = await renderPdf(sample(1), { title: '样张' });
    const again = await renderPdf(sample(1), { title: '样张' }); // every run from the cache now
    expect(bytes(first)).toBe(bytes(own));
    expect(bytes(again)).toBe(bytes(own));
  });

  it('opens each face once and shapes a string once for all documents, measuring and drawing included', async () => {
    await renderPdf(sample(2), { title: '样张' });
    const font = preparedFont(FONT_FACES.regular);
    expect(font).toBeDefined();
    const before = shapingStats()[FONT_FACES.regular]!;
    await renderPdf(sample(2), { title: '样张' });
    const after = shapingStats()[FONT_FACES.regular]!;
    expect(after.misses).toBe(before.misses); // nothing shaped again
    expect(after.hits).toBeGreaterThan(before.hits + 40);
    expect(preparedFont(FONT_FACES.regular)).toBe(font);

    // A new document's strings are shaped once each, though pdfmake measures them and pdfkit then draws them.
    const fresh = sample(3);
    const m0 = shapingStats()[FONT_FACES.regular]!.misses;
    await renderPdf(fresh, { title: '样张' });
    const shapedNow = shapingStats()[FONT_FACES.regular]!.misses - m0;
    expect(shapedNow).toBeGreaterThan(0);
    expect(shapedNow).toBeLessThanOrEqual(45); // 40 new amounts, the title's number … not twice that
  });

  it('serves documents rendered at the same time (one shared font, one document each) as if one after another', async () => {
    const alone = [];
    for (const seed of [5, 6, 7]) alone.push(bytes(await renderPdf(sample(seed), { title: `样张${seed}` })));
    const together = await Promise.all([5, 6, 7].map((seed) => renderPdf(sample(seed), { title: `样张${seed}` })));
    expect(together.map(bytes)).toEqual(alone);
  });

  it('keeps at most its bound of strings per face, and the output does not change when it evicts', async () => {
    setShapingCacheLimit(25);
    const doc = sample(4, 120);
    const evicting = await renderPdf(doc, { title: '样张' });
    for (const s of Object.values(shapingStats())) expect(s.size).toBeLessThanOrEqual(25);
    useSharedFonts(false);
    const own = await renderPdf(sample(4, 120), { title: '样张' });
    expect(bytes(evicting)).toBe(bytes(own));
  });
});

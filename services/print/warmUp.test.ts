import { describe, expect, it } from 'vitest';
import { FONT_FACES } from './fonts';
import { preparedFont, shapingStats } from './sharedFonts';
import { warmUpPrinting } from './warmUp';

describe('warming the printer up after start-up (issue 14)', () => {
  it('opens both faces and shapes a schedule’s strings without any ledger, so a later print starts warm', async () => {
    expect(preparedFont(FONT_FACES.regular)).toBeUndefined();
    await warmUpPrinting();
    expect(preparedFont(FONT_FACES.regular)).toBeDefined();
    expect(preparedFont(FONT_FACES.bold)).toBeDefined();
    const stats = shapingStats();
    expect(stats[FONT_FACES.regular]!.size).toBeGreaterThan(300); // 60 periods × 5 figures, captions, notes
    expect(stats[FONT_FACES.bold]!.size).toBeGreaterThan(10);
  });
});

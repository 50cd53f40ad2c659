import { describe, expect, it } from 'vitest';
import { chinaDate } from './dates';

const intl = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('chinaDate', () => {
  it('agrees with Intl (Asia/Shanghai) at every hour edge from 1985 to 2200, DST summers included', () => {
    const hour = 3600 * 1000;
    let checked = 0;
    // Every 29 hours and 13 minutes (every hour of the day in turn) plus the instants either side of Beijing midnight (16:00 UTC) on the way.
    for (let t = Date.UTC(1985, 0, 1); t < Date.UTC(2200, 0, 1); t += 29 * hour + 13 * 60 * 1000) {
      for (const at of [t, t - (t % (24 * hour)) + 16 * hour - 1, t - (t % (24 * hour)) + 16 * hour]) {
        expect(chinaDate(new Date(at)), new Date(at).toISOString()).toBe(intl.format(new Date(at)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(190_000);
  });

  it('names the Beijing day, not the UTC day', () => {
    expect(chinaDate(new Date('2026-06-30T15:59:59.999Z'))).toBe('2026-06-30');
    expect(chinaDate(new Date('2026-06-30T16:00:00Z'))).toBe('2026-07-01');
    // 1988 summer (daylight saving, UTC+9): 15:00 UTC was already the next day.
    expect(chinaDate(new Date('1988-07-01T15:30:00Z'))).toBe('1988-07-02');
  });
});

import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, daysBetween, firstOfNextMonth, monthsReached, periodEnd, withinPeriod } from './dates';

describe('policy periods (民法典 第201–203条)', () => {
  it('end on the corresponding day, clamped to the month end', () => {
    expect(addYears('2022-03-10', 2)).toBe('2024-03-10');
    expect(addYears('2020-02-29', 2)).toBe('2022-02-28');
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2025-03-10', -12)).toBe('2024-03-10');
    expect(periodEnd('2023-01-31', { months: 1 })).toBe('2023-02-28');
  });
  it('include the last day and exclude the next', () => {
    expect(withinPeriod('2023-03-10', '2025-03-10', { years: 2 })).toBe(true);
    expect(withinPeriod('2023-03-10', '2025-03-11', { years: 2 })).toBe(false);
    expect(withinPeriod('2023-03-10', '2023-03-09', { years: 2 })).toBe(false);
  });
  it('reach "满N个月" on the corresponding day', () => {
    expect(monthsReached('2024-09-10', '2025-03-10', 6)).toBe(true);
    expect(monthsReached('2024-09-11', '2025-03-10', 6)).toBe(false);
  });
  it('count days and months across year ends and leap years', () => {
    expect(addDays('2024-09-11', 180)).toBe('2025-03-10');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(firstOfNextMonth('2024-12-15')).toBe('2025-01-01');
  });
});

import { describe, expect, it } from 'vitest';
import { D, fenToYuan, roundFen } from '../money';
import {
  METHOD_LABELS,
  addMonthsClamped,
  annuityInstallmentFen,
  buildSchedule,
  validateScheduleInput,
  type RepaymentMethod,
  type ScheduleInput,
  type ScheduleRow,
} from './schedule';

const YUAN = 100;
const sum = (rows: ScheduleRow[], key: 'principalFen' | 'interestFen' | 'paymentFen') =>
  rows.reduce((total, row) => total + row[key], 0);
const table = (rows: ScheduleRow[]) =>
  rows.map((r) => [r.period, r.paymentFen, r.principalFen, r.interestFen, r.remainingFen]);

describe('等额本息 (annuity)', () => {
  it('pays 4,270.16 a month on 1,000,000 yuan at 3.1% over 360 months', () => {
    expect(annuityInstallmentFen(1_000_000 * YUAN, '3.1', 360)).toBe(427016);
    const { rows, summary } = buildSchedule({ principalFen: 1_000_000 * YUAN, annualRatePercent: '3.1', months: 360, method: 'annuity' });
    expect(summary.monthlyPaymentFen).toBe(427016);
    expect(summary.firstPaymentFen).toBe(427016);
    expect(summary.years).toBe('30');
    // First row by hand: 1,000,000 × 0.031 / 12 = 2,583.333… → 2,583.33; principal 4,270.16 − 2,583.33 = 1,686.83.
    expect(rows[0]).toEqual({ period: 1, dueDate: '', paymentFen: 427016, principalFen: 168683, interestFen: 258333, remainingFen: 99831317 });
    // Every row but the last pays exactly the installment; the last absorbs the rounding residue. The installment is
    // 4,270.163989… rounded down by 0.004 yuan, and 360 such shortfalls grown at r come to about 2.37 yuan, so the last
    // payment is 4,272.59 (figures cross-checked with exact rational arithmetic outside this code).
    expect(rows.slice(0, -1).every((r) => r.paymentFen === 427016)).toBe(true);
    expect(rows[359]).toMatchObject({ paymentFen: 427259, interestFen: 1101, principalFen: 426158, remainingFen: 0 });
    expect(summary.lastPaymentFen).toBe(427259);
    expect(summary.totalInterestFen).toBe(53726003);
    expect(summary.totalPaymentFen).toBe(1_000_000 * YUAN + summary.totalInterestFen);
    expect(summary.totalPaymentFen).toBe(sum(rows, 'paymentFen'));
    expect(summary.monthlyDecreaseFen).toBeNull();
  });

  /*
   * Golden table worked by hand: 12,000.00 at 3.6%, 6 months. r = 0.036 / 12 = 0.003.
   * (1.003)^6 = 1.018135541216458729; installment = 12000 × 0.003 × 1.0181355412 / 0.0181355412 = 2,021.0524… → 2,021.05.
   *   period  balance      interest (balance × 0.003)   principal (2021.05 − interest)   remaining
   *   1       12,000.00    36.00000 → 36.00             1,985.05                         10,014.95
   *   2       10,014.95    30.04485 → 30.04             1,991.01                          8,023.94
   *   3        8,023.94    24.07182 → 24.07             1,996.98                          6,026.96
   *   4        6,026.96    18.08088 → 18.08             2,002.97                          4,023.99
   *   5        4,023.99    12.07197 → 12.07             2,008.98                          2,015.01
   *   6        2,015.01     6.04503 →  6.05             2,015.01 (all that remains)            0.00   payment 2,021.06
   * Interest 126.31; paid 5 × 2,021.05 + 2,021.06 = 12,126.31.
   */
  it('matches the hand-worked 12,000.00 / 3.6% / 6-month table row by row', () => {
    const { rows, summary } = buildSchedule({ principalFen: 12_000 * YUAN, annualRatePercent: '3.6', months: 6, method: 'annuity' });
    expect(table(rows)).toEqual([
      [1, 202105, 198505, 3600, 1001495],
      [2, 202105, 199101, 3004, 802394],
      [3, 202105, 199698, 2407, 602696],
      [4, 202105, 200297, 1808, 402399],
      [5, 202105, 200898, 1207, 201501],
      [6, 202106, 201501, 605, 0],
    ]);
    expect(summary).toEqual({
      method: 'annuity',
      principalFen: 1200000,
      months: 6,
      years: '0.5',
      annualRatePercent: '3.6',
      firstPaymentFen: 202105,
      monthlyPaymentFen: 202105,
      monthlyDecreaseFen: null,
      lastPaymentFen: 202106,
      totalInterestFen: 12631,
      totalPaymentFen: 1212631,
    });
  });

  it('at rate 0 pays P / n rounded half-up, the last period absorbing the difference', () => {
    // 1,000,000 / 360 = 2,777.777… → 2,777.78; last = 1,000,000 − 359 × 2,777.78 = 2,776.98.
    const { rows, summary } = buildSchedule({ principalFen: 1_000_000 * YUAN, annualRatePercent: '0', months: 360, method: 'annuity' });
    expect(annuityInstallmentFen(1_000_000 * YUAN, '0', 360)).toBe(277778);
    expect(rows[0]!.paymentFen).toBe(277778);
    expect(rows[359]!.paymentFen).toBe(277698);
    expect(sum(rows, 'interestFen')).toBe(0);
    expect(summary.totalInterestFen).toBe(0);
    expect(summary.totalPaymentFen).toBe(1_000_000 * YUAN);
  });
});

describe('等额本金 (linear)', () => {
  it('repays 2,777.78 a month and falls by (P/n)×r = 7.18 on 1,000,000 at 3.1% over 360 months', () => {
    const { rows, summary } = buildSchedule({ principalFen: 1_000_000 * YUAN, annualRatePercent: '3.1', months: 360, method: 'linear' });
    // (1,000,000 / 360) × 0.031 / 12 = 7.1759… → 7.18.
    expect(summary.monthlyDecreaseFen).toBe(718);
    expect(rows[0]!.principalFen).toBe(277778);
    expect(rows[0]!.interestFen).toBe(258333); // 1,000,000 × 0.031 / 12 = 2,583.33
    expect(rows[0]!.paymentFen).toBe(536111);
    expect(summary.firstPaymentFen).toBe(536111);
    expect(summary.monthlyPaymentFen).toBe(536111);
    // Last principal = 1,000,000 − 359 × 2,777.78 = 2,776.98; its interest 2,776.98 × 0.031 / 12 = 7.1738… → 7.17.
    expect(rows[359]).toMatchObject({ principalFen: 277698, interestFen: 717, paymentFen: 278415, remainingFen: 0 });
    expect(summary.lastPaymentFen).toBe(278415);
    // The payment falls by the decrease each month, give or take the fen lost to rounding the interest.
    for (let i = 1; i < 359; i++) {
      expect(Math.abs(rows[i - 1]!.paymentFen - rows[i]!.paymentFen - 718)).toBeLessThanOrEqual(1);
    }
  });

  /*
   * Golden table worked by hand: 12,000.00 at 3.6%, 6 months. Principal 12,000 / 6 = 2,000.00 each month,
   * interest = balance × 0.003: 36.00, 30.00, 24.00, 18.00, 12.00, 6.00; decrease 2,000 × 0.003 = 6.00.
   */
  it('matches the hand-worked 12,000.00 / 3.6% / 6-month table row by row', () => {
    const { rows, summary } = buildSchedule({ principalFen: 12_000 * YUAN, annualRatePercent: '3.6', months: 6, method: 'linear' });
    expect(table(rows)).toEqual([
      [1, 203600, 200000, 3600, 1000000],
      [2, 203000, 200000, 3000, 800000],
      [3, 202400, 200000, 2400, 600000],
      [4, 201800, 200000, 1800, 400000],
      [5, 201200, 200000, 1200, 200000],
      [6, 200600, 200000, 600, 0],
    ]);
    expect(summary).toMatchObject({
      firstPaymentFen: 203600,
      monthlyPaymentFen: 203600,
      monthlyDecreaseFen: 600,
      lastPaymentFen: 200600,
      totalInterestFen: 12600,
      totalPaymentFen: 1212600,
    });
  });

  it('at rate 0 charges no interest and still repays P exactly', () => {
    const { rows, summary } = buildSchedule({ principalFen: 1000, annualRatePercent: '0', months: 3, method: 'linear' });
    expect(table(rows)).toEqual([
      [1, 333, 333, 0, 667],
      [2, 333, 333, 0, 334],
      [3, 334, 334, 0, 0],
    ]);
    expect(summary.monthlyDecreaseFen).toBe(0);
  });

  it('never lets the balance go negative when P / n rounds up on a tiny loan', () => {
    // 10.00 over 360 months: 1000 / 360 = 2.78 fen → 3 fen a month would overpay after 334 months.
    const { rows } = buildSchedule({ principalFen: 1000, annualRatePercent: '3.1', months: 360, method: 'linear' });
    expect(rows.every((r) => r.remainingFen >= 0 && r.principalFen >= 0)).toBe(true);
    expect(sum(rows, 'principalFen')).toBe(1000);
  });
});

describe('利随本清 (lump)', () => {
  it('repays 100,000 at 2.6% over 12 months with one payment of 102,600.00', () => {
    const { rows, summary } = buildSchedule({ principalFen: 100_000 * YUAN, annualRatePercent: '2.6', months: 12, method: 'lump', firstDueDate: '2025-02-28' });
    expect(rows).toEqual([{ period: 1, dueDate: '2026-01-28', paymentFen: 10_260_000, principalFen: 10_000_000, interestFen: 260_000, remainingFen: 0 }]);
    expect(summary).toMatchObject({ years: '1', firstPaymentFen: 10_260_000, monthlyPaymentFen: 10_260_000, lastPaymentFen: 10_260_000, totalInterestFen: 260_000, monthlyDecreaseFen: null });
  });

  it('charges interest for the months held: 100,000 at 2.6% over 6 months → 1,300.00', () => {
    const { summary } = buildSchedule({ principalFen: 100_000 * YUAN, annualRatePercent: '2.6', months: 6, method: 'lump' });
    expect(summary.totalInterestFen).toBe(130_000);
  });

  it('is refused beyond 12 months', () => {
    expect(validateScheduleInput({ principalFen: 100, annualRatePercent: '2.6', months: 13, method: 'lump' })).toContain('还款方式');
  });
});

describe('every method', () => {
  const methods: RepaymentMethod[] = ['annuity', 'linear', 'lump'];
  for (const method of methods) {
    for (const months of [1, 12, 360]) {
      if (method === 'lump' && months > 12) continue;
      it(`${METHOD_LABELS[method]} over ${months} months repays the principal exactly`, () => {
        for (const principalFen of [1, 99, 123_456_789, 1_000_000 * YUAN, 987_654_321]) {
          const { rows, summary } = buildSchedule({ principalFen, annualRatePercent: '3.575', months, method });
          expect(sum(rows, 'principalFen')).toBe(principalFen);
          expect(rows[rows.length - 1]!.remainingFen).toBe(0);
          expect(summary.totalInterestFen).toBe(sum(rows, 'interestFen'));
          expect(summary.totalPaymentFen).toBe(sum(rows, 'paymentFen'));
          for (const row of rows) {
            expect(Number.isSafeInteger(row.paymentFen) && Number.isSafeInteger(row.interestFen)).toBe(true);
            expect(row.paymentFen).toBe(row.principalFen + row.interestFen);
          }
        }
      });
    }
  }

  it('rounds an interest of exactly half a fen up (60.00 at 3.1% for a month: 15.5 fen → 16)', () => {
    // 6000 × 0.031 / 12 = 15.5 fen exactly; taking r = 0.031/12 as a truncated decimal first would give 15.
    const { rows } = buildSchedule({ principalFen: 6000, annualRatePercent: '3.1', months: 1, method: 'annuity' });
    expect(rows[0]!.interestFen).toBe(16);
    const lump = buildSchedule({ principalFen: 6000, annualRatePercent: '3.1', months: 1, method: 'lump' });
    expect(lump.rows[0]!.interestFen).toBe(16);
  });

  it('computes every period interest exactly as roundFen(balance × r), including beyond the integer fast path', () => {
    // A seeded generator so that a failure can be replayed.
    let seed = 20250508;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const rates = ['0', '2.1', '2.35', '2.525', '2.6', '2.86', '3.025', '3.1', '3.575', '4.9', '12.34567891'];
    const inputs: ScheduleInput[] = [];
    for (let i = 0; i < 150; i++) {
      inputs.push({
        principalFen: 1 + next(200_000_000),
        annualRatePercent: rates[next(rates.length)]!,
        months: 1 + next(360),
        method: next(2) === 0 ? 'annuity' : 'linear',
      });
    }
    // Products above 2^53 take the decimal.js path; the rows must not change character.
    inputs.push({ principalFen: 900_000_000_000_000, annualRatePercent: '3.12345678', months: 24, method: 'annuity' });
    inputs.push({ principalFen: 900_000_000_000_000, annualRatePercent: '3.12345678', months: 24, method: 'linear' });
    for (const input of inputs) {
      const r = new D(input.annualRatePercent).dividedBy(100);
      let balance = input.principalFen;
      for (const row of buildSchedule(input).rows) {
        expect(row.interestFen).toBe(roundFen(fenToYuan(balance).times(r).dividedBy(12)));
        balance = row.remainingFen;
      }
    }
  });

  it('reports years as a whole or decimal number', () => {
    const years = (months: number) => buildSchedule({ principalFen: 100000, annualRatePercent: '3.1', months, method: 'annuity' }).summary.years;
    expect(years(360)).toBe('30');
    expect(years(30)).toBe('2.5');
    expect(years(12)).toBe('1');
    expect(years(7)).toBe('0.58');
  });
});

describe('due dates', () => {
  it('clamps to the last day of shorter months without drifting', () => {
    const { rows } = buildSchedule({ principalFen: 400_000, annualRatePercent: '3.1', months: 4, method: 'annuity', firstDueDate: '2025-01-31' });
    expect(rows.map((r) => r.dueDate)).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30']);
  });

  it('knows leap years and crosses the year end', () => {
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsClamped('2100-01-31', 1)).toBe('2100-02-28');
    expect(addMonthsClamped('2000-01-30', 1)).toBe('2000-02-29');
    const { rows } = buildSchedule({ principalFen: 300_000, annualRatePercent: '3.1', months: 3, method: 'linear', firstDueDate: '2025-11-30' });
    expect(rows.map((r) => r.dueDate)).toEqual(['2025-11-30', '2025-12-30', '2026-01-30']);
  });

  it('runs 360 months from the first date to the last', () => {
    const { rows } = buildSchedule({ principalFen: 1_000_000 * YUAN, annualRatePercent: '3.1', months: 360, method: 'annuity', firstDueDate: '2025-06-20' });
    expect(rows[0]!.dueDate).toBe('2025-06-20');
    expect(rows[359]!.dueDate).toBe('2055-05-20');
  });

  it('leaves dates empty when no first due date is given', () => {
    const { rows } = buildSchedule({ principalFen: 300_000, annualRatePercent: '3.1', months: 3, method: 'linear' });
    expect(rows.every((r) => r.dueDate === '')).toBe(true);
  });
});

describe('validateScheduleInput', () => {
  const ok: ScheduleInput = { principalFen: 100_000_00, annualRatePercent: '3.1', months: 240, method: 'annuity' };
  it('accepts a proper input', () => {
    expect(validateScheduleInput(ok)).toBeNull();
    expect(validateScheduleInput({ ...ok, annualRatePercent: '0', firstDueDate: '2025-02-28' })).toBeNull();
  });
  it('names the field at fault in Chinese', () => {
    expect(validateScheduleInput({ ...ok, principalFen: 0 })).toContain('贷款金额');
    expect(validateScheduleInput({ ...ok, principalFen: 12.5 })).toContain('贷款金额');
    expect(validateScheduleInput({ ...ok, annualRatePercent: '3.1%' })).toContain('年利率');
    expect(validateScheduleInput({ ...ok, annualRatePercent: '-1' })).toContain('年利率');
    expect(validateScheduleInput({ ...ok, annualRatePercent: '100' })).toContain('年利率');
    expect(validateScheduleInput({ ...ok, months: 0 })).toContain('贷款期限');
    expect(validateScheduleInput({ ...ok, months: 12.5 })).toContain('贷款期限');
    expect(validateScheduleInput({ ...ok, months: 361 })).toContain('贷款期限');
    expect(validateScheduleInput({ ...ok, method: 'balloon' as RepaymentMethod })).toContain('还款方式');
    expect(validateScheduleInput({ ...ok, firstDueDate: '2025-02-30' })).toContain('首次还款日');
  });
  it('makes buildSchedule throw the same message', () => {
    expect(() => buildSchedule({ ...ok, months: 0 })).toThrow(/贷款期限/);
  });
  it('labels the methods in Chinese', () => {
    expect(METHOD_LABELS).toEqual({ annuity: '等额本息', linear: '等额本金', lump: '利随本清' });
  });
});

import { describe, expect, it } from 'vitest';
import { NATIONAL_LOAN_RATES, loanRateOn, rowInEffectOn, termBand, type LoanRateRow, type SecondUseRule } from './loanRates';

const TIMES_1_1: SecondUseRule = { kind: 'multiplier', multiplier: '1.1' };
const TABLE: SecondUseRule = { kind: 'table' };
const rate = (date: string, months: number, use: 1 | 2 = 1, rule: SecondUseRule = TABLE) =>
  loanRateOn(NATIONAL_LOAN_RATES, date, months, use, rule).annualRatePercent;

describe('termBand', () => {
  it('puts 60 months and less in the up-to-5-years band', () => {
    expect(termBand(1)).toBe('upTo5y');
    expect(termBand(60)).toBe('upTo5y');
    expect(termBand(61)).toBe('over5y');
    expect(termBand(360)).toBe('over5y');
  });
  it('refuses a term that is not a positive whole number of months', () => {
    expect(() => termBand(0)).toThrow(RangeError);
    expect(() => termBand(12.5)).toThrow(/贷款期限/);
  });
});

describe('national loan-rate table', () => {
  it('holds the reference rows as exact decimal strings', () => {
    expect(NATIONAL_LOAN_RATES.map((r) => [r.effectiveFrom, r.firstUpTo5y, r.firstOver5y, r.secondUpTo5y, r.secondOver5y])).toEqual([
      ['2015-08-26', '2.75', '3.25', null, null],
      ['2022-10-01', '2.60', '3.10', '3.025', '3.575'],
      ['2024-05-18', '2.35', '2.85', '2.775', '3.325'],
      ['2025-05-08', '2.10', '2.60', '2.525', '3.075'],
    ]);
    expect(NATIONAL_LOAN_RATES.every((r) => r.source.length > 0)).toBe(true);
  });

  it('refuses a date before the first row with a Chinese RangeError', () => {
    expect(() => rate('2015-08-25', 360)).toThrow(RangeError);
    expect(() => rate('2015-08-25', 360)).toThrow(/早于/);
    expect(rate('2015-08-26', 360)).toBe('3.25');
    expect(rate('2015-08-26', 60)).toBe('2.75');
  });

  it('changes rate on each effective date, not the day before', () => {
    expect(rate('2022-09-30', 360)).toBe('3.25');
    expect(rate('2022-10-01', 360)).toBe('3.10');
    expect(rate('2022-09-30', 36)).toBe('2.75');
    expect(rate('2022-10-01', 36)).toBe('2.60');
    expect(rate('2024-05-17', 360)).toBe('3.10');
    expect(rate('2024-05-18', 360)).toBe('2.85');
    expect(rate('2024-05-17', 60)).toBe('2.60');
    expect(rate('2024-05-18', 60)).toBe('2.35');
    expect(rate('2025-05-07', 360)).toBe('2.85');
    expect(rate('2025-05-08', 360)).toBe('2.60');
    expect(rate('2025-05-07', 12)).toBe('2.35');
    expect(rate('2025-05-08', 12)).toBe('2.10');
    expect(rate('2030-01-01', 61)).toBe('2.60');
  });

  it('second-use table rule takes the table figure on both sides of each date', () => {
    expect(rate('2024-05-17', 360, 2)).toBe('3.575');
    expect(rate('2024-05-18', 360, 2)).toBe('3.325');
    expect(rate('2025-05-07', 60, 2)).toBe('2.775');
    expect(rate('2025-05-08', 60, 2)).toBe('2.525');
    expect(rate('2025-05-08', 61, 2)).toBe('3.075');
  });

  it('second-use 1.1× rule multiplies exactly: 2.60 × 1.1 = 2.86', () => {
    const quote = loanRateOn(NATIONAL_LOAN_RATES, '2025-05-08', 360, 2, TIMES_1_1);
    expect(quote.annualRatePercent).toBe('2.86');
    expect(quote.termBand).toBe('over5y');
    expect(quote.row.effectiveFrom).toBe('2025-05-08');
    expect(quote.basis).toBe('2025-05-08起首套住房五年以上2.60%；第二次使用按同期基准利率的1.1倍执行');
    expect(rate('2025-05-08', 60, 2, TIMES_1_1)).toBe('2.31');
    expect(rate('2025-05-07', 360, 2, TIMES_1_1)).toBe('3.135');
    // The 2015 second-home figures were exactly 1.1 × first home.
    expect(rate('2015-08-26', 360, 2, TIMES_1_1)).toBe('3.575');
    expect(rate('2015-08-26', 60, 2, TIMES_1_1)).toBe('3.025');
  });

  it('the two second-use rules differ, and the basis says which one applied', () => {
    const byMultiplier = loanRateOn(NATIONAL_LOAN_RATES, '2025-06-01', 240, 2, TIMES_1_1);
    const byTable = loanRateOn(NATIONAL_LOAN_RATES, '2025-06-01', 240, 2, TABLE);
    expect(byMultiplier.annualRatePercent).toBe('2.86');
    expect(byTable.annualRatePercent).toBe('3.075');
    expect(byMultiplier.basis).toContain('1.1倍');
    expect(byTable.basis).toContain('利率表');
    expect(byTable.basis).toContain('3.075%');
  });

  it('a first use ignores the second-use rule', () => {
    const quote = loanRateOn(NATIONAL_LOAN_RATES, '2025-06-01', 36, 1, TIMES_1_1);
    expect(quote).toMatchObject({ annualRatePercent: '2.10', termBand: 'upTo5y' });
    expect(quote.basis).toBe('2025-05-08起首套住房五年以下（含五年）2.10%');
  });

  it('the table rule on a row without second-home figures refuses rather than guesses', () => {
    expect(() => rate('2020-01-01', 360, 2, TABLE)).toThrow(/第二套/);
  });

  it('refuses a malformed multiplier or date', () => {
    expect(() => loanRateOn(NATIONAL_LOAN_RATES, '2025-06-01', 360, 2, { kind: 'multiplier', multiplier: 'x1.1' })).toThrow(/倍数/);
    expect(() => rate('2025/06/01', 360)).toThrow(/日期/);
  });
});

describe('rowInEffectOn', () => {
  const row = (effectiveFrom: string): LoanRateRow => ({
    effectiveFrom, firstUpTo5y: '1', firstOver5y: '1', secondUpTo5y: null, secondOver5y: null, source: 't',
  });
  it('does not rely on the table order', () => {
    const table = [row('2024-01-01'), row('2020-01-01'), row('2022-01-01')];
    expect(rowInEffectOn(table, '2023-06-30', 'x').effectiveFrom).toBe('2022-01-01');
    expect(rowInEffectOn(table, '2024-01-01', 'x').effectiveFrom).toBe('2024-01-01');
  });
  it('rejects two rows from the same day and an empty table', () => {
    expect(() => rowInEffectOn([row('2020-01-01'), row('2020-01-01')], '2021-01-01', '利率')).toThrow(/两行/);
    expect(() => rowInEffectOn([], '2021-01-01', '利率')).toThrow(/为空/);
  });
});

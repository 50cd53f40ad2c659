import { describe, expect, it } from 'vitest';
import { DEPOSIT_RATES, depositRateOn, type DepositRateRow } from './depositRates';

describe('deposit rates', () => {
  it('pays 1.50% from 2016-02-21, and has no rate the day before', () => {
    expect(depositRateOn(DEPOSIT_RATES, '2016-02-21').annualRatePercent).toBe('1.50');
    expect(depositRateOn(DEPOSIT_RATES, '2026-06-30').annualRatePercent).toBe('1.50');
    expect(() => depositRateOn(DEPOSIT_RATES, '2016-02-20')).toThrow(RangeError);
    expect(() => depositRateOn(DEPOSIT_RATES, '2016-02-20')).toThrow(/存款利率/);
  });
  it('follows a row an administrator adds', () => {
    const table: DepositRateRow[] = [...DEPOSIT_RATES, { effectiveFrom: '2027-01-01', annualRatePercent: '1.25', source: '测试' }];
    expect(depositRateOn(table, '2026-12-31').annualRatePercent).toBe('1.50');
    expect(depositRateOn(table, '2027-01-01').annualRatePercent).toBe('1.25');
  });
});

import { describe, expect, it } from 'vitest';
import { accrue, settlementYearStart } from './accrual';
import { DEPOSIT_RATES } from '../../shared/rates/depositRates';

describe('积数 interest (360-day basis, 1.50%)', () => {
  it('10,000.00 held 365 days earns 152.08 (domain notes)', () => {
    const a = accrue(1_000_000, [], '2025-07-01', '2026-07-01', DEPOSIT_RATES);
    expect(a.productFenDays).toBe(1_000_000 * 365);
    expect(a.interestFen).toBe(15208);
  });

  it('counts a deposit from its booking day and a withdrawal likewise, 算头不算尾', () => {
    // 1,000.00 from 07-01; +500.00 on 07-11; −300.00 on 07-21; up to 08-01 (31 days):
    // 1000×10 + 1500×10 + 1200×11 = 38,200 yuan-days → 38,200 × 1.5% ÷ 360 = 1.591666… → 1.59
    const a = accrue(100_000, [{ date: '2025-07-11', amountFen: 50_000 }, { date: '2025-07-21', amountFen: -30_000 }], '2025-07-01', '2025-08-01', DEPOSIT_RATES);
    expect(a.segments.map((s) => [s.days, s.balanceFen])).toEqual([[10, 100_000], [10, 150_000], [11, 120_000]]);
    expect(a.interestFen).toBe(159);
  });

  it('applies each rate from its effective day', () => {
    const rates = [...DEPOSIT_RATES, { effectiveFrom: '2025-07-16', annualRatePercent: '3.00', source: 'test' }];
    // 36,000.00: 15 days at 1.5% (22.50) + 15 days at 3% (45.00) = 67.50
    const a = accrue(3_600_000, [], '2025-07-01', '2025-07-31', rates);
    expect(a.interestFen).toBe(6750);
  });

  it('knows the settlement year (1 July – 30 June)', () => {
    expect(settlementYearStart('2026-06-30')).toBe('2025-07-01');
    expect(settlementYearStart('2026-07-01')).toBe('2026-07-01');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../testing/harness';

// 004 计算器: 住房公积金月缴存额 and 补充住房公积金月缴存额, computed as the remittance posts them.
let h: Harness;
afterEach(() => h.close());

describe('calc.contribution: 补充住房公积金月缴存额', () => {
  it('adds the supplementary shares when both ratios are given: 6,000.00 × 5% + 5% = 600.00', () => {
    h = harness('urumqi');
    const r = h.call('calc.contribution', { baseFen: 600_000, employeeRatioPercent: '12', employerRatioPercent: '12', suppEmployeeRatioPercent: '5', suppEmployerRatioPercent: '5' });
    expect(r.totalFen).toBe(144_000);
    expect(r.supplementary).toEqual({ employeeFen: 30_000, employerFen: 30_000, totalFen: 60_000 });
  });
  it('gives none without ratios, and refuses one ratio alone, naming the missing one', () => {
    h = harness('urumqi');
    expect(h.call('calc.contribution', { baseFen: 600_000, employeeRatioPercent: '12', employerRatioPercent: '12' }).supplementary).toBeUndefined();
    expect(h.fail('calc.contribution', { baseFen: 600_000, employeeRatioPercent: '12', employerRatioPercent: '12', suppEmployeeRatioPercent: '5' })).toMatchObject({
      code: 'BAD_INPUT',
      field: 'suppEmployerRatioPercent',
    });
  });
});

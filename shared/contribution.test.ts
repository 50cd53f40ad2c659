import { describe, expect, it } from 'vitest';
import { CENTERS, staleLimitsNote } from './centers';
import { checkContributionLimits, computeContribution } from './contribution';

const yc = CENTERS.yinchuan;
const uq = CENTERS.urumqi;

describe('月缴存额', () => {
  it('rounds each share half-up to the yuan: 5678 × 5% = 283.90 → 284', () => {
    const r = computeContribution(yc, { baseFen: 567800, employeeRatioPercent: '5', employerRatioPercent: '5' });
    expect(r).toMatchObject({ employeeFen: 28400, employerFen: 28400, totalFen: 56800 });
  });
  it('rounds 283.50 up and 283.49 down', () => {
    expect(computeContribution(yc, { baseFen: 567000, employeeRatioPercent: '5', employerRatioPercent: '5' }).employeeFen).toBe(28400);
    expect(computeContribution(yc, { baseFen: 566980, employeeRatioPercent: '5', employerRatioPercent: '5' }).employeeFen).toBe(28300);
  });
  it('allows different employee and employer ratios', () => {
    const r = computeContribution(uq, { baseFen: 800000, employeeRatioPercent: '12', employerRatioPercent: '8' });
    expect(r).toMatchObject({ employeeFen: 96000, employerFen: 64000, totalFen: 160000 });
  });
});

describe('缴存基数与比例的上下限', () => {
  it('Yinchuan 2021: upper 25443, lower 1950 in 兴庆区 and 1840 in 永宁县', () => {
    const ok = { employeeRatioPercent: '12', employerRatioPercent: '12' };
    expect(checkContributionLimits(yc, { ...ok, baseFen: 2544300 })).toEqual([]);
    expect(checkContributionLimits(yc, { ...ok, baseFen: 2544301 })[0]!.message).toContain('上限25443.00元');
    expect(checkContributionLimits(yc, { ...ok, baseFen: 195000, district: '兴庆区' })).toEqual([]);
    expect(checkContributionLimits(yc, { ...ok, baseFen: 194999, district: '兴庆区' })[0]!.message).toContain('（兴庆区）下限1950.00元');
    expect(checkContributionLimits(yc, { ...ok, baseFen: 184000, district: '永宁县' })).toEqual([]);
    expect(checkContributionLimits(yc, { ...ok, baseFen: 183999, district: '永宁县' })[0]!.message).toContain('下限1840.00元');
  });
  it('Urumqi 2021: upper 24306, lower 1700', () => {
    const ok = { employeeRatioPercent: '5', employerRatioPercent: '5' };
    expect(checkContributionLimits(uq, { ...ok, baseFen: 2430600 })).toEqual([]);
    expect(checkContributionLimits(uq, { ...ok, baseFen: 2430601 })[0]!.field).toBe('baseFen');
    expect(checkContributionLimits(uq, { ...ok, baseFen: 170000 })).toEqual([]);
    expect(checkContributionLimits(uq, { ...ok, baseFen: 169999 })[0]!.message).toContain('下限1700.00元');
  });
  it('ratios 5%–12% in both centers', () => {
    for (const c of [yc, uq]) {
      expect(checkContributionLimits(c, { baseFen: 500000, employeeRatioPercent: '4.99', employerRatioPercent: '12' })[0]!.message).toContain('5%至12%');
      expect(checkContributionLimits(c, { baseFen: 500000, employeeRatioPercent: '5', employerRatioPercent: '12.01' })[0]!.field).toBe('employerRatioPercent');
    }
  });
  it('Urumqi ratios are whole numbers; Yinchuan allows 7.5%', () => {
    expect(checkContributionLimits(uq, { baseFen: 500000, employeeRatioPercent: '7.5', employerRatioPercent: '7' })[0]!.message).toContain('整数');
    expect(checkContributionLimits(yc, { baseFen: 500000, employeeRatioPercent: '7.5', employerRatioPercent: '7' })).toEqual([]);
  });
});

describe('the year of the standard in force, and a warning when it is old', () => {
  const ok = { baseFen: 500000, employeeRatioPercent: '12', employerRatioPercent: '12' };
  it('names the year applied and, a year after it took effect, says it has not been updated', () => {
    const fresh = checkContributionLimits(yc, { ...ok, baseFen: 2544301, date: '2022-06-30' })[0]!.message;
    expect(fresh).toBe('缴存基数25443.01元超过2021年度上限25443.00元');
    const old = checkContributionLimits(yc, { ...ok, baseFen: 2544301, date: '2022-07-01' })[0]!.message;
    expect(old).toBe('缴存基数25443.01元超过2021年度上限25443.00元（现行标准为2021年度（2021-07-01起执行），已超过一年未更新，请核对银川最新公布的缴存基数和比例）');
    expect(staleLimitsNote(yc, '2026-11-26')).toContain('已超过一年未更新');
    expect(staleLimitsNote(yc, '2022-06-30')).toBeNull();
  });
});


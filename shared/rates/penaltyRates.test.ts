import { describe, expect, it } from 'vitest';
import { PENALTY_SETTINGS, penaltySettingOn, type PenaltySetting } from './penaltyRates';

describe('penalty settings', () => {
  it('defaults to contract rate × 1.5 ÷ 360 a day from 2004-01-01 (银发〔2003〕251号)', () => {
    const setting = penaltySettingOn(PENALTY_SETTINGS, '2004-01-01');
    expect(setting).toMatchObject({ multiplier: '1.5', dayBasis: 360 });
    expect(setting.source).toContain('251号');
    expect(penaltySettingOn(PENALTY_SETTINGS, '2026-03-01').multiplier).toBe('1.5');
    expect(() => penaltySettingOn(PENALTY_SETTINGS, '2003-12-31')).toThrow(RangeError);
    expect(() => penaltySettingOn(PENALTY_SETTINGS, '2003-12-31')).toThrow(/罚息/);
  });
  it('follows a center’s own later setting', () => {
    const table: PenaltySetting[] = [...PENALTY_SETTINGS, { effectiveFrom: '2026-07-01', multiplier: '1.3', dayBasis: 365, source: '测试' }];
    expect(penaltySettingOn(table, '2026-06-30')).toMatchObject({ multiplier: '1.5', dayBasis: 360 });
    expect(penaltySettingOn(table, '2026-07-01')).toMatchObject({ multiplier: '1.3', dayBasis: 365 });
  });
});

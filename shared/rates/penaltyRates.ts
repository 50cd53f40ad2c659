/**
 * Penalty interest (罚息) settings on overdue loan money, as dated DATA. The national rule (PBoC 银发〔2003〕251号,
 * in force from 2004-01-01) allows the contract rate plus 30% to 50%; one real center charges
 * (overdue principal + overdue interest) × contract annual rate × 1.5 ÷ 360 per day overdue. The multiplier and the day
 * basis differ between centers, hence settings rather than code.
 */
import { rowInEffectOn } from './loanRates';

export interface PenaltySetting {
  effectiveFrom: string;
  /** Applied to the contract annual rate, exact decimal string, e.g. '1.5'. */
  multiplier: string;
  /** Days the annual rate is spread over to get the daily rate. */
  dayBasis: 360 | 365;
  source: string;
}

export const PENALTY_SETTINGS: readonly PenaltySetting[] = Object.freeze([
  Object.freeze({
    effectiveFrom: '2004-01-01',
    multiplier: '1.5',
    dayBasis: 360 as const,
    source:
      '中国人民银行《关于人民币贷款利率有关问题的通知》（银发〔2003〕251号）：逾期贷款罚息利率在借款合同载明的贷款利率水平上加收30%—50%；按合同利率×1.5÷360按日计收',
  }),
]);

/** The setting in force on `date` (YYYY-MM-DD); a date before the first row is a Chinese RangeError. */
export function penaltySettingOn(table: readonly PenaltySetting[], date: string): PenaltySetting {
  return rowInEffectOn(table, date, '罚息设置');
}

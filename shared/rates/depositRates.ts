/**
 * The deposit rate paid on members' provident-fund balances, as dated DATA (editable by an administrator).
 * Rates are exact decimal strings in percent.
 *
 * Only the single-rate regime since 2016-02-21 is seeded. Before it, current-year deposits earned the demand rate and
 * carried-forward balances the 3-month rate; a center settling interest for those years adds its own rows (and the
 * two-balance setting) rather than having this table guess them.
 */
import { rowInEffectOn } from './loanRates';

export interface DepositRateRow {
  effectiveFrom: string;
  annualRatePercent: string;
  source: string;
}

export const DEPOSIT_RATES: readonly DepositRateRow[] = Object.freeze([
  Object.freeze({
    effectiveFrom: '2016-02-21',
    annualRatePercent: '1.50',
    source: '自2016年2月21日起，职工住房公积金账户存款（上年结转和当年缴存）统一按一年期定期存款基准利率1.50%计息',
  }),
]);

/** The row in force on `date` (YYYY-MM-DD); a date before the first row is a Chinese RangeError. */
export function depositRateOn(table: readonly DepositRateRow[], date: string): DepositRateRow {
  return rowInEffectOn(table, date, '公积金存款利率');
}

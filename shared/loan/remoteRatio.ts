import Decimal from 'decimal.js';

/**
 * 缴存比例 of a borrower contributing at another center, from what that center's 缴存证明 states: 月缴存额 is the
 * individual's and the unit's shares together (缴存基数 × (个人比例 + 单位比例)), so the individual's ratio is taken as
 * half of 月缴存额 ÷ 缴存基数 (单位与个人同比例), cut (not rounded) to two decimals so it is never overstated against
 * 缴交率不得低于5% (银川 003 一、1).
 */
export function remoteRatioPercent(monthlyDepositFen: number, baseFen: number): string {
  if (baseFen <= 0) return '0';
  return new Decimal(monthlyDepositFen).div(baseFen).div(2).times(100).toDecimalPlaces(2, Decimal.ROUND_DOWN).toString();
}

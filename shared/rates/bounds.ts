/**
 * Plausible values for the dated rows an administrator adds (rates.addLoan / addDeposit / addPenalty and the
 * back-dated requests a second administrator confirms). Outside them a row is refused before anything is written.
 *
 * - Annual rates, loan and deposit: 0 %–10 %. Every row of the national 公积金 tables this program is seeded with
 *   (shared/rates/loanRates.ts, depositRates.ts, from rates.md) lies between 1.50 % and 3.25 %; 10 % leaves room for
 *   any rate policy of the past decades while refusing a slipped decimal point (31 for 3.1) or a typed fraction.
 * - 罚息 multiplier: 1.3–1.5 × the contract rate, the band of 银发〔2003〕251号 (逾期贷款罚息利率在借款合同载明的贷款
 *   利率水平上加收30%—50%), as cited in shared/rates/penaltyRates.ts; 1 (no surcharge) is kept for a center that
 *   charges none.
 * A center that needs other bounds changes these constants (one place, reviewed in the diff).
 */
export const ANNUAL_RATE_BOUNDS_PERCENT = { min: '0', max: '10' } as const;
export const PENALTY_MULTIPLIER_BOUNDS = { min: '1', max: '1.5' } as const;

/** '2.60' within the bounds → null; otherwise the Chinese reason (without the field's label). */
export function rateOutOfBounds(percent: string): string | null {
  const v = Number(percent);
  const { min, max } = ANNUAL_RATE_BOUNDS_PERCENT;
  if (!Number.isFinite(v) || v < Number(min) || v > Number(max)) return `应在${min}%至${max}%之间（年利率），收到 ${percent}%`;
  return null;
}

export function penaltyOutOfBounds(multiplier: string): string | null {
  const v = Number(multiplier);
  const { min, max } = PENALTY_MULTIPLIER_BOUNDS;
  if (!Number.isFinite(v) || v < Number(min) || v > Number(max)) return `应在${min}至${max}倍之间（银发〔2003〕251号：加收30%—50%），收到 ${multiplier}`;
  return null;
}

/**
 * How a repayment is applied to what the loan owes on the payment date, pure. What can be paid: every installment
 * due on or before the date (with its penalty), then the next installment not yet due (paid in advance, without
 * penalty). Anything more is a prepayment (提前还款), which recomputes the schedule, and is refused here.
 *
 * Strategies, by name (the default is the first):
 *  - byInstallment: oldest installment first; within each, penalty, then interest, then principal.
 *  - byKind: all penalty (oldest first), then all interest, then all principal, over the due installments; the
 *    installment paid in advance comes last (interest, then principal).
 * Either way a partial payment goes to penalty and interest before principal (issue 6: interest first).
 */
import type { AllocationStrategyName } from '../../../shared/contract/loanServicing';
import type { InstallmentState } from './state';

export const DEFAULT_STRATEGY: AllocationStrategyName = 'byInstallment';
export const STRATEGY_LABELS: Record<AllocationStrategyName, string> = {
  byInstallment: '从最早一期起逐期清偿，每期先罚息、再利息、后本金',
  byKind: '先还全部罚息，再还全部利息，最后还本金（均从最早一期起）',
};

type Kind = 'penalty' | 'interest' | 'principal';
const KIND_ORDER: Record<Kind, number> = { penalty: 0, interest: 1, principal: 2 };

export interface Bucket {
  period: number;
  kind: Kind;
  owedFen: number;
  advance: boolean;
}

export interface PeriodAllocation {
  period: number;
  principalFen: number;
  interestFen: number;
  penaltyFen: number;
}

export function payableBuckets(installments: readonly InstallmentState[], date: string): Bucket[] {
  const out: Bucket[] = [];
  for (const i of installments) {
    if (i.dueDate <= date) {
      if (i.penaltyOwedFen > 0) out.push({ period: i.period, kind: 'penalty', owedFen: i.penaltyOwedFen, advance: false });
      if (i.owedInterestFen > 0) out.push({ period: i.period, kind: 'interest', owedFen: i.owedInterestFen, advance: false });
      if (i.owedPrincipalFen > 0) out.push({ period: i.period, kind: 'principal', owedFen: i.owedPrincipalFen, advance: false });
    }
  }
  const next = installments.find((i) => i.dueDate > date && i.owedPrincipalFen + i.owedInterestFen > 0);
  if (next) {
    if (next.owedInterestFen > 0) out.push({ period: next.period, kind: 'interest', owedFen: next.owedInterestFen, advance: true });
    if (next.owedPrincipalFen > 0) out.push({ period: next.period, kind: 'principal', owedFen: next.owedPrincipalFen, advance: true });
  }
  return out;
}

export function orderBuckets(buckets: readonly Bucket[], strategy: AllocationStrategyName): Bucket[] {
  return [...buckets].sort((a, b) => {
    if (a.advance !== b.advance) return a.advance ? 1 : -1;
    if (strategy === 'byKind') return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.period - b.period;
    return a.period - b.period || KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  });
}

/** Fills the buckets in the strategy's order; the caller has checked that the amount does not exceed them. */
export function allocate(buckets: readonly Bucket[], amountFen: number, strategy: AllocationStrategyName): PeriodAllocation[] {
  let rest = amountFen;
  const byPeriod = new Map<number, PeriodAllocation>();
  for (const b of orderBuckets(buckets, strategy)) {
    if (rest === 0) break;
    const take = Math.min(rest, b.owedFen);
    rest -= take;
    let p = byPeriod.get(b.period);
    if (!p) byPeriod.set(b.period, (p = { period: b.period, principalFen: 0, interestFen: 0, penaltyFen: 0 }));
    if (b.kind === 'penalty') p.penaltyFen += take;
    else if (b.kind === 'interest') p.interestFen += take;
    else p.principalFen += take;
  }
  if (rest > 0) throw new RangeError(`还款金额超出应还金额${rest}分`);
  return [...byPeriod.values()].sort((a, b) => a.period - b.period);
}

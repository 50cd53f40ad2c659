/**
 * The rule model. A rule is a small named function with a stable id, a Chinese title, the seed clause it applies
 * and the parameters it reads; it returns an outcome with a concrete message, and may add to the amount a
 * withdrawal can draw on (pool), bound it (cap), bound a loan (limit) or attach a post-condition.
 */
import type { CenterId } from '../../shared/centers/types';
import type { LoanApplication } from '../../shared/rules/loanSchema';
import type { WithdrawalApplication } from '../../shared/rules/withdrawalSchema';
import type { ApplicationKind, PostConditionKind, RuleCategory, RuleOutcome, SeedRef } from '../../shared/rules/types';
import type { RateQuote } from '../../shared/rates/loanRates';

export interface Amount {
  label: string;
  amountFen: number;
  /** A pool entry that is a personal account's balance (not interest): per-account rules such as 保留十元 count it. */
  account?: boolean;
  /** Whose account the money comes from, so the payout can debit the right sub-ledger accounts. */
  holder?: 'member' | 'spouse' | 'other';
}

export interface CheckResult {
  outcome: RuleOutcome;
  message: string;
  /** Withdrawal: balances this rule makes available (own, spouse's, parents', co-owners'). */
  pool?: Amount[];
  /** Withdrawal: an upper bound on the amount. */
  cap?: Amount;
  /** Loan: a quota limit. */
  limit?: Amount;
  post?: { kind: PostConditionKind; text: string }[];
  /** Withdrawal: the account is closed and paid out with interest. */
  closesAccount?: boolean;
  /** Withdrawal: what every drawn account must keep (乌鲁木齐 保留十元). */
  keepPerAccountFen?: number;
  downPaymentMinFen?: number;
  /** Facts a rule established that decide which materials are needed (see materialConditions.ts). */
  flags?: string[];
}

interface CtxBase {
  center: CenterId;
  date: string;
  caseId: string;
  /** The parameter value in force on the application date (with any override). */
  p<T>(id: string): T;
}

export interface WithdrawalCtx extends CtxBase {
  input: WithdrawalApplication;
  /** The balances made available so far, one entry per account. */
  pool(): readonly Amount[];
  /** Sum of the balances made available so far. */
  poolFen(): number;
  /** The maximum so far: the pool bounded by every cap so far. */
  currentMaxFen(): number;
  closesAccount(): boolean;
}

export interface LoanCtx extends CtxBase {
  input: LoanApplication;
  /** Provident-fund loans already used by the family (borrower and spouse), before this one. */
  priorUses: number;
  rate: RateQuote | null;
  rateError: string | null;
  /** The least of the limits so far, or null before any. */
  quotaSoFarFen(): number | null;
}

export interface Rule<C> {
  id: string;
  kind: ApplicationKind;
  /** Case ids, or '*' for every case of the kind. */
  caseIds: readonly string[] | '*';
  title: string;
  category: RuleCategory;
  source: SeedRef;
  note?: string;
  params: readonly string[];
  /** Marks the check of the requested amount against the maximum: its failure does not withdraw the maximum. */
  requestCheck?: boolean;
  /**
   * For rules that apply to every case but matter to some only (e.g. account closing), which cases the 办事指南
   * should list them under; reads the parameters in force. Absent = every case the rule applies to.
   */
  inGuide?: (caseId: string, p: <T>(id: string) => T) => boolean;
  check(ctx: C): CheckResult;
}

export type WithdrawalRule = Rule<WithdrawalCtx>;
export type LoanRule = Rule<LoanCtx>;

export const passed = (message: string, extra: Omit<CheckResult, 'outcome' | 'message'> = {}): CheckResult => ({
  outcome: 'passed',
  message,
  ...extra,
});
export const failed = (message: string, extra: Omit<CheckResult, 'outcome' | 'message'> = {}): CheckResult => ({
  outcome: 'failed',
  message,
  ...extra,
});
export const notApplicable = (message: string): CheckResult => ({ outcome: 'not_applicable', message });

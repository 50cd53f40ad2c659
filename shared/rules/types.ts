/**
 * What the policy engine answers, as the renderer, the CLI and printed forms see it. Amounts are integer fen;
 * every reason names the seed clause it applies, so a clerk (or an auditor) can check it against the policy text.
 */
import type { CenterId } from '../centers/types';
import type { RateQuote } from '../rates/loanRates';

export type { CenterId, RateQuote };
export type ApplicationKind = 'withdrawal' | 'loan';
export type RuleOutcome = 'passed' | 'failed' | 'not_applicable';

/** The seed text a rule, a material or a procedure step implements: the file name and the exact clause. */
export interface SeedRef {
  file: string;
  clause: string;
}

export interface RuleResult {
  ruleId: string;
  title: string;
  outcome: RuleOutcome;
  /** Chinese, with the concrete figures the rule compared. */
  message: string;
  source: SeedRef;
}

export interface MaterialItem {
  id: string;
  text: string;
  source: SeedRef;
}

export type PostConditionKind =
  | 'close_account'
  | 'keep_balance'
  | 'payee_developer'
  | 'payee_own_account'
  | 'payee_loan'
  | 'payee_bank5'
  | 'payee_local_bank5'
  | 'loan_first'
  | 'investigate'
  | 'verify_materials'
  | 'waive_interest'
  | 'notarize_loan'
  | 'seller_present'
  | 'guarantee_fee'
  | 'reapproval'
  | 'repay_excess_withdrawal';

export interface PostCondition {
  kind: PostConditionKind;
  text: string;
  ruleId: string;
}

/** A parameter value the decision used, so a re-run can show which dated value (or override) applied. */
export interface ParamUse {
  paramId: string;
  label: string;
  value: unknown;
  effectiveFrom: string;
  overridden: boolean;
  note?: string;
}

export interface DecisionBase {
  center: CenterId;
  kind: ApplicationKind;
  caseId: string;
  caseName: string;
  /** The date whose policy was applied: the application date. */
  policyDate: string;
  eligible: boolean;
  /** Null when a condition (not merely the requested amount) failed. */
  maxAmountFen: number | null;
  requestedFen: number | null;
  trace: RuleResult[];
  materials: MaterialItem[];
  postConditions: PostCondition[];
  params: ParamUse[];
}

export interface WithdrawalDecision extends DecisionBase {
  kind: 'withdrawal';
  /** True when the whole balance is paid out with interest and the account is closed (销户). */
  closesAccount: boolean;
  /** Where the money may come from: each account's balance (and 销户 interest) the rules made available. */
  sources: { label: string; amountFen: number; holder: 'member' | 'spouse' | 'other' | 'interest' }[];
  /** What each drawn account must keep after the payout (0 where no rule asks). */
  keepPerAccountFen: number;
}

export interface QuotaLimit {
  id: string;
  label: string;
  amountFen: number;
  binding: boolean;
  source: SeedRef;
}

export interface LoanDecision extends DecisionBase {
  kind: 'loan';
  /** 1 for a first use of a provident-fund loan by the family, 2 for a second, 3 and more are refused. */
  useNumber: number;
  quota: { limits: QuotaLimit[]; quotaFen: number | null };
  rate: RateQuote | null;
  downPaymentMinFen: number | null;
  method: 'annuity' | 'linear' | 'lump';
  /** Monthly payment of the requested amount (first month for 等额本金); null without a rate. */
  monthlyPaymentFen: number | null;
  firstPaymentFen: number | null;
  totalInterestFen: number | null;
}

export type Decision = WithdrawalDecision | LoanDecision;

/** A dated parameter value an administrator adds without code; it wins from its date on. */
export interface ParamOverride {
  paramId: string;
  effectiveFrom: string;
  value: unknown;
  note: string;
}

export interface RuleInfo {
  id: string;
  kind: ApplicationKind;
  /** Case ids the rule applies to; `['*']` for every case of its kind. */
  caseIds: string[];
  title: string;
  category: RuleCategory;
  source: SeedRef;
  note: string | null;
  params: ParamInfo[];
}

export type RuleCategory = 'condition' | 'time_limit' | 'amount' | 'account' | 'payee' | 'rate' | 'guarantee' | 'request';

export interface ParamInfo {
  id: string;
  label: string;
  series: { effectiveFrom: string; value: unknown; source: SeedRef | null; note: string | null }[];
}

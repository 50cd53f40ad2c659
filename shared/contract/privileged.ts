/**
 * Bounded privileged changes on the contract (issue 9): the effect of a new rate / 罚息 / override row before it is
 * confirmed, and back-dated rows that wait for a second administrator. Amounts are integer fen.
 */
export type ChangeKind = 'loan_rate' | 'deposit_rate' | 'penalty' | 'override';

export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  loan_rate: '贷款利率',
  deposit_rate: '存款利率',
  penalty: '罚息设置',
  override: '政策参数调整',
};

/** What a new row would touch: shown before the administrator confirms it, and kept with a back-dated request. */
export interface ChangeEffectDto {
  kind: ChangeKind;
  effectiveFrom: string;
  today: string;
  /** Takes effect before today: needs a reason and a second administrator. */
  backDated: boolean;
  /** Member accounts with a balance (deposit rate). */
  accounts: number;
  balanceFen: number;
  /** Loans being repaid that the row reprices or charges (loan rate, 罚息). */
  loans: number;
  principalFen: number;
  /** Applications in progress that are judged again under the row (policy override). */
  applications: number;
  requestedFen: number;
  /** One Chinese sentence saying the above. */
  summary: string;
}

export type ChangeState = '待确认' | '已生效' | '已拒绝';

export interface PrivilegedChangeDto {
  id: number;
  kind: ChangeKind;
  kindLabel: string;
  effectiveFrom: string;
  /** The row as it will be written (rates row, 罚息 row, or { paramId, value, note }). */
  payload: Record<string, unknown>;
  reason: string;
  effect: ChangeEffectDto;
  state: ChangeState;
  requestedBy: string;
  requestedById: number;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

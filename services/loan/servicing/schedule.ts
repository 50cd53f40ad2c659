/**
 * The schedule in force for a loan: the schedule frozen at disbursement (version 1, table loan_schedule) and the
 * versions a partial prepayment or a repricing started later (table loan_schedule_versions). A version replaces
 * every period from its `fromPeriod` on; a full prepayment is a version with no rows (the schedule ends there).
 *
 * A later version's rows are not stored: the version keeps every input of THE schedule code
 * (shared/loan/schedule.ts buildSchedule: remaining principal, annual rate, months, method) and the installment and
 * total interest it gave when it was made; the rows are rebuilt from those inputs and checked against that
 * fingerprint, so a change in the schedule code cannot silently change a borrower's plan. The convention is the
 * schedule code's: monthly rate = annual ÷ 12 exactly, each period's interest = outstanding × monthly rate rounded
 * half-up to the fen, the 等额本息 installment rounded half-up once, the last period takes the remaining principal.
 * Due dates always follow the loan's own first due date (period p falls due first due date + (p − 1) months, day
 * clamped), whatever version the period belongs to.
 */
import { AppError, notFound } from '../../../shared/errors';
import { addMonthsClamped, buildSchedule, type RepaymentMethod } from '../../../shared/loan/schedule';
import type { ScheduleVersionDto } from '../../../shared/contract/loanServicing';
import type { ServiceContext } from '../../context';

export interface LoanRecord {
  id: number;
  contractNo: string;
  applicationId: number;
  memberId: number;
  spouseMemberId: number | null;
  principalFen: number;
  annualRatePercent: string;
  months: number;
  method: RepaymentMethod;
  firstDueDate: string;
  disbursedDate: string;
  status: '还款中' | '已结清';
  settledDate: string | null;
  settledEntryId: number | null;
  accountId: number;
}

export type VersionReason = ScheduleVersionDto['reason'];

export interface ScheduleVersion {
  version: number;
  fromPeriod: number;
  reason: VersionReason;
  keep: 'term' | 'installment' | null;
  annualRatePercent: string;
  basePrincipalFen: number;
  months: number;
  method: RepaymentMethod;
  installmentFen: number;
  totalInterestFen: number;
  effectiveDate: string;
}

export interface Installment {
  period: number;
  /** The day the installment's interest period starts: the previous due date, or the disbursement date. */
  startDate: string;
  dueDate: string;
  paymentFen: number;
  principalFen: number;
  interestFen: number;
  remainingFen: number;
  annualRatePercent: string;
  version: number;
}

export const VERSION_REASON_LABELS: Record<VersionReason, string> = {
  original: '放款时还款计划',
  prepay_partial: '部分提前还款后重算',
  prepay_full: '提前结清',
  reprice: '利率调整后重算',
};

interface LoanRow {
  id: number;
  contract_no: string;
  application_id: number;
  member_id: number;
  spouse_member_id: number | null;
  principal_fen: number;
  annual_rate_percent: string;
  months: number;
  method: RepaymentMethod;
  first_due_date: string;
  disbursed_date: string;
  status: '还款中' | '已结清';
  settled_date: string | null;
  settled_entry_id: number | null;
  account_id: number;
}

export function toLoanRecord(r: LoanRow): LoanRecord {
  return {
    id: r.id,
    contractNo: r.contract_no,
    applicationId: r.application_id,
    memberId: r.member_id,
    spouseMemberId: r.spouse_member_id,
    principalFen: r.principal_fen,
    annualRatePercent: r.annual_rate_percent,
    months: r.months,
    method: r.method,
    firstDueDate: r.first_due_date,
    disbursedDate: r.disbursed_date,
    status: r.status,
    settledDate: r.settled_date,
    settledEntryId: r.settled_entry_id,
    accountId: r.account_id,
  };
}

export function loadLoan(ctx: ServiceContext, loanId: number): LoanRecord {
  const r = ctx.db
    .prepare('SELECT l.*, a.id AS account_id FROM loans l JOIN accounts a ON a.loan_id = l.id WHERE l.id = ?')
    .get(loanId) as LoanRow | undefined;
  if (!r) throw notFound(`贷款不存在：${loanId}`);
  return toLoanRecord(r);
}

export function dueDateOf(loan: Pick<LoanRecord, 'firstDueDate'>, period: number): string {
  return addMonthsClamped(loan.firstDueDate, period - 1);
}

export function startDateOf(loan: Pick<LoanRecord, 'firstDueDate' | 'disbursedDate'>, period: number): string {
  return period === 1 ? loan.disbursedDate : addMonthsClamped(loan.firstDueDate, period - 2);
}

interface VersionRow {
  version: number;
  from_period: number;
  reason: VersionReason;
  keep: 'term' | 'installment' | null;
  annual_rate_percent: string;
  base_principal_fen: number;
  months: number;
  method: RepaymentMethod;
  installment_fen: number;
  total_interest_fen: number;
  effective_date: string;
}

const toVersion = (r: VersionRow): ScheduleVersion => ({
  version: r.version,
  fromPeriod: r.from_period,
  reason: r.reason,
  keep: r.keep,
  annualRatePercent: r.annual_rate_percent,
  basePrincipalFen: r.base_principal_fen,
  months: r.months,
  method: r.method,
  installmentFen: r.installment_fen,
  totalInterestFen: r.total_interest_fen,
  effectiveDate: r.effective_date,
});

/** Version 1 (the frozen schedule, described the same way) and every later version, oldest first. */
export function loadVersions(ctx: ServiceContext, loan: LoanRecord, frozen: readonly Installment[]): ScheduleVersion[] {
  const later = (ctx.db.prepare('SELECT * FROM loan_schedule_versions WHERE loan_id = ? ORDER BY version').all(loan.id) as VersionRow[]).map(toVersion);
  return [originalVersion(loan, frozen), ...later];
}

export function originalVersion(loan: LoanRecord, frozen: readonly Installment[]): ScheduleVersion {
  return {
    version: 1,
    fromPeriod: 1,
    reason: 'original',
    keep: null,
    annualRatePercent: loan.annualRatePercent,
    basePrincipalFen: loan.principalFen,
    months: loan.months,
    method: loan.method,
    installmentFen: frozen[0]?.paymentFen ?? 0,
    totalInterestFen: frozen.reduce((t, r) => t + r.interestFen, 0),
    effectiveDate: loan.disbursedDate,
  };
}

export function loadFrozen(ctx: ServiceContext, loan: LoanRecord): Installment[] {
  const rows = ctx.db
    .prepare('SELECT period, due_date, payment_fen, principal_fen, interest_fen, remaining_fen FROM loan_schedule WHERE loan_id = ? ORDER BY period')
    .all(loan.id) as Array<{ period: number; due_date: string; payment_fen: number; principal_fen: number; interest_fen: number; remaining_fen: number }>;
  return rows.map((r) => ({
    period: r.period,
    startDate: startDateOf(loan, r.period),
    dueDate: r.due_date,
    paymentFen: r.payment_fen,
    principalFen: r.principal_fen,
    interestFen: r.interest_fen,
    remainingFen: r.remaining_fen,
    annualRatePercent: loan.annualRatePercent,
    version: 1,
  }));
}

/** What the schedule code gives for a version's inputs: its installment and total interest (the fingerprint). */
export function scheduleFor(principalFen: number, annualRatePercent: string, months: number, method: RepaymentMethod, keepInstallmentFen?: number) {
  const fixed = method === 'annuity' && keepInstallmentFen !== undefined ? { installmentFen: keepInstallmentFen } : {};
  const { rows, summary } = buildSchedule({ principalFen, annualRatePercent, months, method, ...fixed });
  return { rows, installmentFen: summary.monthlyPaymentFen, totalInterestFen: summary.totalInterestFen };
}

/** A later version's rows, rebuilt by the schedule code and checked against what was recorded when it was made. */
export function versionRows(loan: LoanRecord, v: ScheduleVersion): Installment[] {
  if (v.months === 0 || v.basePrincipalFen === 0) return [];
  // 保持月供 versions pay their recorded installment every period (the last takes the rest). Versions made before
  // that convention recorded the formula's installment for their months, which rebuilds to the same rows.
  const s = scheduleFor(v.basePrincipalFen, v.annualRatePercent, v.months, v.method, v.keep === 'installment' ? v.installmentFen : undefined);
  if (s.installmentFen !== v.installmentFen || s.totalInterestFen !== v.totalInterestFen) {
    throw new AppError('INTERNAL', `贷款${loan.contractNo}还款计划第${v.version}版重算结果与记录不符（月供${s.installmentFen}/${v.installmentFen}分，利息${s.totalInterestFen}/${v.totalInterestFen}分）`);
  }
  return s.rows.map((r, i) => {
    const period = v.fromPeriod + i;
    return {
      period,
      startDate: startDateOf(loan, period),
      dueDate: dueDateOf(loan, period),
      paymentFen: r.paymentFen,
      principalFen: r.principalFen,
      interestFen: r.interestFen,
      remainingFen: r.remainingFen,
      annualRatePercent: v.annualRatePercent,
      version: v.version,
    };
  });
}

/** Each later version replaces every period from its fromPeriod on. */
export function effectiveSchedule(loan: LoanRecord, frozen: readonly Installment[], versions: readonly ScheduleVersion[]): Installment[] {
  let rows: Installment[] = [...frozen];
  for (const v of versions) {
    if (v.version === 1) continue;
    rows = [...rows.filter((r) => r.period < v.fromPeriod), ...versionRows(loan, v)];
  }
  return rows;
}

export function versionDto(v: ScheduleVersion): ScheduleVersionDto {
  return {
    version: v.version,
    fromPeriod: v.fromPeriod,
    reason: v.reason,
    reasonLabel: VERSION_REASON_LABELS[v.reason],
    keep: v.keep,
    annualRatePercent: v.annualRatePercent,
    basePrincipalFen: v.basePrincipalFen,
    months: v.months,
    installmentFen: v.installmentFen,
    totalInterestFen: v.totalInterestFen,
    effectiveDate: v.effectiveDate,
  };
}

export interface NewVersion {
  fromPeriod: number;
  reason: Exclude<VersionReason, 'original'>;
  keep: 'term' | 'installment' | null;
  annualRatePercent: string;
  basePrincipalFen: number;
  months: number;
  method: RepaymentMethod;
  installmentFen: number;
  totalInterestFen: number;
  effectiveDate: string;
  repaymentId: number | null;
  repriceRunId: number | null;
}

export function insertVersion(ctx: ServiceContext, loanId: number, v: NewVersion, createdAt: string): number {
  const next = (ctx.db.prepare('SELECT COALESCE(MAX(version), 1) + 1 AS n FROM loan_schedule_versions WHERE loan_id = ?').get(loanId) as { n: number }).n;
  ctx.db
    .prepare(
      `INSERT INTO loan_schedule_versions (loan_id, version, from_period, reason, keep, annual_rate_percent, base_principal_fen, months, method,
         installment_fen, total_interest_fen, effective_date, repayment_id, reprice_run_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(loanId, next, v.fromPeriod, v.reason, v.keep, v.annualRatePercent, v.basePrincipalFen, v.months, v.method, v.installmentFen, v.totalInterestFen, v.effectiveDate, v.repaymentId, v.repriceRunId, createdAt);
  return next;
}

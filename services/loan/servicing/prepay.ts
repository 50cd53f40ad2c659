/**
 * 提前还款 (loan.prepay), after the seed (003 还款方式): "提前还清贷款，利息计算到还清贷款当月，以后利息不计；部分归还
 * 本金的，利息按照剩余本金重新计算".
 *
 * On the prepayment day S, everything due must be paid first (an installment due on or before S that still owes
 * anything — use loan.repay). Let k be the first installment falling due after S.
 *  - "Interest to the month of settlement": the prepaid principal X pays one month's interest, X × annual rate ÷ 12
 *    rounded half-up to the fen (the schedule code's own period interest), when S falls inside installment k's
 *    interest period (after its start: the previous due date, or the disbursement date); none when S is that start
 *    day, or when installment k was already paid in advance (its interest covers the month).
 *  - full: X = the whole remaining principal; the loan is 已结清 and the schedule ends (a version with no rows).
 *    For a full prepayment X × rate ÷ 12 equals installment k's scheduled interest exactly.
 *  - partial: 0 < X < remaining principal; a NEW schedule version starts at k (or k + 1 if k was paid in advance)
 *    on the remaining principal − X at the same rate, built by THE schedule code (shared/loan/schedule.ts):
 *      keep 'term'        → same number of remaining periods, lower installment;
 *      keep 'installment' → 等额本息: the installment in force stays, every period but the last (which pays the
 *                           remainder), over as many periods as that takes (a shorter term);
 *                           等额本金: the same monthly principal, so ⌈remaining ÷ monthly principal⌉ periods.
 *  - 利随本清 (one-payment loans of a year or less): full only; interest is principal × annual rate ÷ 12 × the months
 *    begun from disbursement to S.
 * A minimum prepayment amount or a waiting period is policy data the seeds do not state; none is enforced here.
 */
import { D, formatYuanGrouped, roundFen } from '../../../shared/money';
import { AppError, badInput, conflict } from '../../../shared/errors';
import { addMonthsClamped, fixedInstallmentMonths } from '../../../shared/loan/schedule';
import type { PrepayPreviewDto, PrepayResultDto, RepaymentSource } from '../../../shared/contract/loanServicing';
import type { Operator, ServiceContext } from '../../context';
import { nowIso, today } from '../../context';
import { accountBalance } from '../../ledger/accounts';
import { lastRepaymentDate, postRepayment, priorRepayment, repaymentDto, settleLoan } from './record';
import { dueDateOf, insertVersion, scheduleFor, versionDto, type ScheduleVersion } from './schedule';
import { loanState, owedOf, versionOf, type LoanState } from './state';

export interface PrepayInput {
  loanId: number;
  kind: 'full' | 'partial';
  /** Principal to prepay (partial only). */
  amountFen?: number;
  keep?: 'term' | 'installment';
  source?: RepaymentSource;
  idempotencyKey: string;
}

/** One month's interest on an amount: amount × annual rate ÷ 12, half-up to the fen (as shared/loan/schedule.ts). */
export const monthInterestFen = (fen: number, annualRatePercent: string) => roundFen(new D(fen).times(annualRatePercent).dividedBy(120000));

/** Everything a prepayment would do, worked out without writing: what loan.prepay posts and loan.prepayPreview shows. */
interface PrepayPlan {
  loan: LoanState['loan'];
  date: string;
  from: number;
  principal: number;
  interest: number;
  /** Principal outstanding before the prepayment. */
  base: number;
  /** Interest the schedule in force still has to charge from period `from` on. */
  scheduledInterestFen: number;
  before: NonNullable<PrepayResultDto['before']>;
  newVersion: Omit<ScheduleVersion, 'version'> & { reason: 'prepay_partial' | 'prepay_full' };
  /** The new schedule's rows (partial only). */
  rows: { paymentFen: number }[];
}

type PlanInput = Omit<PrepayInput, 'idempotencyKey'>;

function planPrepayment(ctx: ServiceContext, input: PlanInput): PrepayPlan {
  const S = today(ctx);
  const s = loanState(ctx, input.loanId, S);
  const loan = s.loan;
  if (loan.status === '已结清') throw conflict(`贷款${loan.contractNo}已于${loan.settledDate}结清`);
  const last = lastRepaymentDate(ctx, loan.id);
  if (last && S < last) throw new AppError('RULE', `今天早于上一笔还款日期${last}，请核对系统日期`);
  const due = s.installments.filter((i) => i.dueDate <= S && owedOf(i) + i.penaltyOwedFen > 0);
  if (due.length > 0) {
    const owed = due.reduce((t, i) => t + owedOf(i) + i.penaltyOwedFen, 0);
    throw new AppError('RULE', `有${due.length}期到期未还款项共${formatYuanGrouped(owed)}元（含罚息），请先办理还款，再办理提前还款`);
  }
  const k = s.installments.find((i) => i.dueDate > S);
  if (!k) throw new AppError('INTERNAL', `贷款${loan.contractNo}已无未到期的期次，却未结清`);
  let from: number;
  let chargeMonth: boolean;
  if (owedOf(k) === 0) {
    from = k.period + 1;
    chargeMonth = false;
  } else if (k.paidPrincipalFen + k.paidInterestFen > 0) {
    throw new AppError('RULE', `第${k.period}期已部分还款，请先还清本期（或待本期还款日后）再办理提前还款`);
  } else {
    from = k.period;
    chargeMonth = S > k.startDate;
  }
  const rest = s.installments.filter((i) => i.period >= from);
  const base = rest.reduce((t, i) => t + i.principalFen, 0);
  if (rest.length === 0 || base === 0) throw new AppError('RULE', '本期已提前还清，剩余本金为0');
  const ledger = accountBalance(ctx, loan.accountId);
  if (ledger !== base) throw new AppError('INTERNAL', `贷款${loan.contractNo}明细账余额${ledger}分与还款计划剩余本金${base}分不符，请先核对账务`);
  const rate = rest[0]!.annualRatePercent;
  const g = versionOf(s.versions, from);
  const before = { fromPeriod: from, months: rest.length, installmentFen: g.installmentFen, annualRatePercent: rate };
  const scheduledInterestFen = rest.reduce((t, i) => t + i.interestFen, 0);

  if (input.kind === 'full') {
    let interest: number;
    if (loan.method === 'lump') {
      let m = 1;
      while (addMonthsClamped(loan.disbursedDate, m) < S) m++;
      interest = roundFen(new D(base).times(rate).times(m).dividedBy(120000));
    } else interest = chargeMonth ? monthInterestFen(base, rate) : 0;
    const newVersion = { fromPeriod: from, reason: 'prepay_full' as const, keep: null, annualRatePercent: rate, basePrincipalFen: 0, months: 0, method: loan.method, installmentFen: 0, totalInterestFen: 0, effectiveDate: S };
    return { loan, date: S, from, principal: base, interest, base, scheduledInterestFen, before, newVersion, rows: [] };
  }
  if (loan.method === 'lump') throw new AppError('RULE', '利随本清的贷款只能一次性提前还清', 'kind');
  const x = input.amountFen;
  if (x === undefined || !Number.isSafeInteger(x) || x <= 0) throw badInput('amountFen', '请填写提前归还的本金金额');
  if (x >= base) throw badInput('amountFen', `提前归还本金${formatYuanGrouped(x)}元不少于剩余本金${formatYuanGrouped(base)}元，请办理提前结清`);
  if (!input.keep) throw badInput('keep', '请选择部分提前还款后保持期限不变（月供减少）或保持月供不变（期限缩短）');
  const remaining = base - x;
  let months = rest.length;
  if (input.keep === 'installment') months = shorterTerm(remaining, rate, rest.length, loan.method, g.installmentFen, rest[0]!.principalFen);
  // 保持月供 on 等额本息: the installment in force stays; the last period pays what remains (less).
  const kept = input.keep === 'installment' && loan.method === 'annuity' ? g.installmentFen : undefined;
  const sched = scheduleFor(remaining, rate, months, loan.method, kept);
  const newVersion = {
    fromPeriod: from,
    reason: 'prepay_partial' as const,
    keep: input.keep,
    annualRatePercent: rate,
    basePrincipalFen: remaining,
    months,
    method: loan.method,
    installmentFen: sched.installmentFen,
    totalInterestFen: sched.totalInterestFen,
    effectiveDate: S,
  };
  return { loan, date: S, from, principal: x, interest: chargeMonth ? monthInterestFen(x, rate) : 0, base, scheduledInterestFen, before, newVersion, rows: sched.rows };
}

/**
 * 提前还款试算 (loan.prepayPreview): the figures the clerk confirms before posting — amount to pay today, the new
 * installment, the remaining term, the last payment, and the interest saved = the interest the schedule in force
 * still had to charge from the first unpaid period on − (the new schedule's interest + this month's interest on the
 * prepaid principal). Writes nothing; the same plan is what loan.prepay posts.
 */
export function previewPrepayment(ctx: ServiceContext, input: PlanInput): PrepayPreviewDto {
  const p = planPrepayment(ctx, input);
  const v = p.newVersion;
  const last = p.rows.at(-1);
  return {
    loanId: p.loan.id,
    contractNo: p.loan.contractNo,
    date: p.date,
    kind: input.kind,
    keep: v.keep,
    principalFen: p.principal,
    monthInterestFen: p.interest,
    amountFen: p.principal + p.interest,
    balanceBeforeFen: p.base,
    balanceAfterFen: p.base - p.principal,
    before: p.before,
    fromPeriod: p.from,
    installmentFen: v.installmentFen,
    months: v.months,
    lastPaymentFen: last?.paymentFen ?? 0,
    lastDueDate: v.months > 0 ? dueDateOf(p.loan, p.from + v.months - 1) : p.date,
    newInterestFen: v.totalInterestFen,
    interestSavedFen: p.scheduledInterestFen - v.totalInterestFen - p.interest,
  };
}

export function prepayLoan(ctx: ServiceContext, by: Operator, input: PrepayInput): PrepayResultDto {
  return ctx.db.tx(() => {
    const prior = priorRepayment(ctx, input.loanId, input.idempotencyKey);
    if (prior) {
      if (prior.kind === 'repay') throw conflict('业务流水号已用于正常还款');
      return replay(ctx, input.loanId, prior.id);
    }
    const { loan, date: S, principal, interest, before, newVersion } = planPrepayment(ctx, input);
    const kind = input.kind === 'full' ? 'prepay_full' : 'prepay_partial';
    const posted = postRepayment(ctx, {
      loan,
      kind,
      source: input.source ?? 'bank',
      date: S,
      principalFen: principal,
      interestFen: interest,
      penaltyFen: 0,
      allocations: [],
      strategy: 'prepayment',
      idempotencyKey: input.idempotencyKey,
      operator: by,
    });
    insertVersion(ctx, loan.id, { ...newVersion, repaymentId: posted.repaymentId, repriceRunId: null }, nowIso(ctx));
    if (input.kind === 'full') settleLoan(ctx, loan.id, S, posted.entryId);
    return { ...replay(ctx, loan.id, posted.repaymentId), before };
  });
}

/**
 * Keep the installment (保持月供): 等额本息 — the installment in force is paid every period on the reduced principal
 * and the term is however many periods that takes, the last one paying the remainder (fixedInstallmentMonths);
 * 等额本金 — keep the monthly principal: ⌈remaining ÷ monthly principal⌉ periods.
 */
export function shorterTerm(remainingFen: number, rate: string, maxMonths: number, method: 'annuity' | 'linear' | 'lump', installmentFen: number, monthlyPrincipalFen: number): number {
  if (method === 'linear') return Math.min(maxMonths, Math.max(1, Math.ceil(remainingFen / Math.max(1, monthlyPrincipalFen))));
  return fixedInstallmentMonths(remainingFen, rate, installmentFen, maxMonths);
}

function replay(ctx: ServiceContext, loanId: number, repaymentId: number): PrepayResultDto {
  const repayment = repaymentDto(ctx, repaymentId);
  const v = ctx.db.prepare('SELECT version FROM loan_schedule_versions WHERE loan_id = ? AND repayment_id = ?').get(loanId, repaymentId) as { version: number } | undefined;
  const s = loanState(ctx, loanId, repayment.date);
  const after = v ? s.versions.find((x) => x.version === v.version) ?? null : null;
  const l = ctx.db.prepare('SELECT status FROM loans WHERE id = ?').get(loanId) as { status: string };
  return {
    loanId,
    kind: repayment.kind === 'prepay_full' ? 'full' : 'partial',
    repayment,
    monthInterestFen: repayment.interestFen,
    settled: l.status === '已结清',
    balanceFen: accountBalance(ctx, s.loan.accountId),
    before: null,
    after: after && after.reason !== 'prepay_full' ? versionDto(after) : null,
  };
}

/**
 * A loan's state on a date, rebuilt from the schedule in force and the append-only repayment allocations: what
 * each installment has been paid and still owes, penalty accrued on overdue installments, overdue terms, and the
 * credit-record facts the policy engine reads. Repayments whose journal entry was reversed (冲正) do not count.
 */
import type { InstallmentDto, InstallmentStateLabel } from '../../../shared/contract/loanServicing';
import type { PfLoan } from '../../../shared/rules';
import type { PenaltySetting } from '../../../shared/rates/penaltyRates';
import type { ServiceContext } from '../../context';
import { penaltySettings } from '../../policy/tables';
import { effectiveSchedule, loadFrozen, loadLoan, loadVersions, type Installment, type LoanRecord, type ScheduleVersion } from './schedule';
import { penaltyAccrued } from './penalty';
import { dayNo } from './dates';

export interface Allocation {
  repaymentId: number;
  period: number;
  date: string;
  principalFen: number;
  interestFen: number;
  penaltyFen: number;
}

export interface InstallmentState extends InstallmentDto {
  startDate: string;
}

export interface LoanState {
  loan: LoanRecord;
  asOf: string;
  versions: ScheduleVersion[];
  installments: InstallmentState[];
  settings: readonly PenaltySetting[];
}

export function computeInstallments(schedule: readonly Installment[], allocations: readonly Allocation[], settings: readonly PenaltySetting[], asOf: string): InstallmentState[] {
  const byPeriod = new Map<number, Allocation[]>();
  for (const a of allocations) {
    if (a.date > asOf) continue;
    let list = byPeriod.get(a.period);
    if (!list) byPeriod.set(a.period, (list = []));
    list.push(a);
  }
  return schedule.map((row) => {
    const allocs = (byPeriod.get(row.period) ?? []).sort((a, b) => a.date.localeCompare(b.date) || a.repaymentId - b.repaymentId);
    let paidP = 0;
    let paidI = 0;
    let paidPen = 0;
    let paidOffDate: string | null = null;
    for (const a of allocs) {
      paidP += a.principalFen;
      paidI += a.interestFen;
      paidPen += a.penaltyFen;
      if (paidOffDate === null && paidP + paidI >= row.paymentFen) paidOffDate = a.date;
    }
    const owedP = row.principalFen - paidP;
    const owedI = row.interestFen - paidI;
    const accrued = penaltyAccrued({ dueDate: row.dueDate, paymentFen: row.paymentFen, annualRatePercent: row.annualRatePercent, payments: allocs, asOf, settings }).fen;
    const owed = owedP + owedI;
    const pastDue = row.dueDate < asOf;
    const wasOverdue = pastDue && (paidOffDate === null || paidOffDate > row.dueDate);
    let state: InstallmentStateLabel;
    if (owed === 0) state = '已还清';
    else if (pastDue) state = '逾期';
    else if (row.dueDate === asOf) state = '到期待还';
    else if (paidP + paidI > 0) state = '部分还款';
    else state = '未到期';
    return {
      period: row.period,
      startDate: row.startDate,
      dueDate: row.dueDate,
      paymentFen: row.paymentFen,
      principalFen: row.principalFen,
      interestFen: row.interestFen,
      remainingFen: row.remainingFen,
      annualRatePercent: row.annualRatePercent,
      version: row.version,
      paidPrincipalFen: paidP,
      paidInterestFen: paidI,
      paidPenaltyFen: paidPen,
      owedPrincipalFen: owedP,
      owedInterestFen: owedI,
      penaltyOwedFen: Math.max(0, accrued - paidPen),
      paidOffDate: owed === 0 ? paidOffDate : null,
      overdueDays: owed > 0 && pastDue ? dayNo(asOf) - dayNo(row.dueDate) : 0,
      wasOverdue,
      state,
    };
  });
}

export function loadAllocations(ctx: ServiceContext, loanId: number): Allocation[] {
  return (
    ctx.db
      .prepare(
        `SELECT a.repayment_id, a.period, a.paid_date, a.principal_fen, a.interest_fen, a.penalty_fen
           FROM loan_repayment_allocations a JOIN loan_repayments r ON r.id = a.repayment_id
          WHERE a.loan_id = ? AND NOT EXISTS (SELECT 1 FROM journal_entries x WHERE x.reverses_entry_id = r.entry_id)`,
      )
      .all(loanId) as Array<{ repayment_id: number; period: number; paid_date: string; principal_fen: number; interest_fen: number; penalty_fen: number }>
  ).map((r) => ({ repaymentId: r.repayment_id, period: r.period, date: r.paid_date, principalFen: r.principal_fen, interestFen: r.interest_fen, penaltyFen: r.penalty_fen }));
}

export function loanState(ctx: ServiceContext, loanId: number, asOf: string): LoanState {
  const loan = loadLoan(ctx, loanId);
  const frozen = loadFrozen(ctx, loan);
  const versions = loadVersions(ctx, loan, frozen);
  const schedule = effectiveSchedule(loan, frozen, versions);
  const settings = penaltySettings(ctx);
  return { loan, asOf, versions, installments: computeInstallments(schedule, loadAllocations(ctx, loanId), settings, asOf), settings };
}

export const owedOf = (i: InstallmentState) => i.owedPrincipalFen + i.owedInterestFen;

/** Longest run of consecutive overdue terms and the count of all overdue terms. */
export function overdueTerms(installments: readonly InstallmentState[]): { maxConsecutive: number; cumulative: number } {
  let run = 0;
  let maxConsecutive = 0;
  let cumulative = 0;
  for (const i of installments) {
    if (i.wasOverdue) {
      run++;
      cumulative++;
      maxConsecutive = Math.max(maxConsecutive, run);
    } else run = 0;
  }
  return { maxConsecutive, cumulative };
}

/** The version governing a period: the latest one starting at or before it. */
export function versionOf(versions: readonly ScheduleVersion[], period: number): ScheduleVersion {
  let found = versions[0]!;
  for (const v of versions) if (v.fromPeriod <= period) found = v;
  return found;
}

/**
 * The loan as the policy engine's credit-record rules see it (shared/rules PfLoan): settled or not, overdue now,
 * the longest run of consecutive overdue terms and the cumulative count, and the day the last overdue term was
 * cleared. `role` is the member's part in it: the borrower, or the spouse who signed with the borrower.
 */
export function creditFacts(s: LoanState, role: 'borrower' | 'coBorrower' = 'borrower'): PfLoan {
  const { maxConsecutive, cumulative } = overdueTerms(s.installments);
  const settled = s.loan.status === '已结清' && s.loan.settledDate !== null && s.loan.settledDate <= s.asOf;
  const overdueNow = !settled && s.installments.some((i) => i.overdueDays > 0);
  const cleared = s.installments.filter((i) => i.wasOverdue && i.paidOffDate !== null).map((i) => i.paidOffDate!).sort();
  const lastCleared = !overdueNow ? cleared.at(-1) : undefined;
  return {
    loanId: s.loan.contractNo,
    status: settled ? 'settled' : 'unpaid',
    role,
    remote: false,
    withExSpouse: false,
    debtAssignedToEx: false,
    disbursedDate: s.loan.disbursedDate,
    ...(settled ? { settledDate: s.loan.settledDate! } : {}),
    overdueNow,
    maxConsecutiveOverdue: maxConsecutive,
    totalOverdueTerms: cumulative,
    ...(lastCleared ? { lastOverdueClearedDate: lastCleared } : {}),
    restrictionLiftFiled: false,
  };
}

/**
 * memberFacts' loans: every loan of this center where the member is the borrower or the borrower's spouse, as of a
 * date. The policy engine's second-loan, settled-loan and credit-record rules read them.
 */
export function memberLoanFacts(ctx: ServiceContext, memberId: number, asOf: string): PfLoan[] {
  const rows = ctx.db.prepare('SELECT id, member_id FROM loans WHERE (member_id = ? OR spouse_member_id = ?) AND disbursed_date <= ? ORDER BY id').all(memberId, memberId, asOf) as Array<{ id: number; member_id: number }>;
  return rows.map((r) => creditFacts(loanState(ctx, r.id, asOf), r.member_id === memberId ? 'borrower' : 'coBorrower'));
}

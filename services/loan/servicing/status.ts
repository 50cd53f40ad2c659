/**
 * loan.status: 还款情况 on a date — what is paid, what is due, overdue terms (now, longest consecutive, cumulative),
 * penalty accrued to the date, the next installment, the schedule in force with each installment's state, and the
 * credit-record facts the policy engine reads.
 */
import type { InstallmentDto, LoanStatusDto, SettlementCertificateData } from '../../../shared/contract/loanServicing';
import { AppError } from '../../../shared/errors';
import { penaltySettingOn } from '../../../shared/rates/penaltyRates';
import type { ServiceContext } from '../../context';
import { today } from '../../context';
import { accountBalance } from '../../ledger/accounts';
import { getMember } from '../../accounts/members';
import { loanDto } from '../queries';
import { repaidTotals } from './record';
import { versionDto } from './schedule';
import { creditFacts, loanState, overdueTerms, owedOf, versionOf } from './state';

export function loanStatus(ctx: ServiceContext, loanId: number, asOf = today(ctx)): LoanStatusDto {
  const s = loanState(ctx, loanId, asOf);
  const inst = s.installments;
  const totals = repaidTotals(ctx, loanId);
  const current = inst.find((i) => owedOf(i) > 0) ?? inst.at(-1);
  const overdueNow = inst.filter((i) => i.overdueDays > 0);
  const { maxConsecutive, cumulative } = overdueTerms(inst);
  const next = inst.find((i) => i.dueDate >= asOf && owedOf(i) > 0);
  const setting = penaltySettingOn(s.settings, asOf);
  const governing = current ? versionOf(s.versions, current.period) : s.versions[0]!;
  const installments: InstallmentDto[] = inst.map(({ startDate: _s, ...i }) => i);
  return {
    loan: loanDto(ctx, loanId),
    asOf,
    status: s.loan.status,
    settledDate: s.loan.settledDate,
    balanceFen: accountBalance(ctx, s.loan.accountId),
    repaidPrincipalFen: totals.principalFen,
    repaidInterestFen: totals.interestFen,
    repaidPenaltyFen: totals.penaltyFen,
    currentPeriod: current?.period ?? 0,
    paidPeriods: inst.filter((i) => owedOf(i) === 0).length,
    totalPeriods: inst.at(-1)?.period ?? 0,
    currentRatePercent: current?.annualRatePercent ?? s.loan.annualRatePercent,
    currentInstallmentFen: governing.installmentFen,
    nextDue: next ? { period: next.period, dueDate: next.dueDate, owedFen: owedOf(next) } : null,
    overdue: {
      termsNow: overdueNow.length,
      maxConsecutive,
      cumulative,
      principalFen: overdueNow.reduce((t, i) => t + i.owedPrincipalFen, 0),
      interestFen: overdueNow.reduce((t, i) => t + i.owedInterestFen, 0),
      penaltyFen: inst.reduce((t, i) => t + i.penaltyOwedFen, 0),
      oldestDueDate: overdueNow[0]?.dueDate ?? null,
      days: overdueNow[0]?.overdueDays ?? 0,
    },
    arrearsFen: inst.filter((i) => i.dueDate <= asOf).reduce((t, i) => t + owedOf(i) + i.penaltyOwedFen, 0),
    penaltySetting: { multiplier: setting.multiplier, dayBasis: setting.dayBasis, source: setting.source },
    credit: creditFacts(s),
    installments,
    versions: s.versions.map(versionDto),
  };
}

/** The facts a 结清证明 prints; refused while the loan is not settled. */
export function settlementCertificateData(ctx: ServiceContext, loanId: number): SettlementCertificateData {
  const l = ctx.db
    .prepare(
      `SELECT l.contract_no, l.member_id, l.spouse_member_id, l.principal_fen, l.months, l.disbursed_date, l.status, l.settled_date, e.entry_no
         FROM loans l LEFT JOIN journal_entries e ON e.id = l.settled_entry_id WHERE l.id = ?`,
    )
    .get(loanId) as
    | { contract_no: string; member_id: number; spouse_member_id: number | null; principal_fen: number; months: number; disbursed_date: string; status: string; settled_date: string | null; entry_no: string | null }
    | undefined;
  if (!l) throw new AppError('NOT_FOUND', `贷款不存在：${loanId}`);
  if (l.status !== '已结清' || !l.settled_date) throw new AppError('RULE', `贷款${l.contract_no}尚未结清，不能出具结清证明`);
  const m = getMember(ctx, l.member_id);
  const sp = l.spouse_member_id !== null ? getMember(ctx, l.spouse_member_id) : null;
  const t = repaidTotals(ctx, loanId);
  return {
    contractNo: l.contract_no,
    borrowerName: m.name,
    borrowerIdNumberMasked: m.idNumberMasked,
    borrowerAccountNo: m.accountNo,
    spouseName: sp?.name ?? null,
    principalFen: l.principal_fen,
    months: l.months,
    disbursedDate: l.disbursed_date,
    settledDate: l.settled_date,
    repaidPrincipalFen: t.principalFen,
    repaidInterestFen: t.interestFen,
    repaidPenaltyFen: t.penaltyFen,
    settledEntryNo: l.entry_no ?? '',
    centerName: ctx.center.name,
  };
}

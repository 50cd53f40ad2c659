/** Loan applications and loans as the screens and forms see them: 贷款进度 and 还款情况 as the mobile app shows. */
import type { InboxItem, LoanAppDto, LoanDto, LoanScheduleRowDto, LoanState, SignOff } from '../../shared/contract/dto';
import type { LoanDecision } from '../../shared/rules';
import { notFound } from '../../shared/errors';
import type { Role } from '../../shared/roles';
import type { ServiceContext } from '../context';
import { today } from '../context';
import { getMember } from '../accounts/members';
import { loadApp, parseMaterials, parsePayee, type AppRow } from '../withdrawal/store';
import { applicantBlock, applicationEvents, decisionDeadline, operatorNamer } from '../withdrawal/dtoParts';
import { repaidTotals } from './servicing/record';
import { mortgageRegistrationOf } from './mortgageRegistration';

/** 住房公积金管理条例: a loan is decided within 15 days of a complete application. */
export const LOAN_DECISION_DAYS = 15;
const HOUR = 3_600_000;

interface LoanRow {
  id: number;
  contract_no: string;
  application_id: number;
  principal_fen: number;
  annual_rate_percent: string;
  rate_basis: string;
  months: number;
  method: 'annuity' | 'linear' | 'lump';
  first_due_date: string;
  disbursed_date: string;
  disbursed_entry_id: number;
  status: '还款中' | '已结清';
}

export function loanDto(ctx: ServiceContext, loanId: number): LoanDto {
  const l = ctx.db.prepare('SELECT * FROM loans WHERE id = ?').get(loanId) as LoanRow | undefined;
  if (!l) throw notFound(`贷款不存在：${loanId}`);
  const acct = ctx.db.prepare('SELECT debits_fen - credits_fen AS bal FROM accounts WHERE loan_id = ?').get(l.id) as { bal: number };
  const entryNo = (ctx.db.prepare('SELECT entry_no FROM journal_entries WHERE id = ?').get(l.disbursed_entry_id) as { entry_no: string }).entry_no;
  const date = today(ctx);
  const due = ctx.db.prepare('SELECT COUNT(*) AS n FROM loan_schedule WHERE loan_id = ? AND due_date <= ?').get(l.id, date) as { n: number };
  const first = ctx.db.prepare('SELECT payment_fen FROM loan_schedule WHERE loan_id = ? AND period = 1').get(l.id) as { payment_fen: number };
  return {
    id: l.id,
    contractNo: l.contract_no,
    applicationId: l.application_id,
    principalFen: l.principal_fen,
    annualRatePercent: l.annual_rate_percent,
    rateBasis: l.rate_basis,
    months: l.months,
    method: l.method,
    firstDueDate: l.first_due_date,
    disbursedDate: l.disbursed_date,
    disbursedEntryNo: entryNo,
    status: l.status,
    balanceFen: acct.bal,
    repaidPrincipalFen: l.principal_fen - acct.bal,
    // From loan servicing's repayment records (services/loan/servicing/record.ts).
    repaidInterestFen: repaidTotals(ctx, l.id).interestFen,
    currentPeriod: Math.min(l.months, due.n + 1),
    monthlyPaymentFen: first.payment_fen,
  };
}

export function loanSchedule(ctx: ServiceContext, loanId: number): LoanScheduleRowDto[] {
  return (ctx.db.prepare('SELECT * FROM loan_schedule WHERE loan_id = ? ORDER BY period').all(loanId) as Array<{
    period: number;
    due_date: string;
    payment_fen: number;
    principal_fen: number;
    interest_fen: number;
    remaining_fen: number;
  }>).map((r) => ({ period: r.period, dueDate: r.due_date, paymentFen: r.payment_fen, principalFen: r.principal_fen, interestFen: r.interest_fen, remainingFen: r.remaining_fen }));
}

export function memberLoans(ctx: ServiceContext, memberId: number): LoanDto[] {
  return (ctx.db.prepare('SELECT id FROM loans WHERE member_id = ? OR spouse_member_id = ? ORDER BY id DESC').all(memberId, memberId) as Array<{ id: number }>).map((r) => loanDto(ctx, r.id));
}

const STAGES: Array<[string, string[]]> = [
  ['受理', ['create']],
  ['复核', ['review']],
  ['审批', ['approve']],
  ['签订合同及抵押登记', ['sign']],
  ['放款', ['disburse']],
];

export function loanAppDto(ctx: ServiceContext, idOrRow: number | AppRow): LoanAppDto {
  const row = typeof idOrRow === 'number' ? loadApp(ctx, idOrRow, 'loan') : idOrRow;
  const nameOf = operatorNamer(ctx);
  const sign = (id: number | null, at: string | null): SignOff | null => (id !== null && at ? { operatorId: id, name: nameOf(id), at } : null);
  const m = getMember(ctx, row.member_id);
  const sp = row.spouse_member_id !== null ? getMember(ctx, row.spouse_member_id) : null;
  const decision = row.decision_json ? (JSON.parse(row.decision_json) as LoanDecision) : null;
  const seen = parseMaterials(row);
  const materials = (decision?.materials ?? []).map((x) => ({ id: x.id, text: x.text, seen: seen[x.id] === true }));
  const events = applicationEvents(ctx, row.id, nameOf);
  const loan = ctx.db.prepare('SELECT id FROM loans WHERE application_id = ?').get(row.id) as { id: number } | undefined;
  const facts = JSON.parse(row.facts_json) as Record<string, unknown>;
  const submittedAt = row.submitted_at;
  const deadline: LoanAppDto['deadline'] = ['待复核', '待审批'].includes(row.state) ? decisionDeadline(submittedAt, ctx.clock.now(), LOAN_DECISION_DAYS, 72) : null;
  return {
    id: row.id,
    appNo: row.app_no,
    caseId: row.case_id,
    caseName: decision?.caseName ?? row.case_id,
    state: row.state as LoanState,
    version: row.version,
    branchCode: row.branch_code,
    borrower: {
      ...applicantBlock(m),
      continuousMonths: m.continuousMonths,
      baseFen: m.baseFen,
      monthlyContributionFen: m.monthlyEmployeeFen + m.monthlyEmployerFen,
      openedDate: m.openedDate,
      employerRatioPercent: m.employer.employerRatioPercent,
    },
    spouse: sp ? { id: sp.id, name: sp.name, accountNo: sp.accountNo, idNumber: sp.idNumber, idNumberMasked: sp.idNumberMasked, balanceFen: sp.balanceFen, employerName: sp.employer.name } : null,
    facts,
    requestedFen: row.requested_fen!,
    approvedFen: row.approved_fen,
    payee: parsePayee(row),
    materials,
    missingMaterials: materials.filter((x) => !x.seen).map((x) => x.text),
    decision,
    created: { operatorId: row.created_by, name: nameOf(row.created_by), at: row.created_at },
    submitted: sign(row.submitted_by, row.submitted_at),
    reviewed: sign(row.reviewed_by, row.reviewed_at),
    approved: sign(row.approved_by, row.approved_at),
    contract: row.contract_no ? { contractNo: row.contract_no, mortgageRegNo: row.mortgage_reg_no ?? '', signedAt: row.signed_at ?? '' } : null,
    mortgageRegistration: mortgageRegistrationOf(ctx, row),
    loan: loan ? loanDto(ctx, loan.id) : null,
    progress: STAGES.map(([stage, actions]) => {
      // A return after a stage undoes it: the latest pass of each stage counts only if no return followed it.
      const lastReturn = [...events].reverse().find((e) => e.toState === '退回')?.at ?? '';
      const hit = [...events].reverse().find((e) => actions.includes(e.action) && (stage === '受理' || e.at > lastReturn));
      return { stage, at: hit?.at ?? null };
    }),
    lastNote: row.last_note,
    events,
    deadline,
  };
}

const LOAN_INBOX: Record<Role, LoanState[]> = {
  clerk: ['草稿', '退回', '已审批', '已签约'],
  reviewer: ['待复核'],
  approver: ['待审批'],
  admin: ['待复核', '待审批'],
};

export function loanInbox(ctx: ServiceContext, role: Role, opts: { states?: LoanState[]; memberId?: number } = {}): InboxItem[] {
  const rows = ctx.db
    .prepare(
      `SELECT a.*, m.name AS member_name, m.account_no AS member_account_no FROM applications a JOIN members m ON m.id = a.member_id
        WHERE a.kind = 'loan' AND a.state IN (SELECT value FROM json_each(?)) AND (? IS NULL OR a.member_id = ?)
        ORDER BY a.updated_at DESC, a.id DESC LIMIT 200`,
    )
    .all(JSON.stringify(opts.states ?? LOAN_INBOX[role]), opts.memberId ?? null, opts.memberId ?? null) as Array<AppRow & { member_name: string; member_account_no: string }>;
  const now = ctx.clock.now().getTime();
  return rows.map((r) => {
    const d = r.decision_json ? (JSON.parse(r.decision_json) as LoanDecision) : null;
    const dto = loanAppDto(ctx, r);
    return {
      id: r.id,
      appNo: r.app_no,
      caseName: d?.caseName ?? r.case_id,
      state: r.state as InboxItem['state'],
      memberName: r.member_name,
      memberAccountNo: r.member_account_no,
      amountFen: r.approved_fen ?? r.requested_fen,
      submittedAt: r.submitted_at,
      updatedAt: r.updated_at,
      waitedHours: Math.max(0, Math.floor((now - new Date(r.submitted_at ?? r.created_at).getTime()) / HOUR)),
      deadlineStatus: dto.deadline?.status ?? null,
      eligible: d?.eligible ?? null,
    };
  });
}

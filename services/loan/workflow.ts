/**
 * Loan sign-off (受理 → 复核 → 审批 by three people), contract signing with mortgage registration, and
 * disbursement. Every step re-judges against the ledger of the moment; disbursement more than a year after
 * approval is sent back for re-approval where the center's policy says so (乌鲁木齐).
 */
import { AppError, badInput } from '../../shared/errors';
import { formatYuanGrouped } from '../../shared/money';
import type { LoanDecision } from '../../shared/rules';
import { basisNote } from '../../shared/rules/citations';
import type { Operator, ServiceContext } from '../context';
import { nowIso, today } from '../context';
import { expectOtherPerson, expectState, expectVersion, loadApp, parseMaterials, transition, type AppRow } from '../withdrawal/store';
import { clerkLoanFacts, composeLoan } from './compose';
import { storedTerms } from './intake';
import { assertGuarantorsQualify } from '../conditions/pledges';
import { assertNoExcessOwed } from '../conditions/excess';
import { mortgageRegistrationOf } from './mortgageRegistration';

export function rejudgeLoan(ctx: ServiceContext, row: AppRow, approval?: { approvedDate: string; disbursementDate?: string }): LoanDecision {
  const { loanTerms: _terms, ...facts } = JSON.parse(row.facts_json) as Record<string, unknown>;
  return composeLoan(
    ctx,
    { caseId: row.case_id, memberId: row.member_id, spouseMemberId: row.spouse_member_id, facts: clerkLoanFacts(facts), requestedFen: row.requested_fen!, ...storedTerms(row) },
    approval ? { approval } : {},
  ).decision;
}

const firstFailure = (d: LoanDecision) => {
  const f = d.trace.find((t) => t.outcome === 'failed');
  return f ? `${f.message}${basisNote(f)}` : '';
};

export function submitLoan(ctx: ServiceContext, by: Operator, id: number, version?: number): AppRow {
  const row = loadApp(ctx, id, 'loan');
  expectState(row, ['草稿', '退回'], '提交复核');
  expectVersion(row, version);
  const missing = Object.values(parseMaterials(row)).filter((ok) => !ok).length;
  if (missing > 0) throw new AppError('RULE', `还有${missing}项材料未收齐，不能提交；请打印一次性告知书交申请人`, 'materialsSeen');
  assertNoExcessOwed(ctx, [row.member_id, row.spouse_member_id], '申请住房公积金贷款');
  const d = rejudgeLoan(ctx, row);
  if (!d.eligible || d.quota.quotaFen === null) throw new AppError('RULE', `不符合贷款条件：${firstFailure(d)}`);
  assertGuarantorsQualify(ctx, row);
  const amount = Math.min(row.requested_fen!, d.quota.quotaFen);
  transition(ctx, by, row, '待复核', 'submit', { approved_fen: amount, submitted_by: by.id, submitted_at: nowIso(ctx) }, `提交复核，贷款金额${formatYuanGrouped(amount)}元`, d);
  return loadApp(ctx, id, 'loan');
}

function signOff(ctx: ServiceContext, by: Operator, id: number, args: { version?: number; pass: boolean; note?: string }, step: 'review' | 'approve'): AppRow {
  const row = loadApp(ctx, id, 'loan');
  expectState(row, [step === 'review' ? '待复核' : '待审批'], step === 'review' ? '复核' : '审批');
  expectVersion(row, args.version);
  expectOtherPerson(ctx, by, step === 'review' ? [row.created_by, row.submitted_by] : [row.created_by, row.submitted_by, row.reviewed_by], step === 'review' ? '复核' : '审批');
  if (!args.pass) {
    if (!args.note || args.note.trim().length < 2) throw badInput('note', '退回原因：请写明退回原因');
    transition(ctx, by, row, '退回', `${step}_return`, { submitted_by: null, submitted_at: null, reviewed_by: null, reviewed_at: null, approved_fen: null }, args.note.trim());
    return loadApp(ctx, id, 'loan');
  }
  const d = rejudgeLoan(ctx, row);
  if (!d.eligible) throw new AppError('RULE', `${step === 'review' ? '复核' : '审批'}时政策审查不通过，请退回：${firstFailure(d)}`);
  assertGuarantorsQualify(ctx, row);
  const updates = step === 'review' ? { reviewed_by: by.id, reviewed_at: nowIso(ctx) } : { approved_by: by.id, approved_at: nowIso(ctx) };
  transition(ctx, by, row, step === 'review' ? '待审批' : '已审批', step, updates, args.note ?? (step === 'review' ? '复核通过' : '审批通过'), d);
  return loadApp(ctx, id, 'loan');
}

export const reviewLoan = (ctx: ServiceContext, by: Operator, id: number, a: { version?: number; pass: boolean; note?: string }) => signOff(ctx, by, id, a, 'review');
export const approveLoan = (ctx: ServiceContext, by: Operator, id: number, a: { version?: number; pass: boolean; note?: string }) => signOff(ctx, by, id, a, 'approve');

export function cancelLoan(ctx: ServiceContext, by: Operator, id: number, reason: string): AppRow {
  const row = loadApp(ctx, id, 'loan');
  expectState(row, ['草稿', '退回', '已审批', '已签约'], '撤销');
  transition(ctx, by, row, '撤销', 'cancel', {}, reason);
  return loadApp(ctx, id, 'loan');
}

/** 到受委托银行签订借款合同和抵押合同，办理抵押登记: recorded before the loan can be disbursed. */
export function signLoanContract(ctx: ServiceContext, by: Operator, id: number, args: { contractNo: string; mortgageRegNo?: string | undefined }): AppRow {
  const row = loadApp(ctx, id, 'loan');
  expectState(row, ['已审批'], '登记借款合同');
  if (!/^[A-Za-z0-9-]{6,40}$/.test(args.contractNo)) throw badInput('contractNo', '借款合同编号：应为6至40位字母、数字或“-”');
  const dup = ctx.db.prepare('SELECT 1 FROM loans WHERE contract_no = ?').get(args.contractNo);
  if (dup) throw badInput('contractNo', `借款合同编号已使用：${args.contractNo}`);
  // Only a guarantee that involves a mortgage registration asks for its number (004 二、担保方式).
  const need = mortgageRegistrationOf(ctx, row);
  const regNo = args.mortgageRegNo?.trim() || null;
  if (need.required && !regNo) throw badInput('mortgageRegNo', `抵押登记证明号：${need.reason}，请填写`);
  const note = regNo ? `借款合同${args.contractNo}，抵押登记${regNo}` : `借款合同${args.contractNo}（${need.reason}）`;
  transition(ctx, by, row, '已签约', 'sign', { contract_no: args.contractNo, mortgage_reg_no: regNo, signed_at: nowIso(ctx) }, note);
  return loadApp(ctx, id, 'loan');
}

export function reapprovalFailure(d: LoanDecision): string | null {
  const r = d.trace.find((t) => t.outcome === 'failed' && /reapproval|reApproval/i.test(t.ruleId));
  return r ? r.message : null;
}

export { today };

/**
 * The sign-off chain (三级审批): 经办 submits, 复核 reviews, 审批 approves — three different people. Each step
 * re-judges the application against the ledger of that moment, so a stale decision is never signed.
 */
import { assertDishonestChecked } from '../conditions/dishonestRecorded';
import { AppError } from '../../shared/errors';
import { formatYuanGrouped } from '../../shared/money';
import { basisNote } from '../../shared/rules/citations';
import type { Operator, ServiceContext } from '../context';
import { nowIso } from '../context';
import { composeAndDecide } from './compose';
import { ownLoanAmount, ownLoanOf } from './ownLoan';
import { assertNoExcessOwed } from '../conditions/excess';
import { expectOtherPerson, expectState, expectVersion, loadApp, parseDecision, parseMaterials, transition, type AppRow } from './store';

function rejudge(ctx: ServiceContext, row: AppRow) {
  return composeAndDecide(ctx, {
    caseId: row.case_id,
    memberId: row.member_id,
    spouseMemberId: row.spouse_member_id,
    facts: JSON.parse(row.facts_json) as Record<string, unknown>,
    requestedFen: row.requested_fen,
  }).decision;
}

function firstFailure(d: { trace: Array<{ outcome: string; message: string; ruleId: string; title: string }> }): string {
  const f = d.trace.find((t) => t.outcome === 'failed');
  return f ? `${f.message}${basisNote(f)}` : '';
}

export function submitWithdrawal(ctx: ServiceContext, by: Operator, id: number, version?: number): AppRow {
  const row = loadApp(ctx, id);
  expectState(row, ['草稿', '退回'], '提交复核');
  expectVersion(row, version);
  assertNoExcessOwed(ctx, [row.member_id], '申请提取');
  const seen = parseMaterials(row);
  const missing = Object.entries(seen).filter(([, ok]) => !ok);
  if (missing.length > 0) {
    throw new AppError('RULE', `还有${missing.length}项材料未收齐，不能提交；请打印一次性告知书交申请人`, 'materialsSeen');
  }
  const decision = rejudge(ctx, row);
  if (!decision.eligible || decision.maxAmountFen === null) throw new AppError('RULE', `不符合提取条件：${firstFailure(decision)}`);
  const ownLoan = ownLoanOf(ctx, JSON.parse(row.facts_json) as Record<string, unknown>, row.case_id);
  const amount = ownLoan
    ? ownLoanAmount(ownLoan, row.requested_fen, decision.maxAmountFen)
    : decision.closesAccount
      ? decision.maxAmountFen
      : Math.min(row.requested_fen ?? decision.maxAmountFen, decision.maxAmountFen);
  if (amount <= 0) throw new AppError('RULE', '可提取金额为0，不能提交');
  // The counter pays from the accounts of the people in this application (member, spouse); a parent's or
  // co-owner's balance the rules allow is drawn by that person's own application on their own account.
  const own = decision.sources.filter((s) => s.holder === 'member' || s.holder === 'spouse');
  const payable = own.reduce((t, s) => t + Math.max(0, s.amountFen - decision.keepPerAccountFen), 0) + decision.sources.filter((s) => s.holder === 'interest').reduce((t, s) => t + s.amountFen, 0);
  if (!decision.closesAccount && !ownLoan && amount > payable) {
    throw new AppError('RULE', `本申请只能从职工本人及配偶账户支付，最多${formatYuanGrouped(payable)}元；父母或共有人账户的余额须由其本人另行申请提取`, 'requestedFen');
  }
  transition(ctx, by, row, '待复核', 'submit', { approved_fen: amount, submitted_by: by.id, submitted_at: nowIso(ctx) }, `提交复核，金额${formatYuanGrouped(amount)}元`, decision);
  return loadApp(ctx, id);
}

export function reviewWithdrawal(ctx: ServiceContext, by: Operator, id: number, args: { version?: number; pass: boolean; note?: string }): AppRow {
  const row = loadApp(ctx, id);
  expectState(row, ['待复核'], '复核');
  expectVersion(row, args.version);
  expectOtherPerson(ctx, by, [row.created_by, row.submitted_by], '复核');
  if (!args.pass) return returnTo(ctx, by, row, args.note, 'review_return');
  const decision = rejudge(ctx, row);
  if (!decision.eligible) throw new AppError('RULE', `复核时政策审查不通过，请退回：${firstFailure(decision)}`);
  transition(ctx, by, row, '待审批', 'review', { reviewed_by: by.id, reviewed_at: nowIso(ctx) }, args.note ?? '复核通过', decision);
  return loadApp(ctx, id);
}

export function approveWithdrawal(ctx: ServiceContext, by: Operator, id: number, args: { version?: number; pass: boolean; note?: string }): AppRow {
  const row = loadApp(ctx, id);
  expectState(row, ['待审批'], '审批');
  expectVersion(row, args.version);
  expectOtherPerson(ctx, by, [row.created_by, row.submitted_by, row.reviewed_by], '审批');
  if (!args.pass) return returnTo(ctx, by, row, args.note, 'approve_return');
  assertDishonestChecked(ctx, row);
  const decision = rejudge(ctx, row);
  if (!decision.eligible) throw new AppError('RULE', `审批时政策审查不通过，请退回：${firstFailure(decision)}`);
  transition(ctx, by, row, '已审批', 'approve', { approved_by: by.id, approved_at: nowIso(ctx) }, args.note ?? '审批通过', decision);
  return loadApp(ctx, id);
}

function returnTo(ctx: ServiceContext, by: Operator, row: AppRow, note: string | undefined, action: string): AppRow {
  if (!note || note.trim().length < 2) throw new AppError('BAD_INPUT', '退回原因：请写明退回原因', 'note');
  transition(ctx, by, row, '退回', action, { submitted_by: null, submitted_at: null, reviewed_by: null, reviewed_at: null, approved_fen: null }, note.trim(), parseDecision(row));
  return loadApp(ctx, row.id);
}

export function cancelWithdrawal(ctx: ServiceContext, by: Operator, id: number, reason: string): AppRow {
  const row = loadApp(ctx, id);
  expectState(row, ['草稿', '退回', '已审批'], '撤销');
  transition(ctx, by, row, '撤销', 'cancel', {}, reason);
  if (row.appointment_id) ctx.db.prepare(`UPDATE appointments SET status = '已签到', application_id = NULL WHERE id = ? AND application_id = ?`).run(row.appointment_id, row.id);
  return loadApp(ctx, id);
}

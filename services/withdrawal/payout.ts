/**
 * Payout (支付): one journal entry, idempotent, after re-judging the application against the ledger of this
 * moment (the balance may have moved since approval).
 *  - Partial withdrawal: Dr the member's 201 account (then the spouse's, when the rules drew on it), each keeping
 *    what the rules require; Cr 101 住房公积金存款 (paid to the payee from the fund's bank account).
 *  - Account-closing withdrawal (销户): interest to the day is credited inside the same entry (Dr 411 业务支出,
 *    Cr the member's account, memo 销户结息), then the whole balance is paid (Dr member, Cr 101) and the member's
 *    status becomes 销户.
 * A paid withdrawal is undone only by a reversal with a reason, reviewed and approved by two other people.
 */
import { assertDishonestChecked } from '../conditions/dishonestRecorded';
import { AppError, conflict } from '../../shared/errors';
import { formatYuanGrouped } from '../../shared/money';
import type { Operator, ServiceContext } from '../context';
import { nowIso, today } from '../context';
import { accountBalance, accountIdByCode, memberAccountId } from '../ledger/accounts';
import { postEntry, type PostingLine } from '../ledger/post';
import { reverseEntry } from '../ledger/reverse';
import { closingLines } from '../accounts/closing';
import { composeAndDecide } from './compose';
import { expectOtherPerson, expectState, loadApp, parsePayee, transition, type AppRow } from './store';
import { ownLoanOf } from './ownLoan';
import { repayLoan } from '../loan/servicing/repay';
import { assertOwnsMember } from '../branch/ownership';
import { assertEntryRespectsHolds } from '../conditions/holds';
import { assertNoExcessOwed } from '../conditions/excess';

export function payWithdrawal(ctx: ServiceContext, by: Operator, id: number, idempotencyKey: string): AppRow {
  const row = loadApp(ctx, id);
  if (row.state === '已支付' && row.paid_entry_id !== null) {
    const e = ctx.db.prepare('SELECT idempotency_key FROM journal_entries WHERE id = ?').get(row.paid_entry_id) as { idempotency_key: string };
    if (e.idempotency_key === idempotencyKey) return row;
    throw conflict(`申请${row.app_no}已支付，不能重复支付`);
  }
  expectState(row, ['已审批'], '支付');
  // An application approved before the query was enforced is not paid until it is recorded (004 一、(一)).
  assertDishonestChecked(ctx, row);
  assertOwnsMember(ctx, row.member_id, '提取支付');
  assertNoExcessOwed(ctx, [row.member_id], '支付提取');
  const { decision } = composeAndDecide(ctx, {
    caseId: row.case_id,
    memberId: row.member_id,
    spouseMemberId: row.spouse_member_id,
    facts: JSON.parse(row.facts_json) as Record<string, unknown>,
    requestedFen: row.requested_fen,
  });
  const failed = decision.trace.find((t) => t.outcome === 'failed');
  const approved = row.approved_fen!;
  if (!decision.closesAccount && decision.maxAmountFen !== null && approved > decision.maxAmountFen) {
    throw new AppError(
      'RULE',
      `账户余额已变动：现在最多可提取${formatYuanGrouped(decision.maxAmountFen)}元，少于审批金额${formatYuanGrouped(approved)}元；请撤销后重新受理`,
    );
  }
  if (!decision.eligible || decision.maxAmountFen === null) {
    throw new AppError('RULE', `支付前复查政策不通过，请撤销后重新受理：${failed?.message ?? ''}`);
  }
  const own = ownLoanOf(ctx, JSON.parse(row.facts_json) as Record<string, unknown>, row.case_id);
  if (own && parsePayee(row).kind === 'loan') {
    // 委托提取: one entry by loan servicing (Dr the members' 201, Cr 121 and 401), allocated like any repayment.
    if (approved > own.payableFen) throw new AppError('RULE', `贷款${own.contractNo}现在应还${formatYuanGrouped(own.payableFen)}元，少于审批金额；请撤销后重新受理`);
    const r = repayLoan(ctx, by, { loanId: own.loanId, amountFen: approved, source: 'fund', idempotencyKey });
    const entry = ctx.db.prepare('SELECT id FROM journal_entries WHERE entry_no = ?').get(r.repayment.entryNo) as { id: number };
    assertEntryRespectsHolds(ctx, entry.id, '提取支付');
    return transition(ctx, by, row, '已支付', 'pay', { paid_by: by.id, paid_at: nowIso(ctx), paid_entry_id: entry.id, approved_fen: approved },
      `委托提取${formatYuanGrouped(approved)}元归还贷款${own.contractNo}（本金${formatYuanGrouped(r.repayment.principalFen)}元、利息${formatYuanGrouped(r.repayment.interestFen + r.repayment.penaltyFen)}元），凭证号${r.repayment.entryNo}`, decision);
  }
  const memberAcct = memberAccountId(ctx, row.member_id, 'basic')!;
  const bank = accountIdByCode(ctx, '101');
  const lines: PostingLine[] = [];
  let interestFen = 0;
  let paidFen: number;
  let businessType: string;
  if (decision.closesAccount) {
    // Closing pays what is there today, interest to the day included; the approved figure was an estimate.
    const closing = closingLines(ctx, memberAcct, today(ctx), '销户', '销户提取');
    interestFen = closing.interestFen;
    paidFen = closing.totalFen;
    if (paidFen <= 0) throw new AppError('RULE', '账户余额为0，无需支付');
    lines.push(...closing.lines);
    businessType = '销户提取';
  } else {
    if (approved > decision.maxAmountFen) {
      throw new AppError(
        'RULE',
        `账户余额已变动：现在最多可提取${formatYuanGrouped(decision.maxAmountFen)}元，少于审批金额${formatYuanGrouped(approved)}元；请撤销后重新受理`,
      );
    }
    paidFen = approved;
    businessType = '部分提取';
    let rest = approved;
    const keep = decision.keepPerAccountFen;
    const drawFrom = (memberId: number | null, who: string) => {
      if (rest === 0 || memberId === null) return;
      const acct = memberAccountId(ctx, memberId, 'basic')!;
      const take = Math.min(rest, Math.max(0, accountBalance(ctx, acct) - keep));
      if (take > 0) lines.push({ accountId: acct, side: 'D', amountFen: take, memo: `部分提取${who}` });
      rest -= take;
    };
    drawFrom(row.member_id, '');
    if (decision.sources.some((s) => s.holder === 'spouse')) drawFrom(row.spouse_member_id, '（配偶账户）');
    if (rest > 0) throw new AppError('RULE', `账户余额不足以支付审批金额，差${formatYuanGrouped(rest)}元；请撤销后重新受理`);
  }
  lines.push({ accountId: bank, side: 'C', amountFen: paidFen, memo: '提取支付' });
  const entry = postEntry(ctx, {
    idempotencyKey,
    businessType,
    summary: businessType,
    operator: by,
    lines,
    refType: 'application',
    refId: row.id,
  });
  assertEntryRespectsHolds(ctx, entry.entryId, '提取支付');
  if (decision.closesAccount) ctx.db.prepare(`UPDATE members SET status = '销户' WHERE id = ?`).run(row.member_id);
  return transition(ctx, by, row, '已支付', 'pay', { paid_by: by.id, paid_at: nowIso(ctx), paid_entry_id: entry.entryId, approved_fen: paidFen },
    `支付${formatYuanGrouped(paidFen)}元${interestFen ? `（含销户利息${formatYuanGrouped(interestFen)}元）` : ''}，凭证号${entry.entryNo}`, decision);
}

export function requestReversal(ctx: ServiceContext, by: Operator, id: number, reason: string): AppRow {
  const row = loadApp(ctx, id);
  expectState(row, ['已支付'], '申请冲正');
  if (reason.trim().length < 4) throw new AppError('BAD_INPUT', '冲正原因：请写明冲正原因（至少4个字）', 'reason');
  transition(ctx, by, row, '冲正待复核', 'reversal_request', { reversal_reason: reason.trim(), reversal_requested_by: by.id }, reason.trim());
  return loadApp(ctx, id);
}

export function reviewReversal(ctx: ServiceContext, by: Operator, id: number, pass: boolean, note?: string): AppRow {
  const row = loadApp(ctx, id);
  expectState(row, ['冲正待复核'], '复核冲正');
  expectOtherPerson(ctx, by, [row.reversal_requested_by], '冲正复核');
  if (!pass) {
    transition(ctx, by, row, '已支付', 'reversal_reject', { reversal_requested_by: null }, note ?? '冲正复核未通过');
    return loadApp(ctx, id);
  }
  transition(ctx, by, row, '冲正待审批', 'reversal_review', { reversal_reviewed_by: by.id }, note ?? '冲正复核通过');
  return loadApp(ctx, id);
}

export function approveReversal(ctx: ServiceContext, by: Operator, id: number, pass: boolean, idempotencyKey: string, note?: string): AppRow {
  const row = loadApp(ctx, id);
  expectState(row, ['冲正待审批'], '审批冲正');
  expectOtherPerson(ctx, by, [row.reversal_requested_by, row.reversal_reviewed_by], '冲正审批');
  if (!pass) {
    transition(ctx, by, row, '已支付', 'reversal_reject', { reversal_requested_by: null, reversal_reviewed_by: null }, note ?? '冲正审批未通过');
    return loadApp(ctx, id);
  }
  const posted = reverseEntry(ctx, { entryId: row.paid_entry_id!, reason: row.reversal_reason ?? '', idempotencyKey, operator: by });
  // A reversed account-closing withdrawal reopens the account it closed.
  const closed = ctx.db.prepare(`SELECT business_type FROM journal_entries WHERE id = ?`).get(row.paid_entry_id) as { business_type: string };
  if (closed.business_type === '销户提取') ctx.db.prepare(`UPDATE members SET status = '正常' WHERE id = ? AND status = '销户'`).run(row.member_id);
  transition(ctx, by, row, '已冲正', 'reversal_approve', { reversal_entry_id: posted.entryId }, `${note ?? '冲正审批通过'}，冲正凭证号${posted.entryNo}`);
  return loadApp(ctx, id);
}

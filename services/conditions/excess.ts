/**
 * 004 六(二): 借款人或配偶提取个人住房公积金支付房款后,账户内余额未达到申请贷款要求的,应将超额提取部分补缴回个人住房
 * 公积金账户后,再申请住房公积金贷款 (rule uq.flow.excessPayback).
 *  - excess.assess, on a loan application the 十分之一 rule (uq.loan.reserve10) refuses: the shortfall (the
 *    requirement less the borrower's and spouse's balances, in fen, rounded up so that paying it back meets the
 *    requirement) is owed back by whoever withdrew to pay for the house (提取 case purchase, paid), borrower first,
 *    each at most what he or she withdrew. One excess_paybacks row per member.
 *  - excess.payback books the payment: Dr 101 住房公积金存款 (the money comes in), Cr the member's 201 account.
 *  - Until all of a member's excess is paid back, the member's withdrawal applications and the loan application
 *    (borrower or spouse) are refused (the seed's 后再申请; the withdrawal block keeps the excess from being drawn again).
 * The paid part is the journal: entries with ref_type 'excess_payback', less any reversed.
 */
import type { ExcessPaybackDto } from '../../shared/contract/conditions';
import { AppError, badInput, notFound } from '../../shared/errors';
import { D, formatYuanGrouped } from '../../shared/money';
import { audit } from '../audit/log';
import type { Operator, ServiceContext } from '../context';
import { nowIso } from '../context';
import { getMember } from '../accounts/members';
import { accountIdByCode, memberAccountId } from '../ledger/accounts';
import { postEntry } from '../ledger/post';
import { expectState, loadApp } from '../withdrawal/store';
import { rejudgeLoan } from '../loan/workflow';
import { hasWorkflowRule, RULE_IDS } from './rules';

const yuan = (fen: number) => `${formatYuanGrouped(fen)}元`;
const CLAUSE = '（004：应将超额提取部分补缴回个人住房公积金账户后，再申请住房公积金贷款）';
const RESERVE_RULE = 'uq.loan.reserve10';
const RESERVE_PARAM = 'uq.loan.reservePercent';
const PURCHASE_CASES = ['purchase'];

interface Row {
  id: number;
  member_id: number;
  loan_application_id: number;
  due_fen: number;
  withdrawn_fen: number;
  created_at: string;
  created_name: string;
}

function paidFen(ctx: ServiceContext, id: number): number {
  const r = ctx.db
    .prepare(
      `SELECT COALESCE(SUM(p.amount_fen), 0) AS n FROM journal_entries e JOIN postings p ON p.entry_id = e.id JOIN accounts a ON a.id = p.account_id
       WHERE e.ref_type = 'excess_payback' AND e.ref_id = ? AND p.side = 'C' AND a.member_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses_entry_id = e.id)`,
    )
    .get(id) as { n: number };
  return r.n;
}

function dto(ctx: ServiceContext, r: Row): ExcessPaybackDto {
  const paid = paidFen(ctx, r.id);
  return { id: r.id, memberId: r.member_id, loanApplicationId: r.loan_application_id, dueFen: r.due_fen, withdrawnFen: r.withdrawn_fen, paidFen: paid, outstandingFen: Math.max(0, r.due_fen - paid), createdAt: r.created_at, createdBy: r.created_name };
}

const SELECT = 'SELECT x.*, o.name AS created_name FROM excess_paybacks x JOIN operators o ON o.id = x.created_by';

export function excessOf(ctx: ServiceContext, memberId: number): ExcessPaybackDto[] {
  return (ctx.db.prepare(`${SELECT} WHERE x.member_id = ? ORDER BY x.id`).all(memberId) as Row[]).map((r) => dto(ctx, r));
}

export function outstandingExcess(ctx: ServiceContext, memberId: number): number {
  return excessOf(ctx, memberId).reduce((t, x) => t + x.outstandingFen, 0);
}

/** Withdrawal intake and payout, loan submission: refused while an excess is owed back. */
export function assertNoExcessOwed(ctx: ServiceContext, memberIds: Array<number | null>, what: string): void {
  for (const id of memberIds) {
    if (id === null) continue;
    const owed = outstandingExcess(ctx, id);
    if (owed > 0) throw new AppError('RULE', `${getMember(ctx, id).name}尚有超额提取的${yuan(owed)}未补缴回个人住房公积金账户，补缴后才能${what}${CLAUSE}`);
  }
}

function purchaseWithdrawn(ctx: ServiceContext, memberId: number): number {
  const r = ctx.db
    .prepare(`SELECT COALESCE(SUM(approved_fen), 0) AS n FROM applications WHERE kind = 'withdrawal' AND member_id = ? AND state IN ('已支付', '冲正待复核', '冲正待审批') AND case_id IN (${PURCHASE_CASES.map(() => '?').join(', ')})`)
    .get(memberId, ...PURCHASE_CASES) as { n: number };
  return r.n;
}

export function assessExcess(ctx: ServiceContext, by: Operator, applicationId: number): ExcessPaybackDto[] {
  if (!hasWorkflowRule(ctx.center.id, RULE_IDS.excessPayback)) throw new AppError('RULE', '本中心政策原文没有超额提取补缴的规定');
  const row = loadApp(ctx, applicationId, 'loan');
  expectState(row, ['草稿', '退回'], '核定超额提取补缴');
  const members = [row.member_id, row.spouse_member_id].filter((x): x is number => x !== null);
  if (members.some((m) => outstandingExcess(ctx, m) > 0)) throw new AppError('CONFLICT', '已核定的超额提取尚未补缴完毕，不能重复核定');
  const d = rejudgeLoan(ctx, row);
  const reserve = d.trace.find((t) => t.ruleId === RESERVE_RULE);
  if (!reserve || reserve.outcome !== 'failed') throw new AppError('RULE', '借款人与配偶账户余额已达到申请贷款要求（十分之一），无需补缴');
  const percent = String(d.params.find((p) => p.paramId === RESERVE_PARAM)?.value ?? '10');
  const balances = members.reduce((t, m) => t + getMember(ctx, m).balanceFen, 0);
  const need = new D(row.requested_fen!).times(percent).dividedBy(100).toDecimalPlaces(0, D.ROUND_UP).toNumber();
  let shortfall = need - balances;
  const rows: number[] = [];
  for (const m of members) {
    const withdrawn = purchaseWithdrawn(ctx, m);
    const due = Math.min(shortfall, withdrawn);
    if (due <= 0) continue;
    rows.push(Number(ctx.db.prepare('INSERT INTO excess_paybacks (member_id, loan_application_id, due_fen, withdrawn_fen, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(m, row.id, due, withdrawn, by.id, nowIso(ctx)).lastInsertRowid));
    shortfall -= due;
  }
  if (rows.length === 0) {
    throw new AppError('RULE', `余额合计${yuan(balances)}，少于申请额的${percent}%（${yuan(need)}），但借款人及配偶未提取公积金支付房款：不属于超额提取，请调整申请金额`);
  }
  audit(ctx, { operator: by, action: 'excess.assess', recordType: 'application', recordId: row.id, detail: { rows, needFen: need, balancesFen: balances } });
  return (ctx.db.prepare(`${SELECT} WHERE x.id IN (${rows.join(', ')}) ORDER BY x.id`).all() as Row[]).map((r) => dto(ctx, r));
}

export function payBackExcess(ctx: ServiceContext, by: Operator, paybackId: number, amountFen: number, idempotencyKey: string): ExcessPaybackDto & { entryNo: string } {
  const r = ctx.db.prepare(`${SELECT} WHERE x.id = ?`).get(paybackId) as Row | undefined;
  if (!r) throw notFound(`补缴事项不存在：${paybackId}`);
  const before = dto(ctx, r);
  if (before.outstandingFen === 0) throw new AppError('CONFLICT', '该笔超额提取已全部补缴', 'paybackId');
  if (amountFen > before.outstandingFen) throw badInput('amountFen', `补缴金额${yuan(amountFen)}超过尚未补缴的${yuan(before.outstandingFen)}`);
  const acct = memberAccountId(ctx, r.member_id, 'basic');
  if (!acct) throw notFound(`职工${r.member_id}没有住房公积金账户`);
  const entry = postEntry(ctx, {
    idempotencyKey,
    businessType: '超额提取补缴',
    summary: '超额提取部分补缴回个人账户',
    operator: by,
    lines: [
      { accountId: accountIdByCode(ctx, '101'), side: 'D', amountFen, memo: '超额提取补缴' },
      { accountId: acct, side: 'C', amountFen, memo: '超额提取补缴' },
    ],
    refType: 'excess_payback',
    refId: paybackId,
  });
  audit(ctx, { operator: by, action: 'excess.payback', recordType: 'member', recordId: r.member_id, detail: { paybackId, amountFen, entryNo: entry.entryNo } });
  return { ...dto(ctx, r), entryNo: entry.entryNo };
}

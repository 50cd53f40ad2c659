/**
 * The journal side of loan servicing, shared by repayment and prepayment: where the money comes from, the one
 * balanced entry, and the append-only record of how it was applied to the loan.
 *
 *   bank  Dr 101 住房公积金存款                      (the borrower paid into the fund's bank account)
 *   fund  Dr 201 borrower, then Dr 201 spouse        (委托提取: the members' balances serve the loan first)
 *         Cr 121:<contract no> 委托贷款              principal
 *         Cr 401 业务收入                            interest   (memo 贷款利息收入)
 *         Cr 401 业务收入                            penalty    (memo 罚息收入)
 */
import { AppError, conflict } from '../../../shared/errors';
import { formatYuanGrouped } from '../../../shared/money';
import { REPAYMENT_KIND_LABELS, REPAYMENT_SOURCE_LABELS, type LoanRepaymentDto, type RepaymentKind, type RepaymentSource } from '../../../shared/contract/loanServicing';
import type { Operator, ServiceContext } from '../../context';
import { nowIso } from '../../context';
import { accountBalance, accountIdByCode, memberAccountId } from '../../ledger/accounts';
import { postEntry, type PostingLine } from '../../ledger/post';
import { audit } from '../../audit/log';
import type { LoanRecord } from './schedule';
import type { PeriodAllocation } from './allocate';

export const BUSINESS_TYPES: Record<RepaymentKind, string> = { repay: '贷款还款', prepay_partial: '提前还款', prepay_full: '提前结清' };

export function sourceLines(ctx: ServiceContext, loan: LoanRecord, source: RepaymentSource, amountFen: number, memo: string): PostingLine[] {
  if (source === 'bank') return [{ accountId: accountIdByCode(ctx, '101'), side: 'D', amountFen, memo }];
  const lines: PostingLine[] = [];
  let rest = amountFen;
  const holders: Array<[number | null, string]> = [
    [loan.memberId, ''],
    [loan.spouseMemberId, '（配偶账户）'],
  ];
  for (const [memberId, who] of holders) {
    if (rest === 0 || memberId === null) continue;
    const acct = memberAccountId(ctx, memberId, 'basic');
    if (!acct) continue;
    const take = Math.min(rest, Math.max(0, accountBalance(ctx, acct)));
    if (take > 0) lines.push({ accountId: acct, side: 'D', amountFen: take, memo: `委托提取${memo}${who}` });
    rest -= take;
  }
  if (rest > 0) {
    throw new AppError('RULE', `借款人及配偶公积金账户余额合计${formatYuanGrouped(amountFen - rest)}元，不足以委托提取${formatYuanGrouped(amountFen)}元，差${formatYuanGrouped(rest)}元；请改为银行还款或减少金额`, 'amountFen');
  }
  return lines;
}

export interface RecordInput {
  loan: LoanRecord;
  kind: RepaymentKind;
  source: RepaymentSource;
  date: string;
  principalFen: number;
  interestFen: number;
  penaltyFen: number;
  allocations: readonly PeriodAllocation[];
  strategy: string;
  idempotencyKey: string;
  operator: Operator;
}

/** Posts the one entry and records the repayment and its allocations; returns the repayment id. */
export function postRepayment(ctx: ServiceContext, r: RecordInput): { repaymentId: number; entryId: number; entryNo: string } {
  const amount = r.principalFen + r.interestFen + r.penaltyFen;
  if (amount <= 0) throw new AppError('BAD_INPUT', '还款金额须大于0', 'amountFen');
  const label = BUSINESS_TYPES[r.kind];
  const credits: PostingLine[] = [];
  if (r.principalFen > 0) credits.push({ accountId: r.loan.accountId, side: 'C', amountFen: r.principalFen, memo: r.kind === 'repay' ? '归还贷款本金' : `${label}本金` });
  if (r.interestFen > 0) credits.push({ accountId: accountIdByCode(ctx, '401'), side: 'C', amountFen: r.interestFen, memo: '贷款利息收入' });
  if (r.penaltyFen > 0) credits.push({ accountId: accountIdByCode(ctx, '401'), side: 'C', amountFen: r.penaltyFen, memo: '罚息收入' });
  const lines = [...sourceLines(ctx, r.loan, r.source, amount, label), ...credits];
  const entry = postEntry(ctx, {
    idempotencyKey: r.idempotencyKey,
    businessType: label,
    summary: `${label} ${r.loan.contractNo}`,
    operator: { ...r.operator, branchCode: r.operator.branchCode || ctx.center.branches[0]!.code },
    lines,
    refType: 'loan',
    refId: r.loan.id,
  });
  if (entry.duplicate) throw conflict(`业务流水号已用于凭证${entry.entryNo}`);
  const repaymentId = Number(
    ctx.db
      .prepare(
        `INSERT INTO loan_repayments (loan_id, entry_id, idempotency_key, kind, source, paid_date, amount_fen, principal_fen, interest_fen, penalty_fen, strategy, operator_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(r.loan.id, entry.entryId, r.idempotencyKey, r.kind, r.source, r.date, amount, r.principalFen, r.interestFen, r.penaltyFen, r.strategy, r.operator.id || null, nowIso(ctx)).lastInsertRowid,
  );
  if (r.allocations.length > 0) {
    ctx.db
      .prepare(
        `INSERT INTO loan_repayment_allocations (loan_id, period, repayment_id, paid_date, principal_fen, interest_fen, penalty_fen)
         SELECT ?, j.value ->> 0, ?, ?, j.value ->> 1, j.value ->> 2, j.value ->> 3 FROM json_each(?) AS j`,
      )
      .run(r.loan.id, repaymentId, r.date, JSON.stringify(r.allocations.map((a) => [a.period, a.principalFen, a.interestFen, a.penaltyFen])));
  }
  audit(ctx, {
    operator: r.operator,
    action: `loan.${r.kind}`,
    recordType: 'loan',
    recordId: r.loan.id,
    detail: { contractNo: r.loan.contractNo, entryNo: entry.entryNo, date: r.date, source: r.source, amountFen: amount, principalFen: r.principalFen, interestFen: r.interestFen, penaltyFen: r.penaltyFen },
  });
  return { repaymentId, entryId: entry.entryId, entryNo: entry.entryNo };
}

export function settleLoan(ctx: ServiceContext, loanId: number, date: string, entryId: number): void {
  ctx.db.prepare(`UPDATE loans SET status = '已结清', settled_date = ?, settled_entry_id = ? WHERE id = ? AND status = '还款中'`).run(date, entryId, loanId);
}

interface RepaymentRow {
  id: number;
  loan_id: number;
  kind: RepaymentKind;
  source: RepaymentSource;
  paid_date: string;
  amount_fen: number;
  principal_fen: number;
  interest_fen: number;
  penalty_fen: number;
  entry_no: string;
  reversed: number;
}

const REPAYMENT_SQL = `SELECT r.*, e.entry_no, EXISTS (SELECT 1 FROM journal_entries x WHERE x.reverses_entry_id = r.entry_id) AS reversed
  FROM loan_repayments r JOIN journal_entries e ON e.id = r.entry_id`;

function toDto(ctx: ServiceContext, rows: RepaymentRow[]): LoanRepaymentDto[] {
  if (rows.length === 0) return [];
  const allocs = ctx.db
    .prepare(
      `SELECT repayment_id, period, principal_fen, interest_fen, penalty_fen FROM loan_repayment_allocations
        WHERE loan_id = ? AND repayment_id IN (SELECT value FROM json_each(?)) ORDER BY period`,
    )
    .all(rows[0]!.loan_id, JSON.stringify(rows.map((r) => r.id))) as Array<{ repayment_id: number; period: number; principal_fen: number; interest_fen: number; penalty_fen: number }>;
  return rows.map((r) => {
    const mine = allocs.filter((a) => a.repayment_id === r.id).map((a) => ({ period: a.period, principalFen: a.principal_fen, interestFen: a.interest_fen, penaltyFen: a.penalty_fen }));
    return {
      id: r.id,
      date: r.paid_date,
      kind: r.kind,
      kindLabel: REPAYMENT_KIND_LABELS[r.kind],
      source: r.source,
      sourceLabel: REPAYMENT_SOURCE_LABELS[r.source],
      amountFen: r.amount_fen,
      principalFen: r.principal_fen,
      interestFen: r.interest_fen,
      penaltyFen: r.penalty_fen,
      entryNo: r.entry_no,
      reversed: r.reversed === 1,
      periods: mine.map((a) => a.period),
      allocations: mine,
    };
  });
}

export function repaymentDto(ctx: ServiceContext, repaymentId: number): LoanRepaymentDto {
  return toDto(ctx, ctx.db.prepare(`${REPAYMENT_SQL} WHERE r.id = ?`).all(repaymentId) as RepaymentRow[])[0]!;
}

/** 还款明细: every repayment of the loan, oldest first (a reversed one is shown, marked). */
export function loanRepayments(ctx: ServiceContext, loanId: number): LoanRepaymentDto[] {
  return toDto(ctx, ctx.db.prepare(`${REPAYMENT_SQL} WHERE r.loan_id = ? ORDER BY r.paid_date, r.id`).all(loanId) as RepaymentRow[]);
}

/** A repayment already recorded under this key (a retried request) — or null. */
export function priorRepayment(ctx: ServiceContext, loanId: number, idempotencyKey: string): { id: number; kind: RepaymentKind } | null {
  const r = ctx.db.prepare('SELECT id, loan_id, kind FROM loan_repayments WHERE idempotency_key = ?').get(idempotencyKey) as { id: number; loan_id: number; kind: RepaymentKind } | undefined;
  if (!r) return null;
  if (r.loan_id !== loanId) throw conflict('业务流水号已用于另一笔贷款的还款');
  return { id: r.id, kind: r.kind };
}

export function lastRepaymentDate(ctx: ServiceContext, loanId: number): string | null {
  return (ctx.db.prepare('SELECT MAX(paid_date) AS d FROM loan_repayments WHERE loan_id = ?').get(loanId) as { d: string | null }).d;
}

/** 已还本金 / 已还利息 / 已还罚息 from the repayments whose entries stand (a reversed one does not count). */
export function repaidTotals(ctx: ServiceContext, loanId: number): { principalFen: number; interestFen: number; penaltyFen: number } {
  const r = ctx.db
    .prepare(
      `SELECT COALESCE(SUM(principal_fen), 0) AS p, COALESCE(SUM(interest_fen), 0) AS i, COALESCE(SUM(penalty_fen), 0) AS n
         FROM loan_repayments r WHERE r.loan_id = ? AND NOT EXISTS (SELECT 1 FROM journal_entries x WHERE x.reverses_entry_id = r.entry_id)`,
    )
    .get(loanId) as { p: number; i: number; n: number };
  return { principalFen: r.p, interestFen: r.i, penaltyFen: r.n };
}

/**
 * Disbursement (放款): one journal entry — Dr the loan's own sub-ledger account under 121 委托贷款, Cr 101
 * 住房公积金存款 — the loan record with its contract number, and the repayment schedule frozen as it stands that
 * day (first installment one month after disbursement). Idempotent by key; re-judged first.
 */
import { AppError } from '../../shared/errors';
import { addMonthsClamped, buildSchedule } from '../../shared/loan/schedule';
import { formatYuanGrouped } from '../../shared/money';
import type { Operator, ServiceContext } from '../context';
import { nowIso, today } from '../context';
import { accountIdByCode } from '../ledger/accounts';
import { postEntry } from '../ledger/post';
import { conflict } from '../../shared/errors';
import { expectState, loadApp, transition, type AppRow } from '../withdrawal/store';
import { storedTerms } from './intake';
import { reapprovalFailure, rejudgeLoan } from './workflow';
import { assertGuarantorsQualify, freezePledges } from '../conditions/pledges';
import { assertNotarised } from '../conditions/notarisation';

export function disburseLoan(ctx: ServiceContext, by: Operator, id: number, idempotencyKey: string): AppRow {
  const row = loadApp(ctx, id, 'loan');
  const existing = ctx.db.prepare('SELECT l.id, e.idempotency_key FROM loans l JOIN journal_entries e ON e.id = l.disbursed_entry_id WHERE l.application_id = ?').get(id) as
    | { id: number; idempotency_key: string }
    | undefined;
  if (existing) {
    if (existing.idempotency_key === idempotencyKey) return row;
    throw conflict(`申请${row.app_no}已放款，不能重复放款`);
  }
  expectState(row, ['已签约'], '放款');
  const date = today(ctx);
  const d = rejudgeLoan(ctx, row, { approvedDate: row.approved_at!.slice(0, 10), disbursementDate: date });
  const lapsed = reapprovalFailure(d);
  if (lapsed) {
    transition(ctx, by, row, '退回', 'reapproval_required', { submitted_by: null, submitted_at: null, reviewed_by: null, reviewed_at: null, approved_by: null, approved_at: null, approved_fen: null }, `需重新审批：${lapsed}`, d);
    return loadApp(ctx, id, 'loan');
  }
  if (!d.eligible || !d.rate) {
    const f = d.trace.find((t) => t.outcome === 'failed');
    throw new AppError('RULE', `放款前复查政策不通过：${f?.message ?? '无适用利率'}`);
  }
  assertNotarised(ctx, row);
  assertGuarantorsQualify(ctx, row);
  const principal = row.approved_fen!;
  const { months, method } = storedTerms(row);
  const firstDue = addMonthsClamped(date, 1);
  const { rows, summary } = buildSchedule({ principalFen: principal, annualRatePercent: d.rate.annualRatePercent, months, method, firstDueDate: firstDue });
  const contractNo = row.contract_no!;
  const loanId = (ctx.db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS n FROM loans').get() as { n: number }).n;
  const accountId = Number(
    ctx.db
      .prepare(`INSERT INTO accounts (code, name, type, parent_code, member_id, loan_id) VALUES (?, ?, 'asset', '121', ?, ?)`)
      .run(`121:${contractNo}`, '个人住房公积金贷款', row.member_id, loanId).lastInsertRowid,
  );
  const entry = postEntry(ctx, {
    idempotencyKey,
    businessType: '贷款发放',
    summary: `贷款发放 ${contractNo}`,
    operator: by,
    lines: [
      { accountId, side: 'D', amountFen: principal, memo: '贷款发放' },
      { accountId: accountIdByCode(ctx, '101'), side: 'C', amountFen: principal, memo: '贷款发放' },
    ],
    refType: 'loan',
    refId: loanId,
  });
  ctx.db
    .prepare(
      `INSERT INTO loans (id, contract_no, application_id, member_id, spouse_member_id, principal_fen, annual_rate_percent, rate_basis, months, method,
         first_due_date, disbursed_date, disbursed_entry_id, mortgage_reg_no, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '还款中', ?)`,
    )
    .run(loanId, contractNo, row.id, row.member_id, row.spouse_member_id, principal, d.rate.annualRatePercent, d.rate.basis, months, method, firstDue, date, entry.entryId, row.mortgage_reg_no ?? null, nowIso(ctx));
  ctx.db
    .prepare(
      `INSERT INTO loan_schedule (loan_id, period, due_date, payment_fen, principal_fen, interest_fen, remaining_fen)
       SELECT ?, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5 FROM json_each(?) AS j`,
    )
    .run(loanId, JSON.stringify(rows.map((r) => [r.period, r.dueDate, r.paymentFen, r.principalFen, r.interestFen, r.remainingFen])));
  freezePledges(ctx, row, loanId);
  transition(ctx, by, row, '已放款', 'disburse', {},
    `放款${formatYuanGrouped(principal)}元，年利率${d.rate.annualRatePercent}%，${months}期，月还款${formatYuanGrouped(summary.monthlyPaymentFen)}元，凭证号${entry.entryNo}`, d);
  return loadApp(ctx, id, 'loan');
}

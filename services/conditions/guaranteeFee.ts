/**
 * 004 担保方式1: 由住房置业担保公司担保住房公积金贷款,中心支付担保服务费 (rule uq.flow.guaranteeFee). The center's
 * payment is booked against the loan: Dr 411 业务支出 (the fee is the center's expense, not the borrower's),
 * Cr 101 住房公积金存款 (paid from the fund's bank account); ref_type 'loan', business type 担保服务费.
 * Only for a disbursed loan whose application's guarantee is 担保公司担保.
 */
import { AppError, notFound } from '../../shared/errors';
import { audit } from '../audit/log';
import type { Operator, ServiceContext } from '../context';
import { accountIdByCode } from '../ledger/accounts';
import { postEntry } from '../ledger/post';
import { hasWorkflowRule, RULE_IDS } from './rules';
import type { GuaranteeFeeDto } from '../../shared/contract/conditions';

export const GUARANTEE_FEE = '担保服务费';

export function bookGuaranteeFee(ctx: ServiceContext, by: Operator, input: { loanId: number; amountFen: number; company: string; idempotencyKey: string }) {
  if (!hasWorkflowRule(ctx.center.id, RULE_IDS.guaranteeFee)) throw new AppError('RULE', '本中心政策原文没有中心支付担保服务费的规定');
  const loan = ctx.db.prepare('SELECT l.id, l.contract_no, a.facts_json FROM loans l JOIN applications a ON a.id = l.application_id WHERE l.id = ?').get(input.loanId) as
    | { id: number; contract_no: string; facts_json: string }
    | undefined;
  if (!loan) throw notFound(`贷款不存在：${input.loanId}`);
  const type = (JSON.parse(loan.facts_json) as { guarantee?: { type?: string } }).guarantee?.type;
  if (type !== 'company') throw new AppError('RULE', `贷款${loan.contract_no}的担保方式不是担保公司担保，中心不支付担保服务费`, 'loanId');
  const entry = postEntry(ctx, {
    idempotencyKey: input.idempotencyKey,
    businessType: GUARANTEE_FEE,
    summary: `${GUARANTEE_FEE} ${loan.contract_no} ${input.company}`,
    operator: by,
    lines: [
      { accountId: accountIdByCode(ctx, '411'), side: 'D', amountFen: input.amountFen, memo: `${GUARANTEE_FEE}（${input.company}）` },
      { accountId: accountIdByCode(ctx, '101'), side: 'C', amountFen: input.amountFen, memo: GUARANTEE_FEE },
    ],
    refType: 'loan',
    refId: loan.id,
  });
  audit(ctx, { operator: by, action: 'loan.guaranteeFee', recordType: 'loan', recordId: loan.id, detail: { amountFen: input.amountFen, company: input.company, entryNo: entry.entryNo } });
  return { loanId: loan.id, entryNo: entry.entryNo, amountFen: input.amountFen };
}

/** The 担保服务费 booked against a loan, newest last (the journal is the record: ref_type 'loan', business type). */
export function guaranteeFeesOf(ctx: ServiceContext, loanId: number): GuaranteeFeeDto[] {
  const rows = ctx.db
    .prepare(
      `SELECT e.entry_no, e.created_at AS at, p.amount_fen, p.memo, COALESCE(o.name, '') AS operator_name
         FROM journal_entries e JOIN postings p ON p.entry_id = e.id AND p.side = 'D'
         LEFT JOIN operators o ON o.id = e.operator_id
        WHERE e.ref_type = 'loan' AND e.ref_id = ? AND e.business_type = ? ORDER BY e.id`,
    )
    .all(loanId, GUARANTEE_FEE) as { entry_no: string; at: string; amount_fen: number; memo: string; operator_name: string }[];
  return rows.map((r) => ({ entryNo: r.entry_no, at: r.at, amountFen: r.amount_fen, company: /（(.*)）$/.exec(r.memo)?.[1] ?? '', operatorName: r.operator_name }));
}

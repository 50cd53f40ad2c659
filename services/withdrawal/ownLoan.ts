/**
 * 偿还住房贷款本息 for a 公积金 loan of this center: the money never leaves the fund. It is paid as 委托提取 —
 * the members' balances debited, the loan's 121 account and 401 interest credited — through loan servicing's
 * own repayment, so the installments, interest and any penalty are allocated as for any repayment. What can be
 * paid this way is what is due up to the next installment; more is a prepayment, done in loan servicing.
 */
import { AppError } from '../../shared/errors';
import { formatYuanGrouped } from '../../shared/money';
import type { ServiceContext } from '../context';
import { today } from '../context';
import { payableBuckets } from '../loan/servicing/allocate';
import { loanState } from '../loan/servicing/state';

export interface OwnLoan {
  loanId: number;
  contractNo: string;
  payableFen: number;
}

/** The center's own unpaid loan a repayment withdrawal names, with what is payable today; null for other loans. */
export function ownLoanOf(ctx: ServiceContext, facts: Record<string, unknown>, caseId: string): OwnLoan | null {
  const rep = facts.repayment as { loanType?: string; loanContractNo?: string } | undefined;
  if (caseId !== 'repayment' || rep?.loanType !== 'pf' || !rep.loanContractNo) return null;
  const loan = ctx.db.prepare(`SELECT id, contract_no FROM loans WHERE contract_no = ? AND status = '还款中'`).get(rep.loanContractNo) as
    | { id: number; contract_no: string }
    | undefined;
  if (!loan) return null;
  const payableFen = payableBuckets(loanState(ctx, loan.id, today(ctx)).installments, today(ctx)).reduce((t, b) => t + b.owedFen, 0);
  return { loanId: loan.id, contractNo: loan.contract_no, payableFen };
}

/** The amount a repayment withdrawal of the center's own loan may carry: the request, at most what is due. */
export function ownLoanAmount(own: OwnLoan, requestedFen: number | null, maxFen: number): number {
  if (own.payableFen <= 0) throw new AppError('RULE', `贷款${own.contractNo}当前没有应还款项；提前还款请在贷款还款中办理`);
  const amount = Math.min(requestedFen ?? own.payableFen, maxFen, own.payableFen);
  if (requestedFen !== null && requestedFen > own.payableFen) {
    throw new AppError('RULE', `贷款${own.contractNo}截至下一期应还${formatYuanGrouped(own.payableFen)}元，申请金额超过部分请在贷款还款中办理提前还款（委托提取）`, 'requestedFen');
  }
  return amount;
}

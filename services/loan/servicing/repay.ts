/**
 * 还款 (loan.repay): a payment from the borrower's bank payment or by 委托提取 from the borrower's and spouse's
 * fund balances, applied by a named allocation strategy (allocate.ts) to what is due on the payment date —
 * penalty, interest, principal, oldest installment first — partial payments allowed. One idempotent balanced
 * entry (record.ts); the allocation is recorded per installment; paying the last installment settles the loan.
 */
import { AppError, badInput, conflict } from '../../../shared/errors';
import { formatYuanGrouped } from '../../../shared/money';
import type { AllocationStrategyName, RepayResultDto, RepaymentSource } from '../../../shared/contract/loanServicing';
import type { Operator, ServiceContext } from '../../context';
import { today } from '../../context';
import { accountBalance } from '../../ledger/accounts';
import { allocate, DEFAULT_STRATEGY, payableBuckets } from './allocate';
import { lastRepaymentDate, postRepayment, priorRepayment, repaymentDto, settleLoan } from './record';
import { loanState, owedOf } from './state';

export interface RepayInput {
  loanId: number;
  amountFen: number;
  source: RepaymentSource;
  /** Value date of a bank payment (default today; not later than today, not earlier than the last repayment). */
  date?: string;
  strategy?: AllocationStrategyName;
  idempotencyKey: string;
}

export function repayLoan(ctx: ServiceContext, by: Operator, input: RepayInput): RepayResultDto {
  return ctx.db.tx(() => {
    const strategy = input.strategy ?? DEFAULT_STRATEGY;
    const prior = priorRepayment(ctx, input.loanId, input.idempotencyKey);
    if (prior) {
      if (prior.kind !== 'repay') throw conflict('业务流水号已用于提前还款');
      return result(ctx, input.loanId, prior.id, strategy);
    }
    if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) throw badInput('amountFen', '还款金额须大于0');
    const now = today(ctx);
    const date = input.date ?? now;
    const s0 = loanState(ctx, input.loanId, date);
    const loan = s0.loan;
    if (loan.status === '已结清') throw conflict(`贷款${loan.contractNo}已于${loan.settledDate}结清`);
    if (date > now) throw badInput('date', `还款日期不能晚于今天（${now}）`);
    if (input.source === 'fund' && date !== now) throw badInput('date', '委托提取还款只能按当日办理');
    if (date < loan.disbursedDate) throw badInput('date', `还款日期不能早于放款日期${loan.disbursedDate}`);
    const last = lastRepaymentDate(ctx, loan.id);
    if (last && date < last) throw badInput('date', `还款日期不能早于上一笔还款日期${last}`);

    const buckets = payableBuckets(s0.installments, date);
    const payable = buckets.reduce((t, b) => t + b.owedFen, 0);
    if (payable === 0) throw new AppError('RULE', '当前没有应还款项（本期已还清）；如需多还请办理提前还款', 'amountFen');
    if (input.amountFen > payable) {
      throw new AppError('RULE', `还款金额${formatYuanGrouped(input.amountFen)}元超过截至下一期的应还金额${formatYuanGrouped(payable)}元；多出部分请办理提前还款`, 'amountFen');
    }
    const allocations = allocate(buckets, input.amountFen, strategy);
    const sum = (k: 'principalFen' | 'interestFen' | 'penaltyFen') => allocations.reduce((t, a) => t + a[k], 0);
    const posted = postRepayment(ctx, {
      loan,
      kind: 'repay',
      source: input.source,
      date,
      principalFen: sum('principalFen'),
      interestFen: sum('interestFen'),
      penaltyFen: sum('penaltyFen'),
      allocations,
      strategy,
      idempotencyKey: input.idempotencyKey,
      operator: by,
    });
    const after = loanState(ctx, loan.id, date);
    if (after.installments.every((i) => owedOf(i) === 0)) settleLoan(ctx, loan.id, date, posted.entryId);
    return result(ctx, loan.id, posted.repaymentId, strategy);
  });
}

function result(ctx: ServiceContext, loanId: number, repaymentId: number, strategy: AllocationStrategyName): RepayResultDto {
  const l = ctx.db.prepare('SELECT l.status, a.id AS account_id FROM loans l JOIN accounts a ON a.loan_id = l.id WHERE l.id = ?').get(loanId) as { status: string; account_id: number };
  return { loanId, repayment: repaymentDto(ctx, repaymentId), strategy, settled: l.status === '已结清', balanceFen: accountBalance(ctx, l.account_id) };
}

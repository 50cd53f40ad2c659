/**
 * Emptying a member account — 销户 withdrawal or 转出 — pays the balance and the interest accrued to the day, in
 * one entry: Dr 411 业务支出 / Cr the account for the interest, then Dr the account for everything it then holds.
 * The caller adds the credit for where the money goes and the checks of its own workflow.
 */
import type { ServiceContext } from '../context';
import { accountBalance, accountIdByCode } from '../ledger/accounts';
import type { PostingLine } from '../ledger/post';
import { accruedInterest } from '../interest/accrual';

export function closingLines(ctx: ServiceContext, accountId: number, date: string, kind: '销户' | '转出', debitMemo: string) {
  const interestFen = accruedInterest(ctx, accountId, date).interestFen;
  const totalFen = accountBalance(ctx, accountId) + interestFen;
  const lines: PostingLine[] = [];
  if (interestFen > 0) {
    lines.push({ accountId: accountIdByCode(ctx, '411'), side: 'D', amountFen: interestFen, memo: `${kind}利息支出` });
    lines.push({ accountId, side: 'C', amountFen: interestFen, memo: `${kind}结息` });
  }
  if (totalFen > 0) lines.push({ accountId, side: 'D', amountFen: totalFen, memo: debitMemo });
  return { lines, interestFen, totalFen };
}

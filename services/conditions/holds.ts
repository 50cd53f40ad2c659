/**
 * What stops money leaving a member's account although the application itself qualifies: an account restriction
 * (004 基本规定(三)), a 联保 pledge (004 担保方式4), an excess withdrawal not yet paid back (004 六(二)). Payout
 * paths call assertEntryRespectsHolds on the entry they just posted, inside the call's transaction, so a refusal
 * undoes the posting: whatever path built the lines (partial, closing, 委托提取 repayment), the check is the same.
 */
import { AppError } from '../../shared/errors';
import { formatYuanGrouped } from '../../shared/money';
import type { ServiceContext } from '../context';
import { getMember } from '../accounts/members';
import { assertNotRestricted } from './restriction';
import { frozenFen, pledgesOf } from './pledges';

const yuan = (fen: number) => `${formatYuanGrouped(fen)}元`;

export function assertEntryRespectsHolds(ctx: ServiceContext, entryId: number, what: string): void {
  const draws = ctx.db
    .prepare(
      `SELECT a.member_id AS memberId, SUM(CASE WHEN p.side = 'D' THEN p.amount_fen ELSE -p.amount_fen END) AS net
       FROM postings p JOIN accounts a ON a.id = p.account_id WHERE p.entry_id = ? AND a.member_id IS NOT NULL AND a.loan_id IS NULL
       GROUP BY a.member_id HAVING net > 0`,
    )
    .all(entryId) as Array<{ memberId: number; net: number }>;
  for (const d of draws) {
    assertNotRestricted(ctx, d.memberId, what);
    const frozen = frozenFen(ctx, d.memberId);
    if (frozen === 0) continue;
    const m = getMember(ctx, d.memberId);
    if (m.balanceFen < frozen) {
      const before = m.balanceFen + d.net;
      const loans = pledgesOf(ctx, d.memberId).filter((p) => p.loanStatus === '还款中').map((p) => `${p.contractNo}（借款人${p.borrowerName}，担保${yuan(p.pledgedFen)}）`);
      throw new AppError(
        'RULE',
        `${m.name}是贷款${loans.join('、')}的联保人，联保期间所担保的${yuan(frozen)}不能使用：余额${yuan(before)}，${what}最多${yuan(Math.max(0, before - frozen))}，本次${yuan(d.net)}（004：联保人在联保期间不能使用所担保的住房公积金金额）`,
      );
    }
  }
}

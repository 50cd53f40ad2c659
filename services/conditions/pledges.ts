/**
 * 住房公积金联保 (004 担保方式4): 其他缴交住房公积金的职工(联保人)以其名下同等数额公积金做担保 … 联保人在联保期间不能
 * 使用所担保的住房公积金金额 (rules uq.flow.pfJoint.members, uq.flow.pfJoint.freeze).
 *  - Each guarantor is a member of this center, checked from the ledger at every step up to disbursement: account
 *    正常, contributing (at least the latest month, continuousMonths ≥ 1), not the borrower or the spouse, and a
 *    free balance (balance less what the guarantor already pledged for loans still 还款中) covering the pledge.
 *  - At disbursement the pledges are written (loan_pledges); while the loan is 还款中 they are frozen: a payout that
 *    would take the guarantor's balance below the frozen amount is refused with the reason. Settlement (loans.status
 *    '已结清') releases them — read, not written, so no step can forget it.
 */
import type { PledgeDto } from '../../shared/contract/conditions';
import { AppError } from '../../shared/errors';
import { formatYuanGrouped } from '../../shared/money';
import type { ServiceContext } from '../context';
import { getMember } from '../accounts/members';
import type { AppRow } from '../withdrawal/store';

interface Guarantor {
  name: string;
  pledgedFen: number;
  memberId?: number;
}

const yuan = (fen: number) => `${formatYuanGrouped(fen)}元`;
const CLAUSE = '（004：联保人在联保期间不能使用所担保的住房公积金金额）';

export function jointGuarantors(row: Pick<AppRow, 'facts_json'>): Guarantor[] {
  const g = (JSON.parse(row.facts_json) as { guarantee?: { type?: string; jointGuarantors?: Guarantor[] } }).guarantee;
  return g?.type === 'pfJoint' ? (g.jointGuarantors ?? []) : [];
}

/** What a member has pledged for loans still being repaid: frozen. */
export function frozenFen(ctx: ServiceContext, memberId: number): number {
  const r = ctx.db
    .prepare(`SELECT COALESCE(SUM(p.pledged_fen), 0) AS n FROM loan_pledges p JOIN loans l ON l.id = p.loan_id WHERE p.member_id = ? AND l.status = '还款中'`)
    .get(memberId) as { n: number };
  return r.n;
}

export function pledgesOf(ctx: ServiceContext, memberId: number): PledgeDto[] {
  return (
    ctx.db
      .prepare(
        `SELECT p.loan_id, l.contract_no, m.name AS borrower, p.pledged_fen, l.status FROM loan_pledges p JOIN loans l ON l.id = p.loan_id
         JOIN members m ON m.id = l.member_id WHERE p.member_id = ? ORDER BY p.loan_id`,
      )
      .all(memberId) as Array<{ loan_id: number; contract_no: string; borrower: string; pledged_fen: number; status: '还款中' | '已结清' }>
  ).map((r) => ({ loanId: r.loan_id, contractNo: r.contract_no, borrowerName: r.borrower, pledgedFen: r.pledged_fen, loanStatus: r.status }));
}

/** Refuses, naming the guarantor and the reason, unless every 联保人 is a contributing member who can cover the pledge. */
export function assertGuarantorsQualify(ctx: ServiceContext, row: AppRow): void {
  const list = jointGuarantors(row);
  const seen = new Set<number>();
  for (const [i, g] of list.entries()) {
    const who = `联保人${i + 1}（${g.name}）`;
    if (g.memberId === undefined) throw new AppError('RULE', `${who}：请填写联保人的职工编号，联保人须为本中心缴存职工`, `facts.guarantee.jointGuarantors.${i}.memberId`);
    if (g.memberId === row.member_id || g.memberId === row.spouse_member_id) throw new AppError('RULE', `${who}：借款人及其配偶不能作联保人（须为“其他缴交住房公积金的职工”）`);
    if (seen.has(g.memberId)) throw new AppError('RULE', `${who}：同一职工重复列为联保人`);
    seen.add(g.memberId);
    const m = getMember(ctx, g.memberId);
    if (m.name !== g.name) throw new AppError('RULE', `${who}：职工编号${g.memberId}的账户户名为${m.name}，与所填姓名不符`);
    if (m.status !== '正常') throw new AppError('RULE', `${who}：账户状态为${m.status}，联保人须为正常缴存住房公积金的职工（004：其他缴交住房公积金的职工）`);
    if (m.continuousMonths < 1) throw new AppError('RULE', `${who}：截至本月未连续缴存住房公积金，联保人须为正在缴交住房公积金的职工`);
    const free = m.balanceFen - frozenFen(ctx, g.memberId);
    if (free < g.pledgedFen) {
      throw new AppError('RULE', `${who}：可用于担保的公积金${yuan(free)}（余额${yuan(m.balanceFen)}，已为其他贷款担保${yuan(m.balanceFen - free)}），少于担保额${yuan(g.pledgedFen)}（004：以其名下同等数额公积金做担保）`);
    }
  }
}

/** At disbursement: the pledges become frozen for the guarantee period. */
export function freezePledges(ctx: ServiceContext, row: AppRow, loanId: number): void {
  const put = ctx.db.prepare('INSERT INTO loan_pledges (loan_id, member_id, guarantor_name, pledged_fen) VALUES (?, ?, ?, ?)');
  for (const g of jointGuarantors(row)) if (g.memberId !== undefined) put.run(loanId, g.memberId, g.name, g.pledgedFen);
}

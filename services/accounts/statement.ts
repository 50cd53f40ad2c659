/**
 * 账户明细 as the mobile-app manual shows it: by year, in two tabs — 缴存 (汇缴, 补缴, 年终结息 …) and 提取 —
 * each line with 记账日期, 摘要 and 发生额 (negative for money leaving the account).
 */
import type { ServiceContext } from '../context';
import { notFound } from '../../shared/errors';
import type { StatementLine, Statement } from '../../shared/contract/dto';
export type { StatementLine, Statement };




// Loan repayments reach a member's account only as 委托提取 (source fund): money leaving it, shown under 提取.
const WITHDRAWAL_TYPES = new Set(['提取', '部分提取', '销户提取', '全额提取', '委托提取', '转出', '贷款还款', '提前还款', '提前结清']);

export function memberStatement(ctx: ServiceContext, memberId: number, year?: string): Statement {
  const exists = ctx.db.prepare('SELECT id FROM members WHERE id = ?').get(memberId);
  if (!exists) throw notFound(`职工不存在：${memberId}`);
  const rows = ctx.db
    .prepare(
      `SELECT e.id, e.entry_no, e.booked_date, e.summary, e.business_type, p.side, p.amount_fen, p.memo, a.parent_code,
              r.month, o.business_type AS original_type
         FROM accounts a
         JOIN postings p ON p.account_id = a.id
         JOIN journal_entries e ON e.id = p.entry_id
         LEFT JOIN journal_entries o ON o.id = e.reverses_entry_id
         LEFT JOIN remittances r ON r.id = COALESCE(
              CASE WHEN e.ref_type = 'remittance' THEN e.ref_id END,
              CASE WHEN o.ref_type = 'remittance' THEN o.ref_id END)
        WHERE a.member_id = ? AND a.parent_code IN ('201', '202')
        ORDER BY e.booked_date, e.id`,
    )
    .all(memberId) as Array<{
    id: number;
    entry_no: string;
    booked_date: string;
    summary: string;
    business_type: string;
    side: 'D' | 'C';
    amount_fen: number;
    memo: string | null;
    parent_code: string;
    month: string | null;
    original_type: string | null;
  }>;
  const balances = { basic: 0, supplementary: 0 };
  const all: StatementLine[] = rows.map((r) => {
    const fund = r.parent_code === '202' ? 'supplementary' : 'basic';
    const amount = r.side === 'C' ? r.amount_fen : -r.amount_fen;
    balances[fund] += amount;
    const type = r.original_type ?? r.business_type;
    return {
      entryId: r.id,
      entryNo: r.entry_no,
      bookedDate: r.booked_date,
      summary: r.memo ?? r.summary,
      businessType: r.business_type,
      // Interest credited inside an account-closing withdrawal is shown with deposits, as 年终结息 is.
      category: WITHDRAWAL_TYPES.has(type) && !(r.memo ?? '').includes('结息') ? '提取' : '缴存',
      fund,
      amountFen: amount,
      balanceFen: balances[fund],
      month: r.month,
    };
  });
  const years = [...new Set(all.map((l) => l.bookedDate.slice(0, 4)))].sort().reverse();
  const lines = (year ? all.filter((l) => l.bookedDate.startsWith(year)) : all).reverse();
  return { memberId, years, lines };
}

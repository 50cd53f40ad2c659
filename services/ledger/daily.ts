/**
 * 日结 (daily journal) of a branch: every entry booked that day with its operator, business type and amounts,
 * subtotals by operator, by terminal (柜台终端, on a branch host) and by business type, and the day's debits and credits per account code, which must tie:
 * the sum of the day's entries equals what the ledger's postings for that day say (re-derived, not copied).
 */
import type { DailyJournalDto } from '../../shared/contract/dto';
import type { ServiceContext } from '../context';
import { printedHead } from '../integrity/anchor';
import { chainHead } from '../integrity/seal';

export type DailyJournal = DailyJournalDto;

/** Entries booked without a terminal: this PC (单机), the command line, batch jobs, or before the branch host. */
export const NO_TERMINAL = '本机/系统';

export function dailyJournal(ctx: ServiceContext, date: string, branchCode?: string): DailyJournal {
  const entries = ctx.db
    .prepare(
      `SELECT e.entry_no, e.business_type, e.summary, COALESCE(o.name, '系统') AS operator, e.terminal, e.reverses_entry_id,
              SUM(CASE WHEN p.side = 'D' THEN p.amount_fen ELSE 0 END) AS d, SUM(CASE WHEN p.side = 'C' THEN p.amount_fen ELSE 0 END) AS c, COUNT(*) AS n
         FROM journal_entries e JOIN postings p ON p.entry_id = e.id LEFT JOIN operators o ON o.id = e.operator_id
        WHERE e.booked_date = ? AND (? IS NULL OR e.branch_code = ?)
        GROUP BY e.id ORDER BY e.id`,
    )
    .all(date, branchCode ?? null, branchCode ?? null) as Array<{ entry_no: string; business_type: string; summary: string; operator: string; terminal: string | null; reverses_entry_id: number | null; d: number; c: number; n: number }>;
  const group = <K extends string>(key: (e: (typeof entries)[number]) => K) => {
    const m = new Map<K, { entries: number; amountFen: number }>();
    for (const e of entries) {
      const g = m.get(key(e)) ?? { entries: 0, amountFen: 0 };
      g.entries++;
      g.amountFen += e.d;
      m.set(key(e), g);
    }
    return m;
  };
  // Account totals roll member sub-ledgers up to their control account, as the general ledger shows them.
  const byAccount = ctx.db
    .prepare(
      `SELECT COALESCE(a.parent_code, a.code) AS code, COALESCE(pa.name, a.name) AS name,
              SUM(CASE WHEN p.side = 'D' THEN p.amount_fen ELSE 0 END) AS d, SUM(CASE WHEN p.side = 'C' THEN p.amount_fen ELSE 0 END) AS c
         FROM journal_entries e JOIN postings p ON p.entry_id = e.id JOIN accounts a ON a.id = p.account_id
         LEFT JOIN accounts pa ON pa.code = a.parent_code
        WHERE e.booked_date = ? AND (? IS NULL OR e.branch_code = ?)
        GROUP BY COALESCE(a.parent_code, a.code) ORDER BY 1`,
    )
    .all(date, branchCode ?? null, branchCode ?? null) as Array<{ code: string; name: string; d: number; c: number }>;
  const totalDebitFen = entries.reduce((t, e) => t + e.d, 0);
  const totalCreditFen = entries.reduce((t, e) => t + e.c, 0);
  const accountDebits = byAccount.reduce((t, a) => t + a.d, 0);
  const accountCredits = byAccount.reduce((t, a) => t + a.c, 0);
  return {
    date,
    branchCode: branchCode ?? null,
    entries: entries.map((e) => ({ entryNo: e.entry_no, businessType: e.business_type, summary: e.summary, operator: e.operator, debitFen: e.d, lines: e.n, reversal: e.reverses_entry_id !== null })),
    byOperator: [...group((e) => e.operator)].map(([operator, g]) => ({ operator, ...g })),
    byTerminal: [...group((e) => e.terminal ?? NO_TERMINAL)].map(([terminal, g]) => ({ terminal, ...g })),
    byType: [...group((e) => e.business_type)].map(([businessType, g]) => ({ businessType, ...g })),
    byAccount: byAccount.map((a) => ({ code: a.code, name: a.name, debitFen: a.d, creditFen: a.c })),
    totalDebitFen,
    totalCreditFen,
    ties: totalDebitFen === totalCreditFen && accountDebits === totalDebitFen && accountCredits === totalCreditFen,
    integrityHead: printedHead(chainHead(ctx.db.sqlite)),
  };
}

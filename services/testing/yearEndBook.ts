/** What the 年终结息 tests read back: each account's 年终结息 credit, checking that nobody was credited twice. */
import { expect } from 'vitest';
import type { Harness } from './harness';

export function yearEndCredits(h: Harness): Record<number, number> {
  const rows = h.app.db.sqlite
    .prepare(
      `SELECT p.account_id AS id, SUM(p.amount_fen) AS fen, COUNT(*) AS n FROM postings p JOIN journal_entries e ON e.id = p.entry_id
        WHERE e.business_type = '年终结息' AND p.side = 'C' GROUP BY p.account_id`,
    )
    .all() as Array<{ id: number; fen: number; n: number }>;
  for (const r of rows) expect(r.n, `account ${r.id} credited once`).toBe(1);
  return Object.fromEntries(rows.map((r) => [r.id, r.fen]));
}

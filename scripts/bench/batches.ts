/**
 * The batches beside bare SQL over the same rows: 汇缴 of one employer beside a prepared-statement insert of the
 * rows it wrote (postings and contributions, into bare tables of the same shape in the same database file — no
 * integrity triggers, no indexes but the key — one transaction, dropped afterwards); 年终结息 beside the
 * GROUP BY over the same postings it reads; `gjj check` beside a plain GROUP BY scan of the postings.
 */
import type { ServiceContext } from '../../services/context';
import { SYSTEM_OPERATOR } from '../../services/context';
import { postRemittance } from '../../services/contributions/remit';
import { runYearEndInterest } from '../../services/interest/yearEnd';
import { checkLedger } from '../../services/ledger/check';
import { ms, rows, sizeLabel } from './table';

export function benchRemit(ctx: ServiceContext, members: number): void {
  const month = new Date().toISOString().slice(0, 7);
  const [r, figure] = ms(() => postRemittance(ctx, SYSTEM_OPERATOR, { employerId: 1, month, idempotencyKey: `bench-remit-${members}` }));
  const sqlite = ctx.db.sqlite;
  const entryId = r.entryId;
  const postings = sqlite.prepare('SELECT entry_id, account_id, side, amount_fen FROM postings WHERE entry_id = ?').raw().all(entryId) as unknown[][];
  const contributions = sqlite.prepare('SELECT member_id, month, fund, base_fen, employee_fen, employer_fen, remittance_id, entry_id FROM contributions WHERE entry_id = ?').raw().all(entryId) as unknown[][];
  sqlite.exec(`CREATE TABLE bare_postings (id INTEGER PRIMARY KEY, entry_id INTEGER, account_id INTEGER, side TEXT, amount_fen INTEGER);
               CREATE TABLE bare_contributions (member_id INTEGER, month TEXT, fund TEXT, base_fen INTEGER, employee_fen INTEGER, employer_fen INTEGER, remittance_id INTEGER, entry_id INTEGER)`);
  const insP = sqlite.prepare('INSERT INTO bare_postings (entry_id, account_id, side, amount_fen) VALUES (?, ?, ?, ?)');
  const insC = sqlite.prepare('INSERT INTO bare_contributions VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const [, baseline] = ms(() =>
    sqlite.transaction(() => {
      for (const p of postings) insP.run(...p);
      for (const c of contributions) insC.run(...c);
    })(),
  );
  sqlite.exec('DROP TABLE bare_postings; DROP TABLE bare_contributions');
  rows.push({ operation: '汇缴, one employer, one entry', size: sizeLabel(members), figure, baseline, baselineWhat: `prepared insert of its ${postings.length + contributions.length} rows`, goal: '≤ 2× (50k)' });
}

/** The year of the latest 30 June on or before today (the bench's demo data ends this month). */
export function lastYearEnd(): number {
  const today = new Date().toISOString();
  return Number(today.slice(0, 4)) - (today.slice(5, 10) >= '07-01' ? 0 : 1);
}

export function benchYearEnd(ctx: ServiceContext, n: number): void {
  const year = lastYearEnd();
  const sqlite = ctx.db.sqlite;
  const group = sqlite.prepare(
    `SELECT a.id, SUM((CASE p.side WHEN 'C' THEN p.amount_fen ELSE -p.amount_fen END) * (julianday(:to) - julianday(e.booked_date))) AS fen_days
       FROM accounts a JOIN members m ON m.id = a.member_id JOIN postings p ON p.account_id = a.id JOIN journal_entries e ON e.id = p.entry_id
      WHERE a.parent_code IN ('201', '202') AND m.status <> '销户' AND e.booked_date < :to GROUP BY a.id`,
  );
  const [, baseline] = ms(() => group.all({ to: `${year}-07-01` }));
  const [r, figure] = ms(() => runYearEndInterest(ctx, SYSTEM_OPERATOR, year));
  rows.push({ operation: '年终结息', size: `${sizeLabel(n)} (${r.accounts} accounts)`, figure, baseline, baselineWhat: 'one GROUP BY over the same postings', goal: '≤ 1.5×' });
}

export function benchCheck(ctx: ServiceContext, n: number): void {
  const sqlite = ctx.db.sqlite;
  const [, baseline] = ms(() => sqlite.prepare(`SELECT account_id, SUM(CASE side WHEN 'D' THEN amount_fen ELSE 0 END), SUM(CASE side WHEN 'C' THEN amount_fen ELSE 0 END) FROM postings GROUP BY account_id`).all());
  const [c, figure] = ms(() => checkLedger(ctx));
  rows.push({ operation: '`gjj check`', size: `${sizeLabel(n)} (${c.postings} postings)`, figure, baseline, baselineWhat: 'plain GROUP BY scan of postings', goal: '≤ 1.3×', note: c.ok ? undefined : `check failed: ${c.firstViolation}` });
}

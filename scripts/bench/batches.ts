/**
 * The batches beside bare SQL over the same rows: 汇缴 of one employer beside a prepared-statement insert of the
 * rows it wrote (postings and contributions, into bare tables of the same shape in the same database file — no
 * integrity triggers, no indexes but the key — one transaction, dropped afterwards), and beside its floor (the same
 * rows with the real indexes plus its integrity-log rows, no code); 年终结息 beside the
 * GROUP BY over the same postings it reads; `gjj check` beside a plain GROUP BY scan of the postings.
 */
import type { ServiceContext } from '../../services/context';
import { SYSTEM_OPERATOR } from '../../services/context';
import { postRemittance } from '../../services/contributions/remit';
import { runYearEndInterest } from '../../services/interest/yearEnd';
import { checkLedger } from '../../services/ledger/check';
import { ms, msAsync, rows, sizeLabel } from './table';
import { copyIndexes } from './floorCopies';
import { checkLedgerParallel, checkWorkerFile } from '../../services/integrity/parallelCheck';
import { builtCurrent } from './startup';
import { currentSpecs, imageExpr } from '../../services/integrity/tracked';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `later`: the employer's members already have their 补充公积金 accounts (every month after the first); otherwise
 * this 汇缴 also opens them, which neither baseline writes.
 */
export function benchRemit(ctx: ServiceContext, members: number, month = new Date().toISOString().slice(0, 7), later = false): void {
  const [r, figure] = ms(() => postRemittance(ctx, SYSTEM_OPERATOR, { employerId: 1, month, idempotencyKey: `bench-remit-${members}-${month}` }));
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
  const operation = later ? '汇缴, one employer, one entry, a later month (accounts open)' : '汇缴, one employer, one entry';
  rows.push({ operation, size: sizeLabel(members), figure, baseline, baselineWhat: `prepared insert of its ${postings.length + contributions.length} rows`, goal: '≤ 2× (50k)' });
  const floor = remitFloor(sqlite, postings, contributions);
  rows.push({
    operation: `${operation}: floor — the same rows into copies with the tables' own indexes, plus its integrity-log rows as stored (no code, no triggers)`,
    size: sizeLabel(members),
    figure: floor.total,
    note: `indexed rows ${floor.tables.toFixed(0)} ms + ${floor.logRows} log rows ${(floor.total - floor.tables).toFixed(0)} ms incl. commit; 汇缴 ÷ floor ${(figure / floor.total).toFixed(1)}×`,
    baseline,
    baselineWhat: 'the bare insert above',
    goal: '— (what its writes cost; postings and contributions are logged as runs: services/integrity/runs.ts)',
  });
}

/**
 * What the 汇缴's writes cost before any of our code runs: its postings and contributions inserted into copies that
 * carry the real tables' indexes, and its integrity-log rows (as the triggers wrote them) into a copy of the log
 * with its index. The gap between this and the bare insert is the price of the indexes and the per-row log.
 */
function remitFloor(sqlite: ServiceContext['db']['sqlite'], postings: unknown[][], contributions: unknown[][]): { total: number; tables: number; logRows: number } {
  const indexes = (table: string, copy: string) => copyIndexes(sqlite, table, copy);
  // The 汇缴 was one transaction, so one seal: the newest.
  const [from, to] = sqlite.prepare('SELECT from_seq, to_seq FROM integrity_seals ORDER BY id DESC LIMIT 1').raw().get() as [number, number];
  const log = sqlite.prepare('SELECT tbl, row_key, op, image FROM integrity_log WHERE seq BETWEEN ? AND ?').raw().all(from, to) as unknown[][];
  sqlite.exec(`CREATE TABLE floor_postings AS SELECT * FROM postings WHERE 0;
               CREATE TABLE floor_contributions AS SELECT * FROM contributions WHERE 0;
               CREATE TABLE floor_log (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, row_key TEXT NOT NULL, op TEXT NOT NULL, image TEXT)`);
  for (const q of [...indexes('postings', 'floor_postings'), ...indexes('contributions', 'floor_contributions'), ...indexes('integrity_log', 'floor_log')]) sqlite.exec(q);
  const insP = sqlite.prepare('INSERT INTO floor_postings (entry_id, account_id, side, amount_fen) VALUES (?, ?, ?, ?)');
  const insC = sqlite.prepare('INSERT INTO floor_contributions (member_id, month, fund, base_fen, employee_fen, employer_fen, remittance_id, entry_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insL = sqlite.prepare('INSERT INTO floor_log (tbl, row_key, op, image) VALUES (?, ?, ?, ?)');
  let tables = 0;
  const [, t] = ms(() =>
    sqlite.transaction(() => {
      tables = ms(() => {
        for (const p of postings) insP.run(...p);
        for (const c of contributions) insC.run(...c);
      })[1];
      for (const l of log) insL.run(...l);
    })(),
  );
  sqlite.exec('DROP TABLE floor_postings; DROP TABLE floor_contributions; DROP TABLE floor_log');
  return { total: t, tables, logRows: log.length };
}

/** The year of the latest 30 June on or before today (the bench's demo data ends this month). */
export function lastYearEnd(): number {
  const today = new Date().toISOString();
  return Number(today.slice(0, 4)) - (today.slice(5, 10) >= '07-01' ? 0 : 1);
}

/** `months`: how much 汇缴 history the demo has (the run reads only the settlement year's postings on; the GROUP BY reads all). */
export function benchYearEnd(ctx: ServiceContext, n: number, months = 12): void {
  const year = lastYearEnd();
  const sqlite = ctx.db.sqlite;
  const group = sqlite.prepare(
    `SELECT a.id, SUM((CASE p.side WHEN 'C' THEN p.amount_fen ELSE -p.amount_fen END) * (julianday(:to) - julianday(e.booked_date))) AS fen_days
       FROM accounts a JOIN members m ON m.id = a.member_id JOIN postings p ON p.account_id = a.id JOIN journal_entries e ON e.id = p.entry_id
      WHERE a.parent_code IN ('201', '202') AND m.status <> '销户' AND e.booked_date < :to GROUP BY a.id`,
  );
  // The better of two runs: the first may read pages the operating system has not cached yet.
  const baseline = Math.min(ms(() => group.all({ to: `${year}-07-01` }))[1], ms(() => group.all({ to: `${year}-07-01` }))[1]);
  const lastSealBefore = sqlite.prepare('SELECT COALESCE(MAX(id), 0) FROM integrity_seals').pluck().get() as number;
  // Its 积数 read takes a second thread on a big ledger (services/interest/yearEndSums.ts), the built one as `gjj interest` does.
  const worker = builtWorker('yearEndWorker.js');
  const [r, figure] = ms(() => runYearEndInterest(ctx, SYSTEM_OPERATOR, year, worker ? { sumsWorker: worker } : {}));
  const size = `${sizeLabel(n)} (${r.accounts} accounts${months === 12 ? '' : `, ${months} months of history`})`;
  rows.push({ operation: '年终结息', size, figure, baseline, baselineWhat: 'one GROUP BY over the same postings', goal: '≤ 1.5×', note: worker ? 'built worker when big enough' : 'worker from source when big enough' });
  if (months !== 12) return; // the floor below reads what the GROUP BY reads: all history
  // Its floor: the same GROUP BY, then its postings and the log rows its seals cover, written by prepared inserts
  // into copies with the real indexes, as many transactions as it made entries.
  const postings = sqlite
    .prepare(`SELECT p.entry_id, p.account_id, p.side, p.amount_fen FROM postings p JOIN journal_entries e ON e.id = p.entry_id WHERE e.business_type = '年终结息' AND e.booked_date = ? ORDER BY p.id`)
    .raw()
    .all(`${year}-06-30`) as unknown[][];
  const log = sqlite.prepare('SELECT l.tbl, l.row_key, l.op, l.image FROM integrity_log l WHERE l.seq > (SELECT COALESCE(MAX(to_seq), 0) FROM integrity_seals WHERE id <= ?) ORDER BY l.seq').raw().all(lastSealBefore) as unknown[][];
  const writes = floorWrites(sqlite, postings, log, Math.max(1, r.entries));
  rows.push({
    operation: '年终结息 floor: the GROUP BY, then its postings into a copy with the real indexes and its integrity-log rows (no code, no triggers)',
    size,
    figure: baseline + writes,
    baseline,
    baselineWhat: 'the GROUP BY above',
    goal: '— (what reading plus a per-row log costs)',
    note: `${postings.length} postings + ${log.length} log rows in ${r.entries} transactions ${writes.toFixed(0)} ms; 年终结息 ÷ floor ${(figure / (baseline + writes)).toFixed(1)}×`,
  });
}

/** Postings and log rows by prepared inserts into indexed copies, in `transactions` transactions; dropped after. */
function floorWrites(sqlite: ServiceContext['db']['sqlite'], postings: unknown[][], log: unknown[][], transactions: number): number {
  sqlite.exec(`CREATE TABLE floor_postings AS SELECT * FROM postings WHERE 0;
               CREATE TABLE floor_log (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, row_key TEXT NOT NULL, op TEXT NOT NULL, image TEXT)`);
  for (const q of [...copyIndexes(sqlite, 'postings', 'floor_postings'), ...copyIndexes(sqlite, 'integrity_log', 'floor_log')]) sqlite.exec(q);
  const insP = sqlite.prepare('INSERT INTO floor_postings (entry_id, account_id, side, amount_fen) VALUES (?, ?, ?, ?)');
  const insL = sqlite.prepare('INSERT INTO floor_log (tbl, row_key, op, image) VALUES (?, ?, ?, ?)');
  const per = Math.ceil(postings.length / transactions);
  const perLog = Math.ceil(log.length / transactions);
  const [, t] = ms(() => {
    for (let k = 0; k < transactions; k++) {
      sqlite.transaction(() => {
        for (const p of postings.slice(k * per, (k + 1) * per)) insP.run(...p);
        for (const l of log.slice(k * perLog, (k + 1) * perLog)) insL.run(...l);
      })();
    }
  });
  sqlite.exec('DROP TABLE floor_postings; DROP TABLE floor_log');
  return t;
}

/**
 * The prebuilt commands start the built workers; this script runs from source, and a worker through tsx would add
 * ~0.4 s of start-up that `gjj` does not pay — so the built worker when the bundle is current, as `npm run gjj`
 * decides (scripts/run-built.cjs); null otherwise, and the row says so.
 */
function builtWorker(file: string): string | null {
  const built = join(process.cwd(), 'out', 'main', file);
  return builtCurrent('gjj') && existsSync(built) ? built : null;
}

export async function benchCheck(ctx: ServiceContext, n: number): Promise<void> {
  const sqlite = ctx.db.sqlite;
  const [, baseline] = ms(() => sqlite.prepare(`SELECT account_id, SUM(CASE side WHEN 'D' THEN amount_fen ELSE 0 END), SUM(CASE side WHEN 'C' THEN amount_fen ELSE 0 END) FROM postings GROUP BY account_id`).all());
  // The same GROUP BY as one pass over the table and a sort, as the check's own totals read it (ledger/check.ts).
  const [, sorted] = ms(() => sqlite.prepare(`SELECT account_id, SUM(CASE side WHEN 'D' THEN amount_fen ELSE 0 END), SUM(CASE side WHEN 'C' THEN amount_fen ELSE 0 END) FROM postings NOT INDEXED GROUP BY account_id`).all());
  const [c, one] = ms(() => checkLedger(ctx));
  // What `gjj check` runs: the same check on two threads (services/integrity/parallelCheck.ts).
  const built = builtWorker('checkWorker.js');
  const worker = built ?? checkWorkerFile();
  const [two, figure] = await msAsync(() => checkLedgerParallel(ctx, worker));
  rows.push({
    operation: '`gjj check` (two threads)',
    size: `${sizeLabel(n)} (${c.postings} postings)`,
    figure,
    baseline,
    baselineWhat: 'plain GROUP BY scan of postings',
    goal: '≤ 1.3×',
    note: `${two.parts === 'worker' ? '' : `parts: ${two.parts}; `}${worker === built ? 'built worker; ' : 'worker from source; '}the GROUP BY NOT INDEXED (one pass and a sort) ${sorted.toFixed(0)} ms = ${(figure / sorted).toFixed(1)}× of it; one thread ${(one / 1000).toFixed(2)} s = ${(one / baseline).toFixed(1)}×${c.ok && two.report.ok ? '' : `; check failed: ${c.firstViolation ?? two.report.firstViolation}`}`,
  });
  // Its floor: the same GROUP BY plus one pass that reads every line the seals cover as their digests read it (the
  // line SQLite renders, hashed by nothing): the stored log rows, and the rows of postings and contributions that
  // their runs stand for (services/integrity/runs.ts), read from the tables. What checking the evidence must read.
  const [logRead, readMs] = ms(() => {
    const stored = sqlite.prepare(`SELECT count(*) AS n, sum(length(json_array(seq, tbl, row_key, op, image))) AS bytes FROM integrity_log WHERE op <> 'A'`).get() as { n: number; bytes: number };
    for (const spec of currentSpecs(sqlite).filter((x) => x.runs)) {
      const first = sqlite.prepare(`SELECT MIN(json_extract(row_key, '$[0]')) FROM integrity_log WHERE tbl = ? AND op = 'A'`).pluck().get(spec.table) as number | null;
      if (first === null) continue;
      const r = sqlite.prepare(`SELECT count(*) AS n, sum(length(json_array(id, '${spec.table}', '' || json_array(id), 'I', '' || ${imageExpr(spec, '')}))) AS bytes FROM "${spec.table}" WHERE id >= ?`).get(first) as { n: number; bytes: number };
      stored.n += r.n;
      stored.bytes += r.bytes ?? 0;
    }
    return stored;
  });
  rows.push({
    operation: '`gjj check` floor: the GROUP BY plus one read of every line the seals cover',
    size: `${sizeLabel(n)} (${logRead.n} sealed lines, ${Math.round(logRead.bytes / 1e6)} MB)`,
    figure: baseline + readMs,
    baseline,
    baselineWhat: 'the GROUP BY above',
    goal: '— (what checking the sealed evidence must read)',
    note: `gjj check ÷ floor ${(figure / (baseline + readMs)).toFixed(1)}× (one thread ${(one / (baseline + readMs)).toFixed(1)}×)`,
  });
}

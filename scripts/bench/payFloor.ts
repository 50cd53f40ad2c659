/**
 * What one `withdrawal.pay` writes, and what those writes cost with no code: its floor (issue 14: pay < 2 ms).
 *
 * Each payout is captured as it ran: every row new in any table (found by rowid), every row the integrity log says
 * was updated (the application), and the accounts whose running totals moved. The floor then writes exactly those
 * rows — the same values, the same sizes — into copies of the tables made from their own CREATE statements and
 * indexes (no triggers), with prepared statements, one transaction per payout with the same commit as the payout's.
 * The payout's reads, policy re-check and result building are what lies between the floor and the figure.
 * The anchor file the payout also writes after its commit (services/integrity/anchor.ts) is not in the floor.
 */
import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../../db/connection';
import { copyTable } from './floorCopies';

type Row = Record<string, unknown>;

/** What one payout wrote: rows inserted per table, rows updated (after image), running totals moved. */
export interface PayWrites {
  inserts: Array<{ table: string; row: Row }>;
  updates: Array<{ table: string; pk: string[]; row: Row }>;
  totals: Array<{ id: number; debits: number; credits: number }>;
}

export interface WriteProbe {
  /** Before the payout (untimed): the newest rowid of each table, the accounts' totals. */
  before(): void;
  /** After it (untimed): what it wrote. */
  after(): PayWrites;
}

const SKIP = new Set(['sqlite_sequence', 'drafts']);

function rowidTables(sqlite: Sqlite): string[] {
  const all = sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as Array<{ name: string; sql: string }>;
  return all.filter((t) => !SKIP.has(t.name) && !/WITHOUT\s+ROWID/i.test(t.sql)).map((t) => t.name);
}

function primaryKey(sqlite: Sqlite, table: string): string[] {
  const cols = sqlite.prepare(`SELECT name, pk FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`).all(table) as Array<{ name: string }>;
  return cols.map((c) => c.name);
}

export function writeProbe(sqlite: Sqlite): WriteProbe {
  const tables = rowidTables(sqlite);
  const maxRowid = new Map(tables.map((t) => [t, sqlite.prepare(`SELECT COALESCE(MAX(rowid), 0) FROM "${t}"`).pluck()]));
  const newRows = new Map(tables.map((t) => [t, sqlite.prepare(`SELECT * FROM "${t}" WHERE rowid > ? ORDER BY rowid`)]));
  const totalsStmt = sqlite.prepare('SELECT id, debits_fen, credits_fen FROM accounts');
  const logSeq = sqlite.prepare('SELECT COALESCE(MAX(seq), 0) FROM integrity_log').pluck();
  let marks = new Map<string, number>();
  let totals = new Map<number, string>();
  let seq = 0;
  return {
    before() {
      marks = new Map(tables.map((t) => [t, maxRowid.get(t)!.get() as number]));
      totals = new Map((totalsStmt.all() as Array<{ id: number; debits_fen: number; credits_fen: number }>).map((a) => [a.id, `${a.debits_fen}/${a.credits_fen}`]));
      seq = logSeq.get() as number;
    },
    after() {
      const inserts: PayWrites['inserts'] = [];
      for (const t of tables) for (const row of newRows.get(t)!.all(marks.get(t)) as Row[]) inserts.push({ table: t, row });
      const updates: PayWrites['updates'] = [];
      const updated = sqlite.prepare(`SELECT DISTINCT tbl, row_key FROM integrity_log WHERE seq > ? AND op = 'U'`).all(seq) as Array<{ tbl: string; row_key: string }>;
      for (const u of updated) {
        const pk = primaryKey(sqlite, u.tbl);
        const key = JSON.parse(u.row_key) as unknown[];
        const row = sqlite.prepare(`SELECT * FROM "${u.tbl}" WHERE ${pk.map((c) => `"${c}" = ?`).join(' AND ')}`).get(...key) as Row | undefined;
        if (row) updates.push({ table: u.tbl, pk, row });
      }
      const moved = (totalsStmt.all() as Array<{ id: number; debits_fen: number; credits_fen: number }>).filter((a) => totals.get(a.id) !== `${a.debits_fen}/${a.credits_fen}`);
      return { inserts, updates, totals: moved.map((a) => ({ id: a.id, debits: a.debits_fen, credits: a.credits_fen })) };
    },
  };
}

/** Bytes of a payout's writes as stored (text as UTF-8). */
export function writtenBytes(w: PayWrites): number {
  const size = (row: Row) => Object.values(row).reduce<number>((n, v) => n + (typeof v === 'string' ? Buffer.byteLength(v) : Buffer.isBuffer(v) ? v.length : 8), 0);
  return w.inserts.reduce((n, i) => n + size(i.row), 0) + w.updates.reduce((n, u) => n + size(u.row), 0) + w.totals.length * 16;
}

/**
 * The floor: each payout's writes replayed into copies of its tables (own CREATE TABLE and indexes, no triggers), one
 * transaction each; ms per payout. The copies are dropped afterwards.
 */
export function replayFloor(sqlite: Sqlite, payouts: PayWrites[]): number[] {
  const touched = new Set<string>(['accounts']);
  for (const w of payouts) {
    for (const i of w.inserts) touched.add(i.table);
    for (const u of w.updates) touched.add(u.table);
  }
  const copy = (t: string) => `floor_${t}`;
  for (const t of touched) copyTable(sqlite, t, copy(t));
  // The rows the payouts update are there before (their values do not matter: an UPDATE rewrites the row).
  for (const w of payouts) {
    for (const u of w.updates) {
      const cols = Object.keys(u.row);
      sqlite.prepare(`INSERT OR IGNORE INTO ${copy(u.table)} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...Object.values(u.row));
    }
  }
  sqlite.exec(`INSERT INTO ${copy('accounts')} SELECT * FROM accounts`);

  // Kept here, not in the connection's shared cache (db/connection.ts statement): the copies are dropped at the end.
  const statements = new Map<string, Statement<unknown[]>>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = sqlite.prepare<unknown[]>(sql)));
    return s;
  };
  const insertSql = (t: string, cols: string[]) => `INSERT INTO ${copy(t)} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
  const updateSql = (t: string, cols: string[], pk: string[]) =>
    `UPDATE ${copy(t)} SET ${cols.map((c) => `"${c}" = ?`).join(', ')} WHERE ${pk.map((c) => `"${c}" = ?`).join(' AND ')}`;
  const totalsSql = `UPDATE ${copy('accounts')} SET debits_fen = ?, credits_fen = ? WHERE id = ?`;

  // Statements prepared before the clock starts, bound per payout.
  const plans = payouts.map((w) => ({
    inserts: w.inserts.map((i) => ({ stmt: prepared(insertSql(i.table, Object.keys(i.row))), values: Object.values(i.row) })),
    updates: w.updates.map((u) => {
      const cols = Object.keys(u.row).filter((c) => !u.pk.includes(c));
      return { stmt: prepared(updateSql(u.table, cols, u.pk)), values: [...cols.map((c) => u.row[c]), ...u.pk.map((c) => u.row[c])] };
    }),
    totals: w.totals.map((a) => [a.debits, a.credits, a.id]),
  }));
  const totals = prepared(totalsSql);
  const times = plans.map((p) => {
    const t = performance.now();
    sqlite.transaction(() => {
      for (const i of p.inserts) i.stmt.run(...i.values);
      for (const u of p.updates) u.stmt.run(...u.values);
      for (const a of p.totals) totals.run(...a);
    })();
    return performance.now() - t;
  });
  for (const t of touched) sqlite.exec(`DROP TABLE ${copy(t)}`);
  return times;
}

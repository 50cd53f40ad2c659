/**
 * `x = ?` is prepared as `x = +?` (db/connection.ts stablePlanSql): same rows, same index, and no re-prepare on
 * every run. A re-prepare is visible from JavaScript because better-sqlite3 builds a new row builder with
 * `Function()` each time the statement was re-prepared; this test counts those.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db, stablePlanSql, statement } from './connection';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gjj-plan-'));
  db = new Db(join(dir, 'p.db'));
  db.sqlite.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, m INTEGER, x INTEGER, s TEXT COLLATE NOCASE);
    CREATE INDEX t_m ON t(m); CREATE INDEX t_s ON t(s);
    CREATE TABLE u (id INTEGER PRIMARY KEY, n TEXT);`);
  const ins = db.sqlite.prepare('INSERT INTO t (m, x, s) VALUES (?, ?, ?)');
  const insU = db.sqlite.prepare('INSERT INTO u (n) VALUES (?)');
  for (let i = 0; i < 200; i++) {
    ins.run(i % 40, i, `Name${i % 7}`);
    insU.run(`n${i}`);
  }
});
afterEach(() => {
  db.sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

/** How many times running `run` ten times compiled a row builder (one per re-prepare). */
function rowBuilders(run: (i: number) => unknown): number {
  const original = globalThis.Function;
  let n = 0;
  globalThis.Function = new Proxy(original, { apply: (t, self, args) => (n++, Reflect.apply(t, self, args)) });
  try {
    run(0); // the first run builds one in any case
    n = 0;
    for (let i = 1; i <= 10; i++) run(i);
  } finally {
    globalThis.Function = original;
  }
  return n;
}

const QUERIES = [
  'SELECT * FROM t WHERE m = ? ORDER BY id',
  'SELECT t.id, u.n FROM t JOIN u ON u.id = t.x WHERE t.m = ?',
  'SELECT m, COUNT(*) AS n FROM t WHERE m = ? GROUP BY m',
  'SELECT * FROM t WHERE m = ? ORDER BY id DESC LIMIT ?',
];

describe('stablePlanSql', () => {
  it('puts a unary plus before parameters after =, IS, LIMIT and OFFSET, never inside quoted text or comments', () => {
    expect(stablePlanSql(`SELECT * FROM t WHERE a = ? AND b IS ? AND c IS NOT ? AND d>=? AND e == ?1 ORDER BY x LIMIT ? OFFSET ?`)).toBe(
      `SELECT * FROM t WHERE a = +? AND b IS +? AND c IS NOT +? AND d>=+? AND e == +?1 ORDER BY x LIMIT +? OFFSET +?`,
    );
    expect(stablePlanSql(`SELECT 'a = ?' AS "b = ?", 'it''s = ?' FROM t WHERE s = ? AND m IN (?, ?)`)).toBe(
      `SELECT 'a = ?' AS "b = ?", 'it''s = ?' FROM t WHERE s = +? AND m IN (?, ?)`,
    );
    expect(stablePlanSql('INSERT INTO t (m, x) VALUES (?, ?)')).toBe('INSERT INTO t (m, x) VALUES (?, ?)');
    // An apostrophe in a comment opens no string: the literal after it stays as written.
    expect(stablePlanSql(`SELECT * FROM t -- the member's rows\n WHERE s = 'x = ?' AND m = ? /* it's = ? */`)).toBe(
      `SELECT * FROM t -- the member's rows\n WHERE s = 'x = ?' AND m = +? /* it's = ? */`,
    );
  });

  it('SQLite re-prepares these on every run as written, and never through Db.prepare or statement()', () => {
    for (const sql of QUERIES) {
      const args = (i: number) => (sql.includes('LIMIT') ? [i % 40, 3] : [i % 40]);
      // If this first count drops to 0 after a better-sqlite3 upgrade, SQLite stopped doing it and the rewrite can go.
      const raw = db.sqlite.prepare(sql);
      expect(rowBuilders((i) => raw.all(...args(i))), sql).toBe(10);
      expect(rowBuilders((i) => db.prepare(sql).all(...args(i))), sql).toBe(0);
      expect(rowBuilders((i) => statement(db.sqlite, sql).all(...args(i))), sql).toBe(0);
    }
  });

  it('returns the same rows with the same plan: column affinity and collation still apply to the parameter', () => {
    for (const [sql, args] of [
      ['SELECT * FROM t WHERE m = ? ORDER BY id', ['7']], // text '7' compared with an INTEGER column
      ['SELECT * FROM t WHERE s = ? ORDER BY id', ['name3']], // NOCASE column
      ['SELECT * FROM t WHERE m IS ? ORDER BY id LIMIT ? OFFSET ?', [5, 2, 1]],
      ['SELECT t.id, u.n FROM t JOIN u ON u.id = t.x WHERE t.m = ? ORDER BY t.id', [9]],
    ] as Array<[string, unknown[]]>) {
      const plain = db.sqlite.prepare(sql);
      const stable = db.prepare(sql);
      expect(stable.all(...args), sql).toEqual(plain.all(...args));
      expect(stable.all(...args).length, sql).toBeGreaterThan(0);
      const plan = (q: string) => (db.sqlite.prepare(`EXPLAIN QUERY PLAN ${q}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail);
      expect(plan(stablePlanSql(sql)), sql).toEqual(plan(sql));
    }
  });
});

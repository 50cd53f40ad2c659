import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BULK_ROWS, forEachChunk, insertRows, runInChunks } from './bulk';

function table() {
  const sqlite = new Database(':memory:');
  sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER NOT NULL, b TEXT, c INTEGER NOT NULL DEFAULT 0)');
  return sqlite;
}

describe('multi-row statements (db/bulk.ts)', () => {
  it('inserts every row once, in the order given, whatever the count against the chunk sizes', () => {
    for (const n of [0, 1, 2, 3, BULK_ROWS - 1, BULK_ROWS, BULK_ROWS + 1, 2 * BULK_ROWS + 131, 1000]) {
      const sqlite = table();
      const rows = Array.from({ length: n }, (_, i) => [n - i, i % 3 === 0 ? null : `行${i}`]);
      expect(insertRows(sqlite, 't', ['a', 'b'], rows)).toBe(n);
      expect(sqlite.prepare('SELECT a, b FROM t ORDER BY id').raw().all()).toEqual(rows);
      sqlite.close();
    }
  });

  it('binds each statement with at most 256 rows, then 128, 64 … for the rest (each size prepared once)', () => {
    const sqlite = table();
    const sizes: number[] = [];
    const texts = new Set<string>();
    forEachChunk(sqlite, 2, (v) => `INSERT INTO t (a, b) VALUES ${v}`, Array.from({ length: 2 * BULK_ROWS + 131 }, (_, i) => [i, null]), (stmt, args) => {
      sizes.push(args.length / 2);
      texts.add(stmt.source);
      stmt.run(args);
    });
    expect(sizes).toEqual([256, 256, 128, 2, 1]); // 131 = 128 + 2 + 1
    expect(texts.size).toBe(4);
    expect(sqlite.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(643);
  });

  it('runs an UPDATE … FROM a VALUES list and counts the rows it changed; a row of the wrong width is refused', () => {
    const sqlite = table();
    insertRows(sqlite, 't', ['a'], Array.from({ length: 300 }, (_, i) => [i]));
    const add = Array.from({ length: 300 }, (_, i) => [i + 1, i * 10]);
    const changed = runInChunks(sqlite, 2, (v) => `WITH x(id, n) AS (VALUES ${v}) UPDATE t SET c = c + x.n FROM x WHERE t.id = x.id`, [...add, [9999, 5]]);
    expect(changed).toBe(300); // id 9999 does not exist
    expect(sqlite.prepare('SELECT SUM(c) FROM t').pluck().get()).toBe((299 * 300 * 10) / 2);
    expect(() => insertRows(sqlite, 't', ['a', 'b'], [[1, 'x'], [2]])).toThrow(/row 1 has 1 values, not 2/);
  });
});

/**
 * Copies of the ledger's tables for the benchmarks' floors (issue 14): the same rows written with no code into
 * tables that carry the real ones' indexes (and, for copyTable, their columns and constraints), but no triggers.
 */
import type { Sqlite } from '../../db/connection';

/** The CREATE INDEX statements of `table`, renamed for its copy (index names prefixed floor_). */
export function copyIndexes(sqlite: Sqlite, table: string, copy: string): string[] {
  return (sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).pluck().all(table) as string[]).map((q) =>
    q.replace(/^CREATE (UNIQUE )?INDEX (IF NOT EXISTS )?(\w+) ON ["`]?\w+["`]?\s*\(/i, (_m, u: string | undefined, _e, name: string) => `CREATE ${u ?? ''}INDEX floor_${name} ON ${copy}(`),
  );
}

/** Creates `copy` from `table`'s own CREATE TABLE (columns, keys, constraints) and indexes; no triggers. */
export function copyTable(sqlite: Sqlite, table: string, copy: string): void {
  const sql = sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get(table) as string;
  sqlite.exec(sql.replace(/^CREATE TABLE (IF NOT EXISTS )?["`]?(\w+)["`]?/i, `CREATE TABLE ${copy}`));
  for (const q of copyIndexes(sqlite, table, copy)) sqlite.exec(q);
}

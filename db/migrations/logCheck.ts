import type { Sqlite } from '../connection';

/**
 * Replaces the text of the integrity log's `op` CHECK in the schema (migrations 020 and 021). SQLite cannot alter a
 * CHECK in place, and copying a log of millions of rows would make the first opening after an upgrade slow and double
 * the file meanwhile; so the table's SQL text is replaced in the schema, as SQLite documents for changing CHECK
 * constraints ("ALTER TABLE", making other kinds of table schema changes), in the migration's transaction, with the
 * schema version raised. Every stored row must satisfy the new text as it did the old one. Nothing is changed when
 * the log's definition is not the one the program wrote.
 */
export function replaceLogCheck(sqlite: Sqlite, migration: string, from: string, to: string): void {
  const sql = sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'integrity_log'`).pluck().get() as string | undefined;
  if (!sql) throw new Error(`迁移${migration}：找不到 integrity_log 表`);
  if (sql.includes(to)) return;
  if (sql.split(from).length !== 2) throw new Error(`迁移${migration}：integrity_log 的结构与程序建立的不同，未改动`);
  const version = sqlite.pragma('schema_version', { simple: true }) as number;
  // better-sqlite3 runs SQLite in defensive mode, which refuses writes to the schema table; only for this statement.
  sqlite.unsafeMode(true);
  try {
    sqlite.pragma('writable_schema = ON');
    sqlite.prepare(`UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'integrity_log'`).run(sql.replace(from, to));
    sqlite.pragma(`schema_version = ${version + 1}`);
  } finally {
    sqlite.pragma('writable_schema = OFF');
    sqlite.unsafeMode(false);
  }
  // The new text must parse before the migration commits.
  sqlite.prepare('SELECT seq, tbl, row_key, op, image FROM integrity_log LIMIT 0').all();
}

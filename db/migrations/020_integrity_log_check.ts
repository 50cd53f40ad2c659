import type { Migration } from '../migrate';

/**
 * The integrity log's `op` CHECK, written as a chain of `=` instead of `IN (…)`: the same rows are allowed and refused.
 * Why: SQLite builds an `IN` list of three or more values as a temporary index each time a statement starts, and every
 * firing of a logging trigger is a statement of its own, so each logged row paid for building that index again
 * (about 1.3 µs of the 3.5 µs a logged row costs; docs/performance.md, "完整性日志的 CHECK"). A 50,000-member 汇缴 logs
 * 250,000 rows.
 *
 * SQLite cannot alter a CHECK in place; copying a log of millions of rows into a new table would make the first opening
 * after the upgrade slow and double the file meanwhile. So the table's SQL text is replaced in the schema, as SQLite documents for changing CHECK
 * constraints ("ALTER TABLE", making other kinds of table schema changes): in this migration's transaction, with the
 * schema version raised. Every stored row satisfies both forms, since they accept exactly the same five values.
 * The log is not a tracked table: its own definition is not part of the sealed schema.
 */
export const OLD_OP_CHECK = "CHECK (op IN ('I', 'U', 'D', 'B', 'S'))";
export const NEW_OP_CHECK = "CHECK (op = 'I' OR op = 'U' OR op = 'D' OR op = 'B' OR op = 'S')";

export const m020_integrity_log_check: Migration = {
  id: '020_integrity_log_check',
  up(sqlite) {
    const sql = sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'integrity_log'`).pluck().get() as string | undefined;
    if (!sql) throw new Error('迁移020：找不到 integrity_log 表');
    if (sql.includes(NEW_OP_CHECK)) return;
    if (sql.split(OLD_OP_CHECK).length !== 2) throw new Error('迁移020：integrity_log 的结构与程序建立的不同，未改动');
    const next = sql.replace(OLD_OP_CHECK, NEW_OP_CHECK);
    const version = sqlite.pragma('schema_version', { simple: true }) as number;
    // better-sqlite3 runs SQLite in defensive mode, which refuses writes to the schema table; only for this statement.
    sqlite.unsafeMode(true);
    try {
      sqlite.pragma('writable_schema = ON');
      sqlite.prepare(`UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'integrity_log'`).run(next);
      sqlite.pragma(`schema_version = ${version + 1}`);
    } finally {
      sqlite.pragma('writable_schema = OFF');
      sqlite.unsafeMode(false);
    }
    // The new text must parse and enforce the same values before the migration commits.
    sqlite.prepare('SELECT seq, tbl, row_key, op, image FROM integrity_log LIMIT 0').all();
  },
};

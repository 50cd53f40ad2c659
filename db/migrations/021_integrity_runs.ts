import type { Migration } from '../migrate';
import { NEW_OP_CHECK } from './020_integrity_log_check';

/**
 * The inserts of postings and contributions are logged as runs (services/integrity/runs.ts): one log row per
 * transaction and table, op 'A', read everywhere as the rows the trigger used to write. Why: a logged row cost about
 * 3 µs of the 汇缴's 8 µs per row and a 50,000-member 汇缴 wrote 200,000 of them (docs/performance.md, "分录与缴存明细按段记录").
 *
 * This migration allows op 'A' in the log (the CHECK text replaced in the schema, as migration 020 does and for the
 * same reason: the log is not copied) and drops the two insert-logging triggers. Every stored log row stays as it
 * is and every seal keeps verifying: rows logged one by one before stay so, runs cover what is inserted from now on.
 * The trigger list the program seals is recorded again when the data folder opens after a migration.
 */
export const RUNS_OP_CHECK = "CHECK (op = 'I' OR op = 'U' OR op = 'D' OR op = 'B' OR op = 'S' OR op = 'A')";

export const m021_integrity_runs: Migration = {
  id: '021_integrity_runs',
  up(sqlite) {
    const sql = sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'integrity_log'`).pluck().get() as string | undefined;
    if (!sql) throw new Error('迁移021：找不到 integrity_log 表');
    if (!sql.includes(RUNS_OP_CHECK)) {
      if (sql.split(NEW_OP_CHECK).length !== 2) throw new Error('迁移021：integrity_log 的结构与程序建立的不同，未改动');
      const version = sqlite.pragma('schema_version', { simple: true }) as number;
      // better-sqlite3 runs SQLite in defensive mode, which refuses writes to the schema table; only for this statement.
      sqlite.unsafeMode(true);
      try {
        sqlite.pragma('writable_schema = ON');
        sqlite.prepare(`UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'integrity_log'`).run(sql.replace(NEW_OP_CHECK, RUNS_OP_CHECK));
        sqlite.pragma(`schema_version = ${version + 1}`);
      } finally {
        sqlite.pragma('writable_schema = OFF');
        sqlite.unsafeMode(false);
      }
      sqlite.prepare('SELECT seq, tbl, row_key, op, image FROM integrity_log LIMIT 0').all();
    }
    sqlite.exec('DROP TRIGGER IF EXISTS integrity_postings_ins; DROP TRIGGER IF EXISTS integrity_contributions_ins');
  },
};

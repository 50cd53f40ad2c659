import type { Migration } from '../migrate';
import { NEW_OP_CHECK } from './020_integrity_log_check';
import { replaceLogCheck } from './logCheck';

/**
 * The inserts of postings and contributions are logged as runs (services/integrity/runs.ts): one log row per
 * transaction and table, op 'A', read everywhere as the rows the trigger used to write. Why: a 50,000-member 汇缴
 * wrote 200,000 log rows, about 0.6 s of its 1.7 s (docs/performance.md, "分录与缴存明细按段记录").
 *
 * This migration allows op 'A' in the log (the CHECK text replaced in the schema: logCheck.ts) and drops the two
 * insert-logging triggers. Every stored log row stays as it is and every seal keeps verifying: rows logged one by
 * one before stay so, runs cover what is inserted from now on.
 * The trigger list the program seals is recorded again when the data folder opens after a migration.
 */
export const RUNS_OP_CHECK = "CHECK (op = 'I' OR op = 'U' OR op = 'D' OR op = 'B' OR op = 'S' OR op = 'A')";

export const m021_integrity_runs: Migration = {
  id: '021_integrity_runs',
  up(sqlite) {
    replaceLogCheck(sqlite, '021', NEW_OP_CHECK, RUNS_OP_CHECK);
    sqlite.exec('DROP TRIGGER IF EXISTS integrity_postings_ins; DROP TRIGGER IF EXISTS integrity_contributions_ins');
  },
};

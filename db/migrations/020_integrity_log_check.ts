import type { Migration } from '../migrate';
import { replaceLogCheck } from './logCheck';

/**
 * The integrity log's `op` CHECK, written as a chain of `=` instead of `IN (…)`: the same rows are allowed and refused.
 * Why: SQLite builds an `IN` list of three or more values as a temporary index each time a statement starts, and every
 * firing of a logging trigger is a statement of its own, so each logged row paid for building that index again
 * (about 1.3 µs of the 3.5 µs a logged row costs; docs/performance.md, "完整性日志的 CHECK"). A 50,000-member 汇缴 logs
 * 250,000 rows.
 *
 * The table's SQL text is replaced in the schema (logCheck.ts says why and how). Every stored row satisfies both forms,
 * since they accept exactly the same five values.
 * The log is not a tracked table: its own definition is not part of the sealed schema.
 */
export const OLD_OP_CHECK = "CHECK (op IN ('I', 'U', 'D', 'B', 'S'))";
export const NEW_OP_CHECK = "CHECK (op = 'I' OR op = 'U' OR op = 'D' OR op = 'B' OR op = 'S')";

export const m020_integrity_log_check: Migration = {
  id: '020_integrity_log_check',
  up(sqlite) {
    replaceLogCheck(sqlite, '020', OLD_OP_CHECK, NEW_OP_CHECK);
  },
};

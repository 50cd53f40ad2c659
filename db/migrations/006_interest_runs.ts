import type { Migration } from '../migrate';

/** One row per 年终结息 run: running the same settlement year twice posts once. */
export const m006_interest_runs: Migration = {
  id: '006_interest_runs',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE interest_runs (
        year INTEGER PRIMARY KEY,
        booked_date TEXT NOT NULL,
        accounts INTEGER NOT NULL,
        total_fen INTEGER NOT NULL,
        entries INTEGER NOT NULL,
        day_basis INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        operator_login TEXT NOT NULL
      );
      CREATE TRIGGER interest_runs_no_update BEFORE UPDATE ON interest_runs BEGIN SELECT RAISE(ABORT, 'interest_runs 只允许追加'); END;
      CREATE TRIGGER interest_runs_no_delete BEFORE DELETE ON interest_runs BEGIN SELECT RAISE(ABORT, 'interest_runs 只允许追加'); END;
    `);
  },
};

import type { Migration } from '../migrate';

/**
 * Policy data an administrator maintains without code: the dated loan-rate and deposit-rate tables (seeded from
 * shared/rates at initialisation) and dated parameter overrides of the policy packs. Rows are never edited: a new
 * row with a later effective date supersedes, so a past decision can be re-run under the data of its day.
 */
export const m003_policy_data: Migration = {
  id: '003_policy_data',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE loan_rates (
        id INTEGER PRIMARY KEY,
        effective_from TEXT NOT NULL UNIQUE,
        first_up_to_5y TEXT NOT NULL,
        first_over_5y TEXT NOT NULL,
        second_up_to_5y TEXT,
        second_over_5y TEXT,
        source TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      );
      CREATE TABLE deposit_rates (
        id INTEGER PRIMARY KEY,
        effective_from TEXT NOT NULL UNIQUE,
        annual_rate_percent TEXT NOT NULL,
        source TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      );
      CREATE TABLE policy_overrides (
        id INTEGER PRIMARY KEY,
        param_id TEXT NOT NULL,
        effective_from TEXT NOT NULL,
        value_json TEXT NOT NULL,
        note TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (param_id, effective_from)
      );
    `);
    for (const t of ['loan_rates', 'deposit_rates', 'policy_overrides']) {
      sqlite.exec(`
        CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} 只允许追加，不可修改'); END;
        CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} 只允许追加，不可删除'); END;
      `);
    }
  },
};

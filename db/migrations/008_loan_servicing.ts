import type { Migration } from '../migrate';
import { PENALTY_SETTINGS } from '../../shared/rates/penaltyRates';

/**
 * Loan servicing after disbursement (issue 6). Everything is append-only; money moves only through journal
 * entries, and these tables record how each entry was applied to the loan:
 *  - penalty_settings: the dated 罚息 setting (multiplier on the contract rate, day basis), seeded from
 *    shared/rates/penaltyRates.ts; data, not code.
 *  - loan_repayments: one row per repayment / prepayment entry (amount split into principal, interest, penalty).
 *  - loan_repayment_allocations: how a repayment was applied to each installment (还款明细, overdue history).
 *  - loan_schedule_versions: schedule versions after the frozen original (version 1 = loan_schedule): a partial
 *    prepayment or a repricing starts a new version from a period on; a full prepayment ends the schedule. A
 *    version stores every input of shared/loan/schedule.ts buildSchedule plus the installment and total interest
 *    it gave, so its rows are re-derived and checked against that fingerprint instead of stored 100,000 × 240 times.
 *  - loan_reprice_runs: one row per `gjj reprice` run that changed anything.
 * loans gets settled_date / settled_entry_id (结清).
 */
export const m008_loan_servicing: Migration = {
  id: '008_loan_servicing',
  up(sqlite) {
    sqlite.exec(`
      ALTER TABLE loans ADD COLUMN settled_date TEXT;
      ALTER TABLE loans ADD COLUMN settled_entry_id INTEGER REFERENCES journal_entries(id);
      CREATE INDEX loans_spouse ON loans(spouse_member_id);
      CREATE INDEX loans_status ON loans(status);

      CREATE TABLE penalty_settings (
        id INTEGER PRIMARY KEY,
        effective_from TEXT NOT NULL UNIQUE,
        multiplier TEXT NOT NULL,
        day_basis INTEGER NOT NULL CHECK (day_basis IN (360, 365)),
        source TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      );

      CREATE TABLE loan_repayments (
        id INTEGER PRIMARY KEY,
        loan_id INTEGER NOT NULL REFERENCES loans(id),
        entry_id INTEGER NOT NULL UNIQUE REFERENCES journal_entries(id),
        idempotency_key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('repay', 'prepay_partial', 'prepay_full')),
        source TEXT NOT NULL CHECK (source IN ('bank', 'fund')),
        paid_date TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        principal_fen INTEGER NOT NULL CHECK (principal_fen >= 0),
        interest_fen INTEGER NOT NULL CHECK (interest_fen >= 0),
        penalty_fen INTEGER NOT NULL CHECK (penalty_fen >= 0),
        strategy TEXT NOT NULL,
        operator_id INTEGER,
        created_at TEXT NOT NULL,
        CHECK (principal_fen + interest_fen + penalty_fen = amount_fen)
      );
      CREATE INDEX loan_repayments_loan ON loan_repayments(loan_id, paid_date);

      CREATE TABLE loan_repayment_allocations (
        loan_id INTEGER NOT NULL REFERENCES loans(id),
        period INTEGER NOT NULL,
        repayment_id INTEGER NOT NULL REFERENCES loan_repayments(id),
        paid_date TEXT NOT NULL,
        principal_fen INTEGER NOT NULL CHECK (principal_fen >= 0),
        interest_fen INTEGER NOT NULL CHECK (interest_fen >= 0),
        penalty_fen INTEGER NOT NULL CHECK (penalty_fen >= 0),
        PRIMARY KEY (loan_id, period, repayment_id)
      ) WITHOUT ROWID;

      CREATE TABLE loan_reprice_runs (
        id INTEGER PRIMARY KEY,
        as_of TEXT NOT NULL,
        effective_date TEXT NOT NULL,
        rate_row_from TEXT NOT NULL,
        examined INTEGER NOT NULL,
        changed INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        operator_login TEXT NOT NULL
      );

      CREATE TABLE loan_schedule_versions (
        loan_id INTEGER NOT NULL REFERENCES loans(id),
        version INTEGER NOT NULL CHECK (version >= 2),
        from_period INTEGER NOT NULL CHECK (from_period >= 1),
        reason TEXT NOT NULL CHECK (reason IN ('prepay_partial', 'prepay_full', 'reprice')),
        keep TEXT CHECK (keep IN ('term', 'installment')),
        annual_rate_percent TEXT NOT NULL,
        base_principal_fen INTEGER NOT NULL CHECK (base_principal_fen >= 0),
        months INTEGER NOT NULL CHECK (months >= 0),
        method TEXT NOT NULL CHECK (method IN ('annuity', 'linear', 'lump')),
        installment_fen INTEGER NOT NULL,
        total_interest_fen INTEGER NOT NULL,
        effective_date TEXT NOT NULL,
        repayment_id INTEGER REFERENCES loan_repayments(id),
        reprice_run_id INTEGER REFERENCES loan_reprice_runs(id),
        created_at TEXT NOT NULL,
        PRIMARY KEY (loan_id, version)
      ) WITHOUT ROWID;
    `);
    for (const t of ['penalty_settings', 'loan_repayments', 'loan_repayment_allocations', 'loan_reprice_runs', 'loan_schedule_versions']) {
      sqlite.exec(`
        CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} 只允许追加，不可修改'); END;
        CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} 只允许追加，不可删除'); END;
      `);
    }
    const seed = sqlite.prepare(
      `INSERT INTO penalty_settings (effective_from, multiplier, day_basis, source, created_at, created_by)
       VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system')`,
    );
    for (const p of PENALTY_SETTINGS) seed.run(p.effectiveFrom, p.multiplier, p.dayBasis, p.source);
  },
};

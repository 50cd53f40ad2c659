import type { Migration } from '../migrate';

/**
 * Disbursed loans: the loan record with its contract number and the repayment schedule frozen at disbursement
 * (append-only). Each loan has its own sub-ledger account under 121 委托贷款 (`121:<contract no>`).
 */
export const m005_loans: Migration = {
  id: '005_loans',
  up(sqlite) {
    sqlite.exec(`
      ALTER TABLE accounts ADD COLUMN loan_id INTEGER;
      ALTER TABLE applications ADD COLUMN contract_no TEXT;
      ALTER TABLE applications ADD COLUMN mortgage_reg_no TEXT;
      ALTER TABLE applications ADD COLUMN signed_at TEXT;

      CREATE TABLE loans (
        id INTEGER PRIMARY KEY,
        contract_no TEXT NOT NULL UNIQUE,
        application_id INTEGER NOT NULL UNIQUE REFERENCES applications(id),
        member_id INTEGER NOT NULL REFERENCES members(id),
        spouse_member_id INTEGER REFERENCES members(id),
        principal_fen INTEGER NOT NULL CHECK (principal_fen > 0),
        annual_rate_percent TEXT NOT NULL,
        rate_basis TEXT NOT NULL,
        months INTEGER NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('annuity', 'linear', 'lump')),
        first_due_date TEXT NOT NULL,
        disbursed_date TEXT NOT NULL,
        disbursed_entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
        mortgage_reg_no TEXT,
        status TEXT NOT NULL CHECK (status IN ('还款中', '已结清')),
        created_at TEXT NOT NULL
      );
      CREATE INDEX loans_member ON loans(member_id);

      CREATE TABLE loan_schedule (
        loan_id INTEGER NOT NULL REFERENCES loans(id),
        period INTEGER NOT NULL,
        due_date TEXT NOT NULL,
        payment_fen INTEGER NOT NULL,
        principal_fen INTEGER NOT NULL,
        interest_fen INTEGER NOT NULL,
        remaining_fen INTEGER NOT NULL,
        PRIMARY KEY (loan_id, period)
      ) WITHOUT ROWID;
      CREATE TRIGGER loan_schedule_no_update BEFORE UPDATE ON loan_schedule BEGIN SELECT RAISE(ABORT, 'loan_schedule 只允许追加，不可修改'); END;
      CREATE TRIGGER loan_schedule_no_delete BEFORE DELETE ON loan_schedule BEGIN SELECT RAISE(ABORT, 'loan_schedule 只允许追加，不可删除'); END;
    `);
  },
};

import type { Migration } from '../migrate';

/**
 * 异地缴存职工（本中心无账户）的贷款 (银川 003 6、, issue 13, option B): a borrower who contributes at another center and
 * has no account here gets a sealed zero-balance member account under the center's one pseudo-employer
 * “异地缴存职工（中心代管）” (employers.remote_custody = 1: never remitted for, never listed as an employer, its members
 * never offered for withdrawals). What the other center's 缴存证明 states is recorded in remote_certificates, with who
 * recorded it and when; the loan rules read it from there. Append-only: a newer certificate is a new row.
 */
export const m019_remote_borrowers: Migration = {
  id: '019_remote_borrowers',
  up(sqlite) {
    sqlite.exec(`
      ALTER TABLE employers ADD COLUMN remote_custody INTEGER NOT NULL DEFAULT 0 CHECK (remote_custody IN (0, 1));
      CREATE TABLE remote_certificates (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        application_id INTEGER REFERENCES applications(id),
        place TEXT NOT NULL CHECK (place IN ('province', 'elsewhere')),
        center_name TEXT NOT NULL,
        certificate_date TEXT NOT NULL,
        opened_date TEXT NOT NULL,
        agreement_date TEXT,
        monthly_deposit_fen INTEGER NOT NULL CHECK (monthly_deposit_fen >= 0),
        base_fen INTEGER NOT NULL CHECK (base_fen > 0),
        continuous_months INTEGER NOT NULL CHECK (continuous_months >= 0),
        balance_fen INTEGER NOT NULL CHECK (balance_fen >= 0),
        recorded_by INTEGER NOT NULL,
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX remote_certificates_member ON remote_certificates(member_id, id);
      CREATE TRIGGER remote_certificates_no_delete BEFORE DELETE ON remote_certificates
        BEGIN SELECT RAISE(ABORT, '异地缴存证明记录只能追加，不能删除'); END;
      CREATE TRIGGER remote_certificates_no_update BEFORE UPDATE OF member_id, place, center_name, certificate_date, opened_date, agreement_date,
        monthly_deposit_fen, base_fen, continuous_months, balance_fen, recorded_by, recorded_at ON remote_certificates
        BEGIN SELECT RAISE(ABORT, '异地缴存证明记录只能追加，不能修改'); END;
    `);
  },
};

import type { Migration } from '../migrate';

/**
 * Operators are people (issue 9): every login records the person's 工号 (staff_no) and 证件号码 (id_number, full,
 * never returned unmasked); several logins may belong to one person. Four-eyes checks compare persons.
 *  - operators: staff_no, id_number (NULL only for operators created before this migration), must_change_password,
 *    failed_logins / last_failed_at / locked_until (lockout survives restarts), disabled_at / disabled_by.
 *  - operator_change_requests: creating an operator or changing a role is requested by one administrator and
 *    applied only when an administrator who is another person confirms it (or rejects it).
 */
export const m010_operator_people: Migration = {
  id: '010_operator_people',
  up(sqlite) {
    sqlite.exec(`
      ALTER TABLE operators ADD COLUMN staff_no TEXT;
      ALTER TABLE operators ADD COLUMN id_number TEXT;
      ALTER TABLE operators ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE operators ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE operators ADD COLUMN last_failed_at TEXT;
      ALTER TABLE operators ADD COLUMN locked_until TEXT;
      ALTER TABLE operators ADD COLUMN disabled_at TEXT;
      ALTER TABLE operators ADD COLUMN disabled_by INTEGER;
      CREATE INDEX operators_staff_no ON operators(staff_no);
      CREATE INDEX operators_id_number ON operators(id_number);

      CREATE TABLE operator_change_requests (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('add', 'role')),
        operator_id INTEGER REFERENCES operators(id),
        payload_json TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT '待确认' CHECK (status IN ('待确认', '已确认', '已驳回')),
        requested_by INTEGER NOT NULL REFERENCES operators(id),
        requested_at TEXT NOT NULL,
        decided_by INTEGER REFERENCES operators(id),
        decided_at TEXT,
        note TEXT
      );
      CREATE INDEX operator_change_requests_status ON operator_change_requests(status);
    `);
  },
};

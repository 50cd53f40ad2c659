import type { Migration } from '../migrate';

/**
 * Applications (提取 now, 贷款 later) move through states, so their row is updated — but only by the workflow's
 * transition code, and every transition is written to the append-only `application_events` with who, when, why
 * and the decision in force. Printed forms are logged so that a second print is marked 补打.
 * Postings get a per-line memo (e.g. 销户结息 inside a 销户提取 entry).
 */
export const m004_applications: Migration = {
  id: '004_applications',
  up(sqlite) {
    sqlite.exec(`
      ALTER TABLE postings ADD COLUMN memo TEXT;

      CREATE TABLE applications (
        id INTEGER PRIMARY KEY,
        app_no TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('withdrawal', 'loan')),
        case_id TEXT NOT NULL,
        member_id INTEGER NOT NULL REFERENCES members(id),
        spouse_member_id INTEGER REFERENCES members(id),
        state TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        facts_json TEXT NOT NULL,
        decision_json TEXT,
        requested_fen INTEGER,
        approved_fen INTEGER,
        payee_json TEXT NOT NULL,
        materials_json TEXT NOT NULL,
        branch_code TEXT NOT NULL,
        appointment_id INTEGER,
        created_by INTEGER NOT NULL REFERENCES operators(id),
        created_at TEXT NOT NULL,
        submitted_by INTEGER REFERENCES operators(id),
        submitted_at TEXT,
        reviewed_by INTEGER REFERENCES operators(id),
        reviewed_at TEXT,
        approved_by INTEGER REFERENCES operators(id),
        approved_at TEXT,
        paid_by INTEGER REFERENCES operators(id),
        paid_at TEXT,
        paid_entry_id INTEGER REFERENCES journal_entries(id),
        reversal_reason TEXT,
        reversal_requested_by INTEGER REFERENCES operators(id),
        reversal_reviewed_by INTEGER REFERENCES operators(id),
        reversal_entry_id INTEGER REFERENCES journal_entries(id),
        last_note TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX applications_state ON applications(kind, state, updated_at);
      CREATE INDEX applications_member ON applications(member_id);

      CREATE TABLE application_events (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES applications(id),
        at TEXT NOT NULL,
        operator_id INTEGER REFERENCES operators(id),
        action TEXT NOT NULL,
        from_state TEXT,
        to_state TEXT NOT NULL,
        note TEXT,
        decision_json TEXT
      );
      CREATE INDEX application_events_app ON application_events(application_id, id);

      CREATE TABLE print_log (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES applications(id),
        form TEXT NOT NULL,
        printed_at TEXT NOT NULL,
        operator_id INTEGER REFERENCES operators(id),
        reprint INTEGER NOT NULL
      );

      CREATE TABLE appointments (
        id INTEGER PRIMARY KEY,
        branch_code TEXT NOT NULL,
        date TEXT NOT NULL,
        slot TEXT NOT NULL,
        business TEXT NOT NULL,
        name TEXT NOT NULL,
        id_number TEXT NOT NULL,
        phone TEXT NOT NULL,
        member_id INTEGER REFERENCES members(id),
        status TEXT NOT NULL CHECK (status IN ('已预约', '已签到', '已受理', '已取消')),
        source TEXT NOT NULL,
        application_id INTEGER REFERENCES applications(id),
        created_at TEXT NOT NULL,
        checked_in_at TEXT
      );
      CREATE INDEX appointments_day ON appointments(branch_code, date);
      CREATE UNIQUE INDEX appointments_unique ON appointments(id_number, date, slot) WHERE status <> '已取消';
    `);
    for (const t of ['application_events', 'print_log']) {
      sqlite.exec(`
        CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} 只允许追加，不可修改'); END;
        CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} 只允许追加，不可删除'); END;
      `);
    }
    sqlite.exec(`CREATE TRIGGER applications_no_delete BEFORE DELETE ON applications BEGIN SELECT RAISE(ABORT, '申请不可删除，请撤销'); END;`);
  },
};

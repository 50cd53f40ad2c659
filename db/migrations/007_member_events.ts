import type { Migration } from '../migrate';

/** 封存 / 启封 / 转出 of member accounts, append-only: the account's history of employers and sealing. */
export const m007_member_events: Migration = {
  id: '007_member_events',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE member_events (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        at TEXT NOT NULL,
        date TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('封存', '启封', '转出')),
        from_employer_id INTEGER REFERENCES employers(id),
        to_employer_id INTEGER REFERENCES employers(id),
        reason TEXT NOT NULL,
        entry_id INTEGER REFERENCES journal_entries(id),
        operator_id INTEGER REFERENCES operators(id)
      );
      CREATE INDEX member_events_member ON member_events(member_id, id);
      CREATE TRIGGER member_events_no_update BEFORE UPDATE ON member_events BEGIN SELECT RAISE(ABORT, 'member_events 只允许追加'); END;
      CREATE TRIGGER member_events_no_delete BEFORE DELETE ON member_events BEGIN SELECT RAISE(ABORT, 'member_events 只允许追加'); END;
    `);
  },
};

import type { Migration } from '../migrate';

/**
 * Tamper evidence (services/integrity): every change to a business row is logged by triggers into
 * `integrity_log` (the row's key and its image), and each commit seals its new log rows with a keyed MAC chained
 * to the previous seal (`integrity_seals`). The key never lives in the database.
 * `contributions` had no primary key; VACUUM (and so `gjj backup`) may renumber an implicit rowid, so it gets an
 * explicit one here: a row's identity must survive a backup for the log to name it.
 */
export const m009_integrity: Migration = {
  id: '009_integrity',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE integrity_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        tbl TEXT NOT NULL,
        row_key TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('I', 'U', 'D', 'B', 'S')),
        image TEXT
      );
      CREATE INDEX integrity_log_row ON integrity_log(tbl, row_key, seq);
      CREATE TABLE integrity_seals (
        id INTEGER PRIMARY KEY,
        from_seq INTEGER NOT NULL,
        to_seq INTEGER NOT NULL,
        rows INTEGER NOT NULL,
        digest TEXT NOT NULL,
        at TEXT NOT NULL,
        prev_mac TEXT NOT NULL,
        mac TEXT NOT NULL
      );

      DROP TRIGGER contributions_no_update;
      DROP TRIGGER contributions_no_delete;
      ALTER TABLE contributions RENAME TO contributions_old;
      CREATE TABLE contributions (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        month TEXT NOT NULL,
        fund TEXT NOT NULL CHECK (fund IN ('basic','supplementary')),
        base_fen INTEGER NOT NULL,
        employee_fen INTEGER NOT NULL,
        employer_fen INTEGER NOT NULL,
        remittance_id INTEGER NOT NULL REFERENCES remittances(id),
        entry_id INTEGER NOT NULL REFERENCES journal_entries(id)
      );
      INSERT INTO contributions (id, member_id, month, fund, base_fen, employee_fen, employer_fen, remittance_id, entry_id)
        SELECT rowid, member_id, month, fund, base_fen, employee_fen, employer_fen, remittance_id, entry_id
          FROM contributions_old ORDER BY rowid;
      DROP INDEX contributions_member;
      DROP TABLE contributions_old;
      CREATE INDEX contributions_member ON contributions(member_id, month);
      CREATE TRIGGER contributions_no_update BEFORE UPDATE ON contributions
        BEGIN SELECT RAISE(ABORT, 'contributions 只允许追加，不可修改'); END;
      CREATE TRIGGER contributions_no_delete BEFORE DELETE ON contributions
        BEGIN SELECT RAISE(ABORT, 'contributions 只允许追加，不可删除'); END;
    `);
  },
};

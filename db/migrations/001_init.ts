import type { Migration } from '../migrate';

// Append-only tables refuse UPDATE and DELETE in the database itself, so no code path (or hand-run SQL without
// dropping the trigger first) can edit the ledger; `gjj check` catches what a dropped trigger let through.
const APPEND_ONLY = ['journal_entries', 'postings', 'remittances', 'contributions', 'commands', 'audit_log'];

export const m001_init: Migration = {
  id: '001_init',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      CREATE TABLE operators (
        id INTEGER PRIMARY KEY,
        login TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('clerk','reviewer','approver','admin')),
        password_hash TEXT NOT NULL,
        branch_code TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
      );

      CREATE TABLE employers (
        id INTEGER PRIMARY KEY,
        account_no TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        uscc TEXT NOT NULL UNIQUE,
        uscc_confirmed INTEGER NOT NULL DEFAULT 0,
        district TEXT NOT NULL,
        employee_ratio TEXT NOT NULL,
        employer_ratio TEXT NOT NULL,
        supp_employee_ratio TEXT,
        supp_employer_ratio TEXT,
        contact_name TEXT NOT NULL,
        contact_phone TEXT NOT NULL,
        address TEXT NOT NULL DEFAULT '',
        opened_date TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT '正常',
        created_at TEXT NOT NULL
      );
      CREATE INDEX employers_name ON employers(name);

      CREATE TABLE members (
        id INTEGER PRIMARY KEY,
        account_no TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        id_number TEXT NOT NULL UNIQUE,
        birth_date TEXT NOT NULL,
        sex TEXT NOT NULL CHECK (sex IN ('M','F')),
        phone TEXT NOT NULL,
        employer_id INTEGER NOT NULL REFERENCES employers(id),
        base_fen INTEGER NOT NULL CHECK (base_fen > 0),
        status TEXT NOT NULL CHECK (status IN ('正常','封存','销户')),
        opened_date TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX members_name ON members(name);
      CREATE INDEX members_employer ON members(employer_id, status);

      CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('asset','liability','equity','income','expense')),
        parent_code TEXT,
        member_id INTEGER REFERENCES members(id),
        debits_fen INTEGER NOT NULL DEFAULT 0,
        credits_fen INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX accounts_member ON accounts(member_id);
      CREATE INDEX accounts_parent ON accounts(parent_code);

      CREATE TABLE journal_entries (
        id INTEGER PRIMARY KEY,
        entry_no TEXT NOT NULL UNIQUE,
        idempotency_key TEXT NOT NULL UNIQUE,
        business_type TEXT NOT NULL,
        summary TEXT NOT NULL,
        booked_date TEXT NOT NULL,
        created_at TEXT NOT NULL,
        operator_id INTEGER REFERENCES operators(id),
        branch_code TEXT NOT NULL,
        reverses_entry_id INTEGER UNIQUE REFERENCES journal_entries(id),
        reason TEXT,
        ref_type TEXT,
        ref_id INTEGER
      );
      CREATE INDEX journal_booked ON journal_entries(booked_date);

      CREATE TABLE postings (
        id INTEGER PRIMARY KEY,
        entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        side TEXT NOT NULL CHECK (side IN ('D','C')),
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0)
      );
      CREATE INDEX postings_account ON postings(account_id, entry_id);
      CREATE INDEX postings_entry ON postings(entry_id);

      CREATE TABLE remittances (
        id INTEGER PRIMARY KEY,
        employer_id INTEGER NOT NULL REFERENCES employers(id),
        month TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('汇缴','补缴')),
        entry_id INTEGER NOT NULL REFERENCES journal_entries(id),
        member_count INTEGER NOT NULL,
        employee_total_fen INTEGER NOT NULL,
        employer_total_fen INTEGER NOT NULL,
        supp_total_fen INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX remittances_employer ON remittances(employer_id, month);

      CREATE TABLE contributions (
        member_id INTEGER NOT NULL REFERENCES members(id),
        month TEXT NOT NULL,
        fund TEXT NOT NULL CHECK (fund IN ('basic','supplementary')),
        base_fen INTEGER NOT NULL,
        employee_fen INTEGER NOT NULL,
        employer_fen INTEGER NOT NULL,
        remittance_id INTEGER NOT NULL REFERENCES remittances(id),
        entry_id INTEGER NOT NULL REFERENCES journal_entries(id)
      );
      CREATE INDEX contributions_member ON contributions(member_id, month);

      CREATE TABLE commands (
        idempotency_key TEXT PRIMARY KEY,
        action TEXT NOT NULL,
        request_hash TEXT NOT NULL,
        result_json TEXT NOT NULL,
        operator_id INTEGER,
        created_at TEXT NOT NULL
      );

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        operator_id INTEGER,
        operator_login TEXT NOT NULL,
        action TEXT NOT NULL,
        record_type TEXT NOT NULL,
        record_id TEXT NOT NULL,
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
    `);
    for (const table of APPEND_ONLY) {
      sqlite.exec(`
        CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
          BEGIN SELECT RAISE(ABORT, '${table} 只允许追加，不可修改'); END;
        CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
          BEGIN SELECT RAISE(ABORT, '${table} 只允许追加，不可删除'); END;
      `);
    }
  },
};

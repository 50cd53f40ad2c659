/**
 * The center's PostgreSQL schema. Branch rows are keyed by (branch_code, the branch's own id). The same invariants as
 * a branch ledger hold in the database itself: the received seals, batches, change log, journal entries and
 * postings are append-only (triggers refuse UPDATE, DELETE and TRUNCATE); every journal entry has at least two
 * postings and balances (a deferred constraint trigger, checked at commit); a posting can only join an entry
 * inserted in the same transaction, so a balanced entry never gains a line later.
 */
import { sql, type Kysely } from 'kysely';

const APPEND_ONLY = ['center_seals', 'center_batches', 'center_change_log', 'center_journal_entries', 'center_postings'];

export const CENTER_MIGRATIONS: ReadonlyArray<{ id: string; sql: string }> = [
  {
    id: '001_center',
    sql: `
      CREATE TABLE center_meta (key text PRIMARY KEY, value text NOT NULL);
      CREATE TABLE center_branches (
        code text PRIMARY KEY,
        name text NOT NULL,
        public_key text NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now(),
        last_seal bigint NOT NULL DEFAULT 0,
        last_mac text NOT NULL DEFAULT '${'0'.repeat(64)}'
      );
      CREATE TABLE center_batches (
        id bigserial PRIMARY KEY,
        branch_code text NOT NULL REFERENCES center_branches(code),
        from_seal bigint NOT NULL,
        to_seal bigint NOT NULL,
        to_mac text NOT NULL,
        file_digest text NOT NULL,
        totals jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (branch_code, to_seal),
        CHECK (from_seal >= 1 AND to_seal >= from_seal)
      );
      CREATE TABLE center_seals (
        branch_code text NOT NULL REFERENCES center_branches(code),
        id bigint NOT NULL,
        from_seq bigint NOT NULL,
        to_seq bigint NOT NULL,
        rows integer NOT NULL,
        digest text NOT NULL,
        at text NOT NULL,
        prev_mac text NOT NULL,
        mac text NOT NULL,
        batch_id bigint NOT NULL REFERENCES center_batches(id),
        PRIMARY KEY (branch_code, id)
      );
      CREATE TABLE center_change_log (
        branch_code text NOT NULL REFERENCES center_branches(code),
        seq bigint NOT NULL,
        tbl text NOT NULL,
        row_key text NOT NULL,
        op char(1) NOT NULL CHECK (op IN ('I', 'U', 'D', 'B', 'S')),
        image text,
        PRIMARY KEY (branch_code, seq)
      );
      CREATE TABLE center_table_specs (
        branch_code text NOT NULL REFERENCES center_branches(code),
        tbl text NOT NULL,
        spec jsonb NOT NULL,
        PRIMARY KEY (branch_code, tbl)
      );
      CREATE TABLE center_accounts (
        branch_code text NOT NULL REFERENCES center_branches(code),
        id bigint NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        type text NOT NULL,
        parent_code text,
        member_id bigint,
        PRIMARY KEY (branch_code, id),
        UNIQUE (branch_code, code)
      );
      CREATE TABLE center_journal_entries (
        branch_code text NOT NULL REFERENCES center_branches(code),
        id bigint NOT NULL,
        entry_no text NOT NULL,
        business_type text NOT NULL,
        summary text NOT NULL,
        booked_date text NOT NULL,
        created_at text NOT NULL,
        operator_id bigint,
        counter_code text NOT NULL,
        reverses_entry_id bigint,
        PRIMARY KEY (branch_code, id),
        UNIQUE (branch_code, entry_no)
      );
      CREATE TABLE center_postings (
        branch_code text NOT NULL,
        id bigint NOT NULL,
        entry_id bigint NOT NULL,
        account_id bigint NOT NULL,
        side char(1) NOT NULL CHECK (side IN ('D', 'C')),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        PRIMARY KEY (branch_code, id),
        FOREIGN KEY (branch_code, entry_id) REFERENCES center_journal_entries(branch_code, id),
        FOREIGN KEY (branch_code, account_id) REFERENCES center_accounts(branch_code, id)
      );
      CREATE INDEX center_postings_entry ON center_postings (branch_code, entry_id);
      CREATE INDEX center_postings_account ON center_postings (branch_code, account_id);

      CREATE FUNCTION center_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '%只能追加，不能修改或删除', TG_TABLE_NAME;
      END $$;

      CREATE FUNCTION center_posting_joins_new_entry() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM center_journal_entries e
                        WHERE e.branch_code = NEW.branch_code AND e.id = NEW.entry_id
                          AND e.xmin::text = (pg_current_xact_id()::xid)::text) THEN
          RAISE EXCEPTION '网点%的分录%只能随其凭证%一起写入', NEW.branch_code, NEW.id, NEW.entry_id;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER center_postings_new_entry BEFORE INSERT ON center_postings
        FOR EACH ROW EXECUTE FUNCTION center_posting_joins_new_entry();

      CREATE FUNCTION center_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE n bigint; d numeric; c numeric;
      BEGIN
        SELECT COUNT(*), COALESCE(SUM(amount_fen) FILTER (WHERE side = 'D'), 0), COALESCE(SUM(amount_fen) FILTER (WHERE side = 'C'), 0)
          INTO n, d, c FROM center_postings WHERE branch_code = NEW.branch_code AND entry_id = NEW.id;
        IF n < 2 OR d <> c THEN
          RAISE EXCEPTION '网点%的凭证%借贷不平衡：%行，借方%分，贷方%分', NEW.branch_code, NEW.entry_no, n, d, c;
        END IF;
        RETURN NULL;
      END $$;
      CREATE CONSTRAINT TRIGGER center_entry_balanced AFTER INSERT ON center_journal_entries
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION center_entry_balanced();
      ${APPEND_ONLY.map(
        (t) => `CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION center_append_only();
      CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION center_append_only();`,
      ).join('\n      ')}
    `,
  },
  {
    // Center → branch (docs/branch-network.md §6): center-authored changes with a gapless center sequence
    // (append-only); the member register's owners; each branch's acknowledged center sequence.
    id: '002_center_down',
    sql: `
      CREATE TABLE center_changes (
        seq bigint PRIMARY KEY CHECK (seq >= 1),
        kind text NOT NULL CHECK (kind IN ('loan_rate', 'deposit_rate', 'penalty', 'override', 'notice', 'operator', 'employer', 'member', 'transfer')),
        payload jsonb NOT NULL,
        origin_branch text,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL
      );
      CREATE TABLE center_register_employers (
        account_no text PRIMARY KEY,
        origin_branch text NOT NULL,
        owner text NOT NULL
      );
      CREATE TABLE center_register_members (
        account_no text PRIMARY KEY,
        origin_branch text NOT NULL
      );
      CREATE TABLE center_transfer_moves (
        seq bigint PRIMARY KEY REFERENCES center_changes(seq),
        branch_code text NOT NULL,
        moves jsonb NOT NULL
      );
      CREATE TABLE center_down_acks (
        branch_code text PRIMARY KEY REFERENCES center_branches(code),
        seq bigint NOT NULL
      );
      CREATE TRIGGER center_changes_append_only BEFORE UPDATE OR DELETE ON center_changes FOR EACH ROW EXECUTE FUNCTION center_append_only();
      CREATE TRIGGER center_changes_no_truncate BEFORE TRUNCATE ON center_changes FOR EACH STATEMENT EXECUTE FUNCTION center_append_only();
    `,
  },
];

export async function migrateCenter(db: Kysely<unknown>): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS center_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  const ran: string[] = [];
  for (const m of CENTER_MIGRATIONS) {
    await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(4711)`.execute(trx);
      const done = await sql<{ id: string }>`SELECT id FROM center_migrations WHERE id = ${m.id}`.execute(trx);
      if (done.rows.length) return;
      await sql.raw(m.sql).execute(trx);
      await sql`INSERT INTO center_migrations (id) VALUES (${m.id})`.execute(trx);
      ran.push(m.id);
    });
  }
  return ran;
}

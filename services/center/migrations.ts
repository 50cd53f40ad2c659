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
  {
    // Ingest speed (issue 11, docs/branch-network.md §3): the guarantees of 001, checked per statement instead of
    // per row (per-row triggers and foreign-key lookups were most of a large batch's time).
    //  - A posting joins only an entry inserted in this transaction, and only an existing account of its branch: one
    //    query over the statement's new rows. This replaces the per-row trigger and the postings' two foreign keys;
    //    their other half stays: entries are append-only (001), and an account that postings use cannot be deleted
    //    or re-keyed (trigger below).
    //  - Change-log rows belong to a registered branch: one query per statement instead of the foreign key; a branch
    //    whose rows the center holds cannot be deleted or renamed.
    //  - Every entry inserted in a transaction is still checked at commit to have ≥ 2 postings and to balance: each
    //    INSERT into center_journal_entries notes its new ids in center_entry_pending, and a deferred constraint
    //    trigger on that note checks them all in one query (postings found by their entry index).
    //  The checks look rows up by index whatever the statistics say (a table analysed while nearly empty was planned
    //  as scans: the work of one batch would then grow with everything the center already holds).
    id: '003_center_ingest_checks',
    sql: `
      DROP TRIGGER center_postings_new_entry ON center_postings;
      DROP TRIGGER center_entry_balanced ON center_journal_entries;
      ALTER TABLE center_postings DROP CONSTRAINT center_postings_branch_code_entry_id_fkey;
      ALTER TABLE center_postings DROP CONSTRAINT center_postings_branch_code_account_id_fkey;
      ALTER TABLE center_change_log DROP CONSTRAINT center_change_log_branch_code_fkey;

      CREATE FUNCTION center_postings_join_new_entries() RETURNS trigger LANGUAGE plpgsql
        SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off SET enable_material = off AS $$
      DECLARE bad record;
      BEGIN
        SELECT n.branch_code, n.id, n.entry_id INTO bad FROM center_new_postings n
          LEFT JOIN center_journal_entries e ON e.branch_code = n.branch_code AND e.id = n.entry_id
         WHERE e.id IS NULL OR e.xmin::text <> (pg_current_xact_id()::xid)::text
         LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION '网点%的分录%只能随其凭证%一起写入', bad.branch_code, bad.id, bad.entry_id;
        END IF;
        SELECT n.branch_code, n.id, n.account_id INTO bad FROM center_new_postings n
         WHERE NOT EXISTS (SELECT 1 FROM center_accounts a WHERE a.branch_code = n.branch_code AND a.id = n.account_id)
         LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION '网点%的分录%记入的账户%不存在', bad.branch_code, bad.id, bad.account_id;
        END IF;
        RETURN NULL;
      END $$;

      CREATE FUNCTION center_accounts_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          IF EXISTS (SELECT 1 FROM center_postings) THEN RAISE EXCEPTION 'center_accounts有分录记入，不能清空'; END IF;
          RETURN NULL;
        END IF;
        IF (TG_OP = 'DELETE' OR NEW.branch_code <> OLD.branch_code OR NEW.id <> OLD.id)
           AND EXISTS (SELECT 1 FROM center_postings p WHERE p.branch_code = OLD.branch_code AND p.account_id = OLD.id) THEN
          RAISE EXCEPTION '网点%的账户%已有分录记入，不能删除或改变编号', OLD.branch_code, OLD.id;
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$;
      CREATE TRIGGER center_accounts_kept BEFORE UPDATE OF branch_code, id OR DELETE ON center_accounts FOR EACH ROW EXECUTE FUNCTION center_accounts_kept();
      CREATE TRIGGER center_accounts_no_truncate BEFORE TRUNCATE ON center_accounts FOR EACH STATEMENT EXECUTE FUNCTION center_accounts_kept();

      CREATE FUNCTION center_change_log_branch() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE bad text;
      BEGIN
        SELECT DISTINCT n.branch_code INTO bad FROM center_new_log n
         WHERE NOT EXISTS (SELECT 1 FROM center_branches b WHERE b.code = n.branch_code) LIMIT 1;
        IF FOUND THEN RAISE EXCEPTION '网点%未在本中心登记，不能写入其变更记录', bad; END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER center_change_log_branch AFTER INSERT ON center_change_log
        REFERENCING NEW TABLE AS center_new_log FOR EACH STATEMENT EXECUTE FUNCTION center_change_log_branch();
      CREATE FUNCTION center_branches_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (TG_OP = 'DELETE' OR NEW.code <> OLD.code) AND EXISTS (SELECT 1 FROM center_change_log l WHERE l.branch_code = OLD.code) THEN
          RAISE EXCEPTION '中心已收到网点%的变更记录，不能删除或改变其代码', OLD.code;
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$;
      CREATE TRIGGER center_branches_kept BEFORE UPDATE OF code OR DELETE ON center_branches FOR EACH ROW EXECUTE FUNCTION center_branches_kept();
      CREATE TRIGGER center_postings_new_entry AFTER INSERT ON center_postings
        REFERENCING NEW TABLE AS center_new_postings FOR EACH STATEMENT EXECUTE FUNCTION center_postings_join_new_entries();

      CREATE TABLE center_entry_pending (id bigint GENERATED ALWAYS AS IDENTITY, branch_code text NOT NULL, ids bigint[] NOT NULL);
      CREATE FUNCTION center_note_new_entries() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO center_entry_pending (branch_code, ids) SELECT branch_code, array_agg(id) FROM center_new_entries GROUP BY branch_code;
        RETURN NULL;
      END $$;
      CREATE TRIGGER center_entries_noted AFTER INSERT ON center_journal_entries
        REFERENCING NEW TABLE AS center_new_entries FOR EACH STATEMENT EXECUTE FUNCTION center_note_new_entries();

      CREATE FUNCTION center_entries_balanced() RETURNS trigger LANGUAGE plpgsql
        SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off AS $$
      DECLARE bad record; no text;
      BEGIN
        -- Driven by the noted ids (a join to the entries could be planned the wrong way round); the entry number is
        -- looked up only for the entry that fails.
        SELECT x.id, s.n, s.d, s.c INTO bad
          FROM unnest(NEW.ids) AS x(id)
          CROSS JOIN LATERAL (
            SELECT COUNT(*) AS n, COALESCE(SUM(p.amount_fen) FILTER (WHERE p.side = 'D'), 0) AS d,
                   COALESCE(SUM(p.amount_fen) FILTER (WHERE p.side = 'C'), 0) AS c
              FROM center_postings p WHERE p.branch_code = NEW.branch_code AND p.entry_id = x.id) s
         WHERE s.n < 2 OR s.d <> s.c
         ORDER BY x.id
         LIMIT 1;
        IF FOUND THEN
          SELECT entry_no INTO no FROM center_journal_entries WHERE branch_code = NEW.branch_code AND id = bad.id;
          RAISE EXCEPTION '网点%的凭证%借贷不平衡：%行，借方%分，贷方%分', NEW.branch_code, no, bad.n, bad.d, bad.c;
        END IF;
        DELETE FROM center_entry_pending WHERE id = NEW.id;
        RETURN NULL;
      END $$;
      CREATE CONSTRAINT TRIGGER center_entries_balanced AFTER INSERT ON center_entry_pending
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION center_entries_balanced();
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

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkOrder, migrate, MIGRATIONS, type Migration } from './migrate';
import { NEW_OP_CHECK, OLD_OP_CHECK } from './migrations/020_integrity_log_check';
import { RUNS_OP_CHECK } from './migrations/021_integrity_runs';

describe('migrations', () => {
  it('applies every migration once, in order', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.id));
    expect(migrate(db)).toEqual([]);
  });
  it('refuses a database whose applied list does not match the program', () => {
    const db = new Database(':memory:');
    migrate(db);
    const other: Migration[] = [{ id: '001_other', up() {} }];
    expect(() => migrate(db, other)).toThrow('迁移记录与程序不一致');
  });
  it('refuses gaps in numbering', () => {
    expect(() => checkOrder([{ id: '002_x', up() {} }])).toThrow('迁移编号不连续');
  });
  it('makes postings append-only in the database itself', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.exec(`INSERT INTO audit_log (at, operator_login, action, record_type, record_id, detail, prev_hash, hash)
             VALUES ('2026-01-01', 'a', 'x', 'y', '1', '{}', '', 'h')`);
    expect(() => db.exec('DELETE FROM audit_log')).toThrow('只允许追加');
    expect(() => db.exec("UPDATE audit_log SET detail = 'x'")).toThrow('只允许追加');
  });
});

/** Migration `id` on a database migrated up to it whose log table was re-created by hand: refused, nothing changed. */
function refusesHandMadeLog(id: string): void {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS.filter((m) => m.id < id));
  db.exec(`DROP TABLE integrity_log; CREATE TABLE integrity_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, tbl TEXT, row_key TEXT, op TEXT, image TEXT)`);
  const sql = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'integrity_log'`).pluck().get() as string;
  expect(() => migrate(db)).toThrow(`迁移${id.slice(0, 3)}：integrity_log 的结构与程序建立的不同`);
  expect(db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'integrity_log'`).pluck().get()).toBe(sql);
  expect(db.prepare(`SELECT COUNT(*) FROM schema_migrations WHERE id = ?`).pluck().get(id)).toBe(0);
}

describe('020: the integrity log CHECK without an IN list', () => {
  const logRows = (db: Database.Database) => db.prepare('SELECT seq, tbl, row_key, op, image FROM integrity_log ORDER BY seq').all();
  const tableSql = (db: Database.Database) => db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'integrity_log'`).pluck().get() as string;

  it('keeps every row and allows exactly the same five ops', () => {
    const db = new Database(':memory:');
    const upTo19 = MIGRATIONS.filter((m) => m.id < '020');
    migrate(db, upTo19);
    const ins = db.prepare(`INSERT INTO integrity_log (tbl, row_key, op, image) VALUES ('t', ?, ?, '[]')`);
    for (const op of ['I', 'U', 'D', 'B', 'S']) ins.run(`[${op}]`, op);
    const before = logRows(db);
    expect(tableSql(db)).toContain(OLD_OP_CHECK);

    expect(migrate(db, MIGRATIONS.filter((m) => m.id < '021'))).toEqual(['020_integrity_log_check']);
    expect(tableSql(db)).toContain(NEW_OP_CHECK);
    expect(tableSql(db)).not.toContain(' IN (');
    expect(logRows(db)).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const op of ['I', 'U', 'D', 'B', 'S']) expect(() => ins.run('[again]', op)).not.toThrow();
    for (const op of ['X', 'i', '', 'IU']) expect(() => ins.run('[bad]', op)).toThrow('CHECK constraint failed');
    expect(() => db.prepare(`INSERT INTO integrity_log (tbl, row_key, op) VALUES ('t', 'k', NULL)`).run()).toThrow('NOT NULL');
    // Defensive mode is back on: the schema table cannot be written after the migration.
    expect(() => db.exec(`UPDATE sqlite_master SET sql = sql WHERE name = 'integrity_log'`)).toThrow();
    // AUTOINCREMENT kept: a deleted last row's seq is not handed out again.
    const last = (db.prepare('SELECT MAX(seq) FROM integrity_log').pluck().get() as number);
    db.prepare('DELETE FROM integrity_log WHERE seq = ?').run(last);
    expect(Number(ins.run('[next]', 'I').lastInsertRowid)).toBe(last + 1);
  });

  it('refuses a log whose table was changed by hand, and changes nothing', () => refusesHandMadeLog('020_integrity_log_check'));
});

describe('021: runs in the integrity log (services/integrity/runs.ts)', () => {
  const logRows = (db: Database.Database) => db.prepare('SELECT seq, tbl, row_key, op, image FROM integrity_log ORDER BY seq').all();
  const tableSql = (db: Database.Database) => db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'integrity_log'`).pluck().get() as string;

  it('keeps every row, allows op A besides the five, and drops the insert-logging triggers of postings and contributions', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.id < '021'));
    const ins = db.prepare(`INSERT INTO integrity_log (tbl, row_key, op, image) VALUES ('t', ?, ?, '[]')`);
    for (const op of ['I', 'U', 'D', 'B', 'S']) ins.run(`[${op}]`, op);
    expect(() => ins.run('[A]', 'A')).toThrow('CHECK constraint failed');
    // As installIntegrity puts them (the logging triggers are not created by migrations).
    for (const t of ['postings', 'contributions', 'members']) db.exec(`CREATE TRIGGER integrity_${t}_ins AFTER INSERT ON ${t} BEGIN SELECT 1; END`);
    const before = logRows(db);

    expect(migrate(db, MIGRATIONS.filter((m) => m.id < '022'))).toEqual(['021_integrity_runs']);
    expect(tableSql(db)).toContain(RUNS_OP_CHECK);
    expect(logRows(db)).toEqual(before);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    for (const op of ['I', 'U', 'D', 'B', 'S', 'A']) expect(() => ins.run('[again]', op)).not.toThrow();
    for (const op of ['X', 'a', '', 'IA']) expect(() => ins.run('[bad]', op)).toThrow('CHECK constraint failed');
    const triggers = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'integrity_%'`).pluck().all();
    expect(triggers).toEqual(['integrity_members_ins']);
    expect(() => db.exec(`UPDATE sqlite_master SET sql = sql WHERE name = 'integrity_log'`)).toThrow();
  });

  it('refuses a log whose table was changed by hand, and changes nothing', () => refusesHandMadeLog('021_integrity_runs'));
});

describe('022: lookups that read a whole table use an index', () => {
  // The statements as the services write them (services/loan, conditions/excess.ts, conditions/guaranteeFee.ts,
  // contributions/remit.ts, appointments/, print), each with the table it scanned before.
  const lookups: Array<[string, string, number]> = [
    ['accounts', 'SELECT debits_fen - credits_fen AS bal FROM accounts WHERE loan_id = ?', 1],
    ['a', 'SELECT l.status, a.id AS account_id FROM loans l JOIN accounts a ON a.loan_id = l.id WHERE l.id = ?', 1],
    [
      'p',
      `SELECT COALESCE(SUM(p.amount_fen), 0) AS n FROM journal_entries e JOIN postings p ON p.entry_id = e.id JOIN accounts a ON a.id = p.account_id
        WHERE e.ref_type = 'excess_payback' AND e.ref_id = ? AND p.side = 'C' AND a.member_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses_entry_id = e.id)`,
      1,
    ],
    ['e', `SELECT e.entry_no FROM journal_entries e JOIN postings p ON p.entry_id = e.id AND p.side = 'D' WHERE e.ref_type = 'loan' AND e.ref_id = ? AND e.business_type = ? ORDER BY e.id`, 2],
    ['r', 'SELECT r.id FROM remittances r JOIN journal_entries e ON e.id = r.entry_id WHERE e.idempotency_key = ?', 1],
    ['appointments', 'SELECT id FROM appointments WHERE member_id = ? OR (? IS NOT NULL AND id_number = ?) ORDER BY date DESC, slot DESC, id DESC LIMIT ?', 4],
    ['appointments', 'SELECT * FROM appointments WHERE date = ? AND (? IS NULL OR branch_code = ?) ORDER BY slot, id', 3],
    ['print_log', 'SELECT form, reprint FROM print_log WHERE application_id = ? ORDER BY id', 1],
  ];
  const scans = (db: Database.Database, sql: string, n: number) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array(n).fill(1)) as Array<{ detail: string }>).map((r) => r.detail).filter((d) => /^SCAN /.test(d));

  it('plans each on an index; before the migration each scanned its table', () => {
    const db = new Database(':memory:');
    expect(migrate(db, MIGRATIONS.filter((m) => m.id < '022'))).toContain('021_integrity_runs');
    for (const [table, sql, n] of lookups) expect(scans(db, sql, n).some((d) => d.startsWith(`SCAN ${table}`))).toBe(true);
    expect(migrate(db)).toEqual(['022_lookup_indexes']);
    for (const [, sql, n] of lookups) expect(scans(db, sql, n)).toEqual([]);
    // Partial: the loan-account index holds loan accounts only.
    db.exec(`INSERT INTO accounts (code, name, type, parent_code) VALUES ('9001', '测试', 'asset', NULL)`);
    expect(db.prepare(`SELECT COUNT(*) FROM accounts INDEXED BY accounts_loan WHERE loan_id IS NOT NULL`).pluck().get()).toBe(0);
  });
});

/**
 * Tampering as someone who can edit the SQLite file but does not hold the key: each kind the integrity work was
 * asked to catch, done the way an attacker would (dropping the append-only triggers first, keeping every running
 * total consistent so the classic checks pass), and `gjj check` must name the row and why.
 * One realistic ledger (a remitting employer, a disbursed loan, a rate row) is built once; each case tampers with
 * its own VACUUM INTO copy, which also proves a backup copy verifies.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';
import { contributingCouple, disbursedLoan, YC_COMMODITY_FACTS } from '../testing/loanFixture';
import { openContext, openDb } from '../app/open';
import { checkLedger } from '../ledger/check';
import { checkLedgerParallel, checkOffThread } from './parallelCheck';
import { rowHash, type AuditRow } from '../audit/log';
import { ANCHOR_FILE, writeAnchor } from './anchor';
import { keyFromHex, type IntegrityKey } from './key';
import { sealMac, type SealRow } from './seal';
import { rowsMatchLog } from './rowsMatch';
import { currentSpecs } from './tracked';
import type { ServiceContext } from '../context';

let h: Harness;
let key: IntegrityKey;
let golden: string;
const dirs: string[] = [];
let ids: { a: number; b: number; loanId: number };

beforeAll(() => {
  h = harness('yinchuan', '2026-01-05T02:00:00Z');
  const { b, s } = contributingCouple(h);
  const e = newEmployer(h);
  newMember(h, e.id, { name: '周六' });
  const { loan } = disbursedLoan(
    h,
    { memberId: b.id, spouseMemberId: s.id, facts: YC_COMMODITY_FACTS, requestedFen: 30_000_000, months: 240, method: 'annuity' },
    'YC-GJJ-2026-000777',
  );
  ids = { a: b.id, b: s.id, loanId: loan.id };
  // The newest transaction: a notice (three inserted rows), for the cut-tail case.
  h.call('notices.post', { kind: '公告', title: '春节放假安排', body: '2月1日至7日休息。', idempotencyKey: h.key() }, 'admin');
  key = h.app.db.integrity!.key as IntegrityKey;
  golden = mkdtempSync(join(tmpdir(), 'gjj-tamper-golden-'));
  h.app.db.sqlite.exec(`VACUUM INTO '${join(golden, 'gjj.sqlite')}'`);
  copyFileSync(join(h.dir, ANCHOR_FILE), join(golden, ANCHOR_FILE));
}, 240_000);

afterAll(() => {
  h?.close();
  for (const d of [golden, ...dirs]) if (d) rmSync(d, { recursive: true, force: true });
});

/**
 * A fresh copy of the ledger, opened as `gjj check` opens it. `sql` edits the file the way a careful attacker
 * would: every trigger (append-only and logging) is dropped first and put back afterwards exactly as it was, so
 * the edit itself leaves no log row and the schema looks untouched; `loud` runs SQL as it is.
 */
function copy(): { ctx: ServiceContext; dir: string; sql: (s: string) => void; loud: (s: string) => void } {
  const dir = mkdtempSync(join(tmpdir(), 'gjj-tamper-'));
  dirs.push(dir);
  copyFileSync(join(golden, 'gjj.sqlite'), join(dir, 'gjj.sqlite'));
  copyFileSync(join(golden, ANCHOR_FILE), join(dir, ANCHOR_FILE));
  const ctx = openContext(dir, undefined, { key, checkOnly: true });
  const db = ctx.db.sqlite;
  const sql = (text: string) => {
    const saved = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as Array<{ name: string; sql: string }>;
    for (const t of saved) db.exec(`DROP TRIGGER "${t.name}"`);
    db.exec(text);
    for (const t of saved) if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE name = ?`).get(t.name)) db.exec(t.sql);
  };
  return { ctx, dir, sql, loud: (text) => db.exec(text) };
}

/** Every tampered copy and what the one-thread check named: the two-thread check must name the same (last test). */
const named: Array<{ dir: string; first: string }> = [];

function violation(ctx: ServiceContext): string {
  const r = checkLedger(ctx);
  // Kept as checked: closing seals what this connection wrote outside a transaction (a `loud` edit), by design.
  const kept = mkdtempSync(join(tmpdir(), 'gjj-tamper-kept-'));
  dirs.push(kept);
  ctx.db.sqlite.exec(`VACUUM INTO '${join(kept, 'gjj.sqlite')}'`);
  const anchor = join(dirname(ctx.db.sqlite.name), ANCHOR_FILE);
  if (existsSync(anchor)) copyFileSync(anchor, join(kept, ANCHOR_FILE));
  named.push({ dir: kept, first: r.firstViolation! });
  ctx.db.close();
  expect(r.ok).toBe(false);
  return r.firstViolation!;
}

/** The member's 201 sub-ledger account. */
function memberAccount(ctx: ServiceContext, memberId: number): number {
  return (ctx.db.sqlite.prepare(`SELECT id FROM accounts WHERE member_id = ? AND parent_code = '201'`).get(memberId) as { id: number }).id;
}

/**
 * A finding on a run (runs.ts): the seal over it is named, with the table's id range that contains `id`, and the
 * seal's row count is the same (an edit) or smaller (a deletion).
 */
function expectRunNamed(first: string, table: string, id: number, count: 'same' | 'fewer'): void {
  const m = /^签封#\d+所覆盖的变更记录第\d+至\d+条被改动或删除（应有(\d+)条，现有(\d+)条）；其中按段记录、以表中现存各行核对的有：(.*)，请逐行与备份或中心的副本比对$/.exec(first);
  expect(m, first).not.toBeNull();
  const [, want, have, runs] = m!;
  if (count === 'same') expect(have).toBe(want);
  else expect(Number(have)).toBeLessThan(Number(want));
  const ranges = [...runs!.matchAll(new RegExp(`（${table}）主键(\\d+)至(\\d+)`, 'g'))].map((r) => [Number(r[1]), Number(r[2])]);
  expect(ranges.some(([a, b]) => a! <= id && id <= b!), `${table} ${id} in ${runs}`).toBe(true);
}

/** One of member a's credits moved to member b, both running totals kept consistent (the classic checks pass). */
function moveCredit(ctx: ServiceContext, sql: (s: string) => void): { id: number; amount_fen: number } {
  const from = memberAccount(ctx, ids.a);
  const to = memberAccount(ctx, ids.b);
  const p = ctx.db.sqlite.prepare(`SELECT id, amount_fen FROM postings WHERE account_id = ? AND side = 'C' LIMIT 1`).get(from) as { id: number; amount_fen: number };
  sql(`UPDATE postings SET account_id = ${to} WHERE id = ${p.id}`);
  sql(`UPDATE accounts SET credits_fen = credits_fen - ${p.amount_fen} WHERE id = ${from}`);
  sql(`UPDATE accounts SET credits_fen = credits_fen + ${p.amount_fen} WHERE id = ${to}`);
  return p;
}

describe('the untouched ledger and its backup copy', () => {
  it('verify, and every business change is sealed', () => {
    const { ctx } = copy();
    const r = checkLedger(ctx);
    ctx.db.close();
    expect(r.firstViolation).toBeNull();
    expect(r.seals).toBeGreaterThan(20);
    expect(r.loggedChanges).toBeGreaterThan(300);
    expect(r.chainHead).toMatch(/^签封#\d+·变更\d+·[0-9A-F]{16}$/);
  });
});

describe('gjj check catches, naming the row', () => {
  it('a credit moved from one member to another with every running total kept consistent', () => {
    const { ctx, sql } = copy();
    const p = moveCredit(ctx, sql);
    // The classic checks alone would pass: totals, balance and control accounts all agree. Postings are logged as
    // runs (runs.ts): the seal over the posting's run no longer matches, and the message names the run's rows.
    expectRunNamed(violation(ctx), 'postings', p.id, 'same');
  });

  it('a new balanced fake entry (logging triggers dropped too)', () => {
    const { ctx, sql } = copy();
    const to = memberAccount(ctx, ids.a);
    const bank = (ctx.db.sqlite.prepare(`SELECT id FROM accounts WHERE code = '101'`).get() as { id: number }).id;
    sql(`INSERT INTO journal_entries (id, entry_no, idempotency_key, business_type, summary, booked_date, created_at, branch_code)
         VALUES (9001, 'JZ2026062500009001', 'fake', '汇缴', '汇缴', '2026-06-25', '2026-06-25T02:00:00Z', '')`);
    sql(`INSERT INTO postings (id, entry_id, account_id, side, amount_fen) VALUES (90001, 9001, ${bank}, 'D', 100000000), (90002, 9001, ${to}, 'C', 100000000)`);
    sql(`UPDATE accounts SET debits_fen = debits_fen + 100000000 WHERE id = ${bank}`);
    sql(`UPDATE accounts SET credits_fen = credits_fen + 100000000 WHERE id IN (${to}, (SELECT id FROM accounts WHERE code = '201'))`);
    expect(violation(ctx)).toBe('凭证（journal_entries）主键9001没有签封记录（在程序之外写入）');
  });

  it('a new balanced fake entry with the logging triggers left in place', () => {
    const { ctx, loud: sql } = copy();
    const to = memberAccount(ctx, ids.a);
    const bank = (ctx.db.sqlite.prepare(`SELECT id FROM accounts WHERE code = '101'`).get() as { id: number }).id;
    sql(`INSERT INTO journal_entries (id, entry_no, idempotency_key, business_type, summary, booked_date, created_at, branch_code)
         VALUES (9001, 'JZ2026062500009001', 'fake', '汇缴', '汇缴', '2026-06-25', '2026-06-25T02:00:00Z', '')`);
    sql(`INSERT INTO postings (id, entry_id, account_id, side, amount_fen) VALUES (90001, 9001, ${bank}, 'D', 100), (90002, 9001, ${to}, 'C', 100)`);
    sql(`UPDATE accounts SET debits_fen = debits_fen + 100 WHERE id = ${bank}`);
    sql(`UPDATE accounts SET credits_fen = credits_fen + 100 WHERE id IN (${to}, (SELECT id FROM accounts WHERE code = '201'))`);
    expect(violation(ctx)).toMatch(/^变更记录第\d+条起未经签封（在程序之外写入）：凭证（journal_entries）主键9001（新增）$/);
  });

  it('a whole entry deleted with its postings and totals', () => {
    const { ctx, sql } = copy();
    const e = ctx.db.sqlite.prepare(`SELECT id FROM journal_entries WHERE business_type = '汇缴' ORDER BY id DESC LIMIT 1`).get() as { id: number };
    sql(`UPDATE accounts SET debits_fen = debits_fen - COALESCE((SELECT SUM(amount_fen) FROM postings p WHERE p.entry_id = ${e.id} AND p.side = 'D' AND p.account_id = accounts.id), 0),
                            credits_fen = credits_fen - COALESCE((SELECT SUM(amount_fen) FROM postings p WHERE p.entry_id = ${e.id} AND p.side = 'C' AND p.account_id = accounts.id), 0)`);
    sql(`UPDATE accounts SET credits_fen = (SELECT SUM(c.credits_fen) FROM accounts c WHERE c.parent_code = '201') WHERE code = '201'`);
    sql(`DELETE FROM contributions WHERE entry_id = ${e.id}; DELETE FROM remittances WHERE entry_id = ${e.id}; DELETE FROM postings WHERE entry_id = ${e.id}; DELETE FROM journal_entries WHERE id = ${e.id}`);
    // The entry's postings and contributions were logged as runs: the first seal over them is now short of rows.
    const first = violation(ctx);
    expect(first).toMatch(/^签封#\d+所覆盖的变更记录第\d+至\d+条被改动或删除（应有(\d+)条，现有(\d+)条）；其中按段记录/);
    const [, want, have] = /应有(\d+)条，现有(\d+)条/.exec(first)!;
    expect(Number(have)).toBeLessThan(Number(want));
  });

  it("a member's name or ID number edited", () => {
    for (const change of [`name = '王五'`, `id_number = '640104199001010011'`]) {
      const { ctx, sql } = copy();
      sql(`UPDATE members SET ${change} WHERE id = ${ids.a}`);
      expect(violation(ctx)).toBe(`职工（members）主键${ids.a}的内容与签封记录不符（在程序之外被修改）`);
    }
  });

  it("a loan's rate, or a row of its schedule", () => {
    let c = copy();
    c.sql(`UPDATE loans SET annual_rate_percent = '1.00' WHERE id = ${ids.loanId}`);
    expect(violation(c.ctx)).toBe(`贷款（loans）主键${ids.loanId}的内容与签封记录不符（在程序之外被修改）`);
    c = copy();
    c.sql(`UPDATE loan_schedule SET interest_fen = 0 WHERE loan_id = ${ids.loanId} AND period = 3`);
    expect(violation(c.ctx)).toBe(`还款计划（loan_schedule）主键${ids.loanId}/3的内容与签封记录不符（在程序之外被修改）`);
  });

  it('an edit made with the logging triggers in place is named as an unsealed change', () => {
    const { ctx, loud } = copy();
    loud('DROP TRIGGER loan_schedule_no_update');
    loud(`UPDATE loan_schedule SET interest_fen = 0 WHERE loan_id = ${ids.loanId} AND period = 3`);
    expect(violation(ctx)).toMatch(new RegExp(`^变更记录第\\d+条起未经签封（在程序之外写入）：还款计划（loan_schedule）主键${ids.loanId}/3（修改）$`));
  });

  it("a clerk's role changed to admin", () => {
    const { ctx, sql } = copy();
    const clerk = (ctx.db.sqlite.prepare(`SELECT id FROM operators WHERE login = 'clerk'`).get() as { id: number }).id;
    sql(`UPDATE operators SET role = 'admin' WHERE id = ${clerk}`);
    expect(violation(ctx)).toBe(`操作员（operators）主键${clerk}的内容与签封记录不符（在程序之外被修改）`);
  });

  it('a rate row, a policy override or an application decision edited', () => {
    const c0 = copy();
    c0.ctx.db.close();
    for (const [table, change] of [
      ['loan_rates', `first_up_to_5y = '0.10'`],
      ['deposit_rates', `annual_rate_percent = '9.99'`],
      ['penalty_settings', `multiplier = '0'`],
      ['applications', `approved_fen = 99900000`],
      ['application_events', `operator_id = 1`],
    ] as const) {
      const { ctx, sql } = copy();
      const id = (ctx.db.sqlite.prepare(`SELECT MAX(id) AS id FROM ${table}`).get() as { id: number }).id;
      sql(`UPDATE ${table} SET ${change} WHERE id = ${id}`);
      expect(violation(ctx)).toMatch(new RegExp(`^\\S+（${table}）主键${id}的内容与签封记录不符（在程序之外被修改）$`));
    }
    const { ctx, sql } = copy();
    sql(`INSERT INTO policy_overrides (id, param_id, effective_from, value_json, note, created_at, created_by) VALUES (77, 'yc.loan.cap', '2026-01-01', '9999999999', '', '2026-01-01', 'admin')`);
    expect(violation(ctx)).toBe('政策参数调整（policy_overrides）主键77没有签封记录（在程序之外写入）');
  });

  it('the newest audit rows deleted', () => {
    const { ctx, sql } = copy();
    const max = (ctx.db.sqlite.prepare('SELECT MAX(id) AS n FROM audit_log').get() as { n: number }).n;
    sql(`DELETE FROM audit_log WHERE id > ${max - 2}`);
    // The plain hash chain cannot see a cut tail; the keyed log can.
    expect(violation(ctx)).toMatch(new RegExp(`^审计日志（audit_log）主键(${max - 1}|${max})已被删除`));
  });

  it('the newest rows deleted together with their log and seals: the anchor file catches it', () => {
    const { ctx, sql } = copy();
    const last = ctx.db.sqlite.prepare('SELECT * FROM integrity_seals ORDER BY id DESC LIMIT 1').get() as SealRow;
    const rows = ctx.db.sqlite.prepare('SELECT tbl, row_key, op FROM integrity_log WHERE seq >= ?').all(last.from_seq) as Array<{ tbl: string; row_key: string; op: string }>;
    expect(rows.map((r) => r.tbl).sort()).toEqual(['audit_log', 'commands', 'notices']);
    const pkOf = (t: string) => (ctx.db.sqlite.prepare(`SELECT name FROM pragma_table_info('${t}') WHERE pk > 0`).get() as { name: string }).name;
    sql(rows.map((r) => `DELETE FROM ${r.tbl} WHERE ${pkOf(r.tbl)} = ${JSON.stringify((JSON.parse(r.row_key) as unknown[])[0]).replaceAll('"', "'")};`).join('\n'));
    sql(`DELETE FROM integrity_log WHERE seq >= ${last.from_seq}; DELETE FROM integrity_seals WHERE id = ${last.id}`);
    expect(violation(ctx)).toBe(`锚定文件：数据库最新的签封为#${last.id - 1}，锚定文件记载#${last.id}：最新的变更已从数据库中删除`);
  });

  it('an audit row edited with the plain hash chain recomputed', () => {
    const { ctx, loud } = copy();
    loud('DROP TRIGGER audit_log_no_update');
    for (const k of ['ins', 'upd', 'del']) loud(`DROP TRIGGER integrity_audit_log_${k}`);
    const rows = ctx.db.sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[];
    const target = rows[5]!;
    let prev = rows[4]!.hash;
    const upd = ctx.db.sqlite.prepare('UPDATE audit_log SET detail = ?, prev_hash = ?, hash = ? WHERE id = ?');
    for (const r of rows.slice(5)) {
      const detail = r.id === target.id ? '{"note":"无事发生"}' : r.detail;
      const hash = rowHash(prev, { ...r, detail });
      upd.run(detail, prev, hash, r.id);
      prev = hash;
    }
    ctx.db.close();
    // Put every trigger back from a pristine copy, so only the rows differ.
    const pristine = copy();
    const trig = pristine.ctx.db.sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND (name = 'audit_log_no_update' OR name LIKE 'integrity_audit_log_%')`).all() as Array<{ sql: string }>;
    pristine.ctx.db.close();
    const again = openContext(dirs[dirs.length - 2]!, undefined, { key, checkOnly: true });
    for (const t of trig) again.db.sqlite.exec(t.sql);
    expect(violation(again)).toBe(`审计日志（audit_log）主键${target.id}的内容与签封记录不符（在程序之外被修改）`);
  });

  it('the append-only triggers dropped, nothing else', () => {
    const { ctx, loud } = copy();
    loud('DROP TRIGGER journal_entries_no_update');
    expect(violation(ctx)).toBe('触发器journal_entries_no_update被删除（只追加保护）');
  });

  it('a row and its logged image both edited, the seal recomputed with a guessed key', () => {
    const { ctx, sql } = copy();
    sql(`UPDATE members SET name = '王五' WHERE id = ${ids.a}`);
    const seq = (ctx.db.sqlite.prepare(`SELECT MAX(seq) AS s FROM integrity_log WHERE tbl = 'members' AND row_key = json_array(${ids.a})`).get() as { s: number }).s;
    sql(`UPDATE integrity_log SET image = (SELECT json_array(${'id, account_no, name, id_number, birth_date, sex, phone, employer_id, base_fen, status, opened_date, created_at'}) FROM members WHERE id = ${ids.a}) WHERE seq = ${seq}`);
    const guessed = keyFromHex('11'.repeat(32));
    const seal = ctx.db.sqlite.prepare('SELECT * FROM integrity_seals WHERE from_seq <= ? AND to_seq >= ?').get(seq, seq) as SealRow;
    const forged = sealMac(guessed, seal);
    sql(`UPDATE integrity_seals SET mac = '${forged}' WHERE id = ${seal.id}`);
    expect(violation(ctx)).toBe(`签封#${seal.id}的密钥校验码不符（签封被伪造或改动）`);
  });

  it('another key, or no record of the key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gjj-tamper-'));
    dirs.push(dir);
    copyFileSync(join(golden, 'gjj.sqlite'), join(dir, 'gjj.sqlite'));
    expect(() => openContext(dir, undefined, { key: keyFromHex('22'.repeat(32)), checkOnly: true })).toThrow(/完整性密钥与本数据库不符/);
  });
});

describe('the running program never seals what another connection wrote', () => {
  it('a row slipped in by another process while the counter works stays unsealed and is named', () => {
    const { ctx, dir } = copy();
    ctx.db.close();
    const db = openDb(dir, { key });
    const intruder = new Database(join(dir, 'gjj.sqlite'));
    // (A table with ID numbers cannot even be edited this way: its trigger needs the keyed gjj_pii function.)
    expect(() => intruder.exec(`UPDATE members SET name = '冒名' WHERE id = ${ids.b}`)).toThrow(/no such function: gjj_pii/);
    intruder.exec(`UPDATE employers SET name = '冒名公司' WHERE id = 1`);
    intruder.close();
    // The program goes on writing (a login is audited) — its own seal must not swallow the intruder's row.
    const app = { db, center: h.app.ctx!.center, clock: h.clock } as ServiceContext;
    db.tx(() => db.prepare(`INSERT INTO notices (kind, title, body, published_at, author_id) VALUES ('公告', '测试', '正文', '2026-06-25T02:00:00Z', 1)`).run());
    const r = checkLedger(app);
    db.close();
    expect(r.firstViolation).toMatch(/未经签封（在程序之外写入）：单位（employers）主键1（修改）$/);
  });
});

describe('opening for business refuses a ledger the anchor contradicts', () => {
  it('newest seal missing → no writes on top of it; a lagging anchor (crash after commit) is fine', () => {
    const { ctx, dir, sql } = copy();
    const last = ctx.db.sqlite.prepare('SELECT id FROM integrity_seals ORDER BY id DESC LIMIT 1').get() as { id: number };
    sql(`DELETE FROM integrity_seals WHERE id = ${last.id}`);
    ctx.db.close();
    expect(() => openDb(dir, { key })).toThrow(/数据完整性异常，已停止写入：数据库最新的签封为#\d+，锚定文件记载#\d+/);

    const ok = copy();
    ok.ctx.db.close();
    const anchor = JSON.parse(readFileSync(join(ok.dir, ANCHOR_FILE), 'utf8')) as { sealId: number };
    const db = openDb(ok.dir, { key });
    const prev = db.sqlite.prepare('SELECT * FROM integrity_seals WHERE id = ?').get(anchor.sealId - 1) as SealRow;
    db.close();
    // An anchor one seal behind, as if the process died between COMMIT and the anchor's write, is rewritten.
    writeAnchor(join(ok.dir, ANCHOR_FILE), key, { sealId: prev.id, toSeq: prev.to_seq, mac: prev.mac, at: prev.at });
    const again = openDb(ok.dir, { key });
    expect((JSON.parse(readFileSync(join(ok.dir, ANCHOR_FILE), 'utf8')) as { sealId: number }).sealId).toBe(anchor.sealId);
    again.close();
  });

  it('a missing anchor beside a sealed database is refused', () => {
    const { ctx, dir } = copy();
    ctx.db.close();
    rmSync(join(dir, ANCHOR_FILE));
    expect(() => openDb(dir, { key })).toThrow(/锚定文件缺失/);
    writeFileSync(join(dir, ANCHOR_FILE), '{"v":1,"sealId":1,"mac":"x","keyId":"y","toSeq":1,"at":"","sig":""}');
    expect(() => openDb(dir, { key })).toThrow(/锚定文件不是用本数据库的密钥签署的/);
  });
});

describe('the quick proof that a table equals its sealed images (rowsMatch.ts)', () => {
  // logRows 0 reads the log in seq order, Infinity through the (tbl, row_key) index: both ways must agree.
  const proofs = (ctx: ServiceContext, table: string) =>
    [0, Number.POSITIVE_INFINITY].map((logRows) => rowsMatchLog(ctx.db.sqlite, currentSpecs(ctx.db.sqlite).find((s) => s.table === table)!, logRows));

  it('holds for the untouched append-only tables, so the full comparison is skipped for them', () => {
    const { ctx } = copy();
    for (const t of ['postings', 'contributions', 'journal_entries', 'audit_log', 'commands', 'loan_schedule']) expect([t, ...proofs(ctx, t)]).toEqual([t, true, true]);
    ctx.db.close();
  });

  it('never holds for an edited, deleted or updated row: the full comparison then names it', () => {
    // A row of a run (runs.ts) is proven by its seal's digest, read from the table itself, not by this proof: an
    // edited posting leaves the count as it was, and the seal names it before any table is compared.
    const edited = copy();
    const p = edited.ctx.db.sqlite.prepare(`SELECT id FROM postings ORDER BY id DESC LIMIT 1`).get() as { id: number };
    edited.sql(`UPDATE postings SET amount_fen = amount_fen + 1 WHERE id = ${p.id}`);
    expect(proofs(edited.ctx, 'postings')).toEqual([true, true]);
    expect(violation(edited.ctx)).toMatch(/借贷不平衡|签封#\d+所覆盖的变更记录/);

    const gone = copy();
    const c = gone.ctx.db.sqlite.prepare(`SELECT id FROM contributions ORDER BY id LIMIT 1`).get() as { id: number };
    gone.sql(`DELETE FROM contributions WHERE id = ${c.id}`);
    expect(proofs(gone.ctx, 'contributions')).toEqual([false, false]);
    expectRunNamed(violation(gone.ctx), 'contributions', c.id, 'fewer');

    // A composite key (loan_id, period), checked through the JSON form of the key.
    const schedule = copy();
    schedule.sql(`UPDATE loan_schedule SET interest_fen = interest_fen + 1 WHERE loan_id = ${ids.loanId} AND period = 12`);
    expect(proofs(schedule.ctx, 'loan_schedule')).toEqual([false, false]);
    expect(violation(schedule.ctx)).toBe(`还款计划（loan_schedule）主键${ids.loanId}/12的内容与签封记录不符（在程序之外被修改）`);

    // A row the program updated is logged twice: no quick proof, the full comparison (which passes) decides.
    const updated = copy();
    const logged = updated.ctx.db.sqlite
      .prepare(`SELECT tbl FROM integrity_log WHERE op = 'U' GROUP BY tbl ORDER BY COUNT(*) DESC LIMIT 1`)
      .get() as { tbl: string } | undefined;
    expect(logged).toBeDefined();
    expect(proofs(updated.ctx, logged!.tbl)).toEqual([false, false]);
    expect(checkLedger(updated.ctx).firstViolation).toBeNull();
    updated.ctx.db.close();
  });

  it('a posting moved to another account with its image in the log rewritten to match is still caught (the seal)', () => {
    const { ctx, sql } = copy();
    const p = moveCredit(ctx, sql);
    sql(`UPDATE integrity_log SET image = (SELECT json_array(id, entry_id, account_id, side, amount_fen, memo) FROM postings WHERE id = ${p.id})
          WHERE tbl = 'postings' AND row_key = '[${p.id}]'`);
    expect(proofs(ctx, 'postings')).toEqual([true, true]);
    expect(violation(ctx)).toMatch(/^签封#\d+所覆盖的变更记录第\d+至\d+条被改动或删除/);
  });
});

describe('gjj check on two threads (issue 14)', () => {
  it('names the same first problem as the one-thread check in every tampered copy above, and passes the untouched one', async () => {
    expect(named.length).toBeGreaterThanOrEqual(14);
    for (const { dir, first } of named) {
      const ctx = openContext(dir, undefined, { key, checkOnly: true });
      try {
        const again = checkLedger(ctx).firstViolation;
        const r = await checkLedgerParallel(ctx);
        expect([again, r.report.firstViolation]).toEqual([first, first]);
        // A problem the bookkeeping checks find ends the check before the worker's parts are read.
        expect(r.parts).toBe('worker');
        // The in-app 账务核对 on a host: the same check in a worker, itself on two threads.
        const inApp = await checkOffThread(dir, ctx.db.integrity!);
        expect(inApp).toEqual({ report: r.report, parts: 'worker' });
      } finally {
        ctx.db.close();
      }
    }
    const { ctx } = copy();
    try {
      const one = checkLedger(ctx);
      const two = await checkLedgerParallel(ctx);
      expect(two).toEqual({ report: one, parts: 'worker' });
    } finally {
      ctx.db.close();
    }
  }, 240_000);
});

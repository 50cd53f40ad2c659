/**
 * Runs (runs.ts): postings and contributions logged as one 'A' row per transaction since migration 021.
 *  - the expansion is exactly what the per-row trigger logged (same keys, ops and images), and hashes to the seal;
 *  - rows written outside the program are never covered by a run the program writes afterwards;
 *  - a log row slipped into a run's reserved seqs, or a run cut short to hide a deleted row, fails the seal;
 *  - a ledger logged row by row before 021 keeps verifying, and logs runs after it.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, type Migration } from '../../db/migrate';
import { harness, type Harness } from '../testing/harness';
import { contributingCouple } from '../testing/loanFixture';
import { openContext } from '../app/open';
import { checkLedger } from '../ledger/check';
import { fixedClock, SYSTEM_OPERATOR } from '../context';
import { postRemittance } from '../contributions/remit';
import { ANCHOR_FILE } from './anchor';
import { digestLogRange, digestRangeRows } from './digest';
import type { IntegrityKey } from './key';
import { rowsMatchLog } from './rowsMatch';
import { expandedLogRows } from './runs';
import { currentSpecs, RUN_TABLES, RUNS_MIGRATION } from './tracked';

const dirs: string[] = [];
const open: Harness[] = [];
afterAll(() => {
  for (const h of open) h.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A harness whose database is created without migration 021 and those after it when `runs` is false (logged row by row, as before). */
function ledger(runs: boolean): Harness {
  const list = MIGRATIONS as Migration[];
  const at = list.findIndex((m) => m.id === RUNS_MIGRATION);
  const removed = runs ? [] : list.splice(at);
  try {
    const h = harness('yinchuan', '2026-01-05T02:00:00Z');
    open.push(h);
    return h;
  } finally {
    list.splice(at, 0, ...removed);
  }
}

const seals = (h: Harness) => h.app.db.sqlite.prepare('SELECT id, from_seq, to_seq, rows, digest FROM integrity_seals ORDER BY id').all() as Array<{ id: number; from_seq: number; to_seq: number; rows: number; digest: string }>;

/** What the center hashes (services/center/import.ts): one JSON line per row. */
const linesDigest = (rows: unknown[][]) => {
  const h = createHash('sha256');
  for (const r of rows) h.update(`${JSON.stringify(r)}\n`);
  return h.digest('hex');
};

/** A copy of a harness's data folder opened as `gjj check` opens it. */
function checked(h: Harness, edit?: (db: Database.Database) => unknown): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'gjj-runs-'));
  dirs.push(dir);
  h.app.db.sqlite.exec(`VACUUM INTO '${join(dir, 'gjj.sqlite')}'`);
  copyFileSync(join(h.dir, ANCHOR_FILE), join(dir, ANCHOR_FILE));
  return checkedDir(dir, h.app.db.integrity!.key as IntegrityKey, edit, true);
}

/** `gjj check` on a data folder (a copy of it unless `inPlace`), after an attacker's edit with every trigger dropped and put back. */
function checkedDir(from: string, key: IntegrityKey, edit?: (db: Database.Database) => unknown, inPlace = false): string | null {
  let dir = from;
  if (!inPlace) {
    dir = mkdtempSync(join(tmpdir(), 'gjj-runs-'));
    dirs.push(dir);
    copyFileSync(join(from, 'gjj.sqlite'), join(dir, 'gjj.sqlite'));
    copyFileSync(join(from, ANCHOR_FILE), join(dir, ANCHOR_FILE));
  }
  if (edit) {
    const raw = new Database(join(dir, 'gjj.sqlite'));
    const saved = raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as Array<{ name: string; sql: string }>;
    for (const t of saved) raw.exec(`DROP TRIGGER "${t.name}"`);
    edit(raw);
    for (const t of saved) raw.exec(t.sql);
    raw.close();
  }
  const ctx = openContext(dir, undefined, { key, checkOnly: true });
  try {
    return checkLedger(ctx).firstViolation;
  } finally {
    ctx.db.close();
  }
}

/**
 * A balanced pair of postings (the bank's debit, a member's credit) added to the newest entry outside the program,
 * every running total kept consistent: only the integrity evidence can tell. Returns the debit's id (the credit's is next).
 */
function slipPair(db: Database.Database): number {
  const acct = db.prepare(`SELECT account_id FROM postings WHERE side = 'C' ORDER BY id DESC LIMIT 1`).pluck().get() as number;
  const bank = db.prepare(`SELECT id FROM accounts WHERE code = '101'`).pluck().get() as number;
  const entry = db.prepare(`SELECT MAX(id) FROM journal_entries`).pluck().get() as number;
  const first = Number(db.prepare(`INSERT INTO postings (entry_id, account_id, side, amount_fen) VALUES (?, ?, 'D', 100)`).run(entry, bank).lastInsertRowid);
  db.prepare(`INSERT INTO postings (entry_id, account_id, side, amount_fen) VALUES (?, ?, 'C', 100)`).run(entry, acct);
  db.exec(`UPDATE accounts SET debits_fen = debits_fen + 100 WHERE id = ${bank};
           UPDATE accounts SET credits_fen = credits_fen + 100 WHERE id IN (${acct}, (SELECT id FROM accounts WHERE code = '201'))`);
  return first;
}

/** A member's credit posting moved to the other member's account, both running totals kept consistent. */
function moveCredit(db: Database.Database, postingId: number): void {
  const p = db.prepare(`SELECT account_id, amount_fen, side FROM postings WHERE id = ?`).get(postingId) as { account_id: number; amount_fen: number; side: string };
  expect(p.side).toBe('C');
  const other = db.prepare(`SELECT id FROM accounts WHERE parent_code = '201' AND id <> ? ORDER BY id LIMIT 1`).pluck().get(p.account_id) as number;
  db.exec(`UPDATE postings SET account_id = ${other} WHERE id = ${postingId};
           UPDATE accounts SET credits_fen = credits_fen - ${p.amount_fen} WHERE id = ${p.account_id};
           UPDATE accounts SET credits_fen = credits_fen + ${p.amount_fen} WHERE id = ${other}`);
}

describe('runs stand for the rows the trigger logged', () => {
  it('the same business, logged row by row and as runs: the same rows of postings and contributions in every seal, and each run hashes to its seal', () => {
    const perRow = ledger(false);
    const runs = ledger(true);
    for (const h of [perRow, runs]) contributingCouple(h);
    const a = seals(perRow);
    const b = seals(runs);
    expect(b.length).toBe(a.length);
    const stored = runs.app.db.sqlite.prepare(`SELECT COUNT(*) FROM integrity_log WHERE op = 'A'`).pluck().get() as number;
    expect(stored).toBe(12); // six 汇缴: a run of postings and one of contributions each
    expect(perRow.app.db.sqlite.prepare(`SELECT COUNT(*) FROM integrity_log WHERE op = 'A'`).pluck().get()).toBe(0);
    let covered = 0;
    for (const [i, s] of b.entries()) {
      const pick = (h: Harness, x: typeof s) =>
        expandedLogRows(h.app.db.sqlite, x.from_seq, x.to_seq)
          .filter((r) => RUN_TABLES.includes(r[1] as string))
          .map((r) => JSON.stringify(r.slice(1)))
          .sort();
      const want = pick(perRow, a[i]!);
      expect(pick(runs, s)).toEqual(want);
      covered += want.length;
      // The seal's digest, as verify.ts computes it, as the row-by-row fallback computes it, and as the center
      // computes it over the rows the batch carries.
      const rows = expandedLogRows(runs.app.db.sqlite, s.from_seq, s.to_seq);
      expect([rows.length, linesDigest(rows)]).toEqual([s.rows, s.digest]);
      expect(digestLogRange(runs.app.db.sqlite, s.from_seq, s.to_seq)).toEqual({ digest: s.digest, rows: s.rows });
      expect(digestRangeRows(runs.app.db.sqlite, s.from_seq, s.to_seq).h.digest('hex')).toBe(s.digest);
    }
    expect(covered).toBeGreaterThanOrEqual(6 * 3 + 6 * 2); // six months: a debit and two credits, two contributions
    // Both verify; the quick proof goes through for both tables of both ledgers.
    for (const h of [perRow, runs]) {
      expect(checked(h)).toBeNull();
      for (const t of RUN_TABLES) expect(rowsMatchLog(h.app.db.sqlite, currentSpecs(h.app.db.sqlite).find((x) => x.table === t)!, 0)).toBe(true);
    }
  }, 120_000);
});

describe('attacks on runs', () => {
  const base = () => {
    const h = ledger(true);
    contributingCouple(h);
    return h;
  };

  it('a posting slipped in by another connection is not covered by the run the program writes next', () => {
    const h = base();
    const raw = new Database(join(h.dir, 'gjj.sqlite'));
    const slipped = slipPair(raw);
    raw.close();
    // The program's next 汇缴 writes postings right after the slipped one.
    h.at('2026-07-20T02:00:00Z');
    h.call('remit.post', { employerId: 1, month: '2026-07', idempotencyKey: h.key() });
    const runs = h.app.db.sqlite.prepare(`SELECT row_key FROM integrity_log WHERE tbl = 'postings' AND op = 'A' ORDER BY seq DESC LIMIT 1`).pluck().get() as string;
    expect(JSON.parse(runs)[0]).toBe(slipped + 2);
    expect(checked(h)).toBe(`分录（postings）主键${slipped}没有签封记录（在程序之外写入）`);
  }, 120_000);

  it('a run written outside the program (over postings slipped in after the last seal) is named as unsealed', () => {
    const h = base();
    const found = checked(h, (db) => {
      const first = slipPair(db);
      const sig = db.prepare(`SELECT image FROM integrity_log WHERE tbl = 'postings' AND op = 'A' LIMIT 1`).pluck().get() as string;
      const seq = (db.prepare('SELECT MAX(seq) FROM integrity_log').pluck().get() as number) + 2;
      db.prepare(`INSERT INTO integrity_log (seq, tbl, row_key, op, image) VALUES (?, 'postings', json_array(?, ?), 'A', ?)`).run(seq, first, first + 1, sig);
      return first;
    });
    expect(found).toMatch(/^变更记录第\d+条起未经签封（在程序之外写入）：分录（postings）主键(\d+)至(\d+)（按段新增）$/);
  }, 120_000);

  it('a log row slipped into the seqs a run stands for (to pass off an edited member) fails the seal', () => {
    const h = base();
    const found = checked(h, (db) => {
      const run = db.prepare(`SELECT seq, row_key FROM integrity_log WHERE op = 'A' ORDER BY seq DESC LIMIT 1`).get() as { seq: number; row_key: string };
      const [from, to] = JSON.parse(run.row_key) as [number, number];
      expect(to - from).toBeGreaterThan(0);
      const member = db.prepare(`SELECT id FROM members ORDER BY id LIMIT 1`).pluck().get() as number;
      db.exec(`UPDATE members SET name = '王五' WHERE id = ${member}`);
      const image = db.prepare(`SELECT image FROM integrity_log WHERE tbl = 'members' AND row_key = ? ORDER BY seq DESC LIMIT 1`).pluck().get(`[${member}]`) as string;
      db.prepare(`INSERT INTO integrity_log (seq, tbl, row_key, op, image) VALUES (?, 'members', ?, 'U', ?)`).run(run.seq - (to - from), `[${member}]`, image.replace('马建国', '王五'));
    });
    expect(found).toMatch(/^签封#\d+所覆盖的变更记录第\d+至\d+条被改动或删除（应有(\d+)条，现有\d+条）/);
  }, 120_000);

  it('a contribution deleted at the end of its run, with the run cut short to match, fails the seal', () => {
    const h = base();
    const found = checked(h, (db) => {
      const run = db.prepare(`SELECT seq, row_key FROM integrity_log WHERE tbl = 'contributions' AND op = 'A' ORDER BY seq DESC LIMIT 1`).get() as { seq: number; row_key: string };
      const [from, to] = JSON.parse(run.row_key) as [number, number];
      db.exec(`DELETE FROM contributions WHERE id = ${to}`);
      db.prepare(`UPDATE integrity_log SET row_key = json_array(?, ?) WHERE seq = ?`).run(from, to - 1, run.seq);
    });
    expect(found).toMatch(/^签封#\d+所覆盖的变更记录第\d+至\d+条被改动或删除（应有(\d+)条，现有\d+条）/);
  }, 120_000);
});

describe('a ledger logged row by row before migration 021', () => {
  it('is migrated, keeps verifying, logs runs after, and an edit on either side is still named', () => {
    const old = ledger(false);
    contributingCouple(old);
    const key = old.app.db.integrity!.key as IntegrityKey;
    const dir = mkdtempSync(join(tmpdir(), 'gjj-runs-upgrade-'));
    dirs.push(dir);
    old.app.db.sqlite.exec(`VACUUM INTO '${join(dir, 'gjj.sqlite')}'`);
    copyFileSync(join(old.dir, ANCHOR_FILE), join(dir, ANCHOR_FILE));
    const before = new Database(join(dir, 'gjj.sqlite'), { readonly: true });
    const logged = before.prepare('SELECT * FROM integrity_log ORDER BY seq').raw().all();
    const lastOld = before.prepare('SELECT MAX(id) FROM postings').pluck().get() as number;
    before.close();

    const ctx = openContext(dir, undefined, { key });
    const sqlite = ctx.db.sqlite;
    expect(sqlite.prepare(`SELECT COUNT(*) FROM sqlite_master WHERE name IN ('integrity_postings_ins', 'integrity_contributions_ins')`).pluck().get()).toBe(0);
    expect(sqlite.prepare('SELECT * FROM integrity_log ORDER BY seq').raw().all().slice(0, logged.length)).toEqual(logged);
    expect(checkLedger(ctx).firstViolation).toBeNull();
    ctx.db.close();

    // The next 汇缴 through the program on the migrated folder.
    const next = openContext(dir, fixedClock('2026-07-20T02:00:00Z'), { key });
    postRemittance(next, SYSTEM_OPERATOR, { employerId: 1, month: '2026-07', idempotencyKey: 'after-021' });
    const runs = next.db.sqlite.prepare(`SELECT row_key FROM integrity_log WHERE tbl = 'postings' AND op = 'A'`).pluck().all() as string[];
    expect(runs.map((k) => JSON.parse(k)[0])).toEqual([lastOld + 1]);
    expect(rowsMatchLog(next.db.sqlite, currentSpecs(next.db.sqlite).find((x) => x.table === 'postings')!, 0)).toBe(true);
    next.db.close();
    const on = (edit?: (db: Database.Database) => void) => checkedDir(dir, key, edit);
    expect(on()).toBeNull();
    // A credit moved to the other member, totals kept: an old posting (its own log row) is named as before; a new
    // one (in a run) through its seal. Each 汇缴 entry is the bank's debit, then the two members' credits.
    expect(on((db) => moveCredit(db, lastOld))).toBe(`分录（postings）主键${lastOld}的内容与签封记录不符（在程序之外被修改）`);
    expect(on((db) => moveCredit(db, lastOld + 3))).toMatch(new RegExp(`^签封#\\d+所覆盖的变更记录.*分录（postings）主键${lastOld + 1}至${lastOld + 3}`));
  }, 120_000);
});

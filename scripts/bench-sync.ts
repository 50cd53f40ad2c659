/**
 * npm run bench:sync — branch → center online (issue 11). Prints figures, asserts nothing.
 * One process: the center (embedded PostgreSQL + its HTTPS endpoint, services/center/http.ts) and a branch (SQLite,
 * the harness) whose background SyncWorker pushes over HTTPS with the center's certificate pinned — the same code
 * `gjj center serve` and `gjj serve` run.
 *  1. Sync lag online: N 汇缴 postings one after another (default 200); for each, the time from its commit to the
 *     center holding its seal (p50 / p95 / max). The worker polls every 250 ms (its default).
 *  2. Catch-up: the worker stopped, a backlog made with the demo generator (default ~20,000 entries), then
 *     `pushPending` (what `gjj sync push` runs: batches of ≤500 seals and ≤20,000 rows, signed, verified and applied at the center).
 *     Beside it, in the same PostgreSQL and the same run: a bare COPY … FROM STDIN of the same change-log rows
 *     into a scratch table with no constraints, triggers or indexes (scripts/pgCopy.ts).
 *  3. A week of a busy branch (issue 11's figure): ≈20,000 汇缴 entries, ≈200,000 postings, ingested by the center
 *     file by file (importBatch), beside a bare COPY of the same change-log rows.
 * Options: --lag N (postings, default 200), --members N (backlog size, default 20000; 10 per employer, 10 months),
 * --week N (entries, default 20000), --only lag,backlog,week (default all three), --save DIR (write the week's
 * join record and batch files there, to profile the ingest alone).
 */
import { expandedLogRows } from '../services/integrity/runs';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { generateDemo } from '../services/demo/generate';
import { SYSTEM_OPERATOR } from '../services/context';
import { harness, newEmployer, newMember } from '../services/testing/harness';
import { joinAsBranch } from '../services/testing/branchFixture';
import { enrollmentFile, registerBranch } from '../services/center/enroll';
import { checkCenter } from '../services/center/check';
import { DEFAULT_MAX_ROWS, DEFAULT_MAX_SEALS, lastLocalSeal, pushPending } from '../services/branch/push';
import { buildBatch } from '../services/branch/export';
import { loadSigningKey, signingKeyFile } from '../services/branch/signing';
import { SyncWorker } from '../services/branch/syncWorker';
import { makeIdNumber } from '../shared/idcard';
import { importBatch } from '../services/center/import';
import { postRemittance } from '../services/contributions/remit';
import { systemKey } from '../services/ledger/keys';
import type { ServiceContext } from '../services/context';
import type { LogRow } from '../services/branch/batch';
import type { CenterStore } from '../services/center/store';
import type { Harness } from '../services/testing/harness';
import { copyFrom } from './pgCopy';
import { centerAndBranch, ms, pct } from './bench/centerPair';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const LAG_POSTINGS = arg('lag', 200);
const BACKLOG_MEMBERS = arg('members', 20_000);
const WEEK_ENTRIES = arg('week', 20_000);
const SAVE = process.argv.includes('--save') ? process.argv[process.argv.indexOf('--save') + 1] : undefined;
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1]!.split(',') : ['lag', 'backlog', 'week'];


async function main() {
  console.log(`bench:sync  ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const { root, cdir, store, cert, srv, h, b } = await centerAndBranch('gjj-bench-sync-');
  const held = async () => Number((await sql<{ s: string }>`SELECT last_seal AS s FROM center_branches WHERE code = 'WQ01'`.execute(store.db)).rows[0]!.s);

  try {
    if (ONLY.includes('lag')) await lag();
    if (ONLY.includes('backlog')) await backlog();
    if (ONLY.includes('week')) await week(store, h, cdir);
  } finally {
    await srv.close();
    await store.close();
    h.close();
    rmSync(root, { recursive: true, force: true });
  }

  async function lag() {
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

  }

  async function backlog() {
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
    // Baseline: the same change-log rows, bare, COPY'd into a scratch table.
    const fromSeq = (b.app.db.sqlite.prepare('SELECT to_seq FROM integrity_seals WHERE id = ?').get(from) as { to_seq: number } | undefined)?.to_seq ?? 0;
    // As the batches carry them: runs (services/integrity/runs.ts) expanded into the rows they stand for.
    const rows = expandedLogRows(b.app.db.sqlite, fromSeq + 1, Number.MAX_SAFE_INTEGER) as LogRow[];
    const bare = await bareCopy(store, 'WQ01', rows);

    console.log(`\n2. Catch-up of a backlog (demo generator: ${demo.employers} employers, ${demo.members} members, ${demo.remittances} 汇缴, made in ${genS.toFixed(1)} s):`);
    console.log(`   backlog: ${backlogSeals} seals, ${rows.length} change-log rows, ${entries} entries; center now ${postingsN} postings for the branch`);
    console.log(`   catch-up (gjj sync push: ${r.batches} batches of ≤500 seals / ≤20,000 rows; read + sign + HTTPS + verify + apply)   ${ms(catchUp)}`);
    console.log(`     of which the branch reading and signing the batches                                          ${ms(branchSide)}`);
    console.log(`   baseline (bare COPY of the same ${rows.length} rows into a scratch table, same PostgreSQL)          ${ms(bare)}`);
    console.log(`   ratio ${(catchUp / bare).toFixed(1)}×   (goal: a 7-day backlog in < 60 s)`);
    console.log(`   gjj center check afterwards: ${check.ok ? 'passes' : `FAILS: ${check.problems.join('; ')}`} in ${ms(checkMs)}`);
  }
}

/** Bare COPY of change-log rows into a scratch table with no constraints, triggers or indexes; the time in ms. */
async function bareCopy(store: CenterStore, branch: string, rows: LogRow[]): Promise<number> {
  const client = new pg.Client({ connectionString: store.url });
  await client.connect();
  try {
    await client.query('CREATE TABLE bench_scratch (branch_code text, seq bigint, tbl text, row_key text, op text, image text)');
    const t = performance.now();
    await client.query('BEGIN');
    await copyFrom(client, 'bench_scratch', ['branch_code', 'seq', 'tbl', 'row_key', 'op', 'image'], rows.map((r) => [branch, ...r]));
    await client.query('COMMIT');
    const elapsed = performance.now() - t;
    await client.query('DROP TABLE bench_scratch');
    return elapsed;
  } finally {
    await client.end();
  }
}

/**
 * 3. A week of a busy branch (issue 11): a branch whose employers and members the center already holds posts about
 * WEEK_ENTRIES 汇缴 entries of 8 members each (≈10 postings an entry) in transactions of 10; the center then ingests
 * the signed batch files (what `gjj sync push` / `gjj center import` hand to importBatch: signature, digests,
 * continuity, apply, the database's checks at commit). Beside it, in the same run and the same PostgreSQL: a bare
 * COPY of the same change-log rows.
 */
async function week(store: CenterStore, lagHost: Harness, cdir: string) {
  void lagHost;
  const w = joinAsBranch(harness('urumqi', '2026-01-05T02:00:00Z'), 'WQ02', enrollmentFile(cdir, 'WQ02', new Date()).file);
  try {
    await registerBranch(store, w.joinFile);
    const perEmployer = 8;
    const months = 10;
    const employersN = Math.ceil(WEEK_ENTRIES / months);
    generateDemo(w.app.ctx!, SYSTEM_OPERATOR, { members: employersN * perEmployer, months: 0, perEmployer, seed: 7 });
    const key = loadSigningKey(signingKeyFile(w.dir), false);
    const files = (after: number) => {
      const out: string[] = [];
      for (let built = buildBatch(w.app.ctx!, key, after, DEFAULT_MAX_SEALS, DEFAULT_MAX_ROWS); built; built = buildBatch(w.app.ctx!, key, after, DEFAULT_MAX_SEALS, DEFAULT_MAX_ROWS)) {
        out.push(built.file);
        after = built.batch.toSeal;
      }
      return out;
    };
    const registerFiles = files(0);
    for (const f of registerFiles) await importBatch(store, f); // the register, synced before the week
    const from = lastLocalSeal(w.app.ctx!);
    const ctx = w.app.ctx!;
    const employerIds = (ctx.db.sqlite.prepare('SELECT id FROM employers ORDER BY id').all() as Array<{ id: number }>).map((e) => e.id);
    const t0 = performance.now();
    for (let k = 0; k < months; k++) {
      const month = `2026-${String(k + 1).padStart(2, '0')}`;
      const at = new Date(`${month}-20T02:00:00Z`);
      const monthCtx: ServiceContext = { ...ctx, clock: { now: () => at } };
      for (let i = 0; i < employerIds.length; i += 10) {
        ctx.db.tx(() => {
          for (const employerId of employerIds.slice(i, i + 10)) postRemittance(monthCtx, SYSTEM_OPERATOR, { employerId, month, idempotencyKey: systemKey('week', employerId, month) });
        });
      }
    }
    const genS = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const batchFiles = files(from);
    const branchMs = performance.now() - t1;
    if (SAVE) {
      // For profiling the ingest alone: the join record, the register batches and the week's batches.
      mkdirSync(SAVE, { recursive: true });
      writeFileSync(join(SAVE, 'join.txt'), w.joinFile);
      registerFiles.forEach((f, i) => writeFileSync(join(SAVE, `register-${String(i).padStart(3, '0')}.batch`), f));
      batchFiles.forEach((f, i) => writeFileSync(join(SAVE, `week-${String(i).padStart(3, '0')}.batch`), f));
    }
    const count = async (t: string) => Number((await sql<{ n: string }>`SELECT COUNT(*) AS n FROM ${sql.table(t)} WHERE branch_code = 'WQ02'`.execute(store.db)).rows[0]!.n);
    const e0 = await count('center_journal_entries');
    const p0 = await count('center_postings');
    const t2 = performance.now();
    for (const f of batchFiles) {
      const r = await importBatch(store, f);
      if (!r.applied) throw new Error(r.message);
    }
    const ingest = performance.now() - t2;
    const entries = (await count('center_journal_entries')) - e0;
    const postings = (await count('center_postings')) - p0;
    const check = await checkCenter(store);
    const fromSeq = (ctx.db.sqlite.prepare('SELECT to_seq FROM integrity_seals WHERE id = ?').get(from) as { to_seq: number }).to_seq;
    const rows = expandedLogRows(ctx.db.sqlite, fromSeq + 1, Number.MAX_SAFE_INTEGER) as LogRow[];
    const bare = await bareCopy(store, 'WQ02', rows);
    const mb = batchFiles.reduce((n, f) => n + Buffer.byteLength(f), 0) / 1e6;
    console.log(`\n3. A week of a busy branch: ${entries} 汇缴 entries, ${postings} postings (${employerIds.length} employers × ${perEmployer} members × ${months} months, made in ${genS.toFixed(1)} s)`);
    console.log(`   ${batchFiles.length} batch files, ${rows.length} change-log rows, ${mb.toFixed(1)} MB (the branch read and signed them in ${ms(branchMs)}, not counted)`);
    console.log(`   center ingest (importBatch per file: signature, digests, continuity, apply, checks at commit)   ${ms(ingest)}   (goal < 10 s)`);
    console.log(`   baseline (bare COPY of the same ${rows.length} change-log rows into a scratch table, same PostgreSQL)   ${ms(bare)}`);
    console.log(`   ratio ${(ingest / bare).toFixed(1)}×   (goal ≤ 3×)`);
    console.log(`   gjj center check afterwards: ${check.ok ? 'passes' : `FAILS: ${check.problems.join('; ')}`}`);
  } finally {
    w.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);

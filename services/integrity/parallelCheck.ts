/**
 * `gjj check` on two cores (issue 14). The check reads everything twice over: the bookkeeping checks scan the
 * postings, the keyed checks hash every integrity-log row (each seal's digest) and compare every table with its
 * sealed images. Here a worker thread computes the seal digests and the quick proofs of some big tables while this
 * thread runs the bookkeeping checks and the other tables' proofs, then takes the seals the worker has not reached
 * (both claim them from one shared counter); then verify.ts walks its usual order over the
 * parts, so the findings and the first problem named are exactly the sequential check's (parallelCheck.test.ts).
 *
 * Both connections hold a read transaction and must see the same snapshot: the worker compares snapshotMark with
 * ours and computes nothing if another writer committed in between; then, as when the worker cannot start at all,
 * this thread computes those parts itself.
 */
import type { ServiceContext } from '../context';
import { checkLedger, classicChecks, keyedChecks, type CheckReport } from '../ledger/check';
import { snapshotMark, type CheckParts, type CheckWorkerInput, type CheckWorkerOutput, type CheckWorkerProgress, type FullCheckInput } from './checkParts';
import type { BatchReport } from '../batch/report';
import type { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import type { Db } from '../../db/connection';
import { registerPii } from './tracked';
import { claimFrom, sealDigests, tableProofs, type Precomputed } from './verify';
import { findWorker, startWorker } from '../threads';

/**
 * The tables whose proofs the worker takes beside the digests, and those this thread proves after the bookkeeping
 * checks, before it digests the seals the worker has not taken yet. Measured at 100,000 members since postings and
 * contributions are logged as runs (services/integrity/runs.ts: their digests read the tables, their proofs are a
 * count): all digests ~2.1 s; bookkeeping ~1.3 s, members ~0.4 s, accounts ~0.1 s here. The small tables are
 * proved after the wait.
 */
export const WORKER_TABLES = ['contributions', 'audit_log'];
export const MAIN_TABLES = ['postings', 'journal_entries', 'accounts', 'remittances', 'members'];

export interface ParallelCheck {
  report: CheckReport;
  parts: CheckParts;
}

/** The worker's one answer; its progress messages before it go to `progress`. */
function answerOf(worker: Worker, progress: BatchReport): Promise<CheckWorkerOutput> {
  return new Promise<CheckWorkerOutput>((resolve) => {
    worker.on('message', (m: CheckWorkerOutput | CheckWorkerProgress) => (m.kind === 'progress' ? progress(m.phase, m.done, m.total) : resolve(m)));
    worker.once('error', (e) => resolve({ kind: 'failed', error: e.message }));
    worker.once('exit', (code) => resolve({ kind: 'failed', error: `exit ${code}` }));
  });
}

export async function checkLedgerParallel(ctx: ServiceContext, workerFile: string | null = checkWorkerFile(), progress: BatchReport = () => undefined): Promise<ParallelCheck> {
  const sqlite = ctx.db.sqlite;
  const integrity = ctx.db.integrity;
  if (!workerFile || !integrity || sqlite.inTransaction) return { report: checkLedger(ctx, progress), parts: 'no-worker' };
  sqlite.exec('BEGIN');
  try {
    // The seals are handed out one at a time from a shared counter: the worker starts on them at once, this
    // thread joins in once its own part is done (only when the worker sees this snapshot does it take any).
    const seals = new SharedArrayBuffer(4);
    const input: CheckWorkerInput = { file: sqlite.name, key: new Uint8Array(integrity.key.key), mark: snapshotMark(sqlite), tables: WORKER_TABLES, seals };
    const worker = startWorker(workerFile, input);
    // The worker's digests count seals; it reports them once this thread waits for it (messages arrive then).
    const answer = answerOf(worker, progress);
    try {
      const classic = classicChecks(ctx, progress);
      if (!classic.ok) return { report: classic, parts: 'worker' };
      registerPii(sqlite, integrity.key.key);
      const mine = tableProofs(sqlite, MAIN_TABLES, progress);
      const myDigests = sealDigests(sqlite, progress, claimFrom(seals));
      const got = await answer;
      // A seal the worker took but did not answer for (it failed) is digested again where verify.ts compares.
      if (got.kind !== 'parts') return { report: keyedChecks(ctx, classic, { digests: myDigests, proofs: mine }, progress), parts: got.kind === 'other-snapshot' ? got.kind : 'failed' };
      const pre: Precomputed = { digests: new Map([...got.digests, ...myDigests]), proofs: new Map([...got.proofs, ...mine]) };
      return { report: keyedChecks(ctx, classic, pre, progress), parts: 'worker' };
    } finally {
      void worker.terminate();
    }
  } finally {
    if (sqlite.inTransaction) sqlite.exec('COMMIT');
  }
}

/**
 * The in-app 核对账务 on a host (`ledger.check` while a BatchRunner serves): the whole check off the request thread,
 * in a worker on its own connection and one snapshot, which itself checks on two threads as `gjj check` does; every
 * counter keeps being answered meanwhile.
 */
export function checkOffThread(
  dataDir: string,
  integrity: NonNullable<Db['integrity']>,
  progress: BatchReport = () => undefined,
  opts: { workerFile?: string | null; twoThreads?: boolean; stepPauseMs?: number } = {},
): Promise<ParallelCheck> {
  const workerFile = opts.workerFile === undefined ? checkWorkerFile() : opts.workerFile;
  if (!workerFile) return Promise.reject(new AppError('INTERNAL', '找不到核对程序（checkWorker），请重新构建后再试'));
  const key = { key: new Uint8Array(integrity.key.key), id: integrity.key.id, source: integrity.key.source };
  const input: FullCheckInput = { kind: 'full', dataDir, key, ...(opts.twoThreads === false ? { twoThreads: false } : {}), ...(opts.stepPauseMs ? { stepPauseMs: opts.stepPauseMs } : {}) };
  const worker = startWorker(workerFile, input);
  return new Promise<ParallelCheck>((resolve, reject) => {
    worker.on('message', (m: CheckWorkerOutput | CheckWorkerProgress) => {
      if (m.kind === 'progress') progress(m.phase, m.done, m.total);
      else if (m.kind === 'report') resolve({ report: m.report, parts: m.parts });
      else reject(new AppError('INTERNAL', `核对账务未完成：${m.kind === 'failed' ? m.error : m.kind}`));
    });
    worker.once('error', (e) => reject(new AppError('INTERNAL', `核对账务未完成：${e.message}`)));
    worker.once('exit', (code) => reject(new AppError('INTERNAL', `核对账务意外中止（退出码 ${code}）`)));
  }).finally(() => void worker.terminate());
}

/**
 * checkWorker.ts beside this file through tsx (tests, a command line run from source); from the prebuilt command
 * line (out/main, its chunks) the built checkWorker.js; null when neither is there (the check then runs on one thread).
 */
export function checkWorkerFile(): string | null {
  return findWorker(import.meta.url, 'checkWorker.ts', 'checkWorker.js');
}

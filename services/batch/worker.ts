/**
 * A batch worker thread: opens the data folder on its own SQLite connection (WAL: the request thread keeps
 * answering reads and takes its short writes between the batch's transactions), runs one job from BATCH_JOBS and
 * reports to the thread that started it: progress, each new seal (that thread owns the anchor file) and the result
 * or the error. The integrity key comes from that thread; nothing here reads the caller's facts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError, busyError, type AppErrorShape } from '../../shared/errors';
import { centerConfig } from '../../shared/centers';
import { fixedClock, systemClock, type Operator } from '../context';
import { centerOf, openDb } from '../app/open';
import { BATCH_JOBS, type BatchCall, type BatchTuning } from './jobs';
import { pausedOnPhase } from './report';

export interface WorkerInput {
  dataDir: string;
  key: { id: string; key: Uint8Array; source: string };
  /** The request thread's time when its clock is a test's frozen clock; null for the system clock. */
  frozenAt: string | null;
  call: BatchCall;
  input: Record<string, unknown>;
  operator: Operator;
  tuning: BatchTuning;
  /** Shared with the request thread's connection: its writes go before the batch's next transaction. */
  priority: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'seal' }
  | { type: 'done'; result: unknown }
  | { type: 'error'; error: AppErrorShape };

/** Writers wait this long for the request thread's short transactions before a batch gives up. */
const WORKER_BUSY_TIMEOUT_MS = 30_000;

function run(d: WorkerInput, post: (m: WorkerMessage) => void): void {
  const clock = d.frozenAt ? fixedClock(d.frozenAt) : systemClock;
  const key = { id: d.key.id, key: Buffer.from(d.key.key), source: d.key.source };
  const db = openDb(d.dataDir, { key, clock, busyTimeoutMs: WORKER_BUSY_TIMEOUT_MS, anchorRelay: () => post({ type: 'seal' }) });
  db.priority = { shared: new Int32Array(d.priority), role: 'batch' };
  try {
    const center = centerOf(db);
    if (!center) throw new AppError('CONFLICT', '系统尚未初始化');
    const ctx = { db, center: centerConfig(center), clock };
    const report = pausedOnPhase((phase, done, total) => post({ type: 'progress', phase, done, total }), d.tuning.stepPauseMs);
    const result = BATCH_JOBS[d.call](ctx, d.operator, d.input, report, d.tuning);
    post({ type: 'done', result });
  } finally {
    db.close();
  }
}

if (parentPort) {
  const port = parentPort;
  const post = (m: WorkerMessage) => port.postMessage(m);
  try {
    run(workerData as WorkerInput, post);
  } catch (err) {
    const known = err instanceof AppError ? err : busyError(err);
    post({ type: 'error', error: known ? known.toShape() : { code: 'INTERNAL', message: `批处理出错：${err instanceof Error ? err.message : String(err)}` } });
  }
}

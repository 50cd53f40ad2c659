/**
 * Runs the long batches in a worker thread (services/batch/worker.ts) so the request thread keeps serving every
 * counter while a 年终结息 goes (issue 14), and keeps their progress for `batch.progress`. One batch of a kind at
 * a time: a second start while one runs is refused with where the first one is; the same request (same key)
 * joins it. The anchor file stays this thread's: each seal the worker makes is relayed here, and the anchor is
 * rewritten from the database's newest seal.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { AppError, type AppErrorShape } from '../../shared/errors';
import type { BatchProgressDto } from '../../shared/contract/batch';
import type { BatchReport } from './report';
import { systemClock, type Clock, type Operator, type ServiceContext } from '../context';
import type { Db } from '../../db/connection';
import { writeAnchor } from '../integrity/anchor';
import { chainHead } from '../integrity/seal';
import { BATCH_LABELS, laneOf, offThread, type BatchCall, type BatchTuning } from './jobs';
import type { WorkerInput, WorkerMessage } from './worker';
import { findWorker, startWorker } from '../threads';

export interface BatchRunnerOptions {
  /** The built worker (electron-vite's out/main/batchWorker.js); by default services/batch/worker.ts through tsx. */
  workerFile?: string;
  /** Tests only: smaller entries. */
  tuning?: BatchTuning;
}

interface Running {
  key: string;
  hash: string;
  promise: Promise<unknown>;
  progress: BatchProgressDto;
}

/** How many finished batches `batch.progress` still shows. */
const KEEP_FINISHED = 10;

export class BatchRunner {
  private readonly running = new Map<string, Running>();
  private readonly finished: BatchProgressDto[] = [];
  /** Long reads in their own worker (the in-app 账务核对), listed beside the batches. */
  private readonly tracked = new Set<BatchProgressDto>();
  private readonly workers = new Set<Worker>();
  /** The request thread's open write transactions, which the worker's connection lets go first (Db.priority). */
  private readonly shared = new SharedArrayBuffer(4);

  constructor(
    private readonly dataDir: string,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly options: BatchRunnerOptions = {},
  ) {
    db.priority = { shared: new Int32Array(this.shared), role: 'interactive' };
  }

  /** Tests only (BatchRunnerOptions.tuning): what the workers are tuned with. */
  get tuning(): BatchTuning {
    return this.options.tuning ?? {};
  }

  /** Starts `call` in a worker, or joins the run of the same request; refuses a second run of the same kind. */
  start(call: BatchCall, key: string, hash: string, input: Record<string, unknown>, operator: Operator): Promise<unknown> {
    const lane = laneOf(call, input);
    const busy = this.running.get(lane);
    if (busy) {
      if (busy.key === key && busy.hash === hash) return busy.promise;
      const p = busy.progress;
      throw new AppError('CONFLICT', `${p.label}正在进行（${p.phase}${p.total ? ` ${p.done}/${p.total}` : ''}，由${p.operatorName}发起），请等它完成后再试`);
    }
    const integrity = this.db.integrity;
    if (!integrity) throw new AppError('INTERNAL', '数据库未以完整性密钥打开，不能启动批处理');
    const progress = this.started(call, lane, BATCH_LABELS[call], operator);
    const data: WorkerInput = {
      dataDir: this.dataDir,
      key: { id: integrity.key.id, key: new Uint8Array(integrity.key.key), source: integrity.key.source },
      frozenAt: this.clock === systemClock ? null : this.clock.now().toISOString(),
      call,
      input,
      operator,
      tuning: this.options.tuning ?? {},
      priority: this.shared,
    };
    const promise = this.spawn(data, progress, integrity).finally(() => {
      this.running.delete(lane);
      this.ended(progress);
    });
    this.running.set(lane, { key, hash, promise, progress });
    return promise;
  }

  /** Whether this request goes to the worker (a small 汇缴 stays on the request thread). */
  wants(ctx: ServiceContext, call: BatchCall, input: Record<string, unknown>): boolean {
    return offThread(ctx, call, input, this.options.tuning);
  }

  /** Batches running now, then the last few finished ones, newest first. */
  progress(): BatchProgressDto[] {
    return [...[...this.running.values()].map((r) => r.progress), ...this.tracked, ...[...this.finished].reverse()].map((p) => ({ ...p }));
  }

  /**
   * Lists a long read that runs in a worker of its own (the in-app 账务核对, services/integrity/parallelCheck.ts) in
   * `batch.progress` like a batch, so its page can show how far it is. Several may run at once: reads hold no lock.
   */
  track(call: string, label: string, operator: Operator): { report: BatchReport; finish(error: string | null): void } {
    const progress = this.started(call, call, label, operator);
    this.tracked.add(progress);
    return {
      report: (phase, done, total) => void Object.assign(progress, { phase, done, total }),
      finish: (error) => {
        this.tracked.delete(progress);
        Object.assign(progress, { outcome: error ? 'failed' : 'done', error });
        this.ended(progress);
      },
    };
  }

  private started(call: string, lane: string, label: string, operator: Operator): BatchProgressDto {
    const at = this.clock.now().toISOString();
    return { call, lane, label, phase: '启动', done: 0, total: 0, startedAt: at, finishedAt: null, operatorName: operator.name, outcome: 'running', error: null };
  }

  /** Keeps a finished run for `batch.progress` (the last KEEP_FINISHED). */
  private ended(progress: BatchProgressDto): void {
    progress.finishedAt = this.clock.now().toISOString();
    this.finished.push(progress);
    if (this.finished.length > KEEP_FINISHED) this.finished.shift();
  }

  /**
   * Stops running batches (a host shutting down): the entry being written is not committed, the ones before stay,
   * and the next run resumes from there.
   */
  async close(): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.terminate()));
  }

  private spawn(data: WorkerInput, progress: BatchProgressDto, integrity: NonNullable<Db['integrity']>): Promise<unknown> {
    const file = this.options.workerFile ?? sourceWorker();
    const worker = startWorker(file, data);
    this.workers.add(worker);
    return new Promise((resolve, reject) => {
      let settled = false;
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') Object.assign(progress, { phase: m.phase, done: m.done, total: m.total });
        else if (m.type === 'seal') this.refreshAnchor(integrity);
        else if (m.type === 'done') {
          settled = true;
          progress.outcome = 'done';
          resolve(m.result);
        } else {
          settled = true;
          progress.outcome = 'failed';
          progress.error = m.error.message;
          reject(fromShape(m.error));
        }
      });
      worker.on('error', (err) => {
        if (settled) return;
        settled = true;
        progress.outcome = 'failed';
        progress.error = err.message;
        reject(new AppError('INTERNAL', `${progress.label}意外中止：${err.message}。已记账的部分保留，重新执行将从中断处继续`));
      });
      worker.on('exit', (code) => {
        this.workers.delete(worker);
        this.refreshAnchor(integrity);
        if (settled) return;
        settled = true;
        progress.outcome = 'failed';
        progress.error = `退出码 ${code}`;
        reject(new AppError('INTERNAL', `${progress.label}意外中止（退出码 ${code}）。已记账的部分保留，重新执行将从中断处继续`));
      });
    });
  }

  /** The worker sealed: the anchor names the database's newest seal, whoever made it. */
  private refreshAnchor(integrity: NonNullable<Db['integrity']>): void {
    const head = chainHead(this.db.sqlite);
    if (head && integrity.anchorFile) writeAnchor(integrity.anchorFile, integrity.key, head);
  }
}

function fromShape(e: AppErrorShape): AppError {
  return new AppError(e.code, e.message, e.field);
}

/**
 * services/batch/worker.ts beside this file, run through tsx (the tests, a command line run from source); from the
 * prebuilt command line (out/main, its chunks) the built batchWorker.js.
 */
function sourceWorker(): string {
  const file = findWorker(import.meta.url, 'worker.ts', 'batchWorker.js');
  if (!file) throw new AppError('INTERNAL', `找不到批处理程序：${join(dirname(fileURLToPath(import.meta.url)), 'worker.ts')}`);
  return file;
}

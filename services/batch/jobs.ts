/**
 * The long batches that run off the request thread (issue 14): a contract call name → the service that does the
 * work, reporting progress. The same function runs in a batch worker (services/batch/worker.ts) on a host, and
 * inline, inside the dispatcher's transaction, where no runner is set (tests, the CLI).
 */
import type { CallName } from '../../shared/contract/calls';
import type { Operator, ServiceContext } from '../context';
import { runYearEndInterest } from '../interest/yearEnd';
import type { BatchReport } from './report';
import { repriceLoans } from '../loan/servicing/reprice';
import { postRemittance } from '../contributions/remit';

/** Knobs for tests: smaller entries, so a few accounts make several transactions. */
export interface BatchTuning {
  entryLines?: number;
  /** 汇缴 of an employer with at least this many members goes to the worker (REMIT_WORKER_MEMBERS). */
  remitWorkerMembers?: number;
  /** Tests only: the worker waits this long at each new phase it reports (report.ts pausedOnPhase); the in-app check too. */
  stepPauseMs?: number;
}

/**
 * A 汇缴 is one entry (one 凭证) and so one transaction; an employer this large takes seconds, so it goes to the
 * worker: the request thread keeps answering while it writes. Smaller ones stay inline (a worker's start costs more).
 */
export const REMIT_WORKER_MEMBERS = 5_000;

export type BatchJob = (ctx: ServiceContext, by: Operator, input: Record<string, unknown>, report: BatchReport, tuning: BatchTuning) => unknown;

export const BATCH_JOBS = {
  'interest.yearEnd': (ctx, by, input, report, tuning) => runYearEndInterest(ctx, by, Number(input.year), { report, ...tuning }),
  // One transaction, as before (a pass's run row and its schedule versions go together): in the worker the request
  // thread still answers every read, and a clerk's write waits for it or is told 系统正忙.
  'loan.reprice': (ctx, by, input, report) => repriceLoans(ctx, by, { asOf: String(input.asOf), limit: input.limit === undefined ? 1000 : Number(input.limit), report }),
  'remit.post': (ctx, by, input, report) => postRemittance(ctx, by, input as unknown as Parameters<typeof postRemittance>[2], report),
} satisfies Partial<Record<CallName, BatchJob>>;

export type BatchCall = keyof typeof BATCH_JOBS;

/** What the clerk sees for each batch in progress lists. */
export const BATCH_LABELS: Record<BatchCall, string> = {
  'interest.yearEnd': '年终结息',
  'loan.reprice': '贷款调息',
  'remit.post': '单位汇缴',
};

/** Whether this request goes to the worker at all (by default every batch call does). */
export function offThread(ctx: ServiceContext, call: BatchCall, input: Record<string, unknown>, tuning: BatchTuning = {}): boolean {
  if (call !== 'remit.post') return true;
  const n = ctx.db.prepare(`SELECT COUNT(*) AS n FROM members WHERE employer_id = ? AND status = '正常'`).get(Number(input.employerId)) as { n: number };
  return n.n >= (tuning.remitWorkerMembers ?? REMIT_WORKER_MEMBERS);
}

/** Batches that may run side by side: one per lane (a 汇缴 per employer; every other kind one at a time). */
export function laneOf(call: BatchCall, input: Record<string, unknown>): string {
  return call === 'remit.post' ? `${call}:${Number(input.employerId)}` : call;
}

export function isBatchCall(name: string): name is BatchCall {
  return Object.hasOwn(BATCH_JOBS, name);
}

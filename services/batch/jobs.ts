/**
 * The long batches that run off the request thread (issue 14): a contract call name → the service that does the
 * work, reporting progress. The same function runs in a batch worker (services/batch/worker.ts) on a host, and
 * inline, inside the dispatcher's transaction, where no runner is set (tests, the CLI).
 */
import type { CallName } from '../../shared/contract/calls';
import type { Operator, ServiceContext } from '../context';
import { runYearEndInterest, type BatchReport } from '../interest/yearEnd';
import { repriceLoans } from '../loan/servicing/reprice';

/** Knobs for tests: smaller entries, so a few accounts make several transactions. */
export interface BatchTuning {
  entryLines?: number;
}

export type BatchJob = (ctx: ServiceContext, by: Operator, input: Record<string, unknown>, report: BatchReport, tuning: BatchTuning) => unknown;

export const BATCH_JOBS = {
  'interest.yearEnd': (ctx, by, input, report, tuning) => runYearEndInterest(ctx, by, Number(input.year), { report, ...tuning }),
  // One transaction, as before (a pass's run row and its schedule versions go together): in the worker the request
  // thread still answers every read, and a clerk's write waits for it or is told 系统正忙.
  'loan.reprice': (ctx, by, input, report) => repriceLoans(ctx, by, { asOf: String(input.asOf), limit: input.limit === undefined ? 1000 : Number(input.limit), report }),
} satisfies Partial<Record<CallName, BatchJob>>;

export type BatchCall = keyof typeof BATCH_JOBS;

/** What the clerk sees for each batch in progress lists. */
export const BATCH_LABELS: Record<BatchCall, string> = {
  'interest.yearEnd': '年终结息',
  'loan.reprice': '贷款调息',
};

export function isBatchCall(name: string): name is BatchCall {
  return Object.hasOwn(BATCH_JOBS, name);
}

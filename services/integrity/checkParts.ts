/** What `gjj check`'s two threads exchange (parallelCheck.ts, checkWorker.ts). */
import type { Sqlite } from '../../db/connection';
import type { BatchReport } from '../batch/report';
import type { CheckReport } from '../../shared/contract/dto';

/** The whole check of a data folder, off the request thread of a host (the in-app 核对账务, `ledger.check`). */
export interface FullCheckInput {
  kind: 'full';
  dataDir: string;
  key: { key: Uint8Array; id: string; source: string };
  /** false: on the one worker thread only (tests compare the two). */
  twoThreads?: boolean;
  /** Tests only: wait this long at each new phase reported (BatchTuning.stepPauseMs). */
  stepPauseMs?: number;
}

export interface CheckWorkerInput {
  kind?: 'parts';
  file: string;
  key: Uint8Array;
  /** The main thread's snapshotMark: the worker computes only if it sees the same. */
  mark: string;
  /** Tables whose quick proof the worker computes. */
  tables: string[];
  /** The seals' claim counter (verify.ts claimFrom), shared with the main thread, which digests seals too. */
  seals?: SharedArrayBuffer;
}

/** How the parts of a check were computed: 'worker' (two threads), or why they were not. */
export type CheckParts = 'worker' | 'other-snapshot' | 'no-worker' | 'failed';

/** How far the worker is; sent any number of times before its one answer. */
export interface CheckWorkerProgress {
  kind: 'progress';
  phase: string;
  done: number;
  total: number;
}

export type CheckWorkerOutput =
  | { kind: 'parts'; digests: Array<[number, { from: number; to: number; digest: string; rows: number }]>; proofs: Array<[string, boolean]> }
  | { kind: 'other-snapshot'; mark: string }
  | { kind: 'report'; report: CheckReport; parts: CheckParts }
  | { kind: 'failed'; error: string };

/**
 * Which state of the file a read transaction sees, as far as the integrity evidence goes: every write the program
 * makes adds log rows and a seal in the same transaction, so two snapshots with the same newest log row and the
 * same seals hold the same logged rows.
 */
export function snapshotMark(sqlite: Sqlite): string {
  const r = sqlite.prepare('SELECT (SELECT COALESCE(MAX(seq), 0) FROM integrity_log) AS seq, (SELECT COUNT(*) FROM integrity_seals) AS seals, (SELECT COALESCE(MAX(id), 0) FROM integrity_seals) AS last').get() as {
    seq: number;
    seals: number;
    last: number;
  };
  return `${r.seq}/${r.seals}/${r.last}`;
}

/**
 * A BatchReport that posts at most one message per phase change or every `everyMs` (a check reports every seal and
 * table; the receiving thread only needs to know roughly where it is), and always the last count of a phase.
 */
export function throttledReport(post: (m: CheckWorkerProgress) => void, everyMs = 200, now: () => number = () => performance.now()): BatchReport {
  let phase = '';
  let at = -Infinity;
  return (p, done, total) => {
    const t = now();
    if (p === phase && t - at < everyMs && done < total) return;
    phase = p;
    at = t;
    post({ kind: 'progress', phase: p, done, total });
  };
}

/**
 * The second thread of 年终结息's 积数 read (yearEndSums.ts): on its own read-only connection, inside one read
 * transaction, it confirms it sees the same snapshot as the thread that started it, sums the second half of the
 * year's postings per account, posts the sums to its channel and raises the shared flag that thread waits on.
 */
import Database from 'better-sqlite3';
import { workerData } from 'node:worker_threads';
import { snapshotMark } from '../integrity/checkParts';
import { rangeSums, type YearEndWorkerInput, type YearEndWorkerOutput } from './yearEndSums';

const input = workerData as YearEndWorkerInput;
let out: YearEndWorkerOutput;
try {
  const sqlite = new Database(input.file, { readonly: true, fileMustExist: true });
  try {
    sqlite.exec('BEGIN');
    out = snapshotMark(sqlite) === input.mark ? { kind: 'sums', sums: input.ranges.map((r) => rangeSums(sqlite, r)) } : { kind: 'other-snapshot' };
    sqlite.exec('COMMIT');
  } finally {
    sqlite.close();
  }
} catch (err) {
  out = { kind: 'failed', error: err instanceof Error ? err.message : String(err) };
}
input.port.postMessage(out, out.kind === 'sums' ? out.sums.map((a) => a.buffer as ArrayBuffer) : []);
input.port.close();
Atomics.store(input.done, 0, 1);
Atomics.notify(input.done, 0);

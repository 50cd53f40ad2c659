/**
 * The second thread of `gjj check` (parallelCheck.ts): on its own read-only connection, inside one read transaction,
 * it confirms it sees the same snapshot as the main thread (the log's newest row and the seal count: every write
 * the program makes logs and seals), then computes every seal's digest and the quick proof of the tables it was
 * given. It decides nothing: the main thread reads these parts in verify.ts's order and names the first problem.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { snapshotMark, type CheckWorkerInput, type CheckWorkerOutput } from './checkParts';
import { registerPii } from './tracked';
import { sealDigests, tableProofs } from './verify';

const input = workerData as CheckWorkerInput;
let out: CheckWorkerOutput;
const sqlite = new Database(input.file, { readonly: true, fileMustExist: true });
try {
  registerPii(sqlite, Buffer.from(input.key));
  sqlite.exec('BEGIN');
  const mark = snapshotMark(sqlite);
  if (mark !== input.mark) out = { kind: 'other-snapshot', mark };
  else out = { kind: 'parts', digests: [...sealDigests(sqlite)], proofs: [...tableProofs(sqlite, input.tables)] };
  sqlite.exec('COMMIT');
} catch (err) {
  out = { kind: 'failed', error: err instanceof Error ? err.message : String(err) };
} finally {
  sqlite.close();
}
parentPort!.postMessage(out!);

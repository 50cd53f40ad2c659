/**
 * The second thread of `gjj check` (parallelCheck.ts), and the thread of a host's in-app check (kind 'full'). For
 * `gjj check`: on its own read-only connection, inside one read transaction,
 * it confirms it sees the same snapshot as the main thread (the log's newest row and the seal count: every write
 * the program makes logs and seals), then computes every seal's digest and the quick proof of the tables it was
 * given. It decides nothing: the main thread reads these parts in verify.ts's order and names the first problem.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { openContext } from '../app/open';
import { checkLedger } from '../ledger/check';
import { snapshotMark, throttledReport, type CheckWorkerInput, type CheckWorkerOutput, type FullCheckInput } from './checkParts';
import { registerPii } from './tracked';
import { sealDigests, tableProofs } from './verify';

const input = workerData as CheckWorkerInput | FullCheckInput;
const progress = throttledReport((m) => parentPort!.postMessage(m));
parentPort!.postMessage(input.kind === 'full' ? fullCheck(input) : parts(input));

/** The whole check in one read transaction (one snapshot: the host's request thread keeps committing meanwhile). */
function fullCheck(input: FullCheckInput): CheckWorkerOutput {
  try {
    const ctx = openContext(input.dataDir, undefined, { key: { ...input.key, key: Buffer.from(input.key.key) }, checkOnly: true });
    try {
      ctx.db.sqlite.exec('BEGIN');
      const report = checkLedger(ctx, progress);
      ctx.db.sqlite.exec('COMMIT');
      return { kind: 'report', report };
    } finally {
      ctx.db.close();
    }
  } catch (err) {
    return { kind: 'failed', error: err instanceof Error ? err.message : String(err) };
  }
}

function parts(input: CheckWorkerInput): CheckWorkerOutput {
  let out: CheckWorkerOutput;
  const sqlite = new Database(input.file, { readonly: true, fileMustExist: true });
  try {
    registerPii(sqlite, Buffer.from(input.key));
    sqlite.exec('BEGIN');
    const mark = snapshotMark(sqlite);
    if (mark !== input.mark) out = { kind: 'other-snapshot', mark };
    else out = { kind: 'parts', digests: [...sealDigests(sqlite, progress)], proofs: [...tableProofs(sqlite, input.tables)] };
    sqlite.exec('COMMIT');
  } catch (err) {
    out = { kind: 'failed', error: err instanceof Error ? err.message : String(err) };
  } finally {
    sqlite.close();
  }
  return out;
}

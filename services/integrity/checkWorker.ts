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
import { checkLedgerParallel, checkWorkerFile } from './parallelCheck';
import { snapshotMark, throttledReport, type CheckWorkerInput, type CheckWorkerOutput, type FullCheckInput } from './checkParts';
import { registerPii } from './tracked';
import { pausedOnPhase } from '../batch/report';
import { claimFrom, sealDigests, tableProofs } from './verify';

const input = workerData as CheckWorkerInput | FullCheckInput;
const progress = pausedOnPhase(throttledReport((m) => parentPort!.postMessage(m)), input.kind === 'full' ? input.stepPauseMs : undefined);
void (async () => parentPort!.postMessage(input.kind === 'full' ? await fullCheck(input) : parts(input)))();

/**
 * The whole check, as `gjj check` does it: this thread and a second worker for the digests and some tables, both in
 * one snapshot (checkLedgerParallel holds the read transaction and falls back to this thread alone when the second
 * worker saw another snapshot: the host's request thread keeps committing meanwhile).
 */
async function fullCheck(input: FullCheckInput): Promise<CheckWorkerOutput> {
  try {
    const ctx = openContext(input.dataDir, undefined, { key: { ...input.key, key: Buffer.from(input.key.key) }, checkOnly: true });
    try {
      const { report, parts } = await checkLedgerParallel(ctx, input.twoThreads === false ? null : checkWorkerFile(), progress);
      return { kind: 'report', report, parts };
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
    else out = { kind: 'parts', digests: [...sealDigests(sqlite, progress, input.seals ? claimFrom(input.seals) : undefined)], proofs: [...tableProofs(sqlite, input.tables)] };
    sqlite.exec('COMMIT');
  } catch (err) {
    out = { kind: 'failed', error: err instanceof Error ? err.message : String(err) };
  } finally {
    sqlite.close();
  }
  return out;
}

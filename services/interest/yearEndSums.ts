/**
 * The 积数 read of 年终结息 on two threads (issue 14). For a rate segment [from, to) of the settlement year an
 * account's 积数 is
 *     (its running total − net since `from`) × days of the segment + moved,
 * where `net` sums every posting booked on or after `from`, and `moved` each of them × the days it is held before
 * `to` (nothing for postings on or after `to`, nor for this year's own 年终结息 booked on 30 June). Both are sums
 * over postings, so they can be taken over two ranges of booking dates and added: this thread reads the first half
 * of the dates, a worker thread (yearEndWorker.ts, its own read-only connection) the second. Every figure is an
 * integer below 2^53, so the order of the additions cannot change a fen (yearEndSums.test.ts compares with the one
 * query). Both connections must read the same snapshot: the worker compares snapshotMark with ours and reads
 * nothing when another writer committed in between; then, as when there is no worker, this thread reads it all.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { statement, type Sqlite } from '../../db/connection';
import { snapshotMark } from '../integrity/checkParts';
import { findWorker, startWorker } from '../threads';

export interface Segment {
  from: string;
  to: string;
  rate: string;
}

/** One range of booking dates [lo, hi) of one segment's sums. */
export interface SumsRange {
  from: string;
  to: string;
  booked: string;
  lo: string;
  hi: string;
}

/** Per account, packed: account id, net, moved, account id, net, moved, … (a typed array crosses threads uncopied). */
export type AccountSums = Float64Array;

export interface YearEndWorkerInput {
  file: string;
  mark: string;
  ranges: SumsRange[];
  port: MessagePort;
  done: Int32Array;
}

export type YearEndWorkerOutput = { kind: 'sums'; sums: AccountSums[] } | { kind: 'other-snapshot' } | { kind: 'failed'; error: string };

const END = '9999-12-31';
/** Below this many postings booked since the year's start the worker is not worth its start-up (~0.1 s built). */
export const WORKER_MIN_POSTINGS = 200_000;

/**
 * Per account over the postings of the entries the caller's WHERE picks: `net`, and `moved` (each posting × the days
 * it is held before :to; nothing for postings on or after :to, nor for this year's own 年终结息 on :booked).
 */
const SINCE_SUMS = `SELECT p.account_id,
            SUM(CASE p.side WHEN 'C' THEN p.amount_fen ELSE -p.amount_fen END) AS net,
            SUM(CASE WHEN e.booked_date >= :to OR (e.business_type = '年终结息' AND e.booked_date = :booked) THEN 0
                     ELSE (CASE p.side WHEN 'C' THEN p.amount_fen ELSE -p.amount_fen END) * (julianday(:to) - julianday(e.booked_date)) END) AS moved
       FROM journal_entries e INDEXED BY journal_booked
      CROSS JOIN postings p ON p.entry_id = e.id`;

export function rangeSums(sqlite: Sqlite, r: SumsRange): AccountSums {
  const rows = statement(sqlite, `${SINCE_SUMS} WHERE e.booked_date >= :lo AND e.booked_date < :hi GROUP BY p.account_id`)
    .raw(true)
    .all(r) as Array<[number, number, number]>;
  const out = new Float64Array(rows.length * 3);
  rows.forEach((row, i) => out.set(row, i * 3));
  return out;
}

const DAY_MS = 86_400_000;
const dayOf = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;

/**
 * Where this thread's dates end and the worker's begin: SPLIT of the way from `from` to the newest booking date
 * (the postings of a year come month by month). This thread takes the larger part: the worker first has to start,
 * and this thread also reads the running totals while it waits.
 */
const SPLIT = 0.58;
function splitDate(sqlite: Sqlite, from: string): string {
  const last = (statement(sqlite, 'SELECT MAX(booked_date) FROM journal_entries').pluck(true).get() as string | null) ?? from;
  if (last <= from) return from;
  return new Date(Math.round(dayOf(from) + (dayOf(last) - dayOf(from)) * SPLIT) * DAY_MS).toISOString().slice(0, 10);
}

export interface SumsOptions {
  /** The worker's file; null: read on this thread alone. Default: yearEndWorker beside this module, or built. */
  workerFile?: string | null;
  /** WORKER_MIN_POSTINGS unless given (tests use 0 to see the worker on a small ledger). */
  minPostings?: number;
}

export interface SegmentFenDays {
  /** Per segment, account id → 积数 in fen-days (accounts open to interest only, any sign). */
  fenDays: Array<Map<number, number>>;
  /** How the second half was read: by the worker, or here and why. */
  read: 'worker' | 'one-thread' | 'other-snapshot' | 'failed';
}

export function yearEndWorkerFile(): string | null {
  return findWorker(import.meta.url, 'yearEndWorker.ts', 'yearEndWorker.js');
}

/**
 * Every open 201/202 account's 积数 per segment, read inside the caller's read transaction (its snapshot): the
 * first half of the booking dates here, the second on a worker when the ledger is big enough and the worker sees
 * the same snapshot.
 */
export function segmentFenDays(sqlite: Sqlite, segments: readonly Segment[], booked: string, opts: SumsOptions = {}): SegmentFenDays {
  const start = segments[0]!.from;
  const mid = splitDate(sqlite, start);
  const first = segments.map((s) => ({ from: s.from, to: s.to, booked, lo: s.from, hi: mid < s.from ? s.from : mid }));
  const second = segments.map((s) => ({ from: s.from, to: s.to, booked, lo: mid < s.from ? s.from : mid, hi: END }));
  const workerFile = opts.workerFile === undefined ? yearEndWorkerFile() : opts.workerFile;
  if (!workerFile || postingsSince(sqlite, start) < (opts.minPostings ?? WORKER_MIN_POSTINGS)) {
    return { fenDays: segments.map((s) => oneQuery(sqlite, s, booked)), read: 'one-thread' };
  }
  const wait = startSums(workerFile, { file: sqlite.name, mark: snapshotMark(sqlite), ranges: second });
  const mine = first.map((r) => rangeSums(sqlite, r));
  const balances = statement(
    sqlite,
    `SELECT a.id, a.credits_fen - a.debits_fen FROM accounts a JOIN members m ON m.id = a.member_id
      WHERE a.parent_code IN ('201', '202') AND m.status <> '销户'`,
  )
    .raw(true)
    .all() as Array<[number, number]>;
  const got = wait();
  const read = got.kind === 'sums' ? 'worker' : got.kind;
  const theirs = got.kind === 'sums' ? got.sums : second.map((r) => rangeSums(sqlite, r));
  // Account ids are small dense integers: the two halves are added in arrays indexed by id.
  let maxId = 0;
  for (const [id] of balances) if (id > maxId) maxId = id;
  const fenDays = segments.map((s, n) => {
    const net = new Float64Array(maxId + 1);
    const moved = new Float64Array(maxId + 1);
    for (const part of [mine[n]!, theirs[n]!]) {
      for (let i = 0; i < part.length; i += 3) {
        const id = part[i]!;
        if (id > maxId) continue; // not an account open to interest (a loan, the fund's own accounts)
        net[id] = net[id]! + part[i + 1]!;
        moved[id] = moved[id]! + part[i + 2]!;
      }
    }
    const days = dayOf(s.to) - dayOf(s.from);
    const out = new Map<number, number>();
    for (const [id, balance] of balances) out.set(id, (balance - net[id]!) * days + moved[id]!);
    return out;
  });
  return { fenDays, read };
}

/** The whole of one segment in one query (no second thread): the same 积数, summed by SQLite over all the dates. */
function oneQuery(sqlite: Sqlite, s: Segment, booked: string): Map<number, number> {
  const rows = statement(
    sqlite,
    `WITH since AS (${SINCE_SUMS} WHERE e.booked_date >= :from GROUP BY p.account_id)
     SELECT a.id,
            (a.credits_fen - a.debits_fen - COALESCE(s.net, 0)) * (julianday(:to) - julianday(:from)) + COALESCE(s.moved, 0)
       FROM accounts a
       JOIN members m ON m.id = a.member_id
       LEFT JOIN since s ON s.account_id = a.id
      WHERE a.parent_code IN ('201', '202') AND m.status <> '销户'`,
  )
    .raw(true)
    .all({ from: s.from, to: s.to, booked }) as Array<[number, number]>;
  return new Map(rows);
}

/** About how many postings were booked on or after `from` (posting ids grow with time; three index lookups). */
function postingsSince(sqlite: Sqlite, from: string): number {
  return statement(
    sqlite,
    `SELECT COALESCE((SELECT MAX(id) FROM postings) - (SELECT MIN(p.id) FROM postings p
        WHERE p.entry_id = (SELECT MIN(e.id) FROM journal_entries e WHERE e.booked_date >= ?)), 0)`,
  )
    .pluck(true)
    .get(from) as number;
}

/**
 * Starts the worker on the second half; returns how to wait for its answer. The wait blocks this thread (the
 * 年终结息 is synchronous) on a shared flag the worker raises after posting its answer to our end of a channel.
 */
function startSums(workerFile: string, input: Pick<YearEndWorkerInput, 'file' | 'mark' | 'ranges'>): () => YearEndWorkerOutput {
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  let worker: ReturnType<typeof startWorker>;
  try {
    worker = startWorker(workerFile, { ...input, port: port2, done }, [port2]);
  } catch (err) {
    port1.close();
    return () => ({ kind: 'failed', error: err instanceof Error ? err.message : String(err) });
  }
  return () => {
    // A worker that died before answering never raises the flag: give up after a minute and read here.
    const deadline = Date.now() + 60_000;
    while (Atomics.load(done, 0) === 0 && Date.now() < deadline) Atomics.wait(done, 0, 0, 100);
    const msg = receiveMessageOnPort(port1)?.message as YearEndWorkerOutput | undefined;
    port1.close();
    void worker.terminate();
    return msg ?? { kind: 'failed', error: '结息积数线程没有回答' };
  };
}

/**
 * The digest of a range of integrity-log rows (what a seal covers): sha256 over one line per row, in seq order,
 * each line `JSON.stringify([seq, tbl, row_key, op, image])` followed by '\n'. These bytes are fixed: every seal
 * ever written (services/integrity/seal.ts) was computed over them.
 *
 * Handing 3 million rows one by one to JavaScript costs ~2 µs a row; SQLite builds the same lines itself
 * (`json_array` escapes a text exactly as JSON.stringify does: digest.test.ts compares them over every BMP code unit
 * and astral characters) and hands over a block of lines at a time as raw UTF-8 bytes. A range SQLite cannot
 * render (a BLOB slipped into the log, a database that is not UTF-8) falls back to the row-by-row form, so the
 * digest of such a range is whatever it always was.
 *
 * A run (runs.ts) is hashed as the rows it stands for, read from its table: the lines are those the per-row trigger
 * would have logged, so a seal's digest does not depend on how its rows were logged.
 */
import { createHash, type Hash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { statement, type Sqlite } from '../../db/connection';
import { expandedLog, parseRun, runBase, runLinesSql, runsBetween, runStart, type Run } from './runs';

/** Log rows per block handed over from SQLite (a few hundred KB). */
export const DIGEST_BLOCK = 4096;

const BLOCK_SQL = `SELECT CAST(group_concat(line, '') AS BLOB) AS bytes, count(*) AS n FROM (
  SELECT json_array(seq, tbl, row_key, op, image) || char(10) AS line FROM integrity_log WHERE seq BETWEEN ? AND ? ORDER BY seq)`;

const blockStatements = new WeakMap<Sqlite, Statement | null>();

/** The block statement of a connection, or null when its text is not UTF-8 (the bytes would differ). */
function blockStatement(sqlite: Sqlite): Statement | null {
  let stmt = blockStatements.get(sqlite);
  if (stmt === undefined) {
    stmt = sqlite.prepare('SELECT encoding FROM pragma_encoding').pluck().get() === 'UTF-8' ? sqlite.prepare(BLOCK_SQL) : null;
    blockStatements.set(sqlite, stmt);
  }
  return stmt;
}

/** The row-by-row form (the original): also the fallback, and what the tests compare against. */
export function digestRangeRows(sqlite: Sqlite, fromSeq: number, toSeq: number, h: Hash = createHash('sha256')): { h: Hash; rows: number } {
  let rows = 0;
  for (const r of expandedLog(sqlite, fromSeq, toSeq)) {
    h.update(JSON.stringify(r));
    h.update('\n');
    rows++;
  }
  return { h, rows };
}

/**
 * sha256 over the log rows of a range, and their count; block by block, a block SQLite refuses row by row. The
 * stretches between runs are hashed as stored, each run as its expansion.
 */
export function digestLogRange(sqlite: Sqlite, fromSeq: number, toSeq: number): { digest: string; rows: number } {
  const stmt = blockStatement(sqlite);
  if (!stmt) {
    const { h, rows } = digestRangeRows(sqlite, fromSeq, toSeq);
    return { digest: h.digest('hex'), rows };
  }
  const h = createHash('sha256');
  let rows = 0;
  let at = fromSeq;
  for (const r of runsBetween(sqlite, fromSeq, toSeq)) {
    const run = parseRun(r);
    if (!run || runStart(run) < at) continue; // not a run the program wrote: hashed as stored, so it fails the digest
    // The stored rows before the run, and any in the seqs the run stands for: there are none unless slipped in, and
    // one that was is hashed too, so it fails the digest.
    rows += digestStored(sqlite, stmt, h, at, r.seq - 1);
    rows += digestRun(sqlite, h, run);
    at = r.seq + 1;
  }
  rows += digestStored(sqlite, stmt, h, at, toSeq);
  return { digest: h.digest('hex'), rows };
}

/**
 * A run's lines, a block of ids at a time. A run whose rows cannot be read as the trigger logged them (a column
 * gone, a value JSON cannot hold: never written by the program) is hashed as stored, so it fails the digest.
 */
function digestRun(sqlite: Sqlite, h: Hash, run: Run): number {
  try {
    const stmt = statement(sqlite, runLinesSql(run.spec));
    let rows = 0;
    const blocks: Buffer[] = [];
    for (let from = run.from; from <= run.to; from += DIGEST_BLOCK) {
      const block = stmt.get({ base: runBase(run), tbl: run.tbl, from, to: Math.min(run.to, from + DIGEST_BLOCK - 1) }) as { bytes: Buffer | null; n: number };
      if (block.bytes) blocks.push(block.bytes);
      rows += block.n;
    }
    for (const b of blocks) h.update(b);
    return rows;
  } catch {
    return digestRangeRows(sqlite, run.seq, run.seq, h).rows;
  }
}

/** The stored log rows of a range with no run in it. */
function digestStored(sqlite: Sqlite, stmt: Statement, h: Hash, fromSeq: number, toSeq: number): number {
  let rows = 0;
  for (let from = fromSeq; from <= toSeq; from += DIGEST_BLOCK) {
    const to = Math.min(toSeq, from + DIGEST_BLOCK - 1);
    let block: { bytes: Buffer | null; n: number } | undefined;
    try {
      block = stmt.get(from, to) as { bytes: Buffer | null; n: number };
    } catch {
      block = undefined; // e.g. "JSON cannot hold BLOB values": this block row by row
    }
    if (block) {
      if (block.bytes) h.update(block.bytes);
      rows += block.n;
    } else {
      rows += digestRangeRows(sqlite, from, to, h).rows;
    }
  }
  return rows;
}

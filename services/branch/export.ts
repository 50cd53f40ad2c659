/**
 * `gjj sync export`: the seals not yet exported (with their log rows and the branch's totals at the last one) as a
 * batch file signed with the branch's Ed25519 key. Nothing is written to the database: what was exported is kept
 * in `gjj.sync.json` in the data folder (a lost or stale file only means a batch is sent again; the center applies
 * each seal once).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceContext } from '../context';
import { nowIso } from '../context';
import { GENESIS_MAC } from '../integrity/seal';
import { expandedLogRows } from '../integrity/runs';
import type { Batch, BatchSeal, BranchTotals, LogRow } from './batch';
import { networkOf } from './join';
import { writeSigned, type SigningKey } from './signing';

export const SYNC_STATE_FILE = 'gjj.sync.json';

export interface SyncState {
  exportedThroughSeal: number;
}

export function readSyncState(dataDir: string): SyncState {
  const f = join(dataDir, SYNC_STATE_FILE);
  if (!existsSync(f)) return { exportedThroughSeal: 0 };
  return JSON.parse(readFileSync(f, 'utf8')) as SyncState;
}

export function writeSyncState(dataDir: string, s: SyncState): void {
  const f = join(dataDir, SYNC_STATE_FILE);
  writeFileSync(`${f}.tmp`, `${JSON.stringify(s)}\n`, { mode: 0o600 });
  renameSync(`${f}.tmp`, f);
}

/**
 * The branch's totals. With `through` (the largest journal entry and posting ids a seal covers), the totals as of
 * that seal: entries and postings are append-only and their ids grow in commit order, so the rows at or below the
 * ids are exactly the rows of the seals up to it; the control accounts' running totals then are today's minus the
 * postings after it.
 */
export function branchTotals(ctx: ServiceContext, through?: { entry: number; posting: number }): BranchTotals {
  const db = ctx.db;
  const maxE = through?.entry ?? Number.MAX_SAFE_INTEGER;
  const maxP = through?.posting ?? Number.MAX_SAFE_INTEGER;
  const head = db.prepare(`SELECT COUNT(*) AS n FROM journal_entries WHERE id <= ?`).get(maxE) as { n: number };
  const byCode: BranchTotals['byCode'] = {};
  let postings = 0;
  let debitsFen = 0;
  let creditsFen = 0;
  const rows = db
    .prepare(
      `SELECT COALESCE(a.parent_code, a.code) AS code, COUNT(*) AS n,
              SUM(CASE WHEN p.side = 'D' THEN p.amount_fen ELSE 0 END) AS d, SUM(CASE WHEN p.side = 'C' THEN p.amount_fen ELSE 0 END) AS c
         FROM postings p JOIN accounts a ON a.id = p.account_id WHERE p.id <= ? GROUP BY 1 ORDER BY 1`,
    )
    .all(maxP) as Array<{ code: string; n: number; d: number; c: number }>;
  for (const r of rows) {
    byCode[r.code] = { d: r.d, c: r.c };
    postings += r.n;
    debitsFen += r.d;
    creditsFen += r.c;
  }
  const controls: BranchTotals['controls'] = {};
  const ctl = db
    .prepare(`SELECT code, debits_fen AS d, credits_fen AS c FROM accounts p WHERE code IN ('201', '202') OR EXISTS (SELECT 1 FROM accounts ch WHERE ch.parent_code = p.code) ORDER BY code`)
    .all() as Array<{ code: string; d: number; c: number }>;
  for (const r of ctl) controls[r.code] = { d: r.d, c: r.c };
  if (through) {
    const later = db
      .prepare(
        `SELECT COALESCE(a.parent_code, a.code) AS code, SUM(CASE WHEN p.side = 'D' THEN p.amount_fen ELSE 0 END) AS d, SUM(CASE WHEN p.side = 'C' THEN p.amount_fen ELSE 0 END) AS c
           FROM postings p JOIN accounts a ON a.id = p.account_id WHERE p.id > ? GROUP BY 1`,
      )
      .all(maxP) as Array<{ code: string; d: number; c: number }>;
    for (const r of later) {
      const c = controls[r.code];
      if (c) controls[r.code] = { d: c.d - r.d, c: c.c - r.c };
    }
  }
  return { entries: head.n, postings, debitsFen, creditsFen, byCode, controls };
}

/** The largest id of `tbl` inserted in the log at or before `toSeq` (0 when none). */
function maxIdThrough(ctx: ServiceContext, tbl: string, toSeq: number, rows: LogRow[][]): number {
  let max = 0;
  for (const sealRows of rows) for (const r of sealRows) if (r[1] === tbl && r[3] === 'I') max = Math.max(max, Number(JSON.parse(r[2])[0]));
  if (max) return max; // ids grow in commit order: the batch's own newest insert is the largest so far
  const row = ctx.db.sqlite
    .prepare(
      `SELECT MAX(CAST(json_extract(row_key, CASE op WHEN 'A' THEN '$[1]' ELSE '$[0]' END) AS INTEGER)) AS m FROM integrity_log WHERE tbl = ? AND op IN ('I', 'B', 'A') AND seq <= ?`,
    )
    .get(tbl, toSeq) as { m: number | null };
  return row.m ?? 0;
}

/**
 * The batch after seal `afterSeal` (default: the last exported), at most `maxSeals` seals, or null when there is
 * nothing new. A batch that stops before the newest seal carries the totals as of its own last seal.
 */
export function buildBatch(ctx: ServiceContext, key: SigningKey, afterSeal: number, maxSeals = Number.MAX_SAFE_INTEGER, maxRows = Number.MAX_SAFE_INTEGER): { batch: Batch; file: string } | null {
  const net = networkOf(ctx);
  const sqlite = ctx.db.sqlite;
  // One read transaction: the seals, their rows and the totals are one consistent snapshot.
  const read = sqlite.transaction(() => {
    const seals = sqlite
      .prepare('SELECT id, from_seq, to_seq, rows, digest, at, prev_mac, mac, SUM(rows) OVER (ORDER BY id) AS cum FROM integrity_seals WHERE id > ? ORDER BY id LIMIT ?')
      .all(afterSeal, maxSeals + 1) as Array<BatchSeal & { cum?: number }>;
    if (!seals.length) return null;
    // At most maxSeals seals and (unless one seal alone is larger) maxRows log rows.
    let keep = Math.min(seals.length, maxSeals);
    while (keep > 1 && seals[keep - 1]!.cum! > maxRows) keep--;
    const partial = keep < seals.length;
    seals.length = keep;
    for (const s of seals) delete s.cum;
    // Runs (postings and contributions since migration 021) are sent as the rows they stand for: the center
    // receives and checks the same rows as before (services/integrity/runs.ts).
    const rows = seals.map((s) => expandedLogRows(sqlite, s.from_seq, s.to_seq) as LogRow[]);
    const prev = afterSeal ? (sqlite.prepare('SELECT mac FROM integrity_seals WHERE id = ?').get(afterSeal) as { mac: string } | undefined)?.mac : GENESIS_MAC;
    const toSeq = seals[seals.length - 1]!.to_seq;
    const totals = partial ? branchTotals(ctx, { entry: maxIdThrough(ctx, 'journal_entries', toSeq, rows), posting: maxIdThrough(ctx, 'postings', toSeq, rows) }) : branchTotals(ctx);
    return { seals, rows, prevMac: prev ?? GENESIS_MAC, totals };
  });
  const r = read.deferred();
  if (!r) return null;
  const batch: Batch = {
    kind: 'gjj-batch',
    v: 1,
    center: ctx.center.id,
    centerId: net.centerId,
    branch: net.branch,
    fromSeal: r.seals[0]!.id,
    toSeal: r.seals[r.seals.length - 1]!.id,
    prevMac: r.prevMac,
    createdAt: nowIso(ctx),
    seals: r.seals,
    rows: r.rows,
    totals: r.totals,
  };
  return { batch, file: writeSigned(batch, key) };
}

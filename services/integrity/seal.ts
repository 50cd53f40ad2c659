/**
 * Sealing: the last statement of every transaction MACs the integrity-log rows the transaction wrote, chained to
 * the previous seal: mac = HMAC(key, [id, from, to, rows, sha256(rows), at, previous mac]). Without the key nobody
 * can add, edit or drop a logged change (or a seal) and produce a chain that verifies.
 * Only rows written inside this transaction are sealed: rows someone slipped into the log outside the program stay
 * unsealed, and `gjj check` names them.
 */
import { createHmac } from 'node:crypto';
import { statement, type CommitHooks, type Sqlite } from '../../db/connection';
import { closeAnchor, writeAnchor, type ChainHead } from './anchor';
import { digestLogRange } from './digest';
import type { IntegrityKey } from './key';
import { logInserted, runRange, runStart, runTables, type RunTable } from './runs';
import { currentSpecs } from './tracked';

export const GENESIS_MAC = '0'.repeat(64);

export interface SealRow {
  id: number;
  from_seq: number;
  to_seq: number;
  rows: number;
  digest: string;
  at: string;
  prev_mac: string;
  mac: string;
}

export function sealMac(key: IntegrityKey, s: Omit<SealRow, 'mac'>): string {
  return createHmac('sha256', key.key)
    .update(JSON.stringify(['gjj-seal-v1', s.id, s.from_seq, s.to_seq, s.rows, s.digest, s.at, s.prev_mac]))
    .digest('hex');
}

/** sha256 over the log rows of a range, one JSON line each; also their count (services/integrity/digest.ts). */
export function digestRange(sqlite: Sqlite, fromSeq: number, toSeq: number): { digest: string; rows: number } {
  return digestLogRange(sqlite, fromSeq, toSeq);
}

export function maxSeq(sqlite: Sqlite): number {
  return (statement(sqlite, 'SELECT COALESCE(MAX(seq), 0) AS n FROM integrity_log').get() as { n: number }).n;
}

export function lastSeal(sqlite: Sqlite): SealRow | undefined {
  return statement(sqlite, 'SELECT * FROM integrity_seals ORDER BY id DESC LIMIT 1').get() as SealRow | undefined;
}

export function chainHead(sqlite: Sqlite): ChainHead | null {
  const s = lastSeal(sqlite);
  return s ? { sealId: s.id, toSeq: s.to_seq, mac: s.mac, at: s.at } : null;
}

/** Seals the log rows after `afterSeq`; returns the new seal or null when there was nothing to seal. */
export function sealAfter(sqlite: Sqlite, key: IntegrityKey, afterSeq: number, at: string): SealRow | null {
  const to = maxSeq(sqlite);
  if (to <= afterSeq) return null;
  const from = firstSeqAfter(sqlite, afterSeq);
  const { digest, rows } = digestRange(sqlite, from, to);
  const prev = lastSeal(sqlite);
  const base = { id: (prev?.id ?? 0) + 1, from_seq: from, to_seq: to, rows, digest, at, prev_mac: prev?.mac ?? GENESIS_MAC };
  const seal: SealRow = { ...base, mac: sealMac(key, base) };
  statement(sqlite, 'INSERT INTO integrity_seals (id, from_seq, to_seq, rows, digest, at, prev_mac, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(seal.id, seal.from_seq, seal.to_seq, seal.rows, seal.digest, seal.at, seal.prev_mac, seal.mac);
  return seal;
}

/** The first seq after `afterSeq` the log stands for: a run's first (runs.ts) when the next row is a run. */
export function firstSeqAfter(sqlite: Sqlite, afterSeq: number): number {
  const r = statement(sqlite, 'SELECT seq, op, row_key FROM integrity_log WHERE seq > ? ORDER BY seq LIMIT 1').get(afterSeq) as { seq: number; op: string; row_key: string };
  const range = r.op === 'A' ? runRange(r.row_key) : null;
  return range ? Math.max(afterSeq + 1, runStart({ seq: r.seq, ...range })) : r.seq;
}

function dataVersion(sqlite: Sqlite): number {
  return statement(sqlite, 'PRAGMA data_version').pluck(true).get() as number;
}

/**
 * The commit hooks a data folder's Db runs with. A write the program made outside a transaction (autocommit) is
 * sealed by the next transaction of the same connection — but only when no other connection has committed since
 * (SQLite's data_version says so) and only rows newer than what existed when this process opened the file:
 * rows someone else wrote are never sealed by us.
 */
export class Sealer implements CommitHooks {
  private startSeq = 0;
  private sealed: SealRow | null = null;
  /** The log's end when this process opened the database: nothing at or below it is ever sealed by us. */
  private floorSeq: number;
  /** data_version after our own last commit: another connection's commit changes it. */
  private ownVersion: number;
  /** The append-only tables logged as runs (runs.ts), with the same rule as seqs: the ids this connection logs from. */
  private readonly runs: RunTable[];
  private readonly floorId = new Map<string, number>();
  private readonly loggedId = new Map<string, number>();
  private readonly startId = new Map<string, number>();
  private pendingId = new Map<string, number>();
  /**
   * Where a batch worker's connection sends its new seals instead of writing the anchor itself: to the thread that
   * owns the anchor file, which then writes the database's newest seal: one writer of the file, never an older seal.
   */
  onSeal: ((head: ChainHead) => void) | null = null;

  constructor(
    private readonly sqlite: Sqlite,
    readonly key: IntegrityKey,
    readonly anchorFile: string | null,
    private readonly now: () => Date,
  ) {
    this.floorSeq = maxSeq(sqlite);
    this.ownVersion = dataVersion(sqlite);
    this.runs = runTables(sqlite, currentSpecs(sqlite));
    for (const t of this.runs) this.floorId.set(t.spec.table, t.maxId());
  }

  begin(): void {
    const mine = dataVersion(this.sqlite) === this.ownVersion;
    this.startSeq = mine ? Math.max(this.floorSeq, lastSeal(this.sqlite)?.to_seq ?? 0) : maxSeq(this.sqlite);
    if (!mine) this.floorSeq = this.startSeq;
    for (const t of this.runs) {
      const name = t.spec.table;
      const start = mine ? Math.max(this.floorId.get(name)!, this.loggedId.get(name) ?? 0) : t.maxId();
      if (!mine) this.floorId.set(name, start);
      this.startId.set(name, start);
    }
    this.sealed = null;
  }

  beforeCommit(): void {
    this.pendingId = new Map(this.runs.map((t) => [t.spec.table, logInserted(this.sqlite, t, this.startId.get(t.spec.table)!)]));
    this.sealed = sealAfter(this.sqlite, this.key, this.startSeq, this.now().toISOString());
  }

  afterCommit(): void {
    for (const [name, id] of this.pendingId) this.loggedId.set(name, id);
    this.pendingId = new Map();
    this.ownVersion = dataVersion(this.sqlite);
    const s = this.sealed;
    this.sealed = null;
    if (!s) return;
    const head = { sealId: s.id, toSeq: s.to_seq, mac: s.mac, at: s.at };
    if (this.anchorFile) writeAnchor(this.anchorFile, this.key, head);
    this.onSeal?.(head);
  }

  close(): void {
    if (this.anchorFile) closeAnchor(this.anchorFile);
  }

  /** Rewrites the anchor from the database's newest seal (after opening, or a migration). */
  refreshAnchor(): void {
    const head = chainHead(this.sqlite);
    if (head && this.anchorFile) writeAnchor(this.anchorFile, this.key, head);
    if (head) this.onSeal?.(head);
  }
}

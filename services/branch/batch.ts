/**
 * The batch a branch sends to the center: a contiguous range of its integrity seals (services/integrity/seal.ts)
 * with the log rows each seal covers, and the branch's ledger totals at the last seal, for the center's check.
 * The log IS the outbox: every committed change is already there, sealed, in the transaction that made it.
 */
import type { SealRow } from '../integrity/seal';

export type LogRow = [seq: number, tbl: string, rowKey: string, op: string, image: string | null];

/** A seal as the branch's integrity layer wrote it (services/integrity/seal.ts). */
export type BatchSeal = SealRow;

export interface AccountTotal {
  d: number;
  c: number;
}

export interface BranchTotals {
  entries: number;
  postings: number;
  debitsFen: number;
  creditsFen: number;
  /** Σ postings by general-ledger code (a sub-ledger account counts under its control account's code). */
  byCode: Record<string, AccountTotal>;
  /** The control accounts' running totals as the branch holds them (accounts.debits_fen / credits_fen). */
  controls: Record<string, AccountTotal>;
}

export interface Batch {
  kind: 'gjj-batch';
  v: 1;
  center: string;
  centerId: string;
  branch: string;
  fromSeal: number;
  toSeal: number;
  prevMac: string;
  createdAt: string;
  seals: BatchSeal[];
  /** Per seal, its rows (same order as seals). */
  rows: LogRow[][];
  totals: BranchTotals;
}

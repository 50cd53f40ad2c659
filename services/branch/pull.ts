/**
 * Center → branch over HTTPS (docs/branch-network.md §6): the down batch after the highest center seq this folder
 * applied (`center_applied`), fetched with `GET /sync/down` (a request signed with the branch key; the center's
 * certificate pinned as for the push) and applied by applyCenterBatch — the same code as `gjj sync apply`: the
 * center's signature checked with meta.network_center_key, one db.tx, idempotent. Repeats while the center says
 * there is more (`limit` changes per request).
 */
import { AppError, busyError } from '../../shared/errors';
import type { ServiceContext } from '../context';
import { applyCenterBatch, lastAppliedSeq, type ApplyResult } from './applyCenter';
import type { CenterClient } from './centerClient';
import { downRequestPath } from './downBatch';
import { networkOf } from './join';
import { loadSigningKey, signingKeyFile } from './signing';

export const DEFAULT_DOWN_LIMIT = 2000;

/** A down batch the center sent but this branch cannot apply: the down direction stops (the push goes on). */
export class DownRefused extends Error {}

export interface PullResult {
  /** Highest center seq applied here after the pull. */
  applied: number;
  /** The center's newest seq (what exists; some may be held for this branch). */
  latest: number;
  batches: number;
  changes: number;
  held: string | null;
  results: ApplyResult[];
}

interface DownAnswer {
  file: string | null;
  fromSeq: number | null;
  toSeq: number | null;
  held: string | null;
  latest: number;
}

export async function pullDown(ctx: ServiceContext, dataDir: string, client: CenterClient, opts: { limit?: number; onBatch?: (r: ApplyResult) => void; active?: () => boolean } = {}): Promise<PullResult> {
  const net = networkOf(ctx);
  const key = loadSigningKey(signingKeyFile(dataDir), false);
  const out: PullResult = { applied: lastAppliedSeq(ctx), latest: 0, batches: 0, changes: 0, held: null, results: [] };
  for (let guard = 0; guard < 10_000; guard++) {
    const from = lastAppliedSeq(ctx);
    const r = await client.get<DownAnswer>(downRequestPath(key, net.branch, from, opts.limit ?? DEFAULT_DOWN_LIMIT));
    if (!r.ok || !r.data) throw new AppError('CONFLICT', `中心拒绝下发：${r.error?.message ?? `HTTP ${r.status}`}`);
    out.latest = r.data.latest;
    out.held = r.data.held;
    if (!r.data.file || (opts.active && !opts.active())) break; // a host stopping meanwhile applies nothing
    let applied: ApplyResult;
    try {
      applied = applyCenterBatch(ctx, r.data.file);
    } catch (err) {
      // The database busy (or closing) is not the batch's fault: retried with backoff. A refusal stops the direction.
      if (busyError(err) || (err instanceof AppError && err.code === 'BUSY') || !ctx.db.sqlite.open) throw err;
      throw new DownRefused(`中心第${r.data.fromSeq}至${r.data.toSeq}号变更无法在本网点应用，已停止接收中心下发（推送照常）：${err instanceof Error ? err.message : String(err)}`);
    }
    out.results.push(applied);
    opts.onBatch?.(applied);
    out.batches++;
    out.changes += applied.changes;
    out.applied = lastAppliedSeq(ctx);
    if (!applied.applied || out.applied <= from || r.data.held) break;
  }
  out.applied = lastAppliedSeq(ctx);
  return out;
}

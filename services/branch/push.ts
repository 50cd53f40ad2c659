/**
 * Branch → center over HTTPS: the seals the center has not acknowledged, in batches of at most `maxSeals`, the same
 * signed bytes `gjj sync export` writes to a file. What the center acknowledged is kept in `gjj.push.json` in the
 * data folder (not in the database: pushing writes nothing to the ledger). The center is the authority: a run starts
 * by asking it what it holds for this branch (and checks that seal's mac is ours: a fork is refused, not pushed).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import type { ServiceContext } from '../context';
import { buildBatch } from './export';
import { centerEndpoint, networkOf } from './join';
import { centerClient, type CenterClient } from './centerClient';
import { loadSigningKey, signingKeyFile } from './signing';

export const PUSH_STATE_FILE = 'gjj.push.json';
export const DEFAULT_MAX_SEALS = 500;
/** A batch stops before this many change-log rows (a seal is never split): a few MB on the wire. */
export const DEFAULT_MAX_ROWS = 20_000;

export interface PushState {
  acknowledgedSeal: number;
  acknowledgedMac: string;
  at: string | null;
}

export function readPushState(dataDir: string): PushState {
  const f = join(dataDir, PUSH_STATE_FILE);
  if (!existsSync(f)) return { acknowledgedSeal: 0, acknowledgedMac: '', at: null };
  try {
    return JSON.parse(readFileSync(f, 'utf8')) as PushState;
  } catch {
    return { acknowledgedSeal: 0, acknowledgedMac: '', at: null };
  }
}

function writePushState(dataDir: string, s: PushState): void {
  const f = join(dataDir, PUSH_STATE_FILE);
  writeFileSync(`${f}.tmp`, `${JSON.stringify(s)}\n`, { mode: 0o600 });
  renameSync(`${f}.tmp`, f);
}

export const lastLocalSeal = (ctx: ServiceContext): number =>
  (ctx.db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM integrity_seals').get() as { n: number }).n;

const macOf = (ctx: ServiceContext, id: number): string | null =>
  (ctx.db.prepare('SELECT mac FROM integrity_seals WHERE id = ?').get(id) as { mac: string } | undefined)?.mac ?? null;

export interface PushProgress {
  fromSeal: number;
  toSeal: number;
  rows: number;
  applied: boolean;
  message: string;
  acknowledged: number;
  local: number;
}

export interface PushResult {
  acknowledged: number;
  local: number;
  batches: number;
  seals: number;
  rows: number;
}

export function clientFor(ctx: ServiceContext): CenterClient {
  const ep = centerEndpoint(ctx);
  if (!ep) throw new AppError('NOT_FOUND', '入网文件没有中心地址：请中心用 gjj center enroll --url https://中心地址:端口 重新签发入网文件，再运行 gjj sync join');
  return centerClient(ep.url, ep.fingerprint);
}

/** What the center holds for this branch, checked against our own chain. */
async function centerHead(ctx: ServiceContext, client: CenterClient, branch: string): Promise<number> {
  const r = await client.get<{ lastSeal: number; lastMac: string }>(`/sync/status?branch=${encodeURIComponent(branch)}`);
  if (!r.ok || !r.data) throw new AppError('CONFLICT', `中心：${r.error?.message ?? `HTTP ${r.status}`}`);
  const { lastSeal, lastMac } = r.data;
  if (lastSeal > 0) {
    const mine = macOf(ctx, lastSeal);
    if (mine === null) throw new AppError('CONFLICT', `中心已收到本网点第${lastSeal}批，本数据目录没有这一批：可能是从旧备份恢复的，停止推送，须先与中心核对`);
    if (mine !== lastMac) throw new AppError('CONFLICT', `中心收到的第${lastSeal}批与本网点的记录分叉（同一编号，内容不同）：停止推送，须先与中心核对`);
  }
  return lastSeal;
}

/**
 * Pushes everything the center has not acknowledged. `onProgress` after each batch. Throws CenterUnreachable when
 * the line is down, CenterCertChanged for another certificate, AppError for a refusal (with the center's reason).
 */
export async function pushPending(
  ctx: ServiceContext,
  dataDir: string,
  opts: { maxSeals?: number; maxRows?: number; client?: CenterClient; onProgress?: (p: PushProgress) => void } = {},
): Promise<PushResult> {
  const net = networkOf(ctx);
  const client = opts.client ?? clientFor(ctx);
  const key = loadSigningKey(signingKeyFile(dataDir), false);
  let acked = await centerHead(ctx, client, net.branch);
  const ack = (n: number, mac: string) => writePushState(dataDir, { acknowledgedSeal: n, acknowledgedMac: mac, at: new Date().toISOString() });
  ack(acked, macOf(ctx, acked) ?? '');
  const result: PushResult = { acknowledged: acked, local: lastLocalSeal(ctx), batches: 0, seals: 0, rows: 0 };
  for (;;) {
    const built = buildBatch(ctx, key, acked, opts.maxSeals ?? DEFAULT_MAX_SEALS, opts.maxRows ?? DEFAULT_MAX_ROWS);
    if (!built) break;
    const r = await client.post<{ applied: boolean; message: string; lastSeal: number; lastMac: string; rows: number; seals: number }>('/sync/push', built.file);
    if (!r.ok || !r.data) throw new AppError('CONFLICT', `中心拒绝第${built.batch.fromSeal}至${built.batch.toSeal}批：${r.error?.message ?? `HTTP ${r.status}`}`);
    if (r.data.lastSeal < built.batch.toSeal) throw new AppError('CONFLICT', `中心确认到第${r.data.lastSeal}批，少于推送的第${built.batch.toSeal}批`);
    acked = r.data.lastSeal;
    ack(acked, r.data.lastMac);
    const rows = built.batch.rows.reduce((n, x) => n + x.length, 0);
    result.batches++;
    result.seals += r.data.seals;
    result.rows += r.data.rows;
    result.acknowledged = acked;
    result.local = lastLocalSeal(ctx);
    opts.onProgress?.({ fromSeal: built.batch.fromSeal, toSeal: built.batch.toSeal, rows, applied: r.data.applied, message: r.data.message, acknowledged: acked, local: result.local });
  }
  result.local = lastLocalSeal(ctx);
  return result;
}

/**
 * `gjj center outbox`: the center changes after N for one branch, signed with the center's key
 * (services/branch/downBatch.ts). Every branch gets the same list in the same order, with one hold: a transfer of
 * an employer TO this branch is released only after the old owner acknowledged it (its center_applied rows reached
 * the center), so the old owner has stopped debiting before the new owner starts. The batch then stops just before
 * the transfer and says why (`held`); nothing later is sent past it, so the branch never sees a gap.
 */
import { sql } from 'kysely';
import { AppError } from '../../shared/errors';
import { buildDownBatch, type CenterChange, type DownBatch } from '../branch/downBatch';
import { loadSigningKey } from '../branch/signing';
import { centerKeyFile, type CenterStore } from './store';

export async function buildOutbox(store: CenterStore, cdir: string, branch: string, after: number, now = new Date(), limit = Infinity): Promise<{ batch: DownBatch; file: string } | { batch: null; held: string | null }> {
  const known = await sql<{ code: string }>`SELECT code FROM center_branches WHERE code = ${branch}`.execute(store.db);
  if (!known.rows[0]) throw new AppError('NOT_FOUND', `网点${branch}未在本中心登记（先 gjj center register 其入网回执）`, 'branch');
  const key = loadSigningKey(centerKeyFile(cdir), false);
  if (key.publicKey !== store.config.publicKey) throw new AppError('CONFLICT', `中心签名密钥 ${key.file} 与 center.json 记载的公钥不符`);
  const r = await sql<{ seq: string; kind: CenterChange['kind']; origin_branch: string | null; payload: Record<string, unknown>; ack: string | null; moves: unknown }>`
    SELECT c.seq, c.kind, c.origin_branch, c.payload, a.seq AS ack, m.moves FROM center_changes c
      LEFT JOIN center_down_acks a ON c.kind = 'transfer' AND a.branch_code = c.payload->>'from'
      LEFT JOIN center_transfer_moves m ON c.kind = 'transfer' AND m.seq = c.seq AND m.branch_code = c.payload->>'from'
     WHERE c.seq > ${after} ORDER BY c.seq`.execute(store.db);
  const changes: CenterChange[] = [];
  let held: string | null = null;
  for (const x of r.rows) {
    if (changes.length >= limit) break; // the network pull takes the rest in the next request
    const seq = Number(x.seq);
    if (x.kind === 'transfer' && x.payload.to === branch && Number(x.ack ?? 0) < seq) {
      held = `中心第${seq}号变更（单位${String(x.payload.name)}（${String(x.payload.employerAccountNo)}）的账户归属由网点${String(x.payload.from)}转移到本网点）等待原归属网点${String(x.payload.from)}应用并回报，之后的变更暂不下发`;
      break;
    }
    // The new owner's copy of a released transfer carries the balances the old owner moved out (its acknowledgement).
    const payload = x.kind === 'transfer' && x.payload.to === branch ? { ...x.payload, moves: x.moves ?? [] } : x.payload;
    changes.push({ seq, kind: x.kind, origin: x.origin_branch, payload });
  }
  const built = buildDownBatch(key, { center: store.config.center, centerId: store.config.centerId, branch, createdAt: now.toISOString(), changes, held });
  return built ?? { batch: null, held };
}

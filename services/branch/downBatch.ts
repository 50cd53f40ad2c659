/**
 * The batch the center sends down to one branch (docs/branch-network.md §6): a contiguous run of center changes
 * (center sequence numbers), signed with the center's Ed25519 key. A pure function pair: `buildDownBatch` at the
 * center, `verifyDownBatch` at the branch (then services/branch/applyCenter.ts applies it). Any transport may carry
 * the signed text: a file today, the center service later.
 */
import { AppError } from '../../shared/errors';
import { readSigned, signText, verifyText, writeSigned, type SigningKey } from './signing';

export type CenterChangeKind = 'loan_rate' | 'deposit_rate' | 'penalty' | 'override' | 'notice' | 'operator' | 'employer' | 'member' | 'transfer';

export interface CenterChange {
  seq: number;
  kind: CenterChangeKind;
  /** The branch whose batch brought this register row to the center (null for center-authored changes). */
  origin: string | null;
  payload: Record<string, unknown>;
}

export interface DownBatch {
  kind: 'gjj-down';
  v: 1;
  center: string;
  centerId: string;
  branch: string;
  fromSeq: number;
  toSeq: number;
  createdAt: string;
  changes: CenterChange[];
  /** Why the batch stops before a later change (a transfer waiting for the old owner's acknowledgement). */
  held: string | null;
}

export function buildDownBatch(key: SigningKey, head: Omit<DownBatch, 'kind' | 'v' | 'fromSeq' | 'toSeq'>): { batch: DownBatch; file: string } | null {
  if (!head.changes.length) return null;
  const batch: DownBatch = { kind: 'gjj-down', v: 1, ...head, fromSeq: head.changes[0]!.seq, toSeq: head.changes[head.changes.length - 1]!.seq };
  return { batch, file: writeSigned(batch, key) };
}

const refuse = (m: string) => new AppError('CONFLICT', m);

/** Signature with the center key stored at `gjj sync join`, the right center and branch, contiguous sequence. */
export function verifyDownBatch(content: string, expect: { centerKey: string; centerId: string; branch: string }): DownBatch {
  const { body, text, sig } = readSigned<DownBatch>(content, '中心下发文件');
  if (body.kind !== 'gjj-down' || body.v !== 1) throw new AppError('BAD_INPUT', '中心下发文件格式不正确');
  if (!verifyText(expect.centerKey, text, sig)) throw refuse('中心下发文件的签名与入网时记录的中心公钥不符（文件被改动或不是本中心签发），未应用');
  if (body.centerId !== expect.centerId) throw refuse(`中心下发文件属于中心${body.centerId}，本网点加入的是${expect.centerId}，未应用`);
  if (body.branch !== expect.branch) throw refuse(`中心下发文件是发给网点${body.branch}的，本网点是${expect.branch}，未应用`);
  if (!Array.isArray(body.changes) || !body.changes.length) throw refuse('中心下发文件内容不完整，未应用');
  body.changes.forEach((c, i) => {
    if (c.seq !== body.fromSeq + i) throw refuse(`中心下发文件的变更编号不连续：第${i + 1}项应为${body.fromSeq + i}号，实为${c.seq}号，未应用`);
  });
  if (body.changes[body.changes.length - 1]!.seq !== body.toSeq) throw refuse('中心下发文件的变更编号与内容不符，未应用');
  return body;
}

/**
 * Fetching a down batch over the network (`GET /sync/down`): the batch carries the member register (names,
 * phones, birth dates), so the center sends it only to the branch itself — the request is signed with the branch's
 * Ed25519 key (the one registered at the center) over `gjj-down|branch|from|at`, and `at` must be within
 * DOWN_REQUEST_SKEW_MS of the center's clock.
 */
export const DOWN_REQUEST_SKEW_MS = 15 * 60_000;
const downRequestText = (branch: string, from: number, at: string) => `gjj-down|${branch}|${from}|${at}`;

export function downRequestPath(key: SigningKey, branch: string, from: number, limit: number, now = new Date()): string {
  const at = now.toISOString();
  const sig = signText(key, downRequestText(branch, from, at));
  return `/sync/down?${new URLSearchParams({ branch, from: String(from), limit: String(limit), at, sig }).toString()}`;
}

/** The center's check of a down request against the branch's registered key; throws FORBIDDEN. */
export function verifyDownRequest(params: URLSearchParams, branchKey: string, now = new Date()): { branch: string; from: number; limit: number } {
  const branch = params.get('branch') ?? '';
  const fromText = params.get('from') ?? '';
  const at = params.get('at') ?? '';
  const sig = params.get('sig') ?? '';
  if (!/^\d+$/.test(fromText)) throw new AppError('BAD_INPUT', '下发请求的起始编号（from）应为非负整数', 'from');
  const from = Number(fromText);
  if (!verifyText(branchKey, downRequestText(branch, from, at), sig)) throw new AppError('FORBIDDEN', `下发请求的签名与网点${branch}登记的公钥不符：拒绝下发`);
  const skew = Math.abs(now.getTime() - Date.parse(at));
  if (!(skew <= DOWN_REQUEST_SKEW_MS)) throw new AppError('FORBIDDEN', `下发请求的时间（${at}）与中心时钟相差超过${DOWN_REQUEST_SKEW_MS / 60_000}分钟：请校准网点主机的时钟`);
  const limitText = params.get('limit') ?? '';
  const limit = /^\d+$/.test(limitText) && Number(limitText) > 0 ? Number(limitText) : 2000;
  return { branch, from, limit };
}

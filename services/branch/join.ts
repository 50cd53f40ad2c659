/**
 * `gjj sync join`: an initialised data folder becomes a branch host of a center. It stores the branch code and the
 * center's identity and public key (meta), assigns its unassigned employers (registered here before the network)
 * to its own branch, creates the branch's Ed25519 signing key beside the integrity key, and returns the join record
 * the center registers (`gjj center register`).
 */
import { AppError } from '../../shared/errors';
import { audit } from '../audit/log';
import { nowIso, type Operator, type ServiceContext } from '../context';
import { hostBranch } from './ownership';
import { fingerprint, loadSigningKey, readSigned, verifyText, writeSigned } from './signing';

export interface Enrollment {
  kind: 'gjj-enrollment';
  v: 1;
  center: string;
  centerId: string;
  centerPublicKey: string;
  branch: string;
  branchName: string;
  issuedAt: string;
  /** Where the center serves (`gjj center serve`), and its certificate's SHA-256 fingerprint the branch pins. */
  centerUrl?: string;
  centerFingerprint?: string;
}

export interface JoinRecord {
  kind: 'gjj-join';
  v: 1;
  center: string;
  centerId: string;
  branch: string;
  branchPublicKey: string;
  joinedAt: string;
}

function meta(ctx: ServiceContext, key: string): string | null {
  return (ctx.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
}

export function readEnrollment(content: string): Enrollment {
  const { body, text, sig } = readSigned<Enrollment>(content, '入网文件');
  if (body.kind !== 'gjj-enrollment' || body.v !== 1) throw new AppError('BAD_INPUT', '入网文件格式不正确');
  if (!verifyText(body.centerPublicKey, text, sig)) throw new AppError('BAD_INPUT', '入网文件的签名不符（文件被改动）');
  return body;
}

export function joinNetwork(ctx: ServiceContext, by: Operator, enrollment: Enrollment, keyFile: string): { file: string; record: JoinRecord; fingerprint: string } {
  if (enrollment.center !== ctx.center.id) {
    throw new AppError('CONFLICT', `入网文件属于${enrollment.center}中心，本数据目录是${ctx.center.name}`);
  }
  if (!ctx.center.branches.some((b) => b.code === enrollment.branch)) throw new AppError('BAD_INPUT', `网点代码不存在：${enrollment.branch}`, 'branch');
  const current = hostBranch(ctx);
  const currentCenter = meta(ctx, 'network_center_id');
  if (current && (current !== enrollment.branch || currentCenter !== enrollment.centerId)) {
    throw new AppError('CONFLICT', `本数据目录已加入中心${currentCenter}，网点代码${current}；不能改为${enrollment.branch}`);
  }
  const key = loadSigningKey(keyFile, true);
  if (!current) {
    ctx.db.tx(() => {
      const put = ctx.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
      put.run('branch_code', enrollment.branch);
      put.run('network_center_id', enrollment.centerId);
      put.run('network_center_key', enrollment.centerPublicKey);
      put.run('branch_public_key', key.publicKey);
      if (enrollment.centerUrl && enrollment.centerFingerprint) {
        put.run('network_center_url', enrollment.centerUrl);
        put.run('network_center_fingerprint', enrollment.centerFingerprint);
      }
      const assigned = ctx.db.prepare(`UPDATE employers SET branch_code = ? WHERE branch_code = ''`).run(enrollment.branch).changes;
      audit(ctx, { operator: by, action: 'sync.join', recordType: 'branch', recordId: enrollment.branch, detail: { centerId: enrollment.centerId, key: fingerprint(key.publicKey), employersAssigned: assigned } });
    });
  }
  else if (enrollment.centerUrl && enrollment.centerFingerprint && (meta(ctx, 'network_center_url') !== enrollment.centerUrl || meta(ctx, 'network_center_fingerprint') !== enrollment.centerFingerprint)) {
    // The same center at a new address or with a new certificate: a new enrollment file from the center says so.
    ctx.db.tx(() => {
      const put = ctx.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
      put.run('network_center_url', enrollment.centerUrl!);
      put.run('network_center_fingerprint', enrollment.centerFingerprint!);
      audit(ctx, { operator: by, action: 'sync.center', recordType: 'branch', recordId: enrollment.branch, detail: { url: enrollment.centerUrl, fingerprint: enrollment.centerFingerprint } });
    });
  }
  const record: JoinRecord = { kind: 'gjj-join', v: 1, center: ctx.center.id, centerId: enrollment.centerId, branch: enrollment.branch, branchPublicKey: key.publicKey, joinedAt: nowIso(ctx) };
  return { file: writeSigned(record, key), record, fingerprint: fingerprint(key.publicKey) };
}

/** The center's address and pinned certificate fingerprint, when the enrollment named them. */
export function centerEndpoint(ctx: ServiceContext): { url: string; fingerprint: string } | null {
  const url = meta(ctx, 'network_center_url');
  const fp = meta(ctx, 'network_center_fingerprint');
  return url && fp ? { url, fingerprint: fp } : null;
}

export function networkOf(ctx: ServiceContext): { branch: string; centerId: string } {
  const branch = hostBranch(ctx);
  const centerId = meta(ctx, 'network_center_id');
  if (!branch || !centerId) throw new AppError('NOT_FOUND', '本数据目录尚未加入中心：请先运行 gjj sync join --enrollment 入网文件');
  return { branch, centerId };
}

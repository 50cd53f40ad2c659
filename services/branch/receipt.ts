/**
 * The join receipt again (the 中心同步 page's 入网回执): the same signed record `gjj sync join` writes, rebuilt from
 * what the folder stored at joining (meta) and the branch key beside the folder, so the administrator can send it
 * once more and read the fingerprint over the phone.
 */
import { AppError } from '../../shared/errors';
import { nowIso, type ServiceContext } from '../context';
import type { JoinRecord } from './join';
import { networkOf } from './join';
import { fingerprint, loadSigningKey, signingKeyFile, writeSigned } from './signing';

export function joinReceipt(ctx: ServiceContext, dataDir: string): { file: string; record: JoinRecord; fingerprint: string } {
  const net = networkOf(ctx);
  const key = loadSigningKey(signingKeyFile(dataDir), false);
  const stored = (ctx.db.prepare(`SELECT value FROM meta WHERE key = 'branch_public_key'`).get() as { value: string } | undefined)?.value;
  if (stored !== key.publicKey) throw new AppError('CONFLICT', `网点签名密钥 ${key.file} 与入网时记录的公钥不符：不能出具入网回执`);
  const record: JoinRecord = { kind: 'gjj-join', v: 1, center: ctx.center.id, centerId: net.centerId, branch: net.branch, branchPublicKey: key.publicKey, joinedAt: nowIso(ctx) };
  return { file: writeSigned(record, key), record, fingerprint: fingerprint(key.publicKey) };
}

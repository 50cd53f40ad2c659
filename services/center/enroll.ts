/**
 * Setting up a center and enrolling its branches:
 *  - `gjj center init`: CDIR, the center's Ed25519 key (beside CDIR), the database and its migrations;
 *  - `gjj center enroll`: the file a branch needs to join (center, center id, center public key, branch code), signed;
 *  - `gjj center register`: the branch's join record (its public key) is registered; from then on only batches
 *    signed with that key are accepted from that branch code.
 * Trust is established out of band: both sides print the key fingerprints, to be compared over the phone.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { centerConfig, CENTER_IDS, type CenterId } from '../../shared/centers';
import { AppError } from '../../shared/errors';
import type { Enrollment, JoinRecord } from '../branch/join';
import { fingerprint, loadSigningKey, readSigned, verifyText, writeSigned } from '../branch/signing';
import { CENTER_FILE, centerKeyFile, newEmbeddedLogin, openCenterStore, readCenterFile, writeCenterFile, type CenterStore } from './store';

export async function initCenterData(cdir: string, center: string, now: Date = new Date()): Promise<{ centerId: string; fingerprint: string; where: string }> {
  if (!CENTER_IDS.includes(center as CenterId)) throw new AppError('BAD_INPUT', `公积金中心须为 ${CENTER_IDS.join(' 或 ')}`, 'center');
  if (existsSync(join(cdir, CENTER_FILE))) {
    const c = readCenterFile(cdir);
    if (c.center !== center) throw new AppError('CONFLICT', `中心数据目录已初始化为${c.center}，不能改为${center}`, 'center');
  } else {
    const key = loadSigningKey(centerKeyFile(cdir), true);
    writeCenterFile(cdir, {
      kind: 'gjj-center',
      v: 1,
      center,
      centerId: `${center}-${randomBytes(6).toString('hex')}`,
      publicKey: key.publicKey,
      createdAt: now.toISOString(),
      embedded: newEmbeddedLogin(),
    });
  }
  const store = await openCenterStore(cdir);
  try {
    const c = store.config;
    await sql`INSERT INTO center_meta (key, value) VALUES ('center', ${c.center}), ('center_id', ${c.centerId}) ON CONFLICT (key) DO NOTHING`.execute(store.db);
    const stored = await sql<{ value: string }>`SELECT value FROM center_meta WHERE key = 'center_id'`.execute(store.db);
    if (stored.rows[0]?.value !== c.centerId) {
      throw new AppError('CONFLICT', `数据库属于另一个中心（${stored.rows[0]?.value}），与${CENTER_FILE}记载的${c.centerId}不符`);
    }
    return { centerId: c.centerId, fingerprint: fingerprint(c.publicKey), where: store.where };
  } finally {
    await store.close();
  }
}

export function enrollmentFile(cdir: string, branch: string, now: Date = new Date(), endpoint?: { url: string; fingerprint: string }): { file: string; enrollment: Enrollment } {
  const c = readCenterFile(cdir);
  const b = centerConfig(c.center as CenterId).branches.find((x) => x.code === branch);
  if (!b) throw new AppError('BAD_INPUT', `网点代码不存在：${branch}（${centerConfig(c.center as CenterId).branches.map((x) => x.code).join('、')}）`, 'branch');
  const key = loadSigningKey(centerKeyFile(cdir), false);
  if (key.publicKey !== c.publicKey) throw new AppError('CONFLICT', `中心签名密钥 ${key.file} 与 ${CENTER_FILE} 记载的公钥不符`);
  const enrollment: Enrollment = { kind: 'gjj-enrollment', v: 1, center: c.center, centerId: c.centerId, centerPublicKey: c.publicKey, branch, branchName: b.name, issuedAt: now.toISOString() };
  if (endpoint) Object.assign(enrollment, { centerUrl: endpoint.url, centerFingerprint: endpoint.fingerprint });
  return { file: writeSigned(enrollment, key), enrollment };
}

export async function registerBranch(store: CenterStore, content: string): Promise<{ branch: string; fingerprint: string; already: boolean }> {
  const { body, text, sig } = readSigned<JoinRecord>(content, '入网回执');
  if (body.kind !== 'gjj-join' || body.v !== 1) throw new AppError('BAD_INPUT', '入网回执格式不正确');
  if (!verifyText(body.branchPublicKey, text, sig)) throw new AppError('BAD_INPUT', '入网回执的签名不符（文件被改动）');
  if (body.centerId !== store.config.centerId) throw new AppError('CONFLICT', `入网回执属于中心${body.centerId}，不是本中心${store.config.centerId}`);
  const name = centerConfig(store.config.center as CenterId).branches.find((b) => b.code === body.branch)?.name;
  if (!name) throw new AppError('BAD_INPUT', `网点代码不存在：${body.branch}`);
  const existing = await sql<{ public_key: string }>`SELECT public_key FROM center_branches WHERE code = ${body.branch}`.execute(store.db);
  if (existing.rows[0]) {
    if (existing.rows[0].public_key !== body.branchPublicKey) {
      throw new AppError('CONFLICT', `网点${body.branch}已用另一把密钥（${fingerprint(existing.rows[0].public_key)}）登记，不能替换`);
    }
    return { branch: body.branch, fingerprint: fingerprint(body.branchPublicKey), already: true };
  }
  await sql`INSERT INTO center_branches (code, name, public_key) VALUES (${body.branch}, ${name}, ${body.branchPublicKey})`.execute(store.db);
  return { branch: body.branch, fingerprint: fingerprint(body.branchPublicKey), already: false };
}

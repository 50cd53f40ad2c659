/**
 * The 中心同步 page's file steps through the real dispatcher: sync.join (an enrollment file's content), sync.receipt
 * (the join receipt and fingerprint again), sync.exportFile (the unsent batches as a signed file), sync.applyFile (a
 * center down file). Administrators only; a damaged file writes nothing.
 */
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Batch } from '../branch/batch';
import { buildDownBatch } from '../branch/downBatch';
import type { Enrollment, JoinRecord } from '../branch/join';
import { loadSigningKey, readSigned, verifyText, writeSigned, type SigningKey } from '../branch/signing';
import { harness, type Harness } from '../testing/harness';

let h: Harness;
let center: SigningKey;
let enrollment: string;

beforeEach(() => {
  h = harness('urumqi', '2026-07-01T02:00:00Z');
  center = loadSigningKey(`${h.dir}.center.pem`, true);
  const e: Enrollment = { kind: 'gjj-enrollment', v: 1, center: 'urumqi', centerId: 'urumqi-files', centerPublicKey: center.publicKey, branch: 'WQ02', branchName: '米东区管理部', issuedAt: '2026-07-01T02:00:00Z' };
  enrollment = writeSigned(e, center);
});

afterEach(() => {
  h.close();
  rmSync(`${h.dir}.center.pem`, { force: true });
  rmSync(`${h.dir}.sign.pem`, { force: true });
});

const meta = (key: string) => (h.app.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;

function downFile(seq: number, title: string, key = center): string {
  return buildDownBatch(key, {
    center: 'urumqi',
    centerId: 'urumqi-files',
    branch: 'WQ02',
    createdAt: '2026-07-01T03:00:00Z',
    held: null,
    changes: [{ seq, kind: 'notice', origin: null, payload: { kind: '公告', title, body: '中心下发的公告。' } }],
  })!.file;
}

describe('sync.join / sync.receipt', () => {
  it('joins with the enrollment file content and returns the receipt and the fingerprint to read over the phone', () => {
    expect(h.fail('sync.join', { enrollment, idempotencyKey: h.key() }, 'clerk').code).toBe('FORBIDDEN');
    const r = h.call('sync.join', { enrollment, idempotencyKey: h.key() }, 'admin');
    expect(r).toMatchObject({ branch: 'WQ02', branchName: '米东区管理部', centerId: 'urumqi-files', fileName: 'WQ02-入网回执.join' });
    expect(r.fingerprint).toMatch(/^[0-9A-F]{16}$/);
    const { body, text, sig } = readSigned<JoinRecord>(r.receipt, '入网回执');
    expect(body).toMatchObject({ kind: 'gjj-join', branch: 'WQ02', centerId: 'urumqi-files' });
    expect(verifyText(body.branchPublicKey, text, sig)).toBe(true);
    expect(meta('branch_code')).toBe('WQ02');
    expect(h.call('sync.status', {}, 'admin')).toMatchObject({ joined: true, branch: 'WQ02', branchKeyFingerprint: r.fingerprint, down: { lastApplied: 0, stopped: false } });
    const again = h.call('sync.receipt', {}, 'admin');
    expect(again.fingerprint).toBe(r.fingerprint);
    expect(readSigned<JoinRecord>(again.receipt, '入网回执').body.branchPublicKey).toBe(body.branchPublicKey);
  });

  it('on a 网点主机, joining with an enrollment that names the center starts the background sync', async () => {
    h.app.host = { mode: '网点主机', fingerprint: '', listen: '127.0.0.1:0', names: [], startedAt: '2026-07-01T02:00:00Z' };
    const e: Enrollment = { ...readSigned<Enrollment>(enrollment, '入网文件').body, centerUrl: 'https://127.0.0.1:9', centerFingerprint: 'AA:BB' };
    h.call('sync.join', { enrollment: writeSigned(e, center), idempotencyKey: h.key() }, 'admin');
    expect(h.app.sync).toBeUndefined(); // started after the call's transaction, not inside it
    await new Promise((r) => setImmediate(r));
    try {
      expect(h.app.sync).toBeDefined();
      expect(h.call('sync.status', {}, 'admin')).toMatchObject({ joined: true, running: true, centerUrl: 'https://127.0.0.1:9' });
    } finally {
      h.app.sync?.stop();
    }
  });

  it('a damaged enrollment file is refused and nothing is written', () => {
    const bad = enrollment.replace('WQ02', 'WQ03');
    const e = h.fail('sync.join', { enrollment: bad, idempotencyKey: h.key() }, 'admin');
    expect(e).toMatchObject({ code: 'BAD_INPUT', message: '入网文件的签名不符（文件被改动）' });
    expect(h.fail('sync.join', { enrollment: '', idempotencyKey: h.key() }, 'admin').message).toMatch(/入网文件/);
    expect(meta('branch_code')).toBeNull();
    expect(h.fail('sync.receipt', {}, 'admin').message).toMatch(/尚未加入中心/);
  });
});

describe('sync.exportFile / sync.applyFile', () => {
  beforeEach(() => {
    h.call('sync.join', { enrollment, idempotencyKey: h.key() }, 'admin');
  });

  it('exports the unsent batches as a file signed by the branch key, then nothing new; fromSeal exports again', () => {
    const r = h.call('sync.exportFile', {}, 'admin');
    expect(r).toMatchObject({ written: true, branch: 'WQ02', fromSeal: 1, afterSeal: 0 });
    const { body, text, sig } = readSigned<Batch>(r.file!, '批次文件');
    expect(body).toMatchObject({ kind: 'gjj-batch', branch: 'WQ02', fromSeal: 1, toSeal: r.toSeal });
    expect(verifyText(meta('branch_public_key')!, text, sig)).toBe(true);
    expect(r.fileName).toBe(`WQ02-批次-1-${r.toSeal}.batch`);
    expect(h.call('sync.exportFile', {}, 'admin')).toMatchObject({ written: false, file: null, afterSeal: r.toSeal });
    expect(h.call('sync.exportFile', { fromSeal: 0 }, 'admin')).toMatchObject({ written: true, fromSeal: 1 });
    expect(h.fail('sync.exportFile', {}, 'clerk').code).toBe('FORBIDDEN');
  });

  it('applies a center down file once; a forged or out-of-order file is refused with nothing applied', () => {
    const forged = downFile(1, '伪造的公告', loadSigningKey(`${h.dir}.center2.pem`, true));
    rmSync(`${h.dir}.center2.pem`, { force: true });
    expect(h.fail('sync.applyFile', { content: forged, idempotencyKey: h.key() }, 'admin')).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/签名与入网时记录的中心公钥不符/) });
    expect(h.fail('sync.applyFile', { content: downFile(2, '第二号公告'), idempotencyKey: h.key() }, 'admin').message).toMatch(/^缺少中心第1至1号变更/);
    const count = () => (h.app.db.prepare('SELECT COUNT(*) AS n FROM center_applied').get() as { n: number }).n;
    expect(count()).toBe(0);
    const file = downFile(1, '中心第一号公告');
    const r = h.call('sync.applyFile', { content: file, idempotencyKey: h.key() }, 'admin');
    expect(r).toMatchObject({ applied: true, fromSeq: 1, toSeq: 1, changes: 1 });
    expect(h.call('notices.list', {}).filter((n) => n.title === '中心第一号公告')).toHaveLength(1);
    expect(h.call('sync.applyFile', { content: file, idempotencyKey: h.key() }, 'admin')).toMatchObject({ applied: false, message: expect.stringMatching(/^没有新内容/) });
    expect(count()).toBe(1);
    expect(h.call('sync.status', {}, 'admin').down.lastApplied).toBe(1);
    expect(h.fail('sync.applyFile', { content: file, idempotencyKey: h.key() }, 'clerk').code).toBe('FORBIDDEN');
  });
});

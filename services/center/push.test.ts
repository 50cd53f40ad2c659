/**
 * Branch → center online, with REAL processes on loopback: `gjj center serve` (embedded PostgreSQL) and `gjj serve`
 * (the branch host, SQLite) as child processes. (a) postings reach the center within seconds and `gjj center check`
 * passes; (b) kill -9 of the center while the branch keeps posting: the branch serves, sync.status shows the error
 * and the next retry, and after a restart it catches up exactly once; (c) kill -9 of the center in the middle of a
 * large push (`gjj sync push`), restart, pushed again, applied once; (e) a center presenting another certificate:
 * nothing is sent, and both the worker and `gjj sync push` say why; (d) the same batches also delivered by file:
 * "没有新内容", nothing doubled, center check passes with the center's entry count equal to the branch's.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttps } from 'node:https';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { makeIdNumber } from '../../shared/idcard';
import type { SyncStatusDto } from '../../shared/contract/sync';
import { generateDemo } from '../demo/generate';
import { openAppState } from '../api/state';
import { dbPath } from '../app/open';
import { SYSTEM_OPERATOR } from '../context';
import { harness, newEmployer, newMember } from '../testing/harness';
import { joinAsBranch } from '../testing/branchFixture';
import { enrollmentFile, initCenterData, registerBranch } from './enroll';
import { centerCertificate } from './http';
import { openCenterStore } from './store';
import { ensureHostCertificate } from '../http/tls';
import { freePort, gjj, kill9, startGjj as start, stop, stopOrphanPostgres, until, waitFor, type Proc } from '../testing/simProcesses';

const PASSWORD = 'Counter2026';
let root: string;
let cdir: string;
let bdir: string;
let centerPort = 0;
let center: Proc | null = null;
let host: Proc | null = null;
let hostPort = 0;
let employers: number[] = [];
const months: string[] = [];
let nextMonth = 0;
const tokens: Record<string, string> = {};

async function startCenter(): Promise<void> {
  center = start(['center', 'serve', '--data', cdir, '--listen', `127.0.0.1:${centerPort}`]);
  await waitFor(center, /中心已启动：https:\/\/127\.0\.0\.1:\d+/);
}

async function startHost(): Promise<void> {
  host = start(['serve', '--data', bdir, '--listen', '127.0.0.1:0'], { GJJ_SYNC_MAX_BACKOFF_MS: '3000', GJJ_SYNC_POLL_MS: '300' });
  hostPort = Number((await waitFor(host, /网点主机已启动：https:\/\/127\.0\.0\.1:(\d+)/))[1]);
  for (const login of ['clerk', 'admin']) tokens[login] = (await call<{ token: string }>('session.login', { login, password: PASSWORD }, null)).token;
}

function callRaw(name: string, input: unknown, as: string | null): Promise<{ ok: boolean; data?: any; error?: { code: string; message: string } }> {
  const body = JSON.stringify({ call: name, input });
  return new Promise((ok, fail) => {
    const req = request(
      { host: '127.0.0.1', port: hostPort, path: '/api/call', method: 'POST', rejectUnauthorized: false, agent: false, headers: { 'Content-Type': 'application/json', Host: `127.0.0.1:${hostPort}`, ...(as ? { Authorization: `Bearer ${tokens[as]}` } : {}) } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => ok(JSON.parse(text)));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

async function call<T>(name: string, input: unknown, as: string | null = 'clerk'): Promise<T> {
  const r = await callRaw(name, input, as);
  if (!r.ok) throw new Error(`${name}: ${r.error?.code} ${r.error?.message}`);
  return r.data as T;
}

let keyN = 0;
/** One 汇缴 per employer for the next month: `n` postings. */
async function post(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const slot = nextMonth++;
    const employerId = employers[slot % employers.length]!;
    const month = months[Math.floor(slot / employers.length)]!;
    await call('remit.post', { employerId, month, idempotencyKey: `push-test-${++keyN}` });
  }
}

const status = () => call<SyncStatusDto>('sync.status', {}, 'admin');
const branchEntries = () => {
  const db = new Database(dbPath(bdir), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM journal_entries').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

/** `gjj center check` with the center stopped (the embedded server belongs to one process at a time). */
async function centerCheck(): Promise<{ ok: boolean; entries: number; text: string }> {
  await stop(center);
  const r = gjj('center', 'check', '--data', cdir, '--json');
  const j = JSON.parse(r.stdout) as { ok: boolean; problems: string[]; branches: Array<{ code: string; entries: number }> };
  return { ok: r.status === 0 && j.ok, entries: j.branches.find((b) => b.code === 'WQ01')?.entries ?? -1, text: r.stdout + r.stderr };
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'gjj-push-test-'));
  chmodSync(root, 0o711);
  cdir = join(root, 'center');
  await initCenterData(cdir, 'urumqi');
  centerPort = await freePort();
  const cert = await centerCertificate(cdir, ['127.0.0.1']);
  const h = harness('urumqi', '2025-07-01T02:00:00Z');
  bdir = h.dir;
  const b = joinAsBranch(h, 'WQ01', enrollmentFile(cdir, 'WQ01', new Date(), { url: `https://127.0.0.1:${centerPort}`, fingerprint: cert.fingerprint }).file);
  let seq = 300;
  for (let i = 0; i < 4; i++) {
    const e = newEmployer(b, { district: '天山区', employeeRatioPercent: '8', employerRatioPercent: '8' });
    for (let k = 0; k < 3; k++) newMember(b, e.id, { idNumber: makeIdNumber('650102', '19900615', ++seq), baseFen: 620_000, openedDate: '2025-07-01' });
    employers.push(e.id);
  }
  for (let m = 7; m <= 12; m++) months.push(`2025-${String(m).padStart(2, '0')}`);
  for (let m = 1; m <= 10; m++) months.push(`2026-${String(m).padStart(2, '0')}`);
  const store = await openCenterStore(cdir);
  try {
    await registerBranch(store, b.joinFile);
  } finally {
    await store.close();
  }
  h.app.db.close();
  await startCenter();
  await startHost();
}, 180_000);

afterAll(async () => {
  await stop(host);
  await stop(center);
  await stopOrphanPostgres(cdir);
  if (root) rmSync(root, { recursive: true, force: true });
  if (bdir) {
    rmSync(bdir, { recursive: true, force: true });
    rmSync(`${bdir}.key`, { force: true });
    rmSync(`${bdir}.sign.pem`, { force: true });
  }
}, 60_000);

const caughtUp = async () => {
  const s = await status();
  return s.lastError === null && s.pendingSeals === 0 && s.lastAcknowledged === s.lastSealLocal && s.lastAcknowledged > 0 ? s : null;
};

describe('branch → center over HTTPS (real processes)', () => {
  it('(a) postings at the branch reach the center within a few seconds', async () => {
    const s0 = await status();
    expect(s0).toMatchObject({ joined: true, branch: 'WQ01', centerUrl: `https://127.0.0.1:${centerPort}`, running: true });
    await post(4);
    const t0 = Date.now();
    const s = await until('caught up', caughtUp, 20_000);
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(s.lastSuccessAt).not.toBeNull();
    // The embedded server belongs to the serving process: another `gjj center` command goes through its admin route.
    const live = gjj('center', 'check', '--data', cdir);
    expect(live.stderr).toBe('');
    expect(live.stdout).toMatch(/中心账务核对通过/);
    expect(live.status).toBe(0);
  }, 60_000);

  it('(b) center down: the branch keeps serving, sync.status shows the error and next retry; after restart it catches up once', async () => {
    await kill9(center);
    await post(6); // the branch serves on
    const down = await until('error shown', async () => {
      const s = await status();
      return s.lastError && s.nextRetryAt ? s : null;
    });
    expect(down.lastError).toMatch(/无法连接中心 127\.0\.0\.1:\d+：中心拒绝连接/);
    expect(down.pendingSeals).toBeGreaterThan(0);
    expect(Date.parse(down.nextRetryAt!)).toBeGreaterThan(Date.parse(down.lastAttemptAt!));
    await post(2);
    await startCenter();
    await until('caught up after restart', caughtUp, 30_000);
  }, 120_000);

  it('(c) kill -9 of the center in the middle of a large push: pushed again after restart, applied once', async () => {
    await stop(host);
    const app = openAppState(bdir);
    try {
      generateDemo(app.ctx!, SYSTEM_OPERATOR, { members: 300, months: 4, perEmployer: 30, seed: 7 });
    } finally {
      app.db.close();
    }
    const push = start(['sync', 'push', '--data', bdir, '--max-seals', '100000']);
    await waitFor(center!, /收到网点WQ01的批次/, 60_000);
    await kill9(center);
    await new Promise<void>((ok) => (push.child.exitCode !== null ? ok() : push.child.once('exit', () => ok())));
    expect(push.child.exitCode).not.toBe(0);
    expect(push.out()).toMatch(/中心 127\.0\.0\.1:\d+ 没有回答|无法连接中心/);
    await startCenter();
    const again = gjj('sync', 'push', '--data', bdir, '--max-seals', '50');
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/中心已确认到第\d+批（本网点共\d+批）/);
    await startHost();
    await until('caught up', caughtUp, 20_000);
  }, 180_000);

  it('(e) a center presenting another certificate: the branch refuses to push and says so', async () => {
    await stop(center);
    const fake = await ensureHostCertificate(join(root), ['127.0.0.1']);
    let requests = 0;
    const impostor = createHttps({ cert: fake.cert, key: fake.key }, (_req, res) => {
      requests++;
      res.end('{}');
    });
    await new Promise<void>((ok) => impostor.listen(centerPort, '127.0.0.1', () => ok()));
    try {
      await post(1);
      const s = await call<SyncStatusDto>('sync.pushNow', {}, 'admin');
      expect(s.lastError).toMatch(/^中心 127\.0\.0\.1:\d+ 出示的证书与入网文件确认的不一致.*可能被冒充：拒绝推送/);
      expect(s.pendingSeals).toBe(1);
      // Asynchronously: the impostor answers from this process's event loop.
      const cli = start(['sync', 'push', '--data', bdir]);
      const code = await new Promise<number | null>((ok) => cli.child.once('exit', (c) => ok(c)));
      expect(code).not.toBe(0);
      expect(cli.out()).toMatch(/出示的证书与入网文件确认的不一致/);
      expect(requests).toBe(0);
    } finally {
      await new Promise<void>((ok) => impostor.close(() => ok()));
    }
    await startCenter();
    await call('sync.pushNow', {}, 'admin');
    await until('caught up', caughtUp, 20_000);
  }, 120_000);

  it('(d) the same batches also delivered by file: 没有新内容, nothing doubled; center check passes, entries equal', async () => {
    await stop(host);
    const file = join(root, 'again.batch');
    const ex = gjj('sync', 'export', '--data', bdir, '--out', file, '--from', '1');
    expect(ex.status).toBe(0);
    await stop(center);
    const im = gjj('center', 'import', '--data', cdir, file);
    expect(im.status).toBe(0);
    expect(im.stdout).toMatch(/^没有新内容/);
    const check = await centerCheck();
    expect(check.text).toContain('"ok": true');
    expect(check.ok).toBe(true);
    expect(check.entries).toBe(branchEntries());
    expect(check.entries).toBeGreaterThan(20);
  }, 120_000);
});

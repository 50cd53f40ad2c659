/**
 * Center → branch over the network, and the administrator's routes on the running center, with REAL processes on
 * loopback: `gjj center serve` (embedded PostgreSQL) and two branch hosts `gjj serve` (WQ01, WQ02), later a third
 * (WQ03). (a) `gjj center publish` while the center serves (through its admin route) reaches both running hosts
 * without any file, applied once; (b) a member opened at WQ01 appears at WQ02 by the network (push up, register,
 * pull down); (c) `gjj center transfer` while the center serves reaches both hosts in the order of §7 (the old owner
 * applies and acknowledges before the new owner receives it); (d) `gjj center check / register / outbox` work while
 * the center serves, and the admin and down routes refuse callers without the token / the branch's signature; (e) a
 * down batch WQ03 cannot apply (an account number both folders issued before joining) stops its down direction with
 * the reason, while its push goes on.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { SyncStatusDto } from '../../shared/contract/sync';
import { dbPath } from '../app/open';
import { makeIdNumber } from '../../shared/idcard';
import { makeUscc } from '../../shared/uscc';
import { branchHost, joinAsBranch, type BranchHost } from '../testing/branchFixture';
import { harness, newEmployer } from '../testing/harness';
import { enrollmentFile, initCenterData, registerBranch } from './enroll';
import { centerCertificate } from './http';
import { openCenterStore } from './store';
import { freePort, gjj, startGjj as start, stop, stopOrphanPostgres, until, waitFor, type Proc } from '../testing/simProcesses';

const PASSWORD = 'Counter2026';
let root: string;
let cdir: string;
let centerPort = 0;
let center: Proc | null = null;
const folders: Record<string, BranchHost> = {};
const hosts: Record<string, Host> = {};
let preJoinEmployerNo = '';
let networkEmployerNo = '';

interface Host extends Proc {
  port: number;
  tokens: Record<string, string>;
}

function https(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; json: any }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, rejectUnauthorized: false, agent: false, headers: { Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => ok({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

async function call<T>(branch: string, name: string, input: unknown, as: string | null = 'clerk'): Promise<T> {
  const h = hosts[branch]!;
  const r = await https(h.port, 'POST', '/api/call', { 'Content-Type': 'application/json', ...(as ? { Authorization: `Bearer ${h.tokens[as]}` } : {}) }, JSON.stringify({ call: name, input }));
  if (!r.json.ok) throw new Error(`${branch} ${name}: ${r.json.error?.code} ${r.json.error?.message}`);
  return r.json.data as T;
}

async function startHost(branch: string): Promise<void> {
  const p = start(['serve', '--data', folders[branch]!.dir, '--listen', '127.0.0.1:0'], { GJJ_SYNC_MAX_BACKOFF_MS: '2000', GJJ_SYNC_POLL_MS: '300', GJJ_SYNC_DOWN_POLL_MS: '500' });
  const port = Number((await waitFor(p, /网点主机已启动：https:\/\/127\.0\.0\.1:(\d+)/))[1]);
  hosts[branch] = { ...p, port, tokens: {} };
  for (const login of ['clerk', 'admin']) hosts[branch]!.tokens[login] = (await call<{ token: string }>(branch, 'session.login', { login, password: PASSWORD }, null)).token;
}

const status = (branch: string) => call<SyncStatusDto>(branch, 'sync.status', {}, 'admin');

function query<T>(branch: string, text: string, ...args: unknown[]): T[] {
  const db = new Database(dbPath(folders[branch]!.dir), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(text).all(...args) as T[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'gjj-net-test-'));
  chmodSync(root, 0o711);
  cdir = join(root, 'center');
  await initCenterData(cdir, 'urumqi');
  centerPort = await freePort();
  const cert = await centerCertificate(cdir, ['127.0.0.1']);
  const enroll = (code: string) => enrollmentFile(cdir, code, new Date(), { url: `https://127.0.0.1:${centerPort}`, fingerprint: cert.fingerprint }).file;
  // WQ01 and WQ03 each registered an employer before joining: the same account number, two different employers.
  const first = harness('urumqi', '2025-07-01T02:00:00Z');
  preJoinEmployerNo = newEmployer(first, { district: '天山区' }).accountNo;
  const third = harness('urumqi', '2025-07-01T02:00:00Z');
  expect(newEmployer(third, { district: '天山区', name: '另一家测试有限公司' }).accountNo).toBe(preJoinEmployerNo);
  folders.WQ01 = joinAsBranch(first, 'WQ01', enroll('WQ01'));
  folders.WQ02 = branchHost('WQ02', enroll('WQ02'));
  folders.WQ03 = joinAsBranch(third, 'WQ03', enroll('WQ03'));
  const store = await openCenterStore(cdir);
  try {
    for (const b of ['WQ01', 'WQ02']) await registerBranch(store, folders[b]!.joinFile);
  } finally {
    await store.close();
  }
  for (const f of Object.values(folders)) f.app.db.close();
  center = start(['center', 'serve', '--data', cdir, '--listen', `127.0.0.1:${centerPort}`]);
  await waitFor(center, /中心已启动：https:\/\/127\.0\.0\.1:\d+/);
  await startHost('WQ01');
  await startHost('WQ02');
}, 240_000);

afterAll(async () => {
  for (const h of Object.values(hosts)) await stop(h);
  await stop(center);
  await stopOrphanPostgres(cdir);
  if (root) rmSync(root, { recursive: true, force: true });
  for (const f of Object.values(folders)) {
    rmSync(f.dir, { recursive: true, force: true });
    rmSync(`${f.dir}.key`, { force: true });
    rmSync(`${f.dir}.sign.pem`, { force: true });
  }
}, 60_000);

describe('center → branch over HTTPS, admin routes on the running center (real processes)', () => {
  it('(a) a `gjj center publish` while the center serves reaches both running branch hosts, no file, applied once', async () => {
    const changes = join(root, 'changes.json');
    writeFileSync(
      changes,
      JSON.stringify([
        { kind: 'loan_rate', effectiveFrom: '2099-03-01', firstUpTo5y: '2.05', firstOver5y: '2.55', secondUpTo5y: '2.475', secondOver5y: '3.025', source: '中心2099年第1号文' },
        { kind: 'notice', noticeKind: '公告', title: '网络下发测试公告', body: '自2099年3月1日起执行。' },
      ]),
    );
    const pub = gjj('center', 'publish', '--data', cdir, changes, '--json');
    expect(pub.stderr).toBe('');
    expect(pub.status).toBe(0);
    const seqs = (JSON.parse(pub.stdout) as { seqs: number[] }).seqs;
    expect(seqs).toHaveLength(2);
    for (const b of ['WQ01', 'WQ02']) {
      const s = await until(`${b} applied`, async () => {
        const x = await status(b);
        // lastApplied is read from the ledger; lastError is set when the poll returns: wait for both.
        return x.down.lastApplied >= seqs[1]! && x.down.lastSuccessAt !== null && x.down.lastError === null ? x : null;
      });
      expect(s.down).toMatchObject({ lastError: null, stopped: false });
      const notices = await call<Array<{ title: string }>>(b, 'notices.list', {});
      expect(notices.filter((n) => n.title === '网络下发测试公告')).toHaveLength(1);
    }
    // A few more polls later: still once (the pull asks from the highest applied seq; center_applied is the key).
    const seen = (await status('WQ01')).down.lastSuccessAt;
    await until('two more polls', async () => ((await status('WQ01')).down.lastSuccessAt !== seen ? true : null));
    await until('another poll', async () => ((await status('WQ02')).down.lastSuccessAt !== seen ? true : null));
    for (const b of ['WQ01', 'WQ02']) {
      expect(query<{ n: number }>(b, `SELECT COUNT(*) AS n FROM loan_rates WHERE effective_from = '2099-03-01'`)[0]!.n).toBe(1);
      expect(query<{ n: number }>(b, `SELECT COUNT(*) AS n FROM notices WHERE title = '网络下发测试公告'`)[0]!.n).toBe(1);
      expect(query<{ seq: number }>(b, `SELECT seq FROM center_applied WHERE seq IN (?, ?) ORDER BY seq`, ...seqs).map((r) => r.seq)).toEqual(seqs);
    }
    expect(center!.out()).toMatch(/管理：发布中心变更/);
  }, 120_000);

  it('(b) a member opened at WQ01 appears at WQ02 by the network', async () => {
    const e = await call<{ id: number; accountNo: string }>('WQ01', 'employers.create', {
      name: '网络测试有限公司', uscc: makeUscc('91650100MA7900001'), district: '天山区', employeeRatioPercent: '8', employerRatioPercent: '8',
      contactName: '王会计', contactPhone: '0991-5012345', openedDate: '2025-07-01', idempotencyKey: 'net-test-employer-1',
    });
    const m = await call<{ id: number; accountNo: string }>('WQ01', 'members.open', {
      name: '古丽', idNumber: makeIdNumber('650102', '19920304', 77), phone: '13899001234', employerId: e.id, baseFen: 600_000, openedDate: '2025-07-01', idempotencyKey: 'net-test-member-1',
    });
    const row = await until('member at WQ02', async () => query<{ id_number: string; branch_code: string }>('WQ02', `SELECT m.id_number, e.branch_code FROM members m JOIN employers e ON e.id = m.employer_id WHERE m.account_no = ?`, m.accountNo)[0] ?? null);
    expect(row.branch_code).toBe('WQ01');
    expect(row.id_number).toMatch(/^@WQ01:/); // no full ID number leaves the branch
    const found = await call<Array<{ accountNo: string }>>('WQ02', 'members.search', { query: m.accountNo });
    expect(found.map((x) => x.accountNo)).toEqual([m.accountNo]);
    // WQ01 skips its own register rows; nothing doubled at either branch.
    expect(query<{ n: number }>('WQ01', 'SELECT COUNT(*) AS n FROM members WHERE account_no = ?', m.accountNo)[0]!.n).toBe(1);
    expect(query<{ n: number }>('WQ02', 'SELECT COUNT(*) AS n FROM members WHERE account_no = ?', m.accountNo)[0]!.n).toBe(1);
    expect(e.accountNo).not.toBe(preJoinEmployerNo);
    networkEmployerNo = e.accountNo;
  }, 120_000);

  it('(c) `gjj center transfer` while the center serves: the old owner applies and acknowledges, then the new owner gets it — no file', async () => {
    const t = gjj('center', 'transfer', '--data', cdir, '--employer', networkEmployerNo, '--to', 'WQ02', '--json');
    expect(t.stderr).toBe('');
    expect(t.status).toBe(0);
    const seq = (JSON.parse(t.stdout) as { seq: number }).seq;
    const owner = (b: string) => query<{ branch_code: string }>(b, 'SELECT branch_code FROM employers WHERE account_no = ?', networkEmployerNo)[0]?.branch_code;
    await until('WQ02 owns it', async () => (owner('WQ02') === 'WQ02' ? true : null));
    expect(owner('WQ01')).toBe('WQ02');
    // The hold was honoured: WQ01's acknowledgement (its center_applied row) was imported before WQ02 applied.
    const ackAt = query<{ applied_at: string }>('WQ01', 'SELECT applied_at FROM center_applied WHERE seq = ?', seq)[0]!.applied_at;
    const releasedAt = query<{ applied_at: string }>('WQ02', 'SELECT applied_at FROM center_applied WHERE seq = ?', seq)[0]!.applied_at;
    expect(releasedAt >= ackAt).toBe(true);
    // The status's `held` is the center's answer to the last poll, set after that poll's batch is committed, so the
    // row can be visible a moment before the status says so: wait for a poll that has seen the release.
    const down = await until('WQ02 reports no hold', async () => {
      const d = (await status('WQ02')).down;
      return d.lastApplied >= seq && d.held === null ? d : null;
    });
    expect(down).toMatchObject({ held: null, stopped: false, lastError: null });
  }, 120_000);

  it('(d) `gjj center check` and `gjj center register` work while the center serves; routes refuse strangers', async () => {
    const check = gjj('center', 'check', '--data', cdir, '--json');
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    const report = JSON.parse(check.stdout) as { ok: boolean; branches: Array<{ code: string }> };
    expect(report.ok).toBe(true);
    expect(report.branches.map((b) => b.code)).toEqual(['WQ01', 'WQ02']);
    const receipt = join(root, 'wq03.join');
    writeFileSync(receipt, folders.WQ03!.joinFile);
    const reg = gjj('center', 'register', '--data', cdir, receipt);
    expect(reg.stderr).toBe('');
    expect(reg.status).toBe(0);
    expect(reg.stdout).toMatch(/^已登记网点WQ03，公钥指纹 [0-9A-F]{16}/);
    expect(gjj('center', 'register', '--data', cdir, receipt).stdout).toMatch(/^网点已登记过WQ03/);
    const outFile = join(root, 'wq02.down');
    const outbox = gjj('center', 'outbox', '--data', cdir, '--branch', 'WQ02', '--out', outFile, '--json');
    expect(outbox.status).toBe(0);
    expect(JSON.parse(outbox.stdout)).toMatchObject({ written: true, fromSeq: 1 });
    expect(readFileSync(outFile, 'utf8')).toMatch(/^\{"kind":"gjj-down"/);
    // Without the token from CDIR/center.serve.json: refused.
    const anon = await https(centerPort, 'GET', '/admin/check');
    expect(anon.status).toBe(403);
    expect(anon.json.error.message).toMatch(/中心管理口令不符/);
    // A down request not signed by the branch: refused (the batch carries the member register).
    const unsigned = await https(centerPort, 'GET', `/sync/down?branch=WQ02&from=0&at=${encodeURIComponent(new Date().toISOString())}&sig=AAAA`);
    expect(unsigned.status).toBe(403);
    expect(unsigned.json.error.message).toMatch(/签名与网点WQ02登记的公钥不符/);
  }, 120_000);

  it('(e) a down batch the branch cannot apply stops the down direction with the reason; the push goes on', async () => {
    // `gjj sync pull` (no host running): the same refusal, non-zero, nothing applied.
    const pull = gjj('sync', 'pull', '--data', folders.WQ03!.dir);
    expect(pull.status).not.toBe(0);
    expect(pull.stderr).toMatch(new RegExp(`已停止接收中心下发（推送照常）：.*单位账号${preJoinEmployerNo}在本网点已是另一单位`));
    await startHost('WQ03');
    const s = await until('down stopped', async () => {
      const x = await status('WQ03');
      return x.down.stopped && x.lastAcknowledged > 0 && x.pendingSeals === 0 ? x : null;
    });
    expect(s.down.lastError).toMatch(new RegExp(`无法在本网点应用，已停止接收中心下发（推送照常）：.*单位账号${preJoinEmployerNo}在本网点已是另一单位`));
    expect(s.down.nextRetryAt).toBeNull();
    expect(s.lastError).toBeNull();
    // The push still works: a new employer at WQ03 reaches the center.
    await call('WQ03', 'employers.create', {
      name: '推送照常有限公司', uscc: makeUscc('91650100MA7900002'), district: '天山区', employeeRatioPercent: '8', employerRatioPercent: '8',
      contactName: '李会计', contactPhone: '0991-5012346', openedDate: '2025-07-01', idempotencyKey: 'net-test-employer-3',
    });
    await until('WQ03 pushed', async () => {
      const x = await status('WQ03');
      return x.pendingSeals === 0 && x.lastAcknowledged === x.lastSealLocal && x.down.stopped ? x : null;
    });
    expect(query<{ n: number }>('WQ03', 'SELECT COUNT(*) AS n FROM center_applied')[0]!.n).toBe(0); // nothing of the refused batch
    const check = gjj('center', 'check', '--data', cdir, '--json');
    expect(check.status).toBe(0);
  }, 120_000);
});

/**
 * 网点主机 end to end: `gjj serve` runs as a real child process on 127.0.0.1 (ephemeral port, HTTPS with the
 * certificate it made in the data folder). Checked: the fingerprint it prints is the one it serves; Host and Origin
 * are refused for an unknown name and allowed for a --name; three real Chromium contexts (clerk, reviewer, approver,
 * each with its own terminal id) carry a withdrawal from intake through 复核 and 审批 to payout, and the 日结 in the
 * browser shows it by operator and by terminal; the 网点主机 page shows the fingerprint and the terminals; a payout
 * fired from two contexts at once is paid once; kill -9 of the host during a 汇缴, restart, and the same request with
 * the same idempotency key has exactly one effect and `gjj check` passes.
 * Calls are made with fetch('/api/call') from each context's page (real browser, real TLS, real host).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:https';
import { connect } from 'node:tls';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import { addMonthsToMonth, chinaDate, monthOf } from '../../shared/dates';
import { makeIdNumber } from '../../shared/idcard';
import { makeUscc } from '../../shared/uscc';
import { dispatch } from '../../services/api/dispatch';
import { openAppState, type AppState } from '../../services/api/state';
import { generateDemo } from '../../services/demo/generate';
import { SYSTEM_OPERATOR } from '../../services/context';
import { addStaffDirect, TEST_ADMIN } from '../../services/testing/staff';
import { launchChromium, STATIC_DIR } from './support';

const PASSWORD = 'Counter2026';
const GJJ = resolve('cli/gjj.ts');
const today = chinaDate(new Date());
const thisMonth = monthOf(today);
const STAFF = { clerk: '王经办', clerk2: '李经办', reviewer: '赵复核', approver: '钱审批' } as const;
const OWN = (name: string) => ({ kind: 'own' as const, bankName: '中国建设银行银川分行', accountNo: '6217000010012345678', accountName: name });
const RENT = { maritalStatus: 'single', rent: { annualRentFen: 3_600_000, familyAnnualIncomeFen: 10_000_000, contractDate: `${addMonthsToMonth(thisMonth, -2)}-01`, publicHousing: true } };

let dir: string;
let host: ChildProcess | null = null;
let url = '';
let port = 0;
let fingerprint = '';
let browser: Browser;
let memberIds: number[] = [];
let bigEmployerId = 0;

async function startHost(): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', GJJ, 'serve', '--data', dir, '--listen', '127.0.0.1:0', '--name', 'host-pc', '--static', STATIC_DIR], { stdio: ['ignore', 'pipe', 'pipe'] });
  host = child;
  let out = '';
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`gjj serve did not start: ${out}`)), 30_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const u = /网点主机已启动：(https:\/\/127\.0\.0\.1:(\d+))/.exec(out);
      const f = /证书指纹（SHA-256）：([0-9A-F:]{95})/.exec(out);
      if (u && f) {
        clearTimeout(timer);
        url = u[1]!;
        port = Number(u[2]);
        fingerprint = f[1]!;
        ok();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`gjj serve exited ${code}: ${out}`)));
  });
}

function gjj(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', GJJ, ...args], { encoding: 'utf8' });
}

/** A raw HTTPS request to the host, trusting exactly its certificate and checking it names `servername`. */
function raw(headers: Record<string, string>, body: unknown, servername = 'localhost'): Promise<{ status: number; json: { ok: boolean; data?: unknown; error?: { code: string; message: string } } }> {
  const ca = readFileSync(join(dir, 'gjj-tls.crt'));
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/call', method: 'POST', ca, servername, headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => ok({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', fail);
    req.end(JSON.stringify(body));
  });
}

interface Terminal {
  context: BrowserContext;
  page: Page;
  token: string;
  id: string;
}

/** A browser context of its own, with its own terminal id, signed in through fetch from the host's page. */
async function terminal(login: string, id: string): Promise<Terminal> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', extraHTTPHeaders: { 'X-GJJ-Terminal': id } });
  const page = await context.newPage();
  await page.goto(url);
  const t: Terminal = { context, page, token: '', id };
  t.token = (await call(t, 'session.login', { login, password: PASSWORD })).token;
  return t;
}

async function callRaw<N extends CallName>(t: Terminal, name: N, input: CallInput<N>) {
  return t.page.evaluate(
    async ([call, input, token]) => {
      const res = await fetch('/api/call', { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ call, input }) });
      return (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string; message: string } };
    },
    [name, input, t.token] as const,
  );
}
async function call<N extends CallName>(t: Terminal, name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const r = await callRaw(t, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error?.code} ${r.error?.message}`);
  return r.data as CallOutput<N>;
}

/** Signs in through the login form (the app keeps its token in memory) and opens a route. */
async function uiLogin(page: Page, login: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('登录名').fill(login);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByTestId('operator-name').getByText(name).waitFor();
}

let keyN = 0;
const key = (p: string) => `bh-key-${p}-${++keyN}`;

async function approvedWithdrawal(clerk: Terminal, reviewer: Terminal, approver: Terminal, memberId: number, name: string) {
  const draft = await call(clerk, 'withdrawal.create', { memberId, caseId: 'rent', facts: RENT, requestedFen: 500_000, payee: OWN(name), materialsSeen: [], idempotencyKey: key('c') });
  const ready = await call(clerk, 'withdrawal.update', { applicationId: draft.id, version: draft.version, caseId: 'rent', facts: RENT, requestedFen: 500_000, payee: OWN(name), materialsSeen: draft.materials.map((m) => m.id), idempotencyKey: key('u') });
  expect((await call(clerk, 'withdrawal.submit', { applicationId: ready.id, idempotencyKey: key('s') })).state).toBe('待复核');
  expect((await call(reviewer, 'withdrawal.review', { applicationId: ready.id, pass: true, idempotencyKey: key('r') })).state).toBe('待审批');
  expect((await call(approver, 'withdrawal.approve', { applicationId: ready.id, pass: true, idempotencyKey: key('a') })).state).toBe('已审批');
  return ready.id;
}

describe('网点主机 (gjj serve, HTTPS, three Chromium terminals)', () => {
  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, 'index.html'))) throw new Error(`找不到已构建的界面 ${STATIC_DIR}/index.html：请先运行 npx electron-vite build`);
    dir = mkdtempSync(join(tmpdir(), 'gjj-e2e-host-'));
    // Set up the branch before the host starts (the host holds the writer lock), as an administrator would.
    const app: AppState = openAppState(dir);
    const r = (name: string, input: unknown, token: string | null) => {
      const x = dispatch(app, { call: name, input, token });
      if (!x.ok) throw new Error(`${name}: ${x.error.message}`);
      return x.data as never;
    };
    r('setup.init', { center: 'yinchuan', adminLogin: 'admin', adminName: '系统管理员', adminPassword: PASSWORD, ...TEST_ADMIN }, null);
    const admin = (r('session.login', { login: 'admin', password: PASSWORD }, null) as { token: string }).token;
    Object.entries(STAFF).forEach(([login, name], i) => addStaffDirect(app, i + 3, login, name, login.replace(/\d$/, '') as 'clerk', PASSWORD));
    const employer = r('employers.create', { name: '宁夏贺兰山数据科技有限公司', uscc: makeUscc('91640100MA76E2X3Q'), district: '金凤区', employeeRatioPercent: '12', employerRatioPercent: '12', contactName: '张丽华', contactPhone: '0951-5012345', openedDate: '2020-01-06', idempotencyKey: 'setup-employer' }, admin) as { id: number };
    const opened = `${addMonthsToMonth(thisMonth, -13)}-01`;
    memberIds = [1, 2].map((i) => (r('members.open', { name: i === 1 ? '马建国' : '马红梅', idNumber: makeIdNumber('640104', '19850312', 110 + i), phone: '13895001234', employerId: employer.id, baseFen: 1_000_000, openedDate: opened, idempotencyKey: `setup-member-${i}` }, admin) as { id: number }).id);
    for (let i = 12; i >= 1; i--) r('remit.post', { employerId: employer.id, month: addMonthsToMonth(thisMonth, -i), idempotencyKey: `setup-remit-${i}` }, admin);
    // A big employer (2,000 members, none remitted yet) for the 汇缴 interrupted by kill -9.
    generateDemo(app.ctx!, SYSTEM_OPERATOR, { members: 2000, months: 0, perEmployer: 2000, seed: 7 });
    bigEmployerId = (app.db.prepare('SELECT employer_id AS id FROM members GROUP BY employer_id ORDER BY COUNT(*) DESC LIMIT 1').get() as { id: number }).id;
    app.db.close();
    await startHost();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    host?.kill('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints the fingerprint of the certificate it serves, kept 0600 in the data folder', async () => {
    const served = await new Promise<string>((ok, fail) => {
      const s = connect({ host: '127.0.0.1', port, rejectUnauthorized: false, servername: 'localhost' }, () => {
        ok(s.getPeerX509Certificate()!.fingerprint256);
        s.end();
      });
      s.on('error', fail);
    });
    expect(served).toBe(fingerprint);
    expect(new X509Certificate(readFileSync(join(dir, 'gjj-tls.crt'))).fingerprint256).toBe(fingerprint);
    expect(statSync(join(dir, 'gjj-tls.key')).mode & 0o777).toBe(0o600);
  });

  it('refuses an unknown Host or Origin and allows the --name', async () => {
    const body = { call: 'center.info', input: {} };
    expect((await raw({ Host: `evil.example:${port}` }, body)).status).toBe(421);
    expect((await raw({ Host: `127.0.0.1:${port}`, Origin: 'https://evil.example' }, body)).status).toBe(403);
    expect((await raw({ Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}` }, body)).status).toBe(403);
    // host-pc: the certificate names it (verified against the pinned certificate) and the host accepts it.
    const named = await raw({ Host: `host-pc:${port}`, Origin: `https://host-pc:${port}` }, body, 'host-pc');
    expect(named.status).toBe(401);
    expect(named.json.error?.code).toBe('NO_SESSION');
  });

  it('intake, 复核, 审批 and payout from three terminals; the 日结 shows operator and terminal; a double payout pays once', { timeout: 90_000 }, async () => {
    const clerk = await terminal('clerk', 'counter-01');
    const reviewer = await terminal('reviewer', 'review-desk');
    const approver = await terminal('approver', 'approval-office');
    const clerk2 = await terminal('clerk2', 'counter-02');

    const first = await approvedWithdrawal(clerk, reviewer, approver, memberIds[0]!, '马建国');
    expect((await call(clerk, 'withdrawal.pay', { applicationId: first, idempotencyKey: key('p') })).state).toBe('已支付');

    // The same approved withdrawal paid from two counters at the same moment: one payout entry.
    const second = await approvedWithdrawal(clerk, reviewer, approver, memberIds[1]!, '马红梅');
    const [a, b] = await Promise.all([
      callRaw(clerk, 'withdrawal.pay', { applicationId: second, idempotencyKey: key('p') }),
      callRaw(clerk2, 'withdrawal.pay', { applicationId: second, idempotencyKey: key('p') }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect([a, b].find((x) => !x.ok)!.error!.message).toContain('已支付');

    // The 日结 in the browser: by operator and by terminal.
    const daily = await call(clerk, 'ledger.daily', { date: today });
    const payouts = daily.entries.filter((e) => e.businessType.includes('提取'));
    expect(payouts).toHaveLength(2);
    const page = clerk.page;
    await uiLogin(page, 'clerk', STAFF.clerk);
    await page.getByRole('menuitem', { name: '日结' }).click();
    const byTerminal = page.getByTestId('daily-by-terminal');
    await byTerminal.locator('tbody tr').filter({ hasText: 'counter-01' }).waitFor();
    const payer = [a, b].find((x) => x.ok) === a ? 'counter-01' : 'counter-02';
    const terminals = await byTerminal.locator('tbody tr').allInnerTexts();
    expect(terminals.some((t) => t.includes(payer))).toBe(true);
    expect(terminals.some((t) => t.includes('本机/系统'))).toBe(true); // the setup's remittances
    const operators = await page.getByTestId('daily-by-operator').locator('tbody tr').allInnerTexts();
    expect(operators.some((t) => t.includes(STAFF.clerk))).toBe(true);

    // The 网点主机 page: fingerprint and the connected terminals; 结束会话 ends counter-02's session.
    const admin = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', extraHTTPHeaders: { 'X-GJJ-Terminal': 'host-console' } });
    const ap = await admin.newPage();
    await uiLogin(ap, 'admin', '系统管理员');
    await ap.evaluate(() => (window.location.hash = '#/admin/host'));
    await expect.poll(() => ap.getByTestId('host-fingerprint').innerText()).toContain(fingerprint);
    expect(await ap.getByTestId('host-mode').innerText()).toBe('网点主机');
    const row = ap.getByTestId('host-sessions').locator('tbody tr').filter({ hasText: 'counter-02' });
    await row.waitFor();
    for (const id of ['counter-01', 'review-desk', 'approval-office']) await ap.getByTestId('host-sessions').locator('tbody tr').filter({ hasText: id }).first().waitFor();
    await row.getByRole('button', { name: '结束会话' }).click();
    await ap.locator('.ant-popconfirm').getByRole('button', { name: /结束会话/ }).click();
    await expect.poll(() => callRaw(clerk2, 'session.me', {}).then((r) => r.error?.code)).toBe('NO_SESSION');
    expect((await callRaw(clerk, 'session.me', {})).ok).toBe(true);
    await admin.close();
    for (const t of [clerk, reviewer, approver, clerk2]) await t.context.close();
  });

  it('kill -9 during a 汇缴; after restart the same request has exactly one effect and gjj check passes', { timeout: 90_000 }, async () => {
    const ctx = await browser.newContext({ ignoreHTTPSErrors: true, extraHTTPHeaders: { 'X-GJJ-Terminal': 'counter-01' } });
    const page = await ctx.newPage();
    await page.goto(url);
    let t: Terminal = { context: ctx, page, token: '', id: 'counter-01' };
    t.token = (await call(t, 'session.login', { login: 'clerk', password: PASSWORD })).token;
    const month = (await call(t, 'employers.get', { employerId: bigEmployerId })).nextMonth!;
    const input = { employerId: bigEmployerId, month, idempotencyKey: 'bh-kill-remit' };
    const pending = callRaw(t, 'remit.post', input).catch((e: Error) => ({ ok: false, error: { code: 'NETWORK', message: e.message } }));
    await new Promise((r) => setTimeout(r, 40));
    host!.kill('SIGKILL');
    await new Promise((r) => host!.once('exit', r));
    const before = await pending; // whatever the terminal saw (a network failure, or the result just before the kill)
    expect(typeof before.ok).toBe('boolean');
    console.info(`[branchHost] the terminal saw before the kill: ${before.ok ? 'the posting done' : `${before.error?.code} (interrupted)`}`);
    await startHost();
    // The terminal signs in again (sessions live in the host's memory) and retries with the same key.
    await page.goto(url);
    t = { ...t, page };
    t.token = (await call(t, 'session.login', { login: 'clerk', password: PASSWORD })).token;
    const retried = await call(t, 'remit.post', input);
    const again = await call(t, 'remit.post', input);
    expect(again).toEqual(retried);
    await ctx.close();
    host!.kill('SIGTERM');
    await new Promise((r) => host!.once('exit', r));
    host = null;
    const db = openAppState(dir).db;
    const n = (db.prepare("SELECT COUNT(*) AS n FROM remittances WHERE employer_id = ? AND month = ?").get(bigEmployerId, month) as { n: number }).n;
    const entries = (db.prepare("SELECT COUNT(*) AS n FROM journal_entries WHERE business_type LIKE '%汇缴%' AND terminal = 'counter-01'").get() as { n: number }).n;
    db.close();
    expect(n).toBe(1);
    expect(entries).toBe(1);
    const check = gjj('check', '--data', dir);
    expect(check.stderr + check.stdout).not.toContain('不一致');
    expect(check.status).toBe(0);
  });
});

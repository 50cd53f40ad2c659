/**
 * The counter as a terminal of a host it can lose, end to end in Chromium through the HTTP transport (npm run web):
 * F5 keeps the clerk logged in on the same page; a 开户 submitted while the server is down shows the
 * 无法连接网点主机 banner at once, keeps every typed value, and — once the server is back on the same port —
 * goes through exactly once (one member in the database). Screenshots go to test-output/e2e/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import { makeIdNumber } from '../../shared/idcard';
import { makeUscc } from '../../shared/uscc';
import { dispatch } from '../../services/api/dispatch';
import { openAppState, type AppState } from '../../services/api/state';
import { addStaffDirect, TEST_ADMIN } from '../../services/testing/staff';
import { startHttpTransport, type HttpTransport } from '../../services/http/server';
import { launchChromium, SHOTS, STATIC_DIR, shot } from './support';

const PASSWORD = 'Counter2026';
const NEW_MEMBER = { name: '杨志刚', idNumber: makeIdNumber('640104', '19880419', 135), phone: '13895007788', base: '7200' };

let dir: string;
let app: AppState;
let server: HttpTransport;
let port: number;
let browser: Browser;
let adminToken: string;
let employerId: number;

function call<N extends CallName>(name: N, input: CallInput<N>, token: string | null = adminToken): CallOutput<N> {
  const r = dispatch(app, { call: name, input, token });
  if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
  return r.data as CallOutput<N>;
}

const membersWithId = (idNumber: string) => (app.db.prepare('SELECT COUNT(*) AS n FROM members WHERE id_number = ?').get(idNumber) as { n: number }).n;

describe('terminal end to end (Chromium): reload keeps the session, an unreachable host keeps the form and retries once', () => {
  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, 'index.html'))) throw new Error(`找不到已构建的界面 ${STATIC_DIR}/index.html：请先运行 npx electron-vite build`);
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'gjj-e2e-terminal-'));
    app = openAppState(dir);
    const init = dispatch(app, { call: 'setup.init', input: { center: 'yinchuan', adminLogin: 'admin', adminName: '系统管理员', adminPassword: PASSWORD, ...TEST_ADMIN } });
    if (!init.ok) throw new Error(init.error.message);
    adminToken = call('session.login', { login: 'admin', password: PASSWORD }, null).token;
    addStaffDirect(app, 3, 'clerk', '周晓明', 'clerk', PASSWORD);
    employerId = call('employers.create', {
      name: '宁夏六盘山物流有限公司',
      uscc: makeUscc('91640100MA76F3Y4R'),
      district: '兴庆区',
      employeeRatioPercent: '12',
      employerRatioPercent: '12',
      contactName: '刘建华',
      contactPhone: '0951-6012345',
      address: '银川市兴庆区解放东路88号',
      openedDate: '2020-01-06',
      idempotencyKey: 'e2e-terminal-employer',
    }).id;
    server = await startHttpTransport(app, { staticDir: STATIC_DIR });
    port = Number(new URL(server.url).port);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    app?.db.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('F5 keeps the clerk logged in on the same page; the terminal header is sent and kept', { timeout: 90_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    const terminals = new Set<string>();
    page.on('request', (r) => {
      if (r.url().endsWith('/api/call')) terminals.add(r.headers()['x-gjj-terminal'] ?? '(none)');
    });
    await page.goto(server.url);
    await page.getByLabel('登录名').fill('clerk');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('operator-name').getByText('周晓明').waitFor();
    await page.getByRole('menuitem', { name: '单位' }).click();
    await page.waitForURL(/#\/employers$/);
    await page.getByText('宁夏六盘山物流有限公司').waitFor();

    await page.reload();
    await page.getByTestId('operator-name').getByText('周晓明').waitFor();
    expect(page.url()).toMatch(/#\/employers$/);
    await page.getByText('宁夏六盘山物流有限公司').waitFor();
    expect(await page.getByLabel('登录名').count()).toBe(0);
    await shot(page, 'terminal-01-after-reload.png');

    expect(terminals.size).toBe(1);
    expect([...terminals][0]).toMatch(/^W-[0-9a-f-]{36}$/);

    // Logging out ends it: a reload then shows the login page.
    await page.getByRole('button', { name: /退\s*出/ }).click();
    await page.getByLabel('登录名').waitFor();
    await page.reload();
    await page.getByLabel('登录名').waitFor();
    await page.close();
  });

  it('submitting 开户 while the server is down: banner at once, values kept, one member once it is back', { timeout: 120_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(server.url);
    await page.getByLabel('登录名').fill('clerk');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('operator-name').getByText('周晓明').waitFor();
    await page.goto(`${server.url}/#/members/open?employerId=${employerId}`);
    await page.getByLabel('职工姓名').waitFor();
    await page.getByText('宁夏六盘山物流有限公司').first().waitFor();
    await page.getByLabel('职工姓名').fill(NEW_MEMBER.name);
    await page.getByLabel('证件号码').fill(NEW_MEMBER.idNumber);
    await page.getByLabel('联系电话').fill(NEW_MEMBER.phone);
    await page.getByLabel('缴存基数').fill(NEW_MEMBER.base);

    // The host goes away.
    server.server.closeAllConnections();
    await server.close();

    await page.getByRole('button', { name: /开\s*户/ }).click();
    const banner = page.getByTestId('connection-banner');
    await banner.getByText(/无法连接网点主机 .*正在重试/).waitFor({ timeout: 3000 });
    await page.waitForTimeout(2500); // a few retries go by
    expect(await page.getByLabel('职工姓名').inputValue()).toBe(NEW_MEMBER.name);
    expect(await page.getByLabel('证件号码').inputValue()).toBe(NEW_MEMBER.idNumber);
    expect(await page.getByLabel('联系电话').inputValue()).toBe(NEW_MEMBER.phone);
    expect(await page.getByLabel('缴存基数').inputValue()).toBe(NEW_MEMBER.base);
    expect(await banner.innerText()).toMatch(/已尝试 \d+ 次/);
    await shot(page, 'terminal-02-host-down.png');
    expect(membersWithId(NEW_MEMBER.idNumber)).toBe(0);

    // The host comes back on the same port: the same request (same idempotency key) goes through.
    const seen: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/call') && (r.postDataJSON() as { call?: string }).call === 'members.open') seen.push((r.postDataJSON() as { input: { idempotencyKey: string } }).input.idempotencyKey);
    });
    server = await startHttpTransport(app, { port, staticDir: STATIC_DIR });
    await page.getByText('开户成功').waitFor({ timeout: 15_000 });
    expect(await banner.count()).toBe(0);
    await shot(page, 'terminal-03-back-and-opened.png');
    expect(membersWithId(NEW_MEMBER.idNumber)).toBe(1);
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(new Set(seen).size).toBe(1);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('the pairing page (desktop bridge stood in by a script): 连接 shows the fingerprint, a different one typed is refused, 确认配对 sends the pin', { timeout: 90_000 }, async () => {
    const FP = Array.from({ length: 32 }, (_, i) => (i * 7 + 16).toString(16).toUpperCase().padStart(2, '0')).join(':');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await page.addInitScript((fp: string) => {
      const w = window as unknown as { gjjShell: unknown; saved: unknown[] };
      w.saved = [];
      w.gjjShell = {
        getConfig: async () => ({ config: { mode: 'standalone', terminalId: 'T-3f2a9c1e-0000-4000-8000-000000000001' }, exists: false, labels: { standalone: '单机', host: '网点主机', terminal: '柜台终端' } }),
        probe: async (url: string) =>
          url.startsWith('http://')
            ? { ok: false, error: { code: 'BAD_INPUT', field: 'hostUrl', message: '主机地址必须以 https:// 开头：网点主机只提供加密连接' } }
            : { ok: true, data: { fingerprint: fp, subject: 'gjj-branch-host' } },
        setConfig: async (req: unknown) => (w.saved.push(req), { ok: true, data: {} }),
      };
    }, FP);
    await page.goto(`${server.url}/#/connection`);
    await page.getByTestId('connection-page').waitFor();
    await page.getByText('柜台终端', { exact: true }).click();
    await page.getByLabel('主机地址').fill('http://192.168.1.10:8443');
    await page.getByRole('button', { name: /连\s*接/ }).click();
    await page.getByText('主机地址必须以 https:// 开头').waitFor();
    await page.getByLabel('主机地址').fill('https://192.168.1.10:8443');
    await page.getByRole('button', { name: /连\s*接/ }).click();
    expect((await page.getByTestId('probed-fingerprint').innerText()).replace(/\s+/g, ':')).toContain(FP);
    await page.getByText('主机地址必须以 https:// 开头').waitFor({ state: 'detached' }); // the old error goes
    await shot(page, 'terminal-04-pairing.png');

    await page.getByLabel('证书指纹（SHA-256）').fill(FP.replace(/^../, '00'));
    await page.getByRole('button', { name: /确认配对/ }).click();
    await page.getByText('填写的指纹与该主机现在出示的证书不一致').waitFor();
    expect(await page.evaluate(() => (window as unknown as { saved: unknown[] }).saved)).toEqual([]);

    await page.getByLabel('证书指纹（SHA-256）').fill(FP.toLowerCase());
    await page.getByRole('button', { name: /确认配对/ }).click();
    await page.getByText('连接方式已保存').waitFor();
    expect(await page.evaluate(() => (window as unknown as { saved: unknown[] }).saved)).toEqual([
      { config: { mode: 'terminal', hostUrl: 'https://192.168.1.10:8443', fingerprint: FP.toLowerCase() }, token: null },
    ]);
    await page.close();
  });
});

/**
 * One inbox and screens for 1366×768 (issue 12), in Chromium at 1366×768. A reviewer's 待办 lists a withdrawal and a
 * loan waiting for 复核, each with its decision deadline and the hours waited (26 hours after submission: the
 * withdrawal's 3-day limit first, then the loan's 15 days), and says where the limits come from. The administrator
 * sees 系统管理 in the menu without any "···", and on a member's page the top of 账户明细 is within the first screen.
 * Data: services/testing/inboxFixture.ts through the real dispatcher, on the harness's frozen clock.
 * Screenshots: test-output/e2e/inbox-*.png.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, PASSWORD, type Harness } from '../../services/testing/harness';
import { loanAndWithdrawalWaiting } from '../../services/testing/inboxFixture';
import { startHttpTransport, type HttpTransport } from '../../services/http/server';
import { launchChromium, SHOTS, STATIC_DIR, waitCall, shot } from './support';

const VIEWPORT = { width: 1366, height: 768 };

let h: Harness;
let server: HttpTransport;
let browser: Browser;
let waiting: ReturnType<typeof loanAndWithdrawalWaiting>;
let borrowerId: number;

async function login(page: Page, who: string): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('登录名').fill(who);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByTestId('operator-name').waitFor();
}

describe('one inbox, 1366×768', () => {
  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, 'index.html'))) throw new Error(`找不到已构建的界面 ${STATIC_DIR}/index.html：请先运行 npx electron-vite build`);
    mkdirSync(SHOTS, { recursive: true });
    h = harness('yinchuan', '2026-01-05T02:00:00Z');
    waiting = loanAndWithdrawalWaiting(h);
    borrowerId = h.call('loan.get', { applicationId: waiting.loanId }).borrower.id;
    // 26 hours after both were submitted (2026-06-25 10:00 Beijing); logins happen at this time.
    h.at('2026-06-26T04:00:00Z');
    server = await startHttpTransport(h.app, { staticDir: STATIC_DIR });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    h?.close();
  });

  it('shows a reviewer the waiting withdrawal and loan with deadline and hours waited', { timeout: 90_000 }, async () => {
    const errors: string[] = [];
    const page = await browser.newPage({ viewport: VIEWPORT, locale: 'zh-CN' });
    page.on('pageerror', (e) => errors.push(e.message));
    await login(page, 'reviewer');
    const listed = waitCall(page, 'inbox.list');
    await page.getByRole('menuitem', { name: '待办', exact: true }).click();
    await listed;
    const rows = page.getByTestId('inbox').locator('tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    const wd = rows.nth(0);
    const loan = rows.nth(1);
    expect(await wd.innerText()).toContain(waiting.withdrawalNo);
    expect(await wd.innerText()).toContain('提取');
    expect(await loan.innerText()).toContain(waiting.loanNo);
    expect(await loan.innerText()).toContain('贷款');
    // Submitted 2026-06-25 10:00 Beijing: due 3 days (withdrawal) and 15 days (loan) later; 26 hours waited.
    expect(await wd.getByTestId('inbox-due').innerText()).toContain('2026/06/28 10:00');
    expect(await loan.getByTestId('inbox-due').innerText()).toContain('2026/07/10 10:00');
    expect(await wd.getByTestId('inbox-waited').innerText()).toBe('1天2小时');
    expect(await loan.getByTestId('inbox-waited').innerText()).toBe('1天2小时');
    expect(await page.getByTestId('inbox-limit-note').innerText()).toContain('本中心规定');
    // A loan row opens its summary and the way to the loan page.
    await loan.click();
    await page.getByTestId('inbox-loan').getByText('打开贷款申请办理').waitFor();
    await shot(page, 'inbox-01-reviewer.png');
    // A withdrawal row keeps the stored decision and the sign-off beside the list.
    const got = waitCall(page, 'withdrawal.get');
    await wd.click();
    await got;
    await page.getByTestId('inbox-preview').getByRole('button', { name: '复核通过' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows 系统管理 without "···" and 账户明细 within the first screen at 1366×768', { timeout: 60_000 }, async () => {
    const errors: string[] = [];
    const page = await browser.newPage({ viewport: VIEWPORT, locale: 'zh-CN' });
    page.on('pageerror', (e) => errors.push(e.message));
    await login(page, 'admin');
    const sysAdmin = page.getByRole('menuitem', { name: '系统管理', exact: true });
    await sysAdmin.waitFor();
    const box = (await sysAdmin.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(VIEWPORT.height);
    expect(await page.locator('.ant-menu-overflow-item-rest').count()).toBe(0);
    await page.getByRole('menuitem', { name: '操作员', exact: true }).waitFor();
    await shot(page, 'inbox-02-admin-menu.png');
    // The bundled CJK subset (resources/fonts/gjj-ui-cjk.woff2) is accepted by Chromium's font sanitiser and has the menu's characters.
    const font = await page.evaluate(async () => {
      const faces = await document.fonts.load('16px "GJJ UI"', '系统管理待办');
      return { faces: faces.length, check: document.fonts.check('16px "GJJ UI"', '系统管理待办'), status: [...document.fonts].filter((f) => f.family.includes('GJJ UI')).map((f) => f.status) };
    });
    expect(font).toEqual({ faces: 1, check: true, status: ['loaded'] });
    // How a counter PC without any CJK font sees the screen: everything in the bundled font (look at the picture).
    await page.addStyleTag({ content: '* { font-family: "GJJ UI" !important; }' });
    await page.screenshot({ path: join(SHOTS, 'inbox-04-bundled-font-only.png'), animations: 'disabled' });
    await page.reload();
    await page.getByTestId('operator-name').waitFor();

    await page.evaluate((id) => (window.location.hash = `#/member?id=${id}`), borrowerId);
    const statement = page.getByTestId('statement-card');
    await statement.getByText('账户明细').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    const top = (await statement.boundingBox())!.y;
    expect(top).toBeLessThan(VIEWPORT.height / 2);
    await page.screenshot({ path: join(SHOTS, 'inbox-03-member-1366.png'), animations: 'disabled' });
    expect(errors).toEqual([]);
    await page.close();
  });
});

/**
 * Forms never lose work (issue 12), in Chromium at 1366×768: a clerk types into 职工开户; F5 asks first (the
 * browser's beforeunload) and the typed data comes back from the draft kept in the branch database; Back with typed
 * data asks in Chinese and 留在本页 keeps everything; a menu click asks, 离开（保留草稿） leaves, the draft is listed
 * under 待办 → 我的草稿, and Back brings the form back filled in. 开户 then removes the draft. Another clerk never
 * sees it. Data is set up through the real dispatcher (services/testing/harness.ts) on today's date.
 * Screenshots: test-output/e2e/drafts-*.png.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../shared/idcard';
import { harness, newEmployer, PASSWORD, type Harness } from '../../services/testing/harness';
import { startHttpTransport, type HttpTransport } from '../../services/http/server';
import { launchChromium, SHOTS, STATIC_DIR, waitCall, shot } from './support';

const ID = makeIdNumber('640104', '19960708', 23);

let h: Harness;
let server: HttpTransport;
let browser: Browser;
let employerId: number;

async function login(page: Page, who: string): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('登录名').fill(who);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByTestId('operator-name').waitFor();
}

const value = (page: Page, label: string) => page.getByLabel(label, { exact: true }).inputValue();

describe('drafts of open forms', () => {
  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, 'index.html'))) throw new Error(`找不到已构建的界面 ${STATIC_DIR}/index.html：请先运行 npx electron-vite build`);
    mkdirSync(SHOTS, { recursive: true });
    h = harness('yinchuan', new Date().toISOString());
    employerId = newEmployer(h, { name: '宁夏六盘山软件有限公司' }).id;
    server = await startHttpTransport(h.app, { staticDir: STATIC_DIR });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    h?.close();
  });

  it('keep what the clerk typed through F5, Back and a menu click, and ask before leaving', { timeout: 120_000 }, async () => {
    const errors: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.accept();
    });
    await login(page, 'clerk');
    await page.getByRole('menuitem', { name: '职工', exact: true }).click();
    await page.evaluate((id) => (window.location.hash = `#/members/open?employerId=${id}`), employerId);

    // Typing: a real click first (the browser asks before unloading only a page the user has used).
    await page.getByLabel('职工姓名', { exact: true }).click();
    await page.keyboard.type('韩梅梅');
    await page.getByLabel('证件号码', { exact: true }).fill(ID);
    const saved = waitCall(page, 'draft.save');
    await page.getByLabel('联系电话', { exact: true }).fill('13895007777');
    expect(((await (await saved).json()) as { ok: boolean }).ok).toBe(true);

    // ── F5: the browser's own question, then the draft comes back ──
    const restored = waitCall(page, 'draft.get');
    await page.reload();
    await restored;
    await page.getByTestId('draft-restored').waitFor();
    await expect.poll(() => value(page, '职工姓名')).toBe('韩梅梅');
    expect(await value(page, '证件号码')).toBe(ID);
    expect(await value(page, '联系电话')).toBe('13895007777');
    expect(dialogs).toEqual(['beforeunload']);
    await shot(page, 'drafts-01-restored-after-f5.png');

    // ── Back with typed data: a Chinese confirm; 留在本页 keeps the form as it is ──
    await page.getByLabel('缴存基数', { exact: true }).fill('6500');
    await page.goBack();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.locator('.ant-modal-confirm-title', { hasText: '离开“职工开户”？' }).waitFor();
    await shot(page, 'drafts-02-confirm-on-back.png');
    await confirm.getByRole('button', { name: '留在本页' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(new URL(page.url()).hash).toBe(`#/members/open?employerId=${employerId}`);
    expect(await value(page, '缴存基数')).toBe('6500');
    expect(await value(page, '职工姓名')).toBe('韩梅梅');

    // ── A menu click: the same question; 离开（保留草稿） goes, and 待办 lists the draft ──
    const listed = waitCall(page, 'inbox.list');
    await page.getByRole('menuitem', { name: '待办', exact: true }).click();
    await confirm.locator('.ant-modal-confirm-title', { hasText: '离开“职工开户”？' }).waitFor();
    await confirm.getByRole('button', { name: '离开（保留草稿）' }).click();
    await listed;
    const drafts = page.getByTestId('my-drafts');
    await drafts.getByText('职工开户 · 韩梅梅').waitFor();
    await shot(page, 'drafts-03-inbox-lists-draft.png');

    // ── Back to the form: everything typed is there, 缴存基数 included (saved as the clerk left) ──
    await page.goBack();
    await page.getByTestId('draft-restored').waitFor();
    await expect.poll(() => value(page, '缴存基数')).toBe('6500');
    expect(await value(page, '职工姓名')).toBe('韩梅梅');

    // The draft is this clerk's: another clerk's 我的草稿 is empty.
    expect(h.call('draft.list', {}, 'clerk2')).toEqual([]);

    // ── 开户 removes the draft ──
    const opened = waitCall(page, 'members.open');
    await page.getByRole('button', { name: /^开\s*户$/ }).click();
    expect(((await (await opened).json()) as { ok: boolean }).ok).toBe(true);
    await page.getByText('开户成功').waitFor();
    await expect.poll(() => h.call('draft.list', {}, 'clerk').length).toBe(0);
    // Nothing is left to ask about: the menu goes straight on.
    await page.getByRole('menuitem', { name: '待办', exact: true }).click();
    await page.getByTestId('inbox').waitFor();
    expect(await page.locator('.ant-modal-confirm').count()).toBe(0);
    expect(dialogs).toEqual(['beforeunload']);
    expect(errors).toEqual([]);
    await context.close();
  });
});

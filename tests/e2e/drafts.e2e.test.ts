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
import { harness, newEmployer, newMember, PASSWORD, type Harness } from '../../services/testing/harness';
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

async function choose(page: Page, label: string, typed: string, option: string, searchCall?: 'members.search'): Promise<void> {
  const searched = searchCall ? waitCall(page, searchCall) : null;
  await page.getByLabel(label, { exact: true }).fill(typed);
  await searched;
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

describe('drafts of open forms', () => {
  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, 'index.html'))) throw new Error(`找不到已构建的界面 ${STATIC_DIR}/index.html：请先运行 npx electron-vite build`);
    mkdirSync(SHOTS, { recursive: true });
    h = harness('yinchuan', new Date().toISOString());
    employerId = newEmployer(h, { name: '宁夏六盘山软件有限公司' }).id;
    newMember(h, employerId, { name: '李雷', idNumber: makeIdNumber('640104', '19920301', 51) });
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

  it('keep a withdrawal intake for the same clerk on another terminal, until 放弃草稿', { timeout: 120_000 }, async () => {
    const errors: string[] = [];
    const first = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await first.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await login(page, 'clerk');
    await page.getByRole('menuitem', { name: '提取受理', exact: true }).click();
    await choose(page, '职工', '李雷', '李雷', 'members.search');
    await choose(page, '提取原因', '房租', '房租支出超出家庭工资收入15%');
    await page.getByTestId('case-facts').waitFor();
    const saved = waitCall(page, 'draft.save');
    await page.getByLabel('年房租总额', { exact: true }).fill('36000');
    expect(((await (await saved).json()) as { ok: boolean }).ok).toBe(true);

    // Another terminal (another browser, its own terminal id), the same clerk: 我的草稿 in the menu has it.
    const second = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const other = await second.newPage();
    other.on('pageerror', (e) => errors.push(e.message));
    await login(other, 'clerk');
    await other.getByRole('menuitem', { name: '我的草稿', exact: true }).click();
    const row = other.getByTestId('my-drafts').locator('tr.ant-table-row').filter({ hasText: '提取受理 · 李雷 · 房租支出超出家庭工资收入15%' });
    await row.getByRole('link', { name: '继续办理' }).click();
    await other.getByTestId('draft-restored').waitFor();
    await other.getByTestId('intake-member').waitFor();
    await other.locator('.ant-select', { hasText: '李雷' }).first().waitFor();
    await expect.poll(() => value(other, '年房租总额')).toBe('36000');
    expect(await other.getByTestId('case-select').innerText()).toContain('房租支出超出家庭工资收入15%');
    await shot(other, 'drafts-04-withdrawal-on-another-terminal.png');

    // 放弃草稿: asked, then gone, and the form starts blank.
    await other.getByTestId('draft-discard').click();
    const discarded = waitCall(other, 'draft.discard');
    await other.locator('.ant-modal-confirm').getByRole('button', { name: '放弃草稿' }).click();
    await discarded;
    await other.getByTestId('decision-panel').getByText('请选择职工').waitFor();
    expect(h.call('draft.list', {}, 'clerk')).toEqual([]);
    expect(errors).toEqual([]);
    await first.close();
    await second.close();
  });
});

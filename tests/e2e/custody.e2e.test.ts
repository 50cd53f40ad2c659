/**
 * 住房公积金托管专户 (003 提取程序1) at the counter, in Chromium: a clerk registers the custody account on 新增单位 with
 * the checkbox; the employer page shows 托管专户, and the service holds the flag the rules read (services/conditions/
 * custody.test.ts covers the checklist and the voucher). Screenshots: test-output/e2e/custody-*.png.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../shared/uscc';
import { harness, PASSWORD, type Harness } from '../../services/testing/harness';
import { startHttpTransport, type HttpTransport } from '../../services/http/server';
import { clickForCall, launchChromium, SHOTS, STATIC_DIR, shot } from './support';

let h: Harness;
let server: HttpTransport;
let browser: Browser;

describe('住房公积金托管专户 on 新增单位', () => {
  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, 'index.html'))) throw new Error(`找不到已构建的界面 ${STATIC_DIR}/index.html：请先运行 npx electron-vite build`);
    mkdirSync(SHOTS, { recursive: true });
    h = harness('yinchuan', '2026-06-25T02:00:00Z');
    server = await startHttpTransport(h.app, { staticDir: STATIC_DIR });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    h?.close();
  });

  it('registers the custody account with the checkbox and shows it on the employer page', { timeout: 120_000 }, async () => {
    const errors: string[] = [];
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.getByLabel('登录名').fill('clerk');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('operator-name').waitFor();
    await page.goto(`${server.url}#/employers/new`);
    await page.getByLabel('单位名称').fill('银川住房公积金托管专户');
    await page.getByLabel('统一社会信用代码').fill(makeUscc('12640100MB1234567'));
    await page.getByTestId('employer-custody').check();
    await page.getByLabel('所属区县').click();
    await page.locator('.ant-select-item-option').first().click();
    await page.getByLabel('个人缴存比例').fill('12');
    await page.getByLabel('单位缴存比例').fill('12');
    await page.getByLabel('经办人').fill('李专管');
    await page.getByLabel('联系电话').fill('0951-5012345');
    await shot(page, 'custody-01-create.png');
    await clickForCall(page, page.getByRole('button', { name: /^保\s*存$/ }), 'employers.create');
    await page.getByTestId('employer-name').waitFor();
    await expect.poll(() => page.getByText('托管专户', { exact: true }).count()).toBeGreaterThan(0);
    await shot(page, 'custody-02-employer.png');
    const created = h.call('employers.search', { query: '托管专户' }) as Array<{ id: number }>;
    expect(created).toHaveLength(1);
    expect(h.call('employers.get', { employerId: created[0]!.id }).employer.custody).toBe(true);
    expect(errors).toEqual([]);
  });
});

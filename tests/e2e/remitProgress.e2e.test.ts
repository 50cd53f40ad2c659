/**
 * A large employer's 汇缴 at the counter (issue 14), in Chromium: 20,000 members, so the host runs it in its batch
 * worker; while 确认入账 waits, the page shows the 汇缴's step and says the other counters go on. Screenshot: test-output/e2e/remit-progress-*.png.
 * The worker holds each step 0.8 s (BatchTuning.stepPauseMs), so the page's polls see a step however fast the machine.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../services/demo/generate';
import { SYSTEM_OPERATOR } from '../../services/context';
import { REMIT_STEPS } from '../../services/contributions/remit';
import { harness, PASSWORD, type Harness } from '../../services/testing/harness';
import type { HttpTransport } from '../../services/http/server';
import { formatYuanGrouped } from '../../shared/money';
import { serveUi, shot, signIn, stopUi, waitCall } from './support';

const MEMBERS = 20_000;
let h: Harness;
let server: HttpTransport;
let browser: Browser;

describe('汇缴 of a 20,000-member employer (Chromium)', () => {
  beforeAll(async () => {
    h = harness('yinchuan', '2026-06-25T02:00:00Z');
    generateDemo(h.app.ctx!, SYSTEM_OPERATOR, { members: MEMBERS, months: 0, perEmployer: MEMBERS });
    // Each step is held 0.8 s in the worker: the page polls every half second, and on a quiet machine a 20,000-member
    // 汇缴 can finish between two polls (the bar then rightly shows only 正在启动).
    ({ server, browser } = await serveUi(h.app, { tuning: { stepPauseMs: 800 } }));
  }, 180_000);

  afterAll(async () => {
    await stopUi(browser, server);
    h?.close();
  });

  it('shows the step it is at while the host posts it, and the result once done', { timeout: 180_000 }, async () => {
    const employer = (h.call('employers.search', { query: '（' }) as Array<{ id: number }>)[0]!;
    const errors: string[] = [];
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, server.url, 'clerk', PASSWORD);
    const loaded = waitCall(page, 'employers.get', 60_000);
    await page.goto(`${server.url}#/employer?id=${employer.id}`);
    await loaded;
    const previewed = waitCall(page, 'remit.preview', 60_000);
    await page.getByRole('button', { name: /预\s*览/ }).click();
    const preview = (await (await previewed).json()) as { ok: boolean; data: { memberCount: number; totalFen: number } };
    expect(preview).toMatchObject({ ok: true, data: { memberCount: MEMBERS } });
    await page.getByTestId('preview-total').waitFor();

    const posted = waitCall(page, 'remit.post', 120_000);
    await page.getByRole('button', { name: /确认入账/ }).click();
    const bar = page.getByTestId('batch-progress');
    await bar.waitFor({ timeout: 60_000 });
    expect(await bar.innerText()).toContain('其他柜台可照常办理业务');
    // 启动 first (the worker opening the file), then the 汇缴's own steps.
    const steps = new RegExp(`单位汇缴：(${REMIT_STEPS.join('|')})（第 [1-4] 步，共 4 步）`);
    await expect.poll(() => bar.innerText(), { timeout: 60_000 }).toMatch(steps);
    await shot(page, 'remit-progress-01-running.png');
    // Meanwhile the request thread is free: another counter's search is answered while the worker posts.
    const others = h.call('members.search', { query: '王' }) as unknown[];
    expect(others.length).toBeGreaterThan(0);

    const post = (await (await posted).json()) as { ok: boolean; data: { entryNo: string; totalFen: number; memberCount: number } };
    expect(post).toMatchObject({ ok: true, data: { memberCount: MEMBERS, totalFen: preview.data.totalFen } });
    await page.getByTestId('remit-entry-no').getByText(post.data.entryNo).waitFor();
    await bar.waitFor({ state: 'detached' });
    expect(await page.getByTestId('remit-total').innerText()).toContain(formatYuanGrouped(preview.data.totalFen));
    await shot(page, 'remit-progress-02-posted.png');
    expect(h.app.batches?.progress().find((p) => p.lane === `remit.post:${employer.id}`)).toMatchObject({ outcome: 'done', phase: REMIT_STEPS[3] });
    expect(errors).toEqual([]);
  });
});

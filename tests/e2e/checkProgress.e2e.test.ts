/**
 * 账务核对 on a host with a ledger of some size (issue 14: any batch over a second shows progress), in Chromium: the
 * check runs in its own worker thread and the page shows which part it is at — the bookkeeping checks, the seals, the
 * tables — and that the other counters go on; then the verdict. Screenshots: test-output/e2e/check-progress-*.png.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../services/demo/generate';
import { SYSTEM_OPERATOR } from '../../services/context';
import { harness, PASSWORD, type Harness } from '../../services/testing/harness';
import type { HttpTransport } from '../../services/http/server';
import { serveUi, shot, signIn, stopUi, waitCall } from './support';

let h: Harness;
let server: HttpTransport;
let browser: Browser;

describe('账务核对 with its progress (Chromium)', () => {
  beforeAll(async () => {
    h = harness('yinchuan', '2026-06-25T02:00:00Z');
    generateDemo(h.app.ctx!, SYSTEM_OPERATOR, { members: 20_000, months: 12 });
    // Each part of the check is held 0.6 s in the worker (BatchTuning.stepPauseMs): the whole check takes under a second
    // here, about as long as two of the page's half-second polls.
    ({ server, browser } = await serveUi(h.app, { tuning: { stepPauseMs: 600 } }));
  }, 240_000);

  afterAll(async () => {
    await stopUi(browser, server);
    h?.close();
  });

  it('shows the part of the check it is at while the worker checks, and the verdict once done', { timeout: 180_000 }, async () => {
    const errors: string[] = [];
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => errors.push(e.message));
    // What the page's own polls of batch.progress heard while the check ran.
    const heard: string[] = [];
    page.on('response', (r) => {
      if (!r.url().endsWith('/api/call') || (r.request().postDataJSON() as { call?: string } | null)?.call !== 'batch.progress') return;
      void r.json().then(
        (b: { ok: boolean; data?: Array<{ lane: string; outcome: string; phase: string }> }) => {
          for (const p of b.data ?? []) if (p.lane === 'ledger.check' && p.outcome === 'running') heard.push(p.phase);
        },
        () => undefined,
      );
    });
    await signIn(page, server.url, 'admin', PASSWORD);
    const checked = waitCall(page, 'ledger.check', 120_000);
    await page.goto(`${server.url}#/admin/check`);
    const bar = page.getByTestId('batch-progress');
    await bar.waitFor({ timeout: 60_000 });
    expect(await bar.innerText()).toContain('其他柜台可照常办理业务');
    // 启动 first (the worker opening the file), then the parts of the check.
    await expect.poll(() => bar.innerText(), { timeout: 60_000 }).toMatch(/账务核对：(核对凭证与明细账|核对分录等大表|核对签封|逐表核对业务数据) \d/);
    await shot(page, 'check-progress-01-running.png');
    // The request thread is free meanwhile: another counter is answered.
    expect((h.call('members.search', { query: '王' }) as unknown[]).length).toBeGreaterThan(0);

    const r = (await (await checked).json()) as { ok: boolean; data: { ok: boolean; postings: number } };
    expect(r).toMatchObject({ ok: true, data: { ok: true } });
    await page.getByText('账务核对通过').waitFor();
    await bar.waitFor({ state: 'detached' });
    await shot(page, 'check-progress-02-done.png');
    expect(heard.filter((p) => p !== '启动').length).toBeGreaterThan(0);
    expect(h.app.batches?.progress().find((p) => p.lane === 'ledger.check')).toMatchObject({ outcome: 'done', phase: '逐表核对业务数据', error: null });
    expect(errors).toEqual([]);
  });
});

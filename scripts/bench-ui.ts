/**
 * npm run bench:ui — what a clerk feels, measured in Chromium against the built UI (`npm run build` first) served
 * by the web transport. Prints figures beside a bare baseline measured in the same run; asserts nothing.
 *  - cold load: a fresh browser context (empty cache) opening the app until the login form shows;
 *    baseline: a fresh context opening a blank HTML page from the same server.
 *  - warm load: the same context reloading (hashed assets from the browser cache, index.html revalidated).
 *  - print: click 打印缴存证明 (print.member) until the download link shows (the PDF is ready to preview);
 *    baseline: a bare fetch of a small file from the page.
 *  - eligibility: type the 申请贷款金额 on the 政策审查 page (贷款, 商品房) until the verdict for that amount shows
 *    (includes the form's pause before it asks: DEBOUNCE_MS in renderer/src/application/useLiveDecision.ts);
 *    baseline: the same bare fetch.
 * Goals (issue 12): cold load < 1 s, print < 1 s, eligibility < 300 ms. Options: --runs N (default 5).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page, Response } from 'playwright-core';
import { startHttpTransport } from '../services/http/server';
import { launchChromium } from '../tests/e2e/support';
import { PASSWORD, setUpLoanData } from '../tests/e2e/loanData';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 5);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n=${xs.length})`;

/** Request sent → response received, from the browser's own timing of the call. */
async function callMs(r: Response): Promise<number> {
  await r.finished();
  const t = r.request().timing();
  return t.responseEnd > 0 ? t.responseEnd - Math.max(0, t.requestStart) : 0;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function main() {
  const staticDir = mkdtempSync(join(tmpdir(), 'gjj-bench-ui-'));
  cpSync(resolve('out/renderer'), staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'blank.html'), '<!doctype html><meta charset="utf-8"><title>blank</title><p>blank</p>');
  const data = setUpLoanData();
  const server = await startHttpTransport(data.app, { staticDir });
  const browser = await launchChromium();
  const newContext = () => browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  try {
    const blank: number[] = [];
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const c0 = await newContext();
      const p0 = await c0.newPage();
      blank.push(await timed(() => p0.goto(new URL('/blank.html', server.url).href, { waitUntil: 'load' })));
      await c0.close();
      const c = await newContext();
      const p = await c.newPage();
      cold.push(await timed(async () => {
        await p.goto(server.url);
        await p.getByLabel('登录名').waitFor();
      }));
      warm.push(await timed(async () => {
        await p.reload();
        await p.getByLabel('登录名').waitFor();
      }));
      await c.close();
    }

    // Signed in as the clerk, on the borrower's page.
    const context = await newContext();
    const page = await context.newPage();
    page.on('popup', (p) => void p.close());
    await page.goto(server.url);
    await page.getByLabel('登录名').fill('clerk');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('operator-name').waitFor();
    const bare = async (pg: Page) => timed(() => pg.evaluate(async () => (await fetch('/blank.html', { cache: 'no-store' })).text()));
    const roundtrip: number[] = [];
    for (let i = 0; i < RUNS; i++) roundtrip.push(await bare(page));

    await page.evaluate((id) => (window.location.hash = `#/member?id=${id}`), data.borrowerId);
    const button = page.getByTestId('print-certificate');
    await button.waitFor();
    const print: number[] = [];
    const printCall: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A fresh page state for each print: the download link belongs to the last print.
      await page.reload();
      await button.waitFor();
      print.push(await timed(async () => {
        const answered = page.waitForResponse((r) => r.url().endsWith('/api/call') && (r.request().postData() ?? '').includes('print.member'));
        await button.click();
        printCall.push(await callMs(await answered));
        await page.getByTestId('print-certificate-download').waitFor();
      }));
    }

    await page.evaluate(() => (window.location.hash = '#/policy?kind=loan&case=commodity'));
    await page.getByTestId('load-example').waitFor();
    await page.getByTestId('pick-person').hover();
    await page.getByTestId('pick-person').locator('.ant-select-clear').click().catch(() => undefined);
    await page.getByTestId('load-example').click();
    const panel = page.getByTestId('decision-panel');
    await panel.getByTestId('verdict').waitFor();
    const amount = page.getByLabel('申请贷款金额', { exact: true });
    const eligibility: number[] = [];
    const evalCall: number[] = [];
    const untilAsked: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const yuan = String(200_000 + 1_000 * (i + 1));
      eligibility.push(await timed(async () => {
        const answered = page.waitForResponse((r) => r.url().endsWith('/api/call') && (r.request().postData() ?? '').includes('rules.evaluateLoan') && (r.request().postData() ?? '').includes(`${yuan}00`));
        const typed = Date.now();
        await amount.fill(yuan);
        const r = await answered;
        evalCall.push(await callMs(r));
        untilAsked.push(r.request().timing().startTime - typed);
        // The panel shows the verdict for this amount (the response rendered).
        await panel.getByTestId('verdict').waitFor();
      }));
    }
    await context.close();

    console.log(`bench:ui — Chromium against the built UI, ${RUNS} runs each; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    console.log(`  baseline: blank page, fresh context        ${fmt(blank)}`);
    console.log(`  cold load (login form), fresh context      ${fmt(cold)}    goal < 1000 ms`);
    console.log(`  warm load (reload, cached hashed assets)   ${fmt(warm)}`);
    console.log(`  baseline: bare fetch from the page         ${fmt(roundtrip)}`);
    console.log(`  print 缴存证明, click → PDF ready           ${fmt(print)}    goal < 1000 ms`);
    console.log(`    of which the print.member call           ${fmt(printCall)}`);
    console.log(`  eligibility, type amount → verdict         ${fmt(eligibility)}    goal < 300 ms`);
    console.log(`    typing → request sent (pause + form)     ${fmt(untilAsked)}`);
    console.log(`    the rules.evaluateLoan call              ${fmt(evalCall)}`);
  } finally {
    await browser.close();
    await server.close();
    data.app.db.close();
    rmSync(data.dir, { recursive: true, force: true });
    rmSync(staticDir, { recursive: true, force: true });
  }
}

void main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);

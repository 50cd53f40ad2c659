/**
 * What every end-to-end file shares: where the built renderer and the screenshots live, and the one place that
 * picks and starts Chromium (headless, no sandbox as root, no background network — these machines have none).
 *
 * Which Chromium: CHROMIUM_PATH when it names a file; otherwise /usr/bin/chromium when installed; otherwise the
 * npm package @sparticuz/chromium (unpacked to /tmp on first use). CHROMIUM_PATH=none (or npm) forces the npm one.
 * The npm Chromium gets a fontconfig of its own that lists only resources/fonts (Noto Serif CJK, the fonts the
 * printed forms embed) and the package's own fonts, so the pages show Chinese on a machine without CJK fonts.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type LaunchOptions, type Locator, type Page, type Response } from 'playwright-core';
import { expect } from 'vitest';
import type { CallName } from '../../shared/contract/calls';
import type { AppState } from '../../services/api/state';
import { startHttpTransport, type HttpTransport } from '../../services/http/server';
import type { BatchRunnerOptions } from '../../services/batch/runner';

export const STATIC_DIR = resolve('out/renderer');
export const SHOTS = resolve('test-output/e2e');

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
/**
 * @sparticuz/chromium's own args are for AWS Lambda; these we leave out: one process for everything (a renderer
 * crash would take the browser, and Lambda needs it only for its sandbox), the web-security switches (they would
 * hide CORS and mixed-content mistakes), and its headless mode (playwright sets headless itself).
 */
const NPM_ARGS_LEFT_OUT = /^--(single-process|disable-web-security|allow-running-insecure-content|headless)(=|$)/;

export type ChromiumChoice = { kind: 'system' | 'npm'; executablePath: string; args: string[]; env?: Record<string, string> };

let npmChoice: Promise<ChromiumChoice> | undefined;

/** Which Chromium the e2e tests start, and with what (see the top of this file). */
export function chooseChromium(): Promise<ChromiumChoice> {
  const wanted = process.env.CHROMIUM_PATH?.trim();
  if (wanted && wanted !== 'none' && wanted !== 'npm') {
    if (!existsSync(wanted)) throw new Error(`CHROMIUM_PATH=${wanted}：找不到该文件`);
    return Promise.resolve({ kind: 'system', executablePath: wanted, args: ARGS });
  }
  if (!wanted && existsSync(SYSTEM_CHROMIUM)) return Promise.resolve({ kind: 'system', executablePath: SYSTEM_CHROMIUM, args: ARGS });
  return (npmChoice ??= npmChromium());
}

async function npmChromium(): Promise<ChromiumChoice> {
  const { default: Sparticuz } = await import('@sparticuz/chromium');
  Sparticuz.setGraphicsMode = false; // no WebGL / SwiftShader: screenshots need none
  const executablePath = await Sparticuz.executablePath();
  const args = [...new Set([...ARGS, ...Sparticuz.args.filter((a) => !NPM_ARGS_LEFT_OUT.test(a))])];
  return { kind: 'npm', executablePath, args, env: { ...stringEnv(), FONTCONFIG_FILE: fontConfig() } };
}

/** A fontconfig file with the repository's CJK fonts and the package's fonts (unpacked to /tmp/fonts), nothing else. */
function fontConfig(): string {
  const dir = join(tmpdir(), 'gjj-e2e-fontconfig');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${resolve('resources/fonts')}</dir>
  <dir>${join(tmpdir(), 'fonts')}</dir>
  <cachedir>${join(dir, 'cache')}</cachedir>
</fontconfig>
`,
  );
  return file;
}

function stringEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** Starts the chosen Chromium headless. */
export async function launchChromium(extra: LaunchOptions = {}): Promise<Browser> {
  const c = await chooseChromium();
  return chromium.launch({ ...extra, executablePath: c.executablePath, args: [...c.args, ...(extra.args ?? [])], ...(c.env ? { env: c.env } : {}) });
}

/** Resolves with the HTTP response of the next contract call of that name the page makes. */
export function waitCall(page: Page, name: CallName, timeout?: number): Promise<Response> {
  return page.waitForResponse(
    (r) => r.url().endsWith('/api/call') && (r.request().postDataJSON() as { call?: string } | null)?.call === name,
    timeout === undefined ? undefined : { timeout },
  );
}

/**
 * Clicks a modal's confirm button and resolves with the call it makes. A click that lands while antd's modal is
 * still settling on a loaded machine can be lost; the button is pressed again (the dialog's idempotency key makes
 * a second press safe: the service answers it with the first result) — at most three times.
 */
export async function clickForCall(page: Page, button: Locator, name: CallName): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const answered = waitCall(page, name, attempt < 3 ? 15_000 : 30_000);
    await button.click();
    try {
      return await answered;
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

/** A full-page screenshot from the top, animations settled, as the clerk first sees the page. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, name), fullPage: true, animations: 'disabled' });
}

/** Signs in on the login form at `url` and waits until the shell shows the operator. */
export async function signIn(page: Page, url: string, login: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('登录名').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.keyboard.press('Enter');
  await page.getByTestId('operator-name').waitFor();
}

/**
 * What an e2e file starts in beforeAll: the built UI served for `app` over HTTP, and a Chromium to drive it
 * (refused with the build command when the UI is not built). stopUi closes both, either possibly missing.
 */
export async function serveUi(app: AppState, batchWorker?: BatchRunnerOptions): Promise<{ server: HttpTransport; browser: Browser }> {
  if (!existsSync(join(STATIC_DIR, 'index.html'))) throw new Error(`找不到已构建的界面 ${STATIC_DIR}/index.html：请先运行 npx electron-vite build`);
  mkdirSync(SHOTS, { recursive: true });
  const server = await startHttpTransport(app, { staticDir: STATIC_DIR, batchWorker });
  return { server, browser: await launchChromium() };
}

export async function stopUi(browser: Browser | undefined, server: HttpTransport | undefined): Promise<void> {
  await browser?.close();
  await server?.close();
}

/** Types a date into an antd DatePicker the way a clerk does, and confirms it with Enter. */
export async function typeDate(scope: Page | Locator, label: string, date: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(date);
}

/**
 * Opens the antd Select labelled `label`, picks the option showing `option`, and waits until the select shows it.
 * On a loaded machine a click can land on the list while it is closing, which antd ignores (CI saw 婚姻状况 stay
 * empty once): then it opens the list and picks again, once; a select that still does not show it fails the test.
 */
export async function chooseOption(page: Page, label: string, option: string | RegExp): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  const shown = input.locator(`xpath=ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]`).locator('.ant-select-content');
  for (let attempt = 1; ; attempt++) {
    await input.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).click();
    try {
      // antd shows the chosen option's label as the title of the select's content.
      await expect.poll(async () => ((await shown.count()) > 0 ? ((await shown.first().getAttribute('title')) ?? '') : ''), { timeout: 5_000 }).toMatch(option);
      return;
    } catch (e) {
      if (attempt === 2) throw e;
    }
  }
}

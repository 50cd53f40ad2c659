/**
 * What every end-to-end file shares: where the built renderer and the screenshots live, and how Debian's Chromium
 * is started here (headless, no sandbox as root, no background network — this machine has none).
 */
import { join, resolve } from 'node:path';
import type { Page, Response } from 'playwright-core';
import type { CallName } from '../../shared/contract/calls';

export const STATIC_DIR = resolve('out/renderer');
export const SHOTS = resolve('test-output/e2e');

export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};

/** Resolves with the HTTP response of the next contract call of that name the page makes. */
export function waitCall(page: Page, name: CallName): Promise<Response> {
  return page.waitForResponse((r) => r.url().endsWith('/api/call') && (r.request().postDataJSON() as { call?: string } | null)?.call === name);
}

/** A full-page screenshot from the top, animations settled, as the clerk first sees the page. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, name), fullPage: true, animations: 'disabled' });
}

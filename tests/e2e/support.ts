/**
 * What every end-to-end file shares: where the built renderer and the screenshots live, and how Debian's Chromium
 * is started here (headless, no sandbox as root, no background network — this machine has none).
 */
import { resolve } from 'node:path';

export const STATIC_DIR = resolve('out/renderer');
export const SHOTS = resolve('test-output/e2e');

export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};

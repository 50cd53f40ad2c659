/**
 * `npm start` on a machine that cannot download Electron (this one: no internet): one clear Chinese paragraph
 * that offers `npm run web`, a non-zero exit, and no stack trace.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const downloaded = existsSync(join(ROOT, 'node_modules', 'electron', 'path.txt'));

describe('npm start without the Electron binary', () => {
  it.skipIf(downloaded)('explains in Chinese, offers npm run web and exits non-zero', () => {
    // A mirror that cannot resolve makes the failure immediate and certain, online or not.
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/start.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_MIRROR: 'https://electron-mirror.invalid/', ELECTRON_GET_USE_PROXY: '' },
      timeout: 120_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('无法启动桌面程序');
    expect(r.stderr).toContain('npm run web');
    expect(r.stderr + r.stdout).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    expect(r.stderr + r.stdout).not.toContain('Electron uninstall');
  });
});

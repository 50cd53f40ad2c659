#!/usr/bin/env node
/**
 * `npm start`: Electron ≥ 42 downloads its own binary on first launch, but electron-vite's preview only looks for
 * node_modules/electron/path.txt and throws "Electron uninstall" with a stack trace when it is missing. So: run
 * Electron's own installer first (node_modules/electron/install.js, its `install-electron` bin); when that fails
 * (no internet, a blocked mirror) say why in one Chinese paragraph, offer `npm run web`, and exit non-zero.
 * Then hand over to `electron-vite preview`, forwarding signals so no process is left behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');

export function electronReady() {
  return existsSync(join(electronDir, 'path.txt'));
}

function fail(detail) {
  console.error(
    [
      '无法启动桌面程序：本机还没有 Electron 程序文件，自动下载也没有成功' + (detail ? `（${detail}）` : '') + '。',
      'Electron 42 起在第一次启动时才从网络下载自身（约 100 MB）；没有外网或下载被拦截的电脑上无法完成。',
      '可以改用浏览器模式：运行 npm run web，然后在浏览器中打开 http://127.0.0.1:5177 （功能相同，数据目录 .data/web）；',
      '或在能上网时运行一次 npm start 完成下载，也可以设置 ELECTRON_MIRROR 指向单位内部的镜像后重试。',
    ].join('\n'),
  );
  process.exit(1);
}

if (!existsSync(electronDir)) fail('node_modules/electron 不存在，请先运行 npm ci');
if (!electronReady()) {
  console.log('首次启动：正在下载 Electron 程序文件……');
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: root, encoding: 'utf8', timeout: 10 * 60 * 1000 });
  if (r.status !== 0 || !electronReady()) {
    const reason = `${r.stderr ?? ''}${r.stdout ?? ''}`.match(/(ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|getaddrinfo|fetch failed|HTTPError[^\n]*)/)?.[0];
    fail(reason ? `下载失败：${reason}` : r.error ? String(r.error.message) : '下载失败');
  }
}

const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
const child = spawn(bin, ['preview', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

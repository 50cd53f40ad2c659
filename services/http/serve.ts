/**
 * `npm run web`: the renderer and the service API on 127.0.0.1, for machines without a display and for the
 * end-to-end tests. Data folder: --data DIR (default .data/web); port: --port N (default 5177).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openAppState } from '../api/state';
import { AppError } from '../../shared/errors';
import { acquireDataLock } from '../app/lock';
import { startHttpTransport } from './server';
import { stopOnSignals } from './shutdown';
import { warmUpPrintingSoon } from '../print/warmUp';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : (process.env[`GJJ_${name.toUpperCase()}`] ?? fallback);
}

async function main() {
  const dataDir = resolve(arg('data', '.data/web'));
  const staticDir = resolve(arg('static', 'out/renderer'));
  if (!existsSync(resolve(staticDir, 'index.html'))) {
    console.error(`找不到已构建的界面：${staticDir}/index.html。请先运行 npm run build。`);
    process.exit(1);
  }
  try {
    acquireDataLock(dataDir, 'npm run web');
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    console.error(`无法启动：${e.message}`);
    process.exit(1);
  }
  const app = openAppState(dataDir);
  const t = await startHttpTransport(app, { port: Number(arg('port', '5177')), staticDir });
  console.log(`公积金柜台（浏览器模式）已启动：${t.url}  数据目录：${dataDir}${app.ctx ? `  中心：${app.ctx.center.name}` : '（尚未初始化，首次打开时选择中心）'}`);
  warmUpPrintingSoon(); // the first print a clerk makes is then a warm one (services/print/warmUp.ts)
  // Keep-alive connections must not hold the port: give in-flight calls two seconds, then go.
  const stop = stopOnSignals(() => t.close().then(() => app.db.close()), 2000);
  // No orphan: when whatever started us (npm, a shell, a terminal) dies without passing the signal on — kill -9 of
  // `npm run web` — we are re-parented, and we stop instead of holding the port and the data folder.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 500).unref();
}

main().catch((err: unknown) => {
  // A data folder that cannot be opened (an integrity alarm, a missing key) is one clear sentence, not a stack.
  console.error(err instanceof AppError ? `无法启动：${err.message}` : err);
  process.exit(1);
});

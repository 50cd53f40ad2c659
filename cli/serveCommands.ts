/**
 * `gjj serve`: the branch host (网点主机). One PC holds the branch ledger and serves the same contract and the built
 * renderer over HTTPS on the LAN, loopback included. It takes the data folder's writer lock, makes (or reuses) the
 * folder's TLS certificate and prints its SHA-256 fingerprint, which every terminal compares and pins.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppError } from '../shared/errors';
import { acquireDataLock } from '../services/app/lock';
import { dbPath } from '../services/app/open';
import { openAppState } from '../services/api/state';
import { parseListen as parseListenAddress, startBranchHost, terminalAddresses, type Listen } from '../services/http/branchHost';
import { stopOnSignals } from '../services/http/shutdown';
import { warmUpPrintingSoon } from '../services/print/warmUp';
import { UsageError } from './args';
import type { Command } from './commands';
import { dataDirOf } from './util';

/** "0.0.0.0:8443" → { host, port }; a usage error (exit 2) when malformed. */
export function parseListen(text: string): Listen {
  try {
    return parseListenAddress(text);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

async function serve(dir: string, listen: Listen, names: string[], staticDir: string): Promise<void> {
  if (!existsSync(dbPath(dir))) throw new AppError('NOT_FOUND', `数据目录尚未初始化：${dir}。请先运行 gjj init 并用 gjj user add 添加操作员`);
  acquireDataLock(dir, 'gjj serve');
  const app = openAppState(dir);
  const h = await startBranchHost(app, dir, listen, names, staticDir);
  const t = h.transport;
  console.log(`网点主机已启动：${t.url}  数据目录：${dir}  中心：${app.ctx!.center.name}`);
  console.log(`证书指纹（SHA-256）：${h.fingerprint}`);
  console.log(`终端可用地址：${terminalAddresses(h)}`);
  if (h.certificateCreated) console.log(`已生成新的主机证书（${dir}/gjj-tls.crt）：各柜台终端须核对上面的指纹后重新确认。`);
  if (!h.hasStatic) console.log(`提示：找不到已构建的界面 ${staticDir}/index.html（npm run build），只提供业务接口。`);
  warmUpPrintingSoon(); // the counters' first print is then a warm one (services/print/warmUp.ts)
  stopOnSignals(() => {
    // Terminals keep their connections open (keep-alive): close them so the host stops at once.
    const closing = t.close();
    t.server.closeAllConnections();
    return closing.then(() => app.db.close());
  });
}

export const SERVE_COMMANDS: Command[] = [
  {
    name: 'serve',
    usage: 'serve --data DIR --listen HOST:PORT [--name NAME[,NAME…]] [--static DIR]',
    help:
      '网点主机：在局域网上以 HTTPS 提供业务接口和界面，供各柜台终端、复核与审批共用一本账。\n' +
      '首次启动时在数据目录生成主机证书（gjj-tls.crt / gjj-tls.key），并显示其 SHA-256 指纹供终端核对。\n' +
      '--name 为终端访问本机所用的计算机名或地址（可用逗号分隔多个），写入证书并允许作为访问地址。',
    run(opts) {
      const dir = dataDirOf(opts);
      const listen = parseListen(opts.str('listen', '监听地址'));
      const names = (opts.optStr('name') ?? '').split(',').map((n) => n.trim()).filter(Boolean);
      const staticDir = resolve(opts.optStr('static') ?? builtRenderer());
      opts.done();
      serve(dir, listen, names, staticDir).catch((err: unknown) => {
        console.error(err instanceof AppError ? `无法启动：${err.message}` : err);
        process.exit(err instanceof AppError && err.code === 'BUSY' ? 3 : 1);
      });
      return 0;
    },
  },
];

/** out/renderer of this checkout, from cli/ (tsx) or from out/main (the prebuilt command line). */
function builtRenderer(): string {
  let dir = __dirname;
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'package.json'))) break;
    dir = dirname(dir);
  }
  return join(dir, 'out', 'renderer');
}

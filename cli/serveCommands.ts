/**
 * `gjj serve`: the branch host (网点主机). One PC holds the branch ledger and serves the same contract and the built
 * renderer over HTTPS on the LAN, loopback included. It takes the data folder's writer lock, makes (or reuses) the
 * folder's TLS certificate and prints its SHA-256 fingerprint, which every terminal compares and pins.
 */
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { AppError } from '../shared/errors';
import { acquireDataLock } from '../services/app/lock';
import { dbPath } from '../services/app/open';
import { openAppState } from '../services/api/state';
import { startHttpTransport } from '../services/http/server';
import { ensureHostCertificate } from '../services/http/tls';
import { UsageError } from './args';
import type { Command } from './commands';
import { dataDirOf } from './util';

/** "0.0.0.0:8443" → { host, port }; "[::1]:8443" too. */
export function parseListen(text: string): { host: string; port: number } {
  const m = /^(\[[0-9a-fA-F:]+\]|[^:\s]+):(\d{1,5})$/.exec(text.trim());
  const port = m ? Number(m[2]) : NaN;
  if (!m || port > 65535) throw new UsageError(`--listen 应为 地址:端口，例如 0.0.0.0:8443：${text}`);
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
}

/** The LAN's own IPv4 addresses, for a host listening on every interface. */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

async function serve(dir: string, listen: { host: string; port: number }, names: string[], staticDir: string): Promise<void> {
  if (!existsSync(dbPath(dir))) throw new AppError('NOT_FOUND', `数据目录尚未初始化：${dir}。请先运行 gjj init 并用 gjj user add 添加操作员`);
  acquireDataLock(dir, 'gjj serve');
  const app = openAppState(dir);
  if (!app.ctx) throw new AppError('NOT_FOUND', `数据目录尚未选定公积金中心：请先运行 gjj init`);
  const everywhere = listen.host === '0.0.0.0' || listen.host === '::';
  const certNames = [...(everywhere ? lanAddresses() : [listen.host]), ...names];
  const cert = await ensureHostCertificate(dir, certNames);
  const hasStatic = existsSync(resolve(staticDir, 'index.html'));
  const t = await startHttpTransport(app, {
    port: listen.port,
    listenHost: listen.host,
    staticDir: hasStatic ? staticDir : undefined,
    tls: { cert: cert.cert, key: cert.key },
    allowedNames: [...new Set([...cert.names, ...(everywhere ? [] : [listen.host]), ...names.map((n) => n.toLowerCase())])],
  });
  const port = Number(new URL(t.url).port);
  const startedAt = app.clock.now().toISOString();
  app.host = { mode: '网点主机', fingerprint: cert.fingerprint, listen: `${listen.host}:${port}`, names: cert.names.map((n) => `${n}:${port}`), startedAt };
  console.log(`网点主机已启动：${t.url}  数据目录：${dir}  中心：${app.ctx.center.name}`);
  console.log(`证书指纹（SHA-256）：${cert.fingerprint}`);
  console.log(`终端可用地址：${cert.names.map((n) => `https://${n.includes(':') ? `[${n}]` : n}:${port}`).join('  ')}`);
  if (cert.created) console.log(`已生成新的主机证书（${dir}/gjj-tls.crt）：各柜台终端须核对上面的指纹后重新确认。`);
  if (!hasStatic) console.log(`提示：找不到已构建的界面 ${staticDir}/index.html（npm run build），只提供业务接口。`);
  const stop = () => {
    // Terminals keep their connections open (keep-alive): close them so the host stops at once.
    const closing = t.close();
    t.server.closeAllConnections();
    void closing.then(() => {
      app.db.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
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
      const staticDir = resolve(opts.optStr('static') ?? resolve(__dirname, '..', 'out', 'renderer'));
      opts.done();
      serve(dir, listen, names, staticDir).catch((err: unknown) => {
        console.error(err instanceof AppError ? `无法启动：${err.message}` : err);
        process.exit(err instanceof AppError && err.code === 'BUSY' ? 3 : 1);
      });
      return 0;
    },
  },
];

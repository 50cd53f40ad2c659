/**
 * The branch host (网点主机) on the LAN: the same contract and the built renderer over HTTPS, with the data
 * folder's own certificate (made or reused here) whose SHA-256 fingerprint every terminal compares and pins.
 * `gjj serve` and the desktop app in 网点主机 mode (electron/backend.ts) both start it through here.
 */
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import type { AppState } from '../api/state';
import { startHttpTransport, type HttpTransport } from './server';
import { ensureHostCertificate } from './tls';
import { startSyncWorker } from '../branch/syncWorker';

export interface Listen {
  host: string;
  port: number;
}

/** "0.0.0.0:8443" → { host, port }; "[::1]:8443" too. */
export function parseListen(text: string, field = 'listen'): Listen {
  const m = /^(\[[0-9a-fA-F:]+\]|[^:\s]+):(\d{1,5})$/.exec(text.trim());
  const port = m ? Number(m[2]) : NaN;
  if (!m || port > 65535) throw new AppError('BAD_INPUT', `--listen 应为 地址:端口，例如 0.0.0.0:8443：${text}`, field);
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
}

/** The LAN's own IPv4 addresses, for a host listening on every interface. */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

export interface BranchHost {
  transport: HttpTransport;
  url: string;
  port: number;
  fingerprint: string;
  names: string[];
  certificateCreated: boolean;
  hasStatic: boolean;
  /** The background push to the center runs. */
  syncing: boolean;
}

export async function startBranchHost(app: AppState, dir: string, listen: Listen, names: string[], staticDir: string): Promise<BranchHost> {
  if (!app.ctx) throw new AppError('NOT_FOUND', `数据目录尚未选定公积金中心：请先运行 gjj init`);
  const everywhere = listen.host === '0.0.0.0' || listen.host === '::';
  const certNames = [...(everywhere ? lanAddresses() : [listen.host]), ...names];
  const cert = await ensureHostCertificate(dir, certNames);
  const hasStatic = existsSync(resolve(staticDir, 'index.html'));
  const transport = await startHttpTransport(app, {
    port: listen.port,
    listenHost: listen.host,
    staticDir: hasStatic ? staticDir : undefined,
    tls: { cert: cert.cert, key: cert.key },
    allowedNames: [...new Set([...cert.names, ...(everywhere ? [] : [listen.host]), ...names.map((n) => n.toLowerCase())])],
  });
  const port = Number(new URL(transport.url).port);
  app.host = {
    mode: '网点主机',
    fingerprint: cert.fingerprint,
    listen: `${listen.host}:${port}`,
    names: cert.names.map((n) => `${n}:${port}`),
    startedAt: app.clock.now().toISOString(),
  };
  // A folder that joined a center with an address pushes to it in the background (services/branch/syncWorker.ts).
  const env = (k: string) => (process.env[k] ? Number(process.env[k]) : undefined);
  const sync = startSyncWorker(app.ctx, dir, { maxBackoffMs: env('GJJ_SYNC_MAX_BACKOFF_MS'), pollMs: env('GJJ_SYNC_POLL_MS'), downPollMs: env('GJJ_SYNC_DOWN_POLL_MS'), log: (line) => console.log(line) });
  if (sync) app.sync = sync;
  const close = transport.close.bind(transport);
  transport.close = () => {
    sync?.stop();
    return close();
  };
  return { transport, url: transport.url, port, fingerprint: cert.fingerprint, names: cert.names, certificateCreated: cert.created, hasStatic, syncing: !!sync };
}

export function terminalAddresses(h: BranchHost): string {
  return h.names.map((n) => `https://${n.includes(':') ? `[${n}]` : n}:${h.port}`).join('  ');
}

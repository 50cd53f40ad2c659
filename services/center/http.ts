/**
 * The center's HTTPS endpoint (`gjj center serve`): a small route table. Branch → center:
 *   POST /sync/push          body: a signed batch, byte for byte what `gjj sync export` writes to a file; verified and
 *                            applied by importBatch exactly as `gjj center import` does (idempotent by branch and seal).
 *                            Answers what the center now holds for that branch (last seal and mac).
 *   GET  /sync/status?branch=CODE   what the center holds for the branch.
 * Answers are `{ ok: true, data }` or `{ ok: false, error: { code, message }, held? }`. The certificate is the
 * center's own, self-signed, made once in CDIR (gjj-tls.crt / gjj-tls.key); branches pin its SHA-256 fingerprint.
 * Batches are applied one at a time (a queue), so concurrent pushes never wait on each other's row locks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { sql } from 'kysely';
import { AppError } from '../../shared/errors';
import { ensureHostCertificate, fingerprintOf, TLS_CERT_FILE, TLS_KEY_FILE } from '../http/tls';
import { importBatch } from './import';
import type { CenterStore } from './store';

export const MAX_BATCH_BYTES = 256 * 1024 * 1024;

export interface CenterCertificate {
  cert: string;
  key: string;
  fingerprint: string;
  created: boolean;
}

/** The center's certificate: the one in CDIR if there is one (its fingerprint is what branches pinned), else a new one. */
export async function centerCertificate(cdir: string, names: string[] = []): Promise<CenterCertificate> {
  const certFile = join(cdir, TLS_CERT_FILE);
  const keyFile = join(cdir, TLS_KEY_FILE);
  if (existsSync(certFile) && existsSync(keyFile)) {
    const cert = readFileSync(certFile, 'utf8');
    return { cert, key: readFileSync(keyFile, 'utf8'), fingerprint: fingerprintOf(cert), created: false };
  }
  const c = await ensureHostCertificate(cdir, names);
  return { cert: c.cert, key: c.key, fingerprint: c.fingerprint, created: true };
}

export interface BranchHead {
  branch: string;
  lastSeal: number;
  lastMac: string;
  receivedAt: string | null;
}

export async function branchHead(store: CenterStore, branch: string): Promise<BranchHead | null> {
  const r = await sql<{ last_seal: string; last_mac: string; received_at: string | null }>`
    SELECT b.last_seal, b.last_mac, (SELECT MAX(received_at)::text FROM center_batches x WHERE x.branch_code = b.code) AS received_at
      FROM center_branches b WHERE b.code = ${branch}`.execute(store.db);
  const h = r.rows[0];
  return h ? { branch, lastSeal: Number(h.last_seal), lastMac: h.last_mac, receivedAt: h.received_at } : null;
}

type Reply = { status: number; body: unknown };
type Route = (store: CenterStore, req: IncomingMessage, url: URL, log: (line: string) => void) => Promise<Reply>;

const fail = (status: number, code: string, message: string, extra: Record<string, unknown> = {}): Reply => ({ status, body: { ok: false, error: { code, message }, ...extra } });

function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((ok, bad) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        bad(new AppError('BAD_INPUT', `批次过大（超过${Math.round(max / 1048576)} MB）：请分批推送`));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', bad);
  });
}

let queue: Promise<unknown> = Promise.resolve();
function serially<T>(fn: () => Promise<T>): Promise<T> {
  const next = queue.then(fn, fn);
  queue = next.catch(() => undefined);
  return next;
}

const branchOf = (content: string): string | null => /"branch":"([^"]{1,32})"/.exec(content.slice(0, 4096))?.[1] ?? null;

/** The route table: `METHOD path` → handler. (The center → branch routes join it.) */
export const CENTER_ROUTES: Record<string, Route> = {
  'POST /sync/push': async (store, req, _url, log) => {
    const content = await readBody(req, MAX_BATCH_BYTES);
    const branch = branchOf(content);
    log(`收到网点${branch ?? '?'}的批次（${content.length}字节）`);
    try {
      const r = await serially(() => importBatch(store, content));
      const head = await branchHead(store, r.branch);
      log(r.message);
      return { status: 200, body: { ok: true, data: { ...r, lastSeal: head?.lastSeal ?? 0, lastMac: head?.lastMac ?? '' } } };
    } catch (err) {
      const e = err instanceof AppError ? err : new AppError('INTERNAL', err instanceof Error ? err.message : String(err));
      const held = branch ? await branchHead(store, branch).catch(() => null) : null;
      log(`批次未导入：${e.message}`);
      return fail(e.code === 'INTERNAL' ? 500 : 409, e.code, e.message, held ? { held } : {});
    }
  },
  'GET /sync/status': async (store, _req, url) => {
    const branch = url.searchParams.get('branch') ?? '';
    const head = await branchHead(store, branch);
    if (!head) return fail(404, 'NOT_FOUND', `网点${branch}未在本中心登记（先 gjj center register 其入网回执）`);
    return { status: 200, body: { ok: true, data: head } };
  },
};

export interface CenterServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startCenterServer(
  store: CenterStore,
  opts: { host: string; port: number; cert: string; key: string; log?: (line: string) => void },
): Promise<CenterServer> {
  const log = opts.log ?? (() => {});
  const server = createServer({ cert: opts.cert, key: opts.key, minVersion: 'TLSv1.2' }, (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://center');
    const route = CENTER_ROUTES[`${req.method} ${url.pathname}`];
    const send = (r: Reply) => {
      const text = JSON.stringify(r.body);
      res.writeHead(r.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
      res.end(text);
    };
    if (!route) return send(fail(404, 'NOT_FOUND', `没有这个接口：${req.method} ${url.pathname}`));
    route(store, req, url, log).then(send, (err: unknown) => send(fail(err instanceof AppError ? 400 : 500, err instanceof AppError ? err.code : 'INTERNAL', err instanceof Error ? err.message : String(err))));
  });
  server.requestTimeout = 10 * 60_000;
  await new Promise<void>((ok, bad) => {
    server.once('error', bad);
    server.listen(opts.port, opts.host, () => ok());
  });
  const port = (server.address() as { port: number }).port;
  const shown = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    server,
    port,
    url: `https://${shown === '0.0.0.0' ? '127.0.0.1' : shown}:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

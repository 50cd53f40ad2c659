/**
 * The center's HTTPS endpoint (`gjj center serve`): a small route table. Branch → center:
 *   POST /sync/push          body: a signed batch, byte for byte what `gjj sync export` writes to a file; verified and
 *                            applied by importBatch exactly as `gjj center import` does (idempotent by branch and seal).
 *                            Answers what the center now holds for that branch (last seal and mac).
 *   GET  /sync/status?branch=CODE   what the center holds for the branch.
 * Center → branch:
 *   GET  /sync/down?branch=CODE&from=N&limit=L&at=…&sig=…   the signed down batch of the changes after N, the same
 *                            bytes `gjj center outbox` writes (buildOutbox, with the transfer hold); the request is
 *                            signed with the branch's registered key (it carries the member register).
 * Administrator (services/center/adminRoutes.ts): `/admin/…`, only from this machine and with the token in
 *   CDIR/center.serve.json (0600), so `gjj center register / check / …` work while the center serves.
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
import { timingSafeEqual } from 'node:crypto';
import { verifyDownRequest } from '../branch/downBatch';
import { ADMIN_ROUTES } from './adminRoutes';
import { importBatch } from './import';
import { buildOutbox } from './outbox';
import { fail, failWith, ok, readBody, serially, type CenterServerEnv, type Reply, type Route } from './routeKit';
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

const branchOf = (content: string): string | null => /"branch":"([^"]{1,32})"/.exec(content.slice(0, 4096))?.[1] ?? null;

/** The route table: `METHOD path` → handler. */
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
  'GET /sync/down': async (store, _req, url, log, env) => {
    const branch = url.searchParams.get('branch') ?? '';
    const known = await sql<{ public_key: string }>`SELECT public_key FROM center_branches WHERE code = ${branch}`.execute(store.db);
    if (!known.rows[0]) return fail(404, 'NOT_FOUND', `网点${branch}未在本中心登记（先 gjj center register 其入网回执）`);
    try {
      const q = verifyDownRequest(url.searchParams, known.rows[0].public_key);
      const r = await buildOutbox(store, env.cdir, branch, q.from, new Date(), q.limit);
      const head = await sql<{ n: string }>`SELECT COALESCE(MAX(seq), 0) AS n FROM center_changes`.execute(store.db);
      const latest = Number(head.rows[0]!.n);
      if (!r.batch) return ok({ file: null, fromSeq: null, toSeq: null, held: r.held, latest });
      log(`下发网点${branch}中心第${r.batch.fromSeq}至${r.batch.toSeq}号变更`);
      return ok({ file: r.file, fromSeq: r.batch.fromSeq, toSeq: r.batch.toSeq, held: r.batch.held, latest });
    } catch (err) {
      log(`下发网点${branch}被拒绝：${err instanceof Error ? err.message : String(err)}`);
      return failWith(err);
    }
  },
  ...ADMIN_ROUTES,
};

/** Same machine: loopback, or a connection to the listening address from that address. */
function fromThisMachine(req: IncomingMessage): boolean {
  const remote = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  const local = (req.socket.localAddress ?? '').replace(/^::ffff:/, '');
  return remote === '127.0.0.1' || remote === '::1' || (remote !== '' && remote === local);
}

function adminAllowed(req: IncomingMessage, env: CenterServerEnv): Reply | null {
  if (!fromThisMachine(req)) return fail(403, 'FORBIDDEN', '中心管理接口只接受本机的请求（在中心机器上运行 gjj center …）');
  const given = Buffer.from((req.headers.authorization ?? '').replace(/^Bearer\s+/i, ''));
  const want = Buffer.from(env.adminToken);
  if (!env.adminToken || given.length !== want.length || !timingSafeEqual(given, want)) return fail(403, 'FORBIDDEN', '中心管理口令不符（读取 CDIR/center.serve.json 的 gjj center 命令自动携带）');
  return null;
}

export interface CenterServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startCenterServer(
  store: CenterStore,
  opts: { host: string; port: number; cert: string; key: string; log?: (line: string) => void; cdir?: string; adminToken?: string },
): Promise<CenterServer> {
  const log = opts.log ?? (() => {});
  const env: CenterServerEnv = { cdir: opts.cdir ?? '', adminToken: opts.adminToken ?? '' };
  const server = createServer({ cert: opts.cert, key: opts.key, minVersion: 'TLSv1.2' }, (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'https://center');
    const route = CENTER_ROUTES[`${req.method} ${url.pathname}`];
    const send = (r: Reply) => {
      const text = JSON.stringify(r.body);
      res.writeHead(r.status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
      res.end(text);
    };
    if (!route) return send(fail(404, 'NOT_FOUND', `没有这个接口：${req.method} ${url.pathname}`));
    if (url.pathname.startsWith('/admin/')) {
      const refused = adminAllowed(req, env);
      if (refused) return send(refused);
    }
    route(store, req, url, log, env).then(send, (err: unknown) => send(fail(err instanceof AppError ? 400 : 500, err instanceof AppError ? err.code : 'INTERNAL', err instanceof Error ? err.message : String(err))));
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

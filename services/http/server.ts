/**
 * The local HTTP transport of the contract, for machines without a display and for end-to-end tests: the same
 * dispatcher the Electron backend runs, reached with POST /api/call { call, input } and the session token in
 * `Authorization: Bearer …`. Static files of the built renderer are served from `staticDir`.
 * It listens on 127.0.0.1 only and refuses requests whose Host or Origin is not this loopback server, so a web
 * page elsewhere cannot drive the ledger through the clerk's browser (DNS rebinding, cross-site POSTs).
 * As a branch host (`gjj serve`, 网点主机) it serves HTTPS with the host's certificate on the given address, and
 * the allowed Host values are `<name>:<port>` for each name given (listen address, --name, certificate SANs); an
 * Origin must be `https://` one of them. The terminal id (X-GJJ-Terminal), remote address and user agent are
 * handed to the dispatcher, which records them in the session.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { ClientInfo } from '../auth/sessions';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { enableBatchWorker, type AppState } from '../api/state';
import type { BatchRunnerOptions } from '../batch/runner';
import { dispatchAsync } from '../api/dispatch';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};
const MAX_BODY = 2 * 1024 * 1024;
/** Deeper JSON than any contract input needs is refused before parsing, so no request can exhaust the stack. */
const MAX_JSON_DEPTH = 64;

export interface HttpTransport {
  server: Server;
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    ...extra,
  });
  res.end(body);
}

const fail = (res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}) =>
  send(res, status, JSON.stringify({ ok: false, error: { code: 'BAD_INPUT', message } }), undefined, { ...extra });

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY) return reject(new BodyTooLarge());
    let size = 0;
    let tooLarge = false;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        // Keep reading (and dropping) so the client receives the 413 instead of a reset connection.
        tooLarge = true;
        chunks.length = 0;
      } else if (!tooLarge) chunks.push(c);
    });
    req.on('end', () => (tooLarge ? reject(new BodyTooLarge()) : ok(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/** Nesting depth of a JSON text, counted on brackets outside strings, without parsing it. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/** Vite's hashed build assets: assets/<name>-<8+ url-safe hash chars>.<ext>. */
const HASHED_ASSET = /^assets[/\\][^/\\]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/**
 * A hashed asset never changes under its name, so the browser keeps it for a year without asking again (a new
 * build has new names); everything else — index.html above all, which names the current assets — stays no-store.
 */
export function cacheHeaders(staticRoot: string, file: string): Record<string, string> {
  const rel = file.slice(staticRoot.length + 1);
  return HASHED_ASSET.test(rel) ? { 'Cache-Control': 'public, max-age=31536000, immutable' } : {};
}

const STATUS: Record<string, number> = { BAD_INPUT: 400, UNKNOWN_CALL: 404, NO_SESSION: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RULE: 422, BUSY: 503, INTERNAL: 500 };

export interface TransportOptions {
  port?: number;
  staticDir?: string;
  /** Address to listen on; 127.0.0.1 unless given (a branch host: 0.0.0.0 or a LAN address). */
  listenHost?: string;
  /** Serve HTTPS with this certificate and key (PEM). */
  tls?: { cert: string; key: string };
  /** Host names/addresses clients may use (with the port); loopback only when absent. */
  allowedNames?: string[];
  /** Long batches run in a worker thread while this transport serves (services/batch/runner.ts). */
  batchWorker?: BatchRunnerOptions;
}

/** A terminal id as a client sends it: letters, digits, - and _, at most 64; anything else is ignored. */
export function clientInfo(req: IncomingMessage): ClientInfo {
  const t = req.headers['x-gjj-terminal'];
  const terminal = typeof t === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(t) ? t : undefined;
  const ua = req.headers['user-agent'];
  return { terminal, address: req.socket.remoteAddress ?? undefined, userAgent: typeof ua === 'string' ? ua.slice(0, 200) : undefined };
}

const hostPart = (n: string) => (n.includes(':') && !n.startsWith('[') ? `[${n}]` : n).toLowerCase();

export function startHttpTransport(app: AppState, opts: TransportOptions = {}): Promise<HttpTransport> {
  const staticRoot = opts.staticDir ? resolve(opts.staticDir) : null;
  // Several clerks share this thread: a 年终结息 must not hold it (issue 14).
  enableBatchWorker(app, opts.batchWorker);
  const scheme = opts.tls ? 'https' : 'http';
  let origin = '';
  let allowedHosts: Set<string> | null = null; // `<name>:<port>`, known once listening
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const host = req.headers.host ?? '';
      if (allowedHosts ? !allowedHosts.has(host.toLowerCase()) : !/^(127\.0\.0\.1|localhost):\d+$/.test(host)) {
        return send(res, 421, JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: allowedHosts ? '访问地址不是本网点主机的地址' : '仅限本机访问' } }));
      }
      let url: URL;
      let pathname: string;
      try {
        url = new URL(req.url ?? '/', `${scheme}://${host}`);
        pathname = decodeURIComponent(url.pathname);
      } catch {
        return fail(res, 400, '请求地址格式不正确（网址编码无效）');
      }
      if (url.pathname === '/api/call') {
        if (req.method !== 'POST') return send(res, 405, JSON.stringify({ ok: false, error: { code: 'BAD_INPUT', message: '请使用POST' } }));
        const reqOrigin = req.headers.origin;
        const originOk = allowedHosts
          ? reqOrigin?.startsWith('https://') && allowedHosts.has(reqOrigin.slice(8).toLowerCase())
          : reqOrigin === origin || reqOrigin === origin.replace('127.0.0.1', 'localhost');
        if (reqOrigin && !originOk) {
          return send(res, 403, JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: '拒绝跨站请求' } }));
        }
        let text: string;
        try {
          text = await readBody(req);
        } catch (e) {
          if (e instanceof BodyTooLarge) return fail(res, 413, `请求内容过大：不能超过${MAX_BODY / 1024 / 1024} MB`, { Connection: 'close' });
          throw e;
        }
        if (jsonDepth(text) > MAX_JSON_DEPTH) return fail(res, 400, `请求内容嵌套层数过多（不能超过${MAX_JSON_DEPTH}层）`);
        let body: { call?: unknown; input?: unknown };
        try {
          body = JSON.parse(text) as { call?: unknown; input?: unknown };
        } catch {
          return fail(res, 400, '请求内容不是有效的JSON');
        }
        if (!body || typeof body !== 'object' || Array.isArray(body)) return fail(res, 400, '请求内容应为 {"call": …, "input": …} 形式的JSON对象');
        const auth = req.headers.authorization;
        const token = auth?.startsWith('Bearer ') ? auth.slice(7) : null;
        const result = await dispatchAsync(app, { call: String(body.call), input: body.input, token, client: clientInfo(req) });
        // BUSY: another writer holds the database; the client retries the same request (same idempotency key).
        const retry: Record<string, string> = !result.ok && result.error.code === 'BUSY' ? { 'Retry-After': '1' } : {};
        return send(res, result.ok ? 200 : (STATUS[result.error.code] ?? 500), JSON.stringify(result), undefined, retry);
      }
      if (!staticRoot || (req.method !== 'GET' && req.method !== 'HEAD')) return send(res, 404, '{}');
      const rel = normalize(pathname).replace(/^([/\\])+/, '');
      let file = join(staticRoot, rel || 'index.html');
      if (!file.startsWith(staticRoot + sep) && file !== staticRoot) return send(res, 403, '{}');
      let data: Buffer;
      try {
        data = await readFile(file);
      } catch {
        file = join(staticRoot, 'index.html'); // single-page app: unknown paths load the app
        data = await readFile(file);
      }
      send(res, 200, data, TYPES[extname(file)] ?? 'application/octet-stream', cacheHeaders(staticRoot, file));
    } catch (err) {
      console.error('[gjj http]', err);
      send(res, 500, JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: '系统内部错误' } }));
    }
  };
  const server: Server = opts.tls ? createHttpsServer({ cert: opts.tls.cert, key: opts.tls.key, minVersion: 'TLSv1.2' }, handler) : createServer(handler);
  return new Promise((ok, fail) => {
    server.once('error', fail);
    const listenHost = opts.listenHost ?? '127.0.0.1';
    server.listen(opts.port ?? 0, listenHost, () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      if (opts.allowedNames) allowedHosts = new Set(opts.allowedNames.map((n) => `${hostPart(n)}:${port}`));
      const shown = listenHost === '0.0.0.0' || listenHost === '::' ? '127.0.0.1' : listenHost;
      origin = `${scheme}://${hostPart(shown)}:${port}`;
      const closeServer = () => new Promise<void>((done) => server.close(() => done()));
      ok({ server, url: origin, close: () => Promise.all([closeServer(), app.batches?.close()]).then(() => undefined) });
    });
  });
}

/**
 * The branch's HTTPS client to its center (services/center/http.ts), pinned to the center certificate's SHA-256
 * fingerprint from the enrollment file — the approach of electron/hostClient.ts: the certificate is self-signed, so
 * the CA check cannot apply; the TLS socket is opened by hand and on 'secureConnect', before one byte is written,
 * the peer certificate's fingerprint must equal the pinned one, or nothing is sent.
 */
import { request, type IncomingMessage } from 'node:http';
import { connect, type TLSSocket } from 'node:tls';
import { AppError } from '../../shared/errors';
import { networkReason } from '../../shared/networkErrors';

export const CENTER_CONNECT_TIMEOUT_MS = 5_000;
export const CENTER_RESPONSE_TIMEOUT_MS = 5 * 60_000;

export const normalizeFp = (text: string): string => text.replace(/[\s:-]/g, '').toUpperCase();
const shortFp = (fp: string) => {
  const p = fp.split(':');
  return p.length > 8 ? `${p.slice(0, 4).join(':')} … ${p.slice(-4).join(':')}` : fp;
};

/** The line is down (retry later) — as opposed to an answer from the center refusing something. */
export class CenterUnreachable extends Error {}
/** The center presented another certificate: never send, never retry silently. */
export class CenterCertChanged extends Error {}

export interface CenterAnswer<T> {
  status: number;
  ok: boolean;
  data?: T;
  error?: { code: string; message: string };
  held?: { lastSeal: number; lastMac: string };
}

export interface CenterClient {
  url: string;
  get<T>(path: string): Promise<CenterAnswer<T>>;
  post<T>(path: string, body: string): Promise<CenterAnswer<T>>;
}

export function centerClient(url: string, fingerprint: string, timeouts: { connectMs?: number; responseMs?: number; headers?: Record<string, string> } = {}): CenterClient {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const port = Number(u.port || 443);
  const pinned = normalizeFp(fingerprint);

  function open(): Promise<TLSSocket> {
    return new Promise((ok, bad) => {
      const socket = connect({ host, port, ...(/^[\d.]+$|:/.test(host) ? {} : { servername: host }), rejectUnauthorized: false, minVersion: 'TLSv1.2' });
      const timer = setTimeout(() => socket.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), timeouts.connectMs ?? CENTER_CONNECT_TIMEOUT_MS);
      socket.once('error', (e) => {
        clearTimeout(timer);
        bad(e);
      });
      socket.once('secureConnect', () => {
        clearTimeout(timer);
        const seen = socket.getPeerCertificate()?.fingerprint256 ?? '';
        if (normalizeFp(seen) !== pinned) {
          socket.destroy();
          return bad(
            new CenterCertChanged(
              `中心 ${u.host} 出示的证书与入网文件确认的不一致（现在出示 ${shortFp(seen || '（无证书）')}，入网时确认 ${shortFp(fingerprint)}），可能被冒充：拒绝推送。请与中心核对证书指纹，必要时由中心重新签发入网文件（gjj center enroll --url）后 gjj sync join`,
            ),
          );
        }
        ok(socket);
      });
    });
  }

  async function send<T>(method: string, path: string, body?: string): Promise<CenterAnswer<T>> {
    let socket: TLSSocket;
    try {
      socket = await open();
    } catch (e) {
      if (e instanceof CenterCertChanged) throw e;
      const code = (e as { code?: string }).code ?? '';
      throw new CenterUnreachable(`无法连接中心 ${u.host}：${networkReason(code, '中心') ?? `网络错误（${code || (e as Error).message}）`}`);
    }
    return new Promise((ok, bad) => {
      const req = request({
        createConnection: () => socket,
        method,
        path,
        headers: { Host: u.host, Connection: 'close', ...timeouts.headers, ...(body !== undefined ? { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) } : {}) },
        timeout: timeouts.responseMs ?? CENTER_RESPONSE_TIMEOUT_MS,
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
      req.on('error', (e) => {
        socket.destroy();
        const code = (e as { code?: string }).code ?? '';
        bad(new CenterUnreachable(`中心 ${u.host} 没有回答（${networkReason(code, '中心') ?? code ?? e.message}）：稍后重试`));
      });
      req.on('response', (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => bad(new CenterUnreachable(`中心 ${u.host} 的回答中断（${e.message}）：稍后重试`)));
        res.on('end', () => {
          try {
            const j = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Omit<CenterAnswer<T>, 'status'>;
            ok({ status: res.statusCode ?? 0, ...j });
          } catch {
            bad(new AppError('INTERNAL', `中心的回答无法识别（HTTP ${res.statusCode ?? '?'}）`));
          }
        });
      });
      req.end(body);
    });
  }

  return { url, get: (path) => send('GET', path), post: (path, body) => send('POST', path, body) };
}

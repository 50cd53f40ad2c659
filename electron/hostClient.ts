/**
 * The 柜台终端's way to its 网点主机: `POST https://host:port/api/call` over TLS pinned to the certificate the clerk
 * (or administrator) confirmed at pairing. Pure Node (no electron import), so it is unit-tested against a real
 * node:https server.
 *
 * Pinning: the host's certificate is self-signed, so the usual CA check cannot apply (rejectUnauthorized: false);
 * instead the TLS socket is opened by hand, and on 'secureConnect' — before one byte of the request is written —
 * the peer certificate's SHA-256 fingerprint must equal the pinned one, or the socket is destroyed and the call
 * answers HOST_CERT_CHANGED. No TLS session is reused, so every connection shows its certificate.
 */
import { networkReason } from '../shared/networkErrors';
import { request, type IncomingMessage } from 'node:http';
import { connect, type TLSSocket } from 'node:tls';
import type { AppErrorShape, CallResult } from '../shared/errors';

export const CONNECT_TIMEOUT_MS = 1500;
export const RESPONSE_TIMEOUT_MS = 60_000;
const MAX_RESPONSE = 64 * 1024 * 1024;

/** `AB:CD:…` (32 bytes, upper case) from any spelling with or without colons/spaces; null if it is not one. */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:-]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}

/** The first and last bytes, enough for a person to compare aloud: `AB:CD:EF:01 … 98:76:54:32`. */
export function shortFingerprint(fp: string): string {
  const parts = fp.split(':');
  return parts.length > 8 ? `${parts.slice(0, 4).join(':')} … ${parts.slice(-4).join(':')}` : fp;
}

export type HostUrlCheck = { ok: true; origin: string; host: string; port: number } | { ok: false; message: string };

/** A 网点主机 address: https only, a host and an explicit port, nothing else (no path, user or query). */
export function parseHostUrl(text: string): HostUrlCheck {
  const raw = text.trim();
  if (!raw) return { ok: false, message: '请填写网点主机地址，如 https://192.168.1.10:8443' };
  if (/^http:\/\//i.test(raw)) return { ok: false, message: '主机地址必须以 https:// 开头：网点主机只提供加密连接' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: `主机地址格式不正确：${raw}（应为 https://主机:端口）` };
  }
  if (url.protocol !== 'https:') return { ok: false, message: '主机地址必须以 https:// 开头：网点主机只提供加密连接' };
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return { ok: false, message: '主机地址只能包含主机和端口，如 https://192.168.1.10:8443' };
  }
  if (!/:\d+\/?$/.test(withScheme)) return { ok: false, message: '主机地址须包含端口，如 https://192.168.1.10:8443' };
  const port = Number(url.port || 443);
  if (!url.hostname) return { ok: false, message: '主机地址缺少主机名或 IP 地址' };
  return { ok: true, origin: url.origin, host: url.hostname.replace(/^\[|\]$/g, ''), port };
}

export function unreachable(address: string, err: unknown): AppErrorShape {
  const code = (err as { code?: unknown } | null)?.code;
  const reason = networkReason(code, '主机') ?? `网络错误（${typeof code === 'string' ? code : err instanceof Error ? err.message : String(err)}）`;
  return { code: 'HOST_UNREACHABLE', message: `无法连接网点主机 ${address}：${reason}，已保留您填写的内容，稍后自动重试`, retryable: true };
}

export function certChanged(seen: string, pinned: string): AppErrorShape {
  return {
    code: 'HOST_CERT_CHANGED',
    message: `网点主机的证书与首次连接时确认的不一致（现在出示 ${shortFingerprint(seen)}，配对时确认 ${shortFingerprint(pinned)}），可能被冒充。请联系管理员核对网点主机屏幕上的证书指纹后重新配对`,
  };
}

class PinError extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(shape.message);
  }
}

/** Opens TLS to host:port and resolves once the handshake is done, with the peer certificate's fingerprint. */
function openTls(host: string, port: number, timeoutMs: number): Promise<{ socket: TLSSocket; fingerprint: string; subject: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect({
      host,
      port,
      // SNI only for names, never for IP addresses.
      ...(/^[\d.]+$|:/.test(host) ? {} : { servername: host }),
      // The CA check cannot apply to a self-signed host; the pin is checked by the caller on the certificate shown.
      // No `session` is ever passed, so nothing is resumed: every connection shows its certificate.
      rejectUnauthorized: false,
      minVersion: 'TLSv1.2',
    });
    const timer = setTimeout(() => socket.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), timeoutMs);
    socket.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const cert = socket.getPeerCertificate();
      const subject = typeof cert?.subject?.CN === 'string' ? cert.subject.CN : '';
      resolve({ socket, fingerprint: cert?.fingerprint256 ?? '', subject });
    });
  });
}

export interface ProbeResult {
  fingerprint: string;
  subject: string;
}

/** First contact (trust on first use): the fingerprint of the certificate the address presents, nothing sent. */
export async function probe(hostUrl: string, timeoutMs = CONNECT_TIMEOUT_MS): Promise<CallResult<ProbeResult>> {
  const url = parseHostUrl(hostUrl);
  if (!url.ok) return { ok: false, error: { code: 'BAD_INPUT', message: url.message, field: 'hostUrl' } };
  try {
    const { socket, fingerprint, subject } = await openTls(url.host, url.port, timeoutMs);
    socket.destroy();
    return { ok: true, data: { fingerprint, subject } };
  } catch (e) {
    const err = unreachable(`${url.host}:${url.port}`, e);
    return { ok: false, error: { ...err, message: err.message.replace('，已保留您填写的内容，稍后自动重试', '') } };
  }
}

export interface HostClientOptions {
  hostUrl: string;
  /** The pinned SHA-256 fingerprint (any spelling normalizeFingerprint accepts). */
  fingerprint: string;
  terminalId: string;
  connectTimeoutMs?: number;
  responseTimeoutMs?: number;
}

export interface HostClient {
  call(name: string, input: unknown, token: string | null): Promise<CallResult<unknown>>;
}

export function createHostClient(opts: HostClientOptions): HostClient {
  const url = parseHostUrl(opts.hostUrl);
  if (!url.ok) throw new Error(url.message);
  const pinned = normalizeFingerprint(opts.fingerprint);
  if (!pinned) throw new Error('证书指纹格式不正确（应为 64 位十六进制）');
  const address = `${url.host}:${url.port}`;
  const hostHeader = url.origin.replace(/^https:\/\//, '');

  function send(socket: TLSSocket, body: string, token: string | null): Promise<CallResult<unknown>> {
    return new Promise((resolve, reject) => {
      const req = request({
        createConnection: () => socket,
        method: 'POST',
        path: '/api/call',
        headers: {
          Host: hostHeader,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          'X-GJJ-Terminal': opts.terminalId,
          Connection: 'close',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        timeout: opts.responseTimeoutMs ?? RESPONSE_TIMEOUT_MS,
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
      req.on('error', reject);
      req.on('response', (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_RESPONSE) req.destroy(new Error('response too large'));
          else chunks.push(c);
        });
        res.on('error', reject);
        res.on('end', () => {
          try {
            const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as CallResult<unknown>;
            if (parsed && typeof parsed === 'object' && typeof parsed.ok === 'boolean') return resolve(parsed);
          } catch {
            /* below */
          }
          resolve({ ok: false, error: { code: 'INTERNAL', message: `网点主机的回答无法识别（HTTP ${res.statusCode ?? '?'}）` } });
        });
      });
      req.end(body);
    });
  }

  return {
    async call(name, input, token) {
      const body = JSON.stringify({ call: name, input });
      let socket: TLSSocket;
      try {
        const opened = await openTls(url.host, url.port, opts.connectTimeoutMs ?? CONNECT_TIMEOUT_MS);
        socket = opened.socket;
        if (normalizeFingerprint(opened.fingerprint) !== pinned) {
          socket.destroy();
          throw new PinError(certChanged(opened.fingerprint || '（无证书）', pinned));
        }
      } catch (e) {
        if (e instanceof PinError) return { ok: false, error: e.shape };
        return { ok: false, error: unreachable(address, e) };
      }
      try {
        return await send(socket, body, token);
      } catch (e) {
        // Sent, but no answer: the host may or may not have posted it. The same request (same idempotency key)
        // is safe to send again, so this is the same retryable HOST_UNREACHABLE.
        socket.destroy();
        return { ok: false, error: unreachable(address, e) };
      }
    },
  };
}

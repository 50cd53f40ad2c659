import { createServer, type Server } from 'node:https';
import { createServer as createTcpServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostClient, normalizeFingerprint, parseHostUrl, probe } from './hostClient';
import { makeSelfSignedCert } from './testing/selfSignedCert';

const hostCert = makeSelfSignedCert('gjj-branch-host');
const impostorCert = makeSelfSignedCert('gjj-branch-host');

interface Seen {
  terminal: string | undefined;
  auth: string | undefined;
  body: unknown;
}

function startHost(cert: { cert: string; key: string }, seen: Seen[]): Promise<{ server: Server; url: string }> {
  const server = createServer({ cert: cert.cert, key: cert.key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ terminal: req.headers['x-gjj-terminal'] as string | undefined, auth: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString()) });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: true, data: { echoed: (JSON.parse(Buffer.concat(chunks).toString()) as { call: string }).call } }));
    });
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, url: `https://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

/** A port on which nothing listens: bound, then released. */
function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createTcpServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

describe('pinned HTTPS client to the 网点主机', () => {
  const seen: Seen[] = [];
  const impostorSeen: Seen[] = [];
  let host: { server: Server; url: string };
  let impostor: { server: Server; url: string };
  beforeAll(async () => {
    host = await startHost(hostCert, seen);
    impostor = await startHost(impostorCert, impostorSeen);
  });
  afterAll(() => {
    host.server.close();
    impostor.server.close();
  });

  it('probe returns the fingerprint of the certificate the host presents, and sends no request', async () => {
    const r = await probe(host.url);
    expect(r).toEqual({ ok: true, data: { fingerprint: hostCert.fingerprint256, subject: 'gjj-branch-host' } });
    expect(seen).toHaveLength(0);
  });

  it('with the right fingerprint the call goes through, with the bearer token and the terminal header', async () => {
    const client = createHostClient({ hostUrl: host.url, fingerprint: hostCert.fingerprint256.replace(/:/g, '').toLowerCase(), terminalId: 'term-0123456789ab' });
    const r = await client.call('session.me', {}, 'tok-abc');
    expect(r).toEqual({ ok: true, data: { echoed: 'session.me' } });
    expect(seen.at(-1)).toEqual({ terminal: 'term-0123456789ab', auth: 'Bearer tok-abc', body: { call: 'session.me', input: {} } });
  });

  it('a different certificate is refused as HOST_CERT_CHANGED before any request byte reaches the server', async () => {
    const client = createHostClient({ hostUrl: impostor.url, fingerprint: hostCert.fingerprint256, terminalId: 'term-0123456789ab' });
    const r = await client.call('members.open', { name: '马建国', idempotencyKey: 'k-1' }, 'tok-abc');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('HOST_CERT_CHANGED');
    expect(r.error.message).toMatch(/^网点主机的证书与首次连接时确认的不一致（.+），可能被冒充。请联系管理员核对网点主机屏幕上的证书指纹后重新配对$/);
    expect(r.error.retryable).toBeUndefined();
    await new Promise((ok) => setTimeout(ok, 100));
    expect(impostorSeen).toHaveLength(0);
  });

  it('a host that is down answers HOST_UNREACHABLE (retryable) in well under 2 s', async () => {
    const port = await freePort();
    const client = createHostClient({ hostUrl: `https://127.0.0.1:${port}`, fingerprint: hostCert.fingerprint256, terminalId: 'term-0123456789ab' });
    const started = Date.now();
    const r = await client.call('session.me', {}, null);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r).toEqual({
      ok: false,
      error: { code: 'HOST_UNREACHABLE', retryable: true, message: `无法连接网点主机 127.0.0.1:${port}：主机拒绝连接（网点主机程序未运行或端口不对），已保留您填写的内容，稍后自动重试` },
    });
  });

  it('a host that accepts TCP but never completes TLS times out as HOST_UNREACHABLE in under 2 s', async () => {
    const silent = createTcpServer(() => {}).listen(0, '127.0.0.1');
    await new Promise((ok) => silent.once('listening', ok));
    const port = (silent.address() as { port: number }).port;
    try {
      const client = createHostClient({ hostUrl: `https://127.0.0.1:${port}`, fingerprint: hostCert.fingerprint256, terminalId: 'term-0123456789ab' });
      const started = Date.now();
      const r = await client.call('session.me', {}, null);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(!r.ok && r.error.code).toBe('HOST_UNREACHABLE');
      expect(!r.ok && r.error.message).toContain('连接超时');
    } finally {
      silent.close();
    }
  });
});

describe('host address and fingerprint checks', () => {
  it('accepts https host:port (scheme optional), refuses http, paths and a missing port', () => {
    expect(parseHostUrl('https://192.168.1.10:8443')).toEqual({ ok: true, origin: 'https://192.168.1.10:8443', host: '192.168.1.10', port: 8443 });
    expect(parseHostUrl(' 192.168.1.10:8443 ')).toMatchObject({ ok: true, origin: 'https://192.168.1.10:8443' });
    expect(parseHostUrl('https://gjj-host.local:443')).toMatchObject({ ok: true, host: 'gjj-host.local', port: 443 });
    expect(parseHostUrl('http://192.168.1.10:8443')).toEqual({ ok: false, message: '主机地址必须以 https:// 开头：网点主机只提供加密连接' });
    expect(parseHostUrl('ftp://192.168.1.10:21')).toMatchObject({ ok: false });
    expect(parseHostUrl('https://192.168.1.10')).toEqual({ ok: false, message: '主机地址须包含端口，如 https://192.168.1.10:8443' });
    expect(parseHostUrl('https://192.168.1.10:8443/api')).toMatchObject({ ok: false, message: '主机地址只能包含主机和端口，如 https://192.168.1.10:8443' });
    expect(parseHostUrl('https://u:p@192.168.1.10:8443')).toMatchObject({ ok: false });
    expect(parseHostUrl('')).toMatchObject({ ok: false });
  });
  it('normalises fingerprints and refuses anything that is not 32 bytes of hex', () => {
    const fp = hostCert.fingerprint256;
    expect(normalizeFingerprint(fp.toLowerCase())).toBe(fp);
    expect(normalizeFingerprint(fp.replace(/:/g, ' '))).toBe(fp);
    expect(normalizeFingerprint(fp.slice(0, -3))).toBeNull();
    expect(normalizeFingerprint('zz' + fp.slice(2))).toBeNull();
  });
  it('probe refuses an http address without connecting', async () => {
    expect(await probe('http://127.0.0.1:1')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'hostUrl' } });
  });
});

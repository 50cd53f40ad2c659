/**
 * The branch host's transport (issue 10): the certificate made and kept in the data folder, HTTPS with Host and
 * Origin limited to the host's names, and the terminal id / address / user agent reaching the session.
 * Real HTTPS on an ephemeral port, trusting exactly the host's certificate.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, PASSWORD, type Harness } from '../testing/harness';
import { parseListen } from '../../cli/serveCommands';
import { startHttpTransport, type HttpTransport } from './server';
import { ensureHostCertificate, type HostCertificate } from './tls';

let h: Harness;
let t: HttpTransport;
let cert: HostCertificate;
let port: number;
beforeAll(async () => {
  h = harness();
  cert = await ensureHostCertificate(h.dir, ['127.0.0.1', 'host-pc', '192.168.10.5']);
  t = await startHttpTransport(h.app, { port: 0, tls: { cert: cert.cert, key: cert.key }, allowedNames: [...cert.names] });
  port = Number(new URL(t.url).port);
});
afterAll(async () => {
  await t.close();
  h.close();
});

function post(body: unknown, headers: Record<string, string> = {}, servername = 'localhost'): Promise<{ status: number; json: { ok: boolean; data?: any; error?: { code: string } } }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/call', method: 'POST', ca: cert.cert, servername, headers: { 'Content-Type': 'application/json', Host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => ok({ status: res.statusCode!, json: JSON.parse(text) }));
    });
    req.on('error', fail);
    req.end(JSON.stringify(body));
  });
}

describe('host certificate', () => {
  it('is EC P-256, names the listen address, the --name values and loopback, key 0600; reused on the next start', async () => {
    const x = new X509Certificate(cert.cert);
    expect(x.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(x.fingerprint256).toBe(cert.fingerprint);
    expect(cert.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(cert.names.sort()).toEqual(['127.0.0.1', '192.168.10.5', 'host-pc', 'localhost']);
    expect(readFileSync(join(h.dir, 'gjj-tls.crt'), 'utf8')).toBe(cert.cert);
    expect(statSync(join(h.dir, 'gjj-tls.key')).mode & 0o777).toBe(0o600);
    const again = await ensureHostCertificate(h.dir, ['host-pc']);
    expect(again).toMatchObject({ created: false, fingerprint: cert.fingerprint });
  });

  it('is made anew (new fingerprint) when a name it lacks is asked for', async () => {
    const other = harness();
    try {
      const first = await ensureHostCertificate(other.dir, ['host-pc']);
      const second = await ensureHostCertificate(other.dir, ['host-pc', 'counter-room']);
      expect(second.created).toBe(true);
      expect(second.fingerprint).not.toBe(first.fingerprint);
      expect(second.names).toContain('counter-room');
    } finally {
      other.close();
    }
  });

  it('parses --listen', () => {
    expect(parseListen('0.0.0.0:8443')).toEqual({ host: '0.0.0.0', port: 8443 });
    expect(parseListen('[::1]:8443')).toEqual({ host: '::1', port: 8443 });
    expect(() => parseListen('8443')).toThrow('--listen');
    expect(() => parseListen('host:99999')).toThrow('--listen');
  });
});

describe('HTTPS transport with LAN names', () => {
  const info = { call: 'center.info', input: {} };
  it('serves its certificate and accepts each of its names as Host, with an https Origin of the same', async () => {
    for (const name of ['127.0.0.1', 'localhost', 'host-pc', '192.168.10.5']) {
      const r = await post(info, { Host: `${name}:${port}`, Origin: `https://${name}:${port}` });
      expect([name, r.status]).toEqual([name, 401]); // through to the dispatcher: no session
    }
  });

  it('refuses an unknown Host, a wrong port, a foreign or plain-http Origin', async () => {
    expect((await post(info, { Host: `evil.example:${port}` })).status).toBe(421);
    expect((await post(info, { Host: `host-pc:${port + 1}` })).status).toBe(421);
    expect((await post(info, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(info, { Origin: `http://127.0.0.1:${port}` })).status).toBe(403);
    expect((await post(info, { Origin: `https://127.0.0.1:${port + 1}` })).status).toBe(403);
  });

  it('hands the terminal id, address and user agent to the session; a malformed terminal id is ignored', async () => {
    const login = await post({ call: 'session.login', input: { login: 'clerk', password: PASSWORD } }, { 'X-GJJ-Terminal': 'counter-07', 'User-Agent': 'gjj-test' });
    expect(login.json.ok).toBe(true);
    const bad = await post({ call: 'session.login', input: { login: 'clerk2', password: PASSWORD } }, { 'X-GJJ-Terminal': 'bad id <script>' });
    expect(bad.json.ok).toBe(true);
    const list = await post({ call: 'sessions.list', input: {} }, { Authorization: `Bearer ${h.tokens.admin}` });
    const s = (list.json.data as Array<{ login: string; terminal: string | null; address: string; userAgent: string }>).filter((x) => x.login.startsWith('clerk') && x.address);
    expect(s.find((x) => x.login === 'clerk')).toMatchObject({ terminal: 'counter-07', address: expect.stringContaining('127.0.0.1'), userAgent: 'gjj-test' });
    expect(s.find((x) => x.login === 'clerk2')!.terminal).toBeNull();
    // The token works from its terminal only.
    const token = login.json.data.token as string;
    expect((await post({ call: 'session.me', input: {} }, { Authorization: `Bearer ${token}`, 'X-GJJ-Terminal': 'counter-07' })).status).toBe(200);
    expect((await post({ call: 'session.me', input: {} }, { Authorization: `Bearer ${token}`, 'X-GJJ-Terminal': 'counter-08' })).status).toBe(401);
  });
});

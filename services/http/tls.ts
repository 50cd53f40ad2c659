/**
 * The branch host's TLS certificate: self-signed (EC P-256, SHA-256), made once with `selfsigned` and kept in the
 * data folder as gjj-tls.crt / gjj-tls.key (0600). Its subject alternative names are the listen address, the names
 * given with --name, and localhost / 127.0.0.1. A terminal pins the certificate's SHA-256 fingerprint (shown
 * colon-separated, as browsers show it). When a later start asks for a name the certificate lacks, a new one is made
 * and the caller is told, so the administrator knows every terminal must re-pin.
 */
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';

export const TLS_CERT_FILE = 'gjj-tls.crt';
export const TLS_KEY_FILE = 'gjj-tls.key';
const LOOPBACK = ['localhost', '127.0.0.1'];

export interface HostCertificate {
  cert: string;
  key: string;
  fingerprint: string;
  /** DNS names and IP addresses the certificate is valid for. */
  names: string[];
  /** True when this start made the certificate (first start, or a name was missing). */
  created: boolean;
}

export function fingerprintOf(certPem: string | Buffer): string {
  return new X509Certificate(certPem).fingerprint256;
}

/** The names in a certificate's subjectAltName ("DNS:host-pc, IP Address:127.0.0.1" → ["host-pc", "127.0.0.1"]). */
export function sanNames(certPem: string | Buffer): string[] {
  const san = new X509Certificate(certPem).subjectAltName ?? '';
  return san
    .split(/,\s*/)
    .map((p) => p.replace(/^(DNS|IP Address):/, '').trim().toLowerCase())
    .filter(Boolean);
}

const normal = (n: string) => n.trim().toLowerCase().replace(/^\[|\]$/g, '');

/** Loads the folder's certificate, or makes one covering `names` (plus loopback) when none exists or one is missing. */
export async function ensureHostCertificate(dataDir: string, names: string[]): Promise<HostCertificate> {
  const wanted = [...new Set([...names.map(normal).filter((n) => n && n !== '0.0.0.0' && n !== '::'), ...LOOPBACK])];
  const certFile = join(dataDir, TLS_CERT_FILE);
  const keyFile = join(dataDir, TLS_KEY_FILE);
  if (existsSync(certFile) && existsSync(keyFile)) {
    const cert = readFileSync(certFile, 'utf8');
    const have = sanNames(cert);
    if (wanted.every((n) => have.includes(n))) {
      return { cert, key: readFileSync(keyFile, 'utf8'), fingerprint: fingerprintOf(cert), names: have, created: false };
    }
  }
  const now = new Date();
  // Loaded only when a certificate is made (issue 14: every `gjj` command used to pay for it at start).
  const { generate } = await import('selfsigned');
  const pems = await generate([{ name: 'commonName', value: wanted.find((n) => !isIP(n) && n !== 'localhost') ?? 'gjj-host' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 86_400_000),
    notAfterDate: new Date(now.getTime() + 10 * 365 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: wanted.map((n) => (isIP(n) ? { type: 7 as const, ip: n } : { type: 2 as const, value: n })) },
    ],
  });
  // Written under temporary names, then renamed: a crash never leaves a certificate without its key.
  writeFileSync(`${keyFile}.tmp`, pems.private, { mode: 0o600 });
  chmodSync(`${keyFile}.tmp`, 0o600);
  writeFileSync(`${certFile}.tmp`, pems.cert, { mode: 0o644 });
  renameSync(`${keyFile}.tmp`, keyFile);
  renameSync(`${certFile}.tmp`, certFile);
  return { cert: pems.cert, key: pems.private, fingerprint: fingerprintOf(pems.cert), names: sanNames(pems.cert), created: true };
}

/** Operator passwords: scrypt with a per-password salt; the stored string carries its parameters. */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** The work factor for new hashes: N = 2^17 (about 128 MiB and a few hundred ms per hash). */
export const SCRYPT_N = 2 ** 17;
const R = 8;
const P = 1;
const KEYLEN = 32;
/** scrypt needs 128·N·r bytes; node's default cap (32 MiB) is below what N = 2^17 needs. */
const MAXMEM = 256 * 1024 * 1024;

/**
 * The N new hashes use. Only under vitest may GJJ_TEST_SCRYPT_N lower it (the harness hashes and verifies
 * many passwords); the shipped program always uses SCRYPT_N.
 */
export function scryptN(): number {
  const test = process.env.VITEST ? Number(process.env.GJJ_TEST_SCRYPT_N) : NaN;
  return Number.isInteger(test) && test >= 1024 ? test : SCRYPT_N;
}

export function hashPassword(password: string): string {
  const N = scryptN();
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, KEYLEN, { N, r: R, p: P, maxmem: MAXMEM });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hashB64, 'base64');
  const actual = scryptSync(password.normalize('NFC'), Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash made with weaker parameters than today's: rehashed on the next successful login. */
export function needsRehash(stored: string): boolean {
  const [, n, r] = stored.split('$');
  return Number(n) < scryptN() || Number(r) < R;
}

/** A password policy a counter can live with: at least 8 characters with letters and digits. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return '密码至少8位';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  return null;
}

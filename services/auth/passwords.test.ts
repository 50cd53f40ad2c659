import { scryptSync, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { harness, PASSWORD, type Harness } from '../testing/harness';
import { hashPassword, needsRehash, SCRYPT_N, verifyPassword } from './passwords';

/** An N = 16384 hash as the program stored them before N = 2^17. */
function oldHash(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1 });
  return `scrypt$16384$8$1$${salt.toString('base64')}$${hash.toString('base64')}`;
}

let h: Harness | null = null;
afterEach(() => {
  h?.close();
  h = null;
});

describe('password hashing', () => {
  it('hashes with N = 2^17 by default (the test lowering applies only when GJJ_TEST_SCRYPT_N is set)', () => {
    const saved = process.env.GJJ_TEST_SCRYPT_N;
    delete process.env.GJJ_TEST_SCRYPT_N;
    try {
      expect(SCRYPT_N).toBe(131072);
      const stored = hashPassword('Counter2026');
      expect(stored).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect(verifyPassword('Counter2026', stored)).toBe(true);
      expect(verifyPassword('Counter2027', stored)).toBe(false);
      expect(needsRehash(oldHash('Counter2026'))).toBe(true);
      expect(needsRehash(stored)).toBe(false);
    } finally {
      if (saved !== undefined) process.env.GJJ_TEST_SCRYPT_N = saved;
    }
  });

  it('rehashes an old N = 16384 hash on the next successful login', () => {
    h = harness();
    h.app.db.prepare('UPDATE operators SET password_hash = ? WHERE login = ?').run(oldHash(PASSWORD), 'clerk');
    const n = () => (h!.app.db.prepare('SELECT password_hash FROM operators WHERE login = ?').get('clerk') as { password_hash: string }).password_hash.split('$')[1];
    expect(n()).toBe('16384');
    h.fail('session.login', { login: 'clerk', password: 'Wrong2026x' }, null);
    expect(n()).toBe('16384'); // a wrong password changes nothing
    h.clock.set('2026-06-15T02:01:00Z');
    // The harness's lowered test cost is below 16384; raise it past the old hash for this login (2^17 is slow).
    const saved = process.env.GJJ_TEST_SCRYPT_N;
    process.env.GJJ_TEST_SCRYPT_N = '32768';
    try {
      h.call('session.login', { login: 'clerk', password: PASSWORD }, null);
    } finally {
      process.env.GJJ_TEST_SCRYPT_N = saved;
    }
    expect(n()).toBe('32768');
    const audit = h.app.db.prepare(`SELECT detail FROM audit_log WHERE action = 'session.login' ORDER BY id DESC LIMIT 1`).get() as { detail: string };
    expect(JSON.parse(audit.detail)).toEqual({ rehashed: true });
    h.call('session.login', { login: 'clerk', password: PASSWORD }, null);
  });
});

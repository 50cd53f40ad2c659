import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadIntegrityKey, type SafeStorageLike } from './integrityKey';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'gjj-key-'));
  dirs.push(d);
  return d;
};

/** A stand-in for Electron's safeStorage: XOR with a session secret, so the file never holds the plain key. */
function fakeSafeStorage(available: boolean, backend = 'gnome_libsecret'): SafeStorageLike {
  const mask = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (s) => mask(Buffer.from(s, 'utf8')),
    decryptString: (b) => mask(b).toString('utf8'),
  };
}

const KEY = 'ab'.repeat(32);

describe('Electron integrity key', () => {
  it('is kept encrypted by safeStorage outside the data folder, and read back the same', () => {
    const d = dir();
    const first = loadIntegrityKey(d, fakeSafeStorage(true), () => KEY);
    expect(first).toMatchObject({ hex: KEY, protection: 'safeStorage' });
    expect(readFileSync(first.file).toString('utf8')).not.toContain(KEY);
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    expect(loadIntegrityKey(d, fakeSafeStorage(true), () => 'cd'.repeat(32)).hex).toBe(KEY);
  });

  it('falls back to a 0600 key file when the OS has no key store (or only basic_text)', () => {
    for (const ss of [fakeSafeStorage(false), fakeSafeStorage(true, 'basic_text')]) {
      const d = dir();
      const r = loadIntegrityKey(d, ss, () => KEY);
      expect(r.protection).toBe('file');
      expect(readFileSync(r.file, 'utf8').trim()).toBe(KEY);
      expect(statSync(r.file).mode & 0o777).toBe(0o600);
    }
  });
});

/**
 * Electron keeps the integrity key with `safeStorage` (DPAPI on Windows, Keychain on macOS, the desktop's secret
 * store on Linux): the encrypted key lives in the user-data folder, OUTSIDE the data folder, and only this user's
 * session can decrypt it. The main process hands the plain key to the backend process in its environment
 * (GJJ_INTEGRITY_KEY) — never to the renderer, never into the database.
 * When the OS offers no encryption (a Linux session without a keyring: `isEncryptionAvailable()` is false, or the
 * 'basic_text' backend), it falls back to a 0600 key file like the CLI's and says so: the protection is then the
 * file's permissions.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export interface KeyResult {
  hex: string;
  /** 'safeStorage' or 'file': how it is protected at rest. */
  protection: 'safeStorage' | 'file';
  file: string;
}

export function loadIntegrityKey(userData: string, safeStorage: SafeStorageLike, fresh: () => string = () => randomBytes(32).toString('hex')): KeyResult {
  const sealed = join(userData, 'integrity-key.safe');
  const plainFile = join(userData, 'integrity.key');
  const usable = safeStorage.isEncryptionAvailable() && safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
  if (existsSync(sealed)) {
    return { hex: safeStorage.decryptString(readFileSync(sealed)).trim(), protection: 'safeStorage', file: sealed };
  }
  if (existsSync(plainFile)) return { hex: readFileSync(plainFile, 'utf8').trim(), protection: 'file', file: plainFile };
  const hex = fresh();
  if (usable) {
    writeFileSync(sealed, safeStorage.encryptString(hex), { mode: 0o600, flag: 'wx' });
    return { hex, protection: 'safeStorage', file: sealed };
  }
  writeFileSync(plainFile, `${hex}\n`, { mode: 0o600, flag: 'wx' });
  return { hex, protection: 'file', file: plainFile };
}

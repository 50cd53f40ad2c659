/**
 * The integrity key: 32 random bytes that MAC every seal and the anchor file. It never lives in the database:
 *  - CLI and web host: a key file OUTSIDE the data folder (default `<data>.key`, a sibling of the folder, or
 *    `GJJ_KEY_FILE`), created 0600 at first open; a copy of the data folder alone cannot forge seals.
 *  - Electron: the main process keeps it encrypted with `safeStorage` (electron/integrityKey.ts) and hands it to the
 *    backend process in `GJJ_INTEGRITY_KEY` (hex).
 * The database stores only the key's id (an HMAC of a constant), so opening with the wrong key says so at once.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../shared/errors';

export interface IntegrityKey {
  key: Buffer;
  /** 16 hex digits naming the key (not secret; stored in the database and the anchor file). */
  id: string;
  /** Where it came from, for messages. */
  source: string;
}

export function keyId(key: Buffer): string {
  return createHmac('sha256', key).update('gjj-integrity-key-id-v1').digest('hex').slice(0, 16);
}

export function defaultKeyFile(dataDir: string): string {
  return process.env.GJJ_KEY_FILE ? resolve(process.env.GJJ_KEY_FILE) : `${resolve(dataDir)}.key`;
}

function fromHex(hex: string, source: string): IntegrityKey {
  const text = hex.trim();
  if (!/^[0-9a-f]{64}$/i.test(text)) throw new AppError('INTERNAL', `完整性密钥格式不正确（${source}）：应为64位十六进制`);
  const key = Buffer.from(text, 'hex');
  return { key, id: keyId(key), source };
}

export function keyFromHex(hex: string, source = '参数'): IntegrityKey {
  return fromHex(hex, source);
}

/** Reads the key file, creating it (0600) when it does not exist and `create` allows. */
export function loadKeyFile(file: string, create: boolean): IntegrityKey {
  if (!existsSync(file)) {
    if (!create) throw new AppError('NOT_FOUND', `找不到完整性密钥文件 ${file}：账务核对需要初始化时生成的密钥（见 README“完整性密钥”）`);
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  }
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077 && process.platform !== 'win32') chmodSync(file, 0o600);
  return fromHex(readFileSync(file, 'utf8'), file);
}

/** The key for a data folder: GJJ_INTEGRITY_KEY (Electron's backend) or the key file. */
export function resolveKey(dataDir: string, create: boolean): IntegrityKey {
  const env = process.env.GJJ_INTEGRITY_KEY;
  if (env) return fromHex(env, '环境变量 GJJ_INTEGRITY_KEY');
  return loadKeyFile(defaultKeyFile(dataDir), create);
}

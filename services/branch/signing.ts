/**
 * Ed25519 signing keys of the branch network (node:crypto). A branch's key lives in a file OUTSIDE its data folder,
 * beside the integrity key (`<data>.sign.pem`, or `$GJJ_KEY_FILE.sign.pem`), created 0600 by `gjj sync join`; the
 * center's beside its folder (`<CDIR>.sign.pem`). Public keys travel as base64 of the SPKI DER.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, createHash, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../shared/errors';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: string;
  file: string;
}

export function signingKeyFile(dataDir: string): string {
  return process.env.GJJ_KEY_FILE ? `${resolve(process.env.GJJ_KEY_FILE)}.sign.pem` : `${resolve(dataDir)}.sign.pem`;
}

export function publicKeyText(k: KeyObject): string {
  return (k.type === 'public' ? k : createPublicKey(k)).export({ type: 'spki', format: 'der' }).toString('base64');
}

/** Loads the key file, creating it (0600) when `create` allows. */
export function loadSigningKey(file: string, create: boolean): SigningKey {
  if (!existsSync(file)) {
    if (!create) throw new AppError('NOT_FOUND', `找不到签名密钥文件 ${file}：请先运行 gjj sync join（网点）或 gjj center init（中心）`);
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  }
  if ((process.platform !== 'win32')) chmodSync(file, 0o600);
  const privateKey = createPrivateKey(readFileSync(file, 'utf8'));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new AppError('INTERNAL', `签名密钥文件 ${file} 不是Ed25519密钥`);
  return { privateKey, publicKey: publicKeyText(privateKey), file };
}

export function signText(key: SigningKey, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64');
}

export function verifyText(publicKey: string, text: string, signature: string): boolean {
  try {
    const k = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return verify(null, Buffer.from(text, 'utf8'), k, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** A short fingerprint of a public key, for messages and for reading aloud over the phone. */
export function fingerprint(publicKey: string): string {
  return createHash('sha256').update(publicKey).digest('hex').slice(0, 16).toUpperCase();
}

/**
 * A signed file: the body as one JSON line, then a line {"sig": …}. The signature covers the body's exact bytes,
 * so any flipped byte is caught (a damaged body no longer parses or no longer verifies).
 */
export function writeSigned(body: unknown, key: SigningKey): string {
  const text = JSON.stringify(body);
  return `${text}\n${JSON.stringify({ sig: signText(key, text), key: fingerprint(key.publicKey) })}\n`;
}

export function readSigned<T>(content: string, what: string): { body: T; text: string; sig: string } {
  const lines = content.split('\n');
  const text = lines[0] ?? '';
  try {
    const trailer = JSON.parse(lines[1] ?? '') as { sig?: unknown };
    if (typeof trailer.sig !== 'string') throw new Error('sig');
    return { body: JSON.parse(text) as T, text, sig: trailer.sig };
  } catch {
    throw new AppError('BAD_INPUT', `${what}已损坏：不是有效的签名文件`);
  }
}

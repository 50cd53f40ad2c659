/**
 * The anchor: a small file beside the database (`gjj.anchor.json`) holding the newest seal, MACed with the key.
 * It is rewritten after every commit, so deleting the newest rows (seals and all) from the database alone is
 * caught at once: the anchor names a seal the database no longer has. Replacing both file and database with an
 * older consistent pair is what the 日结单's printed head (and, with branches online, the center) pins.
 */
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { IntegrityKey } from './key';

export const ANCHOR_FILE = 'gjj.anchor.json';

export interface ChainHead {
  sealId: number;
  toSeq: number;
  mac: string;
  at: string;
}

export interface Anchor extends ChainHead {
  v: 1;
  keyId: string;
  sig: string;
}

function signature(key: IntegrityKey, h: ChainHead): string {
  return createHmac('sha256', key.key)
    .update(JSON.stringify(['gjj-anchor-v1', key.id, h.sealId, h.toSeq, h.mac, h.at]))
    .digest('hex');
}

export function writeAnchor(file: string, key: IntegrityKey, head: ChainHead): void {
  const anchor: Anchor = { v: 1, keyId: key.id, ...head, sig: signature(key, head) };
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}

export type AnchorRead = { kind: 'missing' } | { kind: 'bad'; why: string } | { kind: 'ok'; anchor: Anchor };

export function readAnchor(file: string, key: IntegrityKey): AnchorRead {
  if (!existsSync(file)) return { kind: 'missing' };
  let a: Anchor;
  try {
    a = JSON.parse(readFileSync(file, 'utf8')) as Anchor;
  } catch {
    return { kind: 'bad', why: '锚定文件不是有效的JSON' };
  }
  if (a.v !== 1 || typeof a.sealId !== 'number' || typeof a.mac !== 'string') return { kind: 'bad', why: '锚定文件格式不正确' };
  if (a.keyId !== key.id) return { kind: 'bad', why: '锚定文件不是用本数据库的密钥签署的' };
  if (a.sig !== signature(key, a)) return { kind: 'bad', why: '锚定文件的签名不符（文件被改动）' };
  return { kind: 'ok', anchor: a };
}

/** How the head is printed on paper (日结单): short enough to read aloud, long enough to pin. */
export function printedHead(head: ChainHead | null): string {
  if (!head) return '签封链尚无记录';
  return `签封#${head.sealId}·变更${head.toSeq}·${head.mac.slice(0, 16).toUpperCase()}`;
}

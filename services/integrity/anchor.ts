/**
 * The anchor: a small file beside the database (`gjj.anchor.json`) holding the newest seal, MACed with the key.
 * It is rewritten after every commit, so deleting the newest rows (seals and all) from the database alone is
 * caught at once: the anchor names a seal the database no longer has. Replacing both file and database with an
 * older consistent pair is what the 日结单's printed head (and, with branches online, the center) pins.
 *
 * The file is one JSON line padded with spaces to RECORD_BYTES, so that each commit rewrites it with one write in
 * place through a file descriptor kept open (8–11 µs with its MAC) instead of writing a new file and renaming it
 * over the old one (about 110 µs on ext4, which flushes the new file's blocks at the rename). The first write, a
 * file not in that form (an anchor written before this change, or by hand) and a record too long for it replace the
 * file whole.
 * A reader that meets a half-written record (another thread or process writing that instant) reads again.
 */
import { createHmac } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
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

/** The anchor file's fixed length: the JSON (about 300 bytes), spaces, a newline. */
export const RECORD_BYTES = 512;

/** This thread's open anchor files: the descriptor and the file it was opened on (a file renamed over it is another). */
const openFiles = new Map<string, { fd: number; ino: number; dev: number }>();

function record(anchor: Anchor): string {
  const json = JSON.stringify(anchor);
  const pad = RECORD_BYTES - 1 - Buffer.byteLength(json);
  return pad >= 0 ? `${json}${' '.repeat(pad)}\n` : `${json}\n`;
}

/** The open descriptor of the file now at `file`, if it is a fixed-length anchor; opened on first use. */
function fixedRecordFd(file: string): number | null {
  const st = statSync(file, { throwIfNoEntry: false });
  const known = openFiles.get(file);
  if (known && st && st.ino === known.ino && st.dev === known.dev && st.size === RECORD_BYTES) return known.fd;
  closeAnchor(file);
  if (!st || st.size !== RECORD_BYTES) return null;
  const fd = openSync(file, 'r+');
  const opened = fstatSync(fd);
  openFiles.set(file, { fd, ino: opened.ino, dev: opened.dev });
  return fd;
}

export function writeAnchor(file: string, key: IntegrityKey, head: ChainHead): void {
  const anchor: Anchor = { v: 1, keyId: key.id, ...head, sig: signature(key, head) };
  const text = record(anchor);
  const fd = Buffer.byteLength(text) === RECORD_BYTES ? fixedRecordFd(file) : null;
  if (fd !== null) {
    writeSync(fd, text, 0, 'utf8');
    return;
  }
  closeAnchor(file);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, file);
}

/** Closes this thread's descriptor of an anchor file (the database beside it is being closed). */
export function closeAnchor(file: string): void {
  const known = openFiles.get(file);
  if (!known) return;
  openFiles.delete(file);
  try {
    closeSync(known.fd);
  } catch {
    /* already closed */
  }
}

export type AnchorRead = { kind: 'missing' } | { kind: 'bad'; why: string } | { kind: 'ok'; anchor: Anchor };

const pause = new Int32Array(new SharedArrayBuffer(4));

function pause5ms(): void {
  try {
    Atomics.wait(pause, 0, 0, 5);
  } catch {
    // A thread that may not block (none of ours today): wait by the clock instead.
    for (const end = Date.now() + 5; Date.now() < end; );
  }
}

/** Reads the anchor; a record that does not verify is read twice more, 5 ms apart (a write in place may be under way). */
export function readAnchor(file: string, key: IntegrityKey): AnchorRead {
  let read = readAnchorOnce(file, key);
  for (let again = 0; again < 2 && read.kind === 'bad'; again++) {
    pause5ms();
    read = readAnchorOnce(file, key);
  }
  return read;
}

function readAnchorOnce(file: string, key: IntegrityKey): AnchorRead {
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

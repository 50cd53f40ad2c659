/**
 * The anchor file is rewritten in place after every commit: one fixed-length record through a descriptor kept open.
 * What must still hold: an anchor written before the change reads and is replaced, a file put in its place is the
 * one written next (not the old, unlinked one), a reader never takes a record being rewritten for a bad one, and a
 * bad record stays bad.
 */
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { ANCHOR_FILE, RECORD_BYTES, closeAnchor, readAnchor, writeAnchor, type ChainHead } from './anchor';
import { keyFromHex } from './key';

const key = keyFromHex('11'.repeat(32));
const head = (sealId: number): ChainHead => ({ sealId, toSeq: sealId * 10, mac: sealId.toString(16).padStart(64, '0'), at: '2026-11-27T05:00:00.000Z' });

let dir = '';
let file = '';
afterEach(() => {
  closeAnchor(file);
  rmSync(dir, { recursive: true, force: true });
});
function fresh(): void {
  dir = mkdtempSync(join(tmpdir(), 'gjj-anchor-'));
  file = join(dir, ANCHOR_FILE);
}
const sealIdRead = () => {
  const r = readAnchor(file, key);
  return r.kind === 'ok' ? r.anchor.sealId : r.kind;
};

describe('the anchor file, rewritten in place', () => {
  it('is one JSON record of a fixed length, rewritten in the same file after the first write', () => {
    fresh();
    writeAnchor(file, key, head(1));
    const first = statSync(file);
    expect(first.size).toBe(RECORD_BYTES);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ v: 1, sealId: 1 });
    for (let id = 2; id <= 50; id++) writeAnchor(file, key, head(id));
    const after = statSync(file);
    expect(after.ino).toBe(first.ino);
    expect(after.size).toBe(RECORD_BYTES);
    expect(sealIdRead()).toBe(50);
    expect(readFileSync(join(dir, ANCHOR_FILE), 'utf8').endsWith(' \n')).toBe(true);
  });

  it('reads an anchor written before the change (one unpadded line) and replaces it with the fixed form', () => {
    fresh();
    writeAnchor(file, key, head(7));
    const record = readFileSync(file, 'utf8');
    writeFileSync(file, `${record.trimEnd()}\n`);
    expect(statSync(file).size).toBeLessThan(RECORD_BYTES);
    expect(sealIdRead()).toBe(7);
    writeAnchor(file, key, head(8));
    expect(statSync(file).size).toBe(RECORD_BYTES);
    expect(sealIdRead()).toBe(8);
  });

  it('writes to the file now at the path when another was renamed over the open one', () => {
    fresh();
    writeAnchor(file, key, head(3));
    const old = join(dir, 'older.json');
    copyFileSync(file, old);
    writeAnchor(file, key, head(4));
    renameSync(old, file); // an older copy put back: the descriptor held open now names an unlinked file
    expect(sealIdRead()).toBe(3);
    writeAnchor(file, key, head(5));
    expect(sealIdRead()).toBe(5);
  });

  it('a record changed by hand is still refused after the reader’s second and third look', () => {
    fresh();
    writeAnchor(file, key, head(9));
    const text = readFileSync(file, 'utf8').replace('"sealId":9', '"sealId":6');
    writeFileSync(file, text);
    const t = performance.now();
    expect(readAnchor(file, key)).toEqual({ kind: 'bad', why: '锚定文件的签名不符（文件被改动）' });
    expect(performance.now() - t).toBeGreaterThanOrEqual(9);
    writeFileSync(file, text.slice(0, 100));
    expect(readAnchor(file, key)).toMatchObject({ kind: 'bad', why: '锚定文件不是有效的JSON' });
  });

  it('while another thread rewrites it as fast as it can, every read is a good anchor', async () => {
    fresh();
    writeAnchor(file, key, head(1));
    const anchorModule = new URL('./anchor.ts', import.meta.url).href;
    const worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       import(workerData.anchorModule).then(({ writeAnchor }) => {
         const key = { key: Buffer.from('11'.repeat(32), 'hex'), id: workerData.keyId, source: 'test' };
         const end = Date.now() + 400;
         for (let id = 2; Date.now() < end; id++) writeAnchor(workerData.file, key, { sealId: id, toSeq: id * 10, mac: id.toString(16).padStart(64, '0'), at: '2026-11-27T05:00:00.000Z' });
       });`,
      { eval: true, workerData: { file, anchorModule, keyId: key.id }, execArgv: ['--import', 'tsx'] },
    );
    const exited = new Promise<number>((resolve) => worker.on('exit', resolve));
    const seen: Array<number | string> = [];
    let done = false;
    void exited.then(() => (done = true));
    while (!done) {
      seen.push(sealIdRead());
      await new Promise((r) => setImmediate(r));
    }
    expect(await exited).toBe(0);
    expect(seen.filter((s) => typeof s !== 'number')).toEqual([]);
    expect(new Set(seen).size).toBeGreaterThan(10);
    expect(sealIdRead()).toBe(Math.max(...(seen as number[]), sealIdRead() as number));
  });
});

/**
 * Db.priority (issue 14): the request thread counts its open write transactions where the batch worker's connection
 * can see them, and the count always comes back down, also when a transaction fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Db } from './connection';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('write priority between the request thread and a batch', () => {
  it('counts an interactive transaction while it is open, and releases it after commit and after rollback', () => {
    dir = mkdtempSync(join(tmpdir(), 'gjj-prio-'));
    const db = new Db(join(dir, 'a.db'));
    const shared = new Int32Array(new SharedArrayBuffer(4));
    db.priority = { shared, role: 'interactive' };
    db.sqlite.exec('CREATE TABLE t (x INTEGER)');
    const seen: number[] = [];
    db.tx(() => {
      seen.push(Atomics.load(shared, 0));
      db.tx(() => seen.push(Atomics.load(shared, 0))); // nested: joins, counted once
      db.sqlite.prepare('INSERT INTO t VALUES (1)').run();
    });
    expect(seen).toEqual([1, 1]);
    expect(Atomics.load(shared, 0)).toBe(0);
    expect(() =>
      db.tx(() => {
        db.sqlite.prepare('INSERT INTO t VALUES (2)').run();
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(Atomics.load(shared, 0)).toBe(0);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(1);
    // A batch connection on the same counter does not count itself: with nobody waiting it goes straight on.
    const batch = new Db(join(dir, 'a.db'));
    batch.priority = { shared, role: 'batch' };
    batch.tx(() => {
      expect(Atomics.load(shared, 0)).toBe(0);
      batch.sqlite.prepare('INSERT INTO t VALUES (3)').run();
    });
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(2);
    batch.close();
    db.close();
  });
});

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from './dispatch';
import { harness, newEmployer, type Harness } from '../testing/harness';
import { makeIdNumber } from '../../shared/idcard';
import { busyError } from '../../shared/errors';

let h: Harness;
let other: Database.Database;
beforeEach(() => {
  h = harness();
  other = new Database(join(h.dir, 'gjj.sqlite'));
});
afterEach(() => {
  if (other.inTransaction) other.exec('ROLLBACK');
  other.close();
  h.close();
});

const count = () => (other.prepare('SELECT COUNT(*) AS n FROM members').get() as { n: number }).n;

describe('lock contention', () => {
  it('answers BUSY in Chinese within a second, writes nothing, and the same key succeeds once the lock is gone', () => {
    const employer = newEmployer(h);
    const input = { name: '张三', idNumber: makeIdNumber('640104', '19900615', 7), phone: '13895001234', employerId: employer.id, baseFen: 500000, openedDate: '2020-01-01', idempotencyKey: 'busy-key-0001' };
    const before = count();
    other.exec('BEGIN IMMEDIATE'); // a second writer (the CLI's 结息) holds the write lock
    const t0 = Date.now();
    const r = dispatch(h.app, { call: 'members.open', input, token: h.tokens.clerk! });
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual({ code: 'BUSY', message: '系统正忙，请稍后重试', retryable: true });
    other.exec('ROLLBACK');
    expect(count()).toBe(before);
    expect((other.prepare('SELECT COUNT(*) AS n FROM commands WHERE idempotency_key = ?').get('busy-key-0001') as { n: number }).n).toBe(0);
    const again = dispatch(h.app, { call: 'members.open', input, token: h.tokens.clerk! });
    expect(again.ok).toBe(true);
    expect(count()).toBe(before + 1);
  });

  it('recognises SQLITE_BUSY and SQLITE_LOCKED codes only', () => {
    const e = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect(busyError(e)?.code).toBe('BUSY');
    expect(busyError(Object.assign(new Error('x'), { code: 'SQLITE_LOCKED_SHAREDCACHE' }))?.message).toBe('系统正忙，请稍后重试');
    expect(busyError(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT' }))).toBeNull();
    expect(busyError('SQLITE_BUSY')).toBeNull();
  });
});

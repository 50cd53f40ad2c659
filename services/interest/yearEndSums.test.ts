/**
 * 年终结息's 积数 read on two threads (yearEndSums.ts): the worker's half of the year's postings added to this
 * thread's half gives every account the 积数 of the one query, segment by segment; a worker that sees another
 * snapshot reads nothing and this thread reads it all, with the same figures.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Db } from '../../db/connection';
import { dbPath } from '../app/open';
import { harness, type Harness } from '../testing/harness';
import { generateDemo } from '../demo/generate';
import { SYSTEM_OPERATOR } from '../context';
import { segmentFenDays, yearEndWorkerFile, type Segment } from './yearEndSums';

let h: Harness | undefined;
let other: Db | undefined;
afterEach(() => {
  other?.close();
  other = undefined;
  h?.close();
  h = undefined;
});

// Two rate segments in the settlement year 2025-07-01 – 2026-07-01 (a rate change on 2026-02-01).
const SEGMENTS: Segment[] = [
  { from: '2025-07-01', to: '2026-02-01', rate: '1.50' },
  { from: '2026-02-01', to: '2026-07-01', rate: '1.35' },
];
const BOOKED = '2026-06-30';

function ledger(): Harness {
  const t = harness('yinchuan', '2026-07-10T02:00:00Z');
  generateDemo(t.app.ctx!, SYSTEM_OPERATOR, { members: 300, months: 14, perEmployer: 30 });
  return t;
}

/** Inside one read transaction, as the 年终结息 reads. */
function inSnapshot<T>(t: Harness, fn: () => T): T {
  return t.app.db.sqlite.transaction(fn).deferred();
}

describe('年终结息 积数 on two threads', () => {
  it('the worker’s half added to this thread’s gives every account the one query’s 积数, segment by segment', () => {
    h = ledger();
    const sqlite = h.app.db.sqlite;
    const one = inSnapshot(h, () => segmentFenDays(sqlite, SEGMENTS, BOOKED, { workerFile: null }));
    const two = inSnapshot(h, () => segmentFenDays(sqlite, SEGMENTS, BOOKED, { workerFile: yearEndWorkerFile(), minPostings: 0 }));
    expect(one.read).toBe('one-thread');
    expect(two.read).toBe('worker');
    expect(one.fenDays[0]!.size).toBeGreaterThan(300);
    expect([...one.fenDays[0]!.values()].filter((v) => v > 0).length).toBeGreaterThan(300);
    expect(two.fenDays).toEqual(one.fenDays);
  });

  it('a worker that sees another snapshot reads nothing; this thread reads both halves, with the figures of its own snapshot', () => {
    h = ledger();
    const sqlite = h.app.db.sqlite;
    const before = inSnapshot(h, () => segmentFenDays(sqlite, SEGMENTS, BOOKED, { workerFile: null }));
    other = new Db(dbPath(h.dir));
    const got = inSnapshot(h, () => {
      sqlite.prepare('SELECT COUNT(*) FROM integrity_log').get(); // our snapshot starts here …
      // … and another connection commits a logged change, as a counter would while the 年终结息 reads.
      other!.sqlite.prepare(`INSERT INTO notices (kind, title, body, published_at) VALUES ('公告', '通知', '测试', '2026-07-10T02:00:00Z')`).run();
      return segmentFenDays(sqlite, SEGMENTS, BOOKED, { workerFile: yearEndWorkerFile(), minPostings: 0 });
    });
    expect(got.read).toBe('other-snapshot');
    expect(got.fenDays).toEqual(before.fenDays);
  });
});

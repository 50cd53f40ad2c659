/**
 * A second connection opening the same file (a batch worker) while the first one writes: what the opener seals at
 * open never overlaps a seal the other connection made in the meantime (the two-worker 汇缴 test caught it on CI).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Db } from '../../db/connection';
import { dbPath } from '../app/open';
import { harness, newEmployer, type Harness } from '../testing/harness';
import { installIntegrity } from './install';
import { maxSeq } from './seal';
import { verifyIntegrity } from './verify';

let h: Harness;
let other: Db | null = null;
afterEach(() => {
  other?.close();
  other = null;
  h.close();
});

describe('opening beside a writer', () => {
  it('does not seal again the rows another connection sealed after this one read the log’s end', () => {
    h = harness('yinchuan');
    const key = h.app.db.integrity!.key as never;
    // The opener reads the log's end (openDb's preSeq) …
    const preSeq = maxSeq(h.app.db.sqlite);
    // … meanwhile the request thread writes and seals …
    newEmployer(h);
    expect(maxSeq(h.app.db.sqlite)).toBeGreaterThan(preSeq);
    // … then the opener's install runs its transaction.
    other = new Db(dbPath(h.dir));
    installIntegrity(other, key, { migrated: false, preSeq, anchorFile: null, now: () => new Date(), repair: true });
    expect(verifyIntegrity(h.app.db.sqlite, key, null).problem).toBeNull();
    expect(h.call('ledger.check', {}, 'admin')).toMatchObject({ ok: true, firstViolation: null });
  });
});

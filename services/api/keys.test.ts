import { afterEach, describe, expect, it } from 'vitest';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';
import { SYSTEM_OPERATOR } from '../context';
import { runYearEndInterest } from '../interest/yearEnd';

let h: Harness;
afterEach(() => h.close());

const keys = () => (h.app.db.prepare('SELECT idempotency_key AS k FROM journal_entries ORDER BY id').all() as Array<{ k: string }>).map((r) => r.k);

describe('caller keys and system keys live apart', () => {
  it('a 汇缴 sent with the 年终结息 key (plain and sys:) does not block 年终结息', () => {
    h = harness('yinchuan', '2026-05-20T02:00:00Z');
    const e = newEmployer(h);
    newMember(h, e.id, { baseFen: 1_000_000, openedDate: '2026-05-01' });
    h.call('remit.post', { employerId: e.id, month: '2026-05', idempotencyKey: 'year-end-interest:2026:0' });
    h.at('2026-06-20T02:00:00Z');
    h.call('remit.post', { employerId: e.id, month: '2026-06', idempotencyKey: 'sys:year-end-interest:2026:0' });
    h.at('2026-07-01T02:00:00Z');
    const r = runYearEndInterest(h.app.ctx!, SYSTEM_OPERATOR, 2026);
    expect(r).toMatchObject({ alreadyRun: false, entries: 1 });
    expect(r.totalFen).toBeGreaterThan(0);
    const all = keys();
    const system = all.filter((k) => k.startsWith('sys:'));
    expect(system).toEqual([expect.stringMatching(/^sys:year-end-interest:2026:a\d+$/)]);
    // Every caller key is stored under the operator's scope, never bare or in sys:.
    const clerkId = h.call('session.me', {}).id;
    expect(all).toContain(`c:${clerkId}:year-end-interest:2026:0`);
    expect(all).toContain(`c:${clerkId}:sys:year-end-interest:2026:0`);
    expect(h.call('ledger.check', {}, 'admin').ok).toBe(true);
  });

  it('two operators using the same key do not collide; one operator replaying it gets the first result', () => {
    h = harness('yinchuan', '2026-06-20T02:00:00Z');
    const e1 = newEmployer(h);
    const e2 = newEmployer(h, { name: '银川市第二建筑公司' });
    newMember(h, e1.id, { openedDate: '2026-05-01' });
    newMember(h, e2.id, { openedDate: '2026-05-01' });
    const a = h.call('remit.post', { employerId: e1.id, month: '2026-06', idempotencyKey: 'shared-key-0001' }, 'clerk');
    const b = h.call('remit.post', { employerId: e2.id, month: '2026-06', idempotencyKey: 'shared-key-0001' }, 'clerk2');
    expect(b.entryNo).not.toBe(a.entryNo);
    // The same operator, same key, same payload: the first result; another payload: refused.
    expect(h.call('remit.post', { employerId: e1.id, month: '2026-06', idempotencyKey: 'shared-key-0001' }, 'clerk').entryNo).toBe(a.entryNo);
    expect(h.fail('remit.post', { employerId: e2.id, month: '2026-06', idempotencyKey: 'shared-key-0001' }, 'clerk').code).toBe('CONFLICT');
    expect(keys().filter((k) => k.endsWith(':shared-key-0001'))).toHaveLength(2);
  });
});

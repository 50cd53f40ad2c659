import { afterEach, describe, expect, it } from 'vitest';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';
import { ownPayee as payee, RENT_FACTS as RENT } from '../testing/withdrawalFixture';
import { APP_NO_COUNT_SQL, nextAppNo } from './store';

let h: Harness;
afterEach(() => h.close());

describe('application numbers (受理编号)', () => {
  it('number each day from 0001, per kind, and count the day on the index instead of scanning every application', () => {
    h = harness('yinchuan', '2026-06-15T02:00:00Z');
    const e = newEmployer(h);
    const m = newMember(h, e.id, { openedDate: '2026-01-01' });
    const create = () => h.call('withdrawal.create', { memberId: m.id, caseId: 'rent', facts: RENT, requestedFen: 100_000, payee: payee(m.name), materialsSeen: [], idempotencyKey: h.key() }).appNo;
    expect([create(), create()]).toEqual(['TQ202606150001', 'TQ202606150002']);
    h.at('2026-06-16T02:00:00Z');
    expect(create()).toBe('TQ202606160001');
    const ctx = h.app.ctx!;
    expect(nextAppNo(ctx, '2026-06-15')).toBe('TQ202606150003');
    expect(nextAppNo(ctx, '2026-06-15', 'loan')).toBe('DK202606150001');
    const plan = (h.app.db.sqlite.prepare(`EXPLAIN QUERY PLAN ${APP_NO_COUNT_SQL}`).all('TQ20260615', 'TQ20260615:') as Array<{ detail: string }>).map((r) => r.detail).join(' ');
    expect(plan).toMatch(/SEARCH applications USING COVERING INDEX \w+ \(app_no>\? AND app_no<\?\)/);
  });
});

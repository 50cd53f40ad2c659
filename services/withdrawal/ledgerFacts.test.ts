import { afterEach, describe, expect, it } from 'vitest';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';
import { ownPayee as payee, RENT_FACTS as RENT } from '../testing/withdrawalFixture';

let h: Harness;
afterEach(() => h.close());

describe('withdrawal facts the ledger knows never come from the caller', () => {
  it('refuses a typed member, a typed spouse who is a member here, and drawing a typed spouse’s account', () => {
    h = harness('yinchuan', '2026-06-15T02:00:00Z');
    const e = newEmployer(h);
    const m = newMember(h, e.id, { name: '马建国', openedDate: '2026-01-01' });
    const sp = newMember(h, e.id, { name: '李秀兰', idNumber: '64010419900907004X', openedDate: '2026-01-01' });
    const create = (facts: Record<string, unknown>, spouseMemberId: number | null = null) =>
      h.fail('withdrawal.create', { memberId: m.id, caseId: 'rent', spouseMemberId, facts, requestedFen: 100_000, payee: payee(m.name), materialsSeen: [], idempotencyKey: h.key() });
    expect(create({ ...RENT, member: { name: '马建国', accountStatus: '正常', balanceFen: 1_000_000_000 } })).toMatchObject({ code: 'BAD_INPUT', field: 'facts.member' });
    const married = { ...RENT, maritalStatus: 'married' };
    expect(create({ ...married, spouse: { name: '李秀兰', idNumber: sp.idNumber ?? '64010419900907004X', accountStatus: '正常', balanceFen: 1_000_000_000 } })).toMatchObject({
      code: 'BAD_INPUT',
      field: 'facts.spouse.idNumber',
    });
    expect(create({ ...married, includeSpouse: true, spouse: { name: '外地配偶', accountStatus: '正常', balanceFen: 1_000_000_000 } })).toMatchObject({ code: 'BAD_INPUT', field: 'facts.includeSpouse' });
    expect((h.app.db.prepare("SELECT COUNT(*) AS n FROM applications WHERE kind = 'withdrawal'").get() as { n: number }).n).toBe(0);
  });
});

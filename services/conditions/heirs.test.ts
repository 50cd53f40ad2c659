/**
 * Heirs drawing one by one (004 死亡提取 注意事项1, rule uq.wd.death.heirShare), through the dispatcher.
 * The deceased: base 10,000.00 × (5% + 5%) = 1,000.00 a month, remitted 2026-01 … 2026-05 on the 20th → 5,000.00.
 * Three heirs, one at a time, all paid on 2026-06-25:
 *   heir 1: 5,000.00 ÷ 3 = 1,666.666… → 1,666.67 (half-up), no interest, account stays open;
 *   heir 2: 3,333.33 ÷ 2 = 1,666.665 → 1,666.67, no interest;
 *   heir 3 (last): the remaining 1,666.66 and all the interest, account closed.
 * Interest to 2026-06-25 (积数, 1.50%, 360 days, 算头不算尾; the two payouts that day are not counted):
 *   01-20→02-20 31 d × 1,000 = 31,000; 02-20→03-20 28 d × 2,000 = 56,000; 03-20→04-20 31 d × 3,000 = 93,000;
 *   04-20→05-20 30 d × 4,000 = 120,000; 05-20→06-25 36 d × 5,000 = 180,000; Σ 480,000 × 1.5% ÷ 360 = 20.00.
 * So heir 3 is paid 1,666.66 + 20.00 = 1,686.66; 1,666.67 + 1,666.67 + 1,686.66 = 5,020.00 = balance + interest.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../shared/idcard';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';
import { card } from './conditionsFixture';

let h: Harness;
afterEach(() => h.close());

function deceased() {
  h = harness('urumqi', '2026-01-05T02:00:00Z');
  const e = newEmployer(h, { district: '天山区', employeeRatioPercent: '5', employerRatioPercent: '5' });
  const m = newMember(h, e.id, { name: '马玉福', idNumber: makeIdNumber('650102', '19700430', 33), baseFen: 1_000_000, openedDate: '2025-12-01' });
  for (const month of ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']) {
    h.at(`${month}-20T02:00:00Z`);
    h.call('remit.post', { employerId: e.id, month, idempotencyKey: h.key() });
  }
  h.at('2026-06-25T02:00:00Z');
  return m;
}

function heirPays(memberId: number, heir: string) {
  const body = {
    caseId: 'death',
    spouseMemberId: null,
    facts: { death: { deathDate: '2026-06-01', heirCount: 3, heirsPresent: 1, notarizedInheritance: true }, applicant: { role: 'heir', name: heir } },
    requestedFen: null,
    payee: card(heir),
  };
  const draft = h.call('withdrawal.create', { memberId, ...body, materialsSeen: [], idempotencyKey: h.key() });
  const ready = h.call('withdrawal.update', { applicationId: draft.id, version: draft.version, ...body, materialsSeen: draft.materials.map((x) => x.id), idempotencyKey: h.key() });
  h.call('withdrawal.submit', { applicationId: ready.id, idempotencyKey: h.key() });
  h.call('withdrawal.review', { applicationId: ready.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
  h.call('withdrawal.approve', { applicationId: ready.id, pass: true, idempotencyKey: h.key() }, 'approver');
  return { draft, paid: h.call('withdrawal.pay', { applicationId: ready.id, idempotencyKey: h.key() }, 'clerk2') };
}

describe('uq.wd.death.heirShare', () => {
  it('splits the balance among the heirs to the fen; the last heir takes all the interest and the account closes', () => {
    const m = deceased();
    expect(h.call('members.get', { memberId: m.id }).balanceFen).toBe(500_000);

    const first = heirPays(m.id, '马一');
    expect(first.draft.materials.map((x) => x.id)).toContain('uq.mat.death.waiveInterest');
    expect(first.draft.decision!.closesAccount).toBe(false);
    expect(first.paid).toMatchObject({ state: '已支付', paidAmountFen: 166_667 });
    expect(h.call('members.get', { memberId: m.id })).toMatchObject({ balanceFen: 333_333, status: '正常' });

    const second = heirPays(m.id, '马二');
    expect(second.paid.paidAmountFen).toBe(166_667);
    expect(h.call('members.get', { memberId: m.id }).balanceFen).toBe(166_666);

    const last = heirPays(m.id, '马三');
    expect(last.draft.materials.map((x) => x.id)).not.toContain('uq.mat.death.waiveInterest');
    expect(last.draft.decision!.closesAccount).toBe(true);
    expect(last.paid.paidAmountFen).toBe(166_666 + 2_000);
    expect(h.call('members.get', { memberId: m.id })).toMatchObject({ balanceFen: 0, status: '销户' });
    expect(166_667 + 166_667 + 168_666).toBe(500_000 + 2_000);
    expect(h.call('ledger.check', {}, 'admin').ok).toBe(true);
  });

  it('lists the 书面承诺 as a checklist item when the heirs give it instead of a 继承公证书 (balance under 1,000.00)', () => {
    h = harness('urumqi', '2026-06-25T02:00:00Z');
    const base = {
      center: 'urumqi',
      caseId: 'death',
      applicationDate: '2026-06-25',
      member: { name: '马玉福', accountStatus: '正常', balanceFen: 99_999 },
      applicant: { role: 'heir', name: '马一' },
    };
    const promised = h.call('rules.evaluateWithdrawal', { application: { ...base, death: { deathDate: '2026-06-01', writtenPromise: true } } });
    expect(promised.eligible).toBe(true);
    expect(promised.materials.map((x) => x.id)).toContain('uq.mat.death.writtenPromise');
    expect(promised.materials.map((x) => x.id)).not.toContain('uq.mat.death.notary');
    const notarised = h.call('rules.evaluateWithdrawal', { application: { ...base, member: { ...base.member, balanceFen: 100_000 }, death: { deathDate: '2026-06-01', notarizedInheritance: true } } });
    expect(notarised.materials.map((x) => x.id)).not.toContain('uq.mat.death.writtenPromise');
    expect(notarised.materials.map((x) => x.id)).toContain('uq.mat.death.notary');
  });
});

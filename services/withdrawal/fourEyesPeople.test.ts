/** Four eyes between people, not logins: a second login of the same person (same 证件号码) counts as that person. */
import { afterEach, describe, expect, it } from 'vitest';
import { addLogin, harness, type Harness } from '../testing/harness';
import { twelveMonthMember } from '../testing/memberFixture';
import { contributingCouple, SELLER_PAYEE, YC_COMMODITY_FACTS } from '../testing/loanFixture';

let h: Harness;
afterEach(() => h.close());

const OWN = (name: string) => ({ kind: 'own' as const, bankName: '中国建设银行银川分行', accountNo: '6217000010012345678', accountName: name });

function submittedRentWithdrawal() {
  const r = twelveMonthMember();
  h = r.h;
  const m = r.m;
  const facts = { maritalStatus: 'single', rent: { annualRentFen: 3_600_000, familyAnnualIncomeFen: 10_000_000, contractDate: '2026-03-01', publicHousing: true } };
  const draft = h.call('withdrawal.create', { memberId: m.id, caseId: 'rent', facts, requestedFen: 2_000_000, payee: OWN(m.name), materialsSeen: [], idempotencyKey: h.key() });
  const ready = h.call('withdrawal.update', { applicationId: draft.id, version: draft.version, caseId: 'rent', facts, requestedFen: 2_000_000, payee: OWN(m.name), materialsSeen: draft.materials.map((x) => x.id), idempotencyKey: h.key() });
  return h.call('withdrawal.submit', { applicationId: ready.id, idempotencyKey: h.key() });
}

describe('four eyes compare persons', () => {
  it('the clerk under a reviewer login cannot review what they entered; the reviewer under an approver login cannot approve', () => {
    const a = submittedRentWithdrawal();
    addLogin(h, 'wangrev', 'reviewer', 3, '王经办'); // person 3 = clerk
    const err = h.fail('withdrawal.review', { applicationId: a.id, pass: true, idempotencyKey: h.key() }, 'wangrev');
    expect(err.code).toBe('FORBIDDEN');
    expect(err.message).toContain('四眼原则');
    h.call('withdrawal.review', { applicationId: a.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
    addLogin(h, 'zhaoappr', 'approver', 5, '赵复核'); // person 5 = reviewer
    expect(h.fail('withdrawal.approve', { applicationId: a.id, pass: true, idempotencyKey: h.key() }, 'zhaoappr').code).toBe('FORBIDDEN');
    addLogin(h, 'wangappr', 'approver', 3, '王经办');
    expect(h.fail('withdrawal.approve', { applicationId: a.id, pass: true, idempotencyKey: h.key() }, 'wangappr').code).toBe('FORBIDDEN');
    expect(h.call('withdrawal.approve', { applicationId: a.id, pass: true, idempotencyKey: h.key() }, 'approver').state).toBe('已审批');
  });

  it('loans: the clerk under a reviewer login cannot review their own application', () => {
    h = harness('yinchuan', '2026-01-05T02:00:00Z');
    const { b, s } = contributingCouple(h);
    const base = { caseId: 'commodity', spouseMemberId: s.id, facts: YC_COMMODITY_FACTS, requestedFen: 30_000_000, months: 240, method: 'annuity' as const, payee: SELLER_PAYEE };
    const draft = h.call('loan.create', { memberId: b.id, ...base, materialsSeen: [], idempotencyKey: h.key() });
    const app = h.call('loan.update', { applicationId: draft.id, version: draft.version, ...base, materialsSeen: draft.materials.map((m) => m.id), idempotencyKey: h.key() });
    h.call('loan.submit', { applicationId: app.id, idempotencyKey: h.key() });
    addLogin(h, 'wangrev', 'reviewer', 3, '王经办');
    expect(h.fail('loan.review', { applicationId: app.id, pass: true, idempotencyKey: h.key() }, 'wangrev').message).toContain('四眼原则');
    expect(h.call('loan.review', { applicationId: app.id, pass: true, idempotencyKey: h.key() }, 'reviewer').state).toBe('待审批');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../testing/harness';
import { contributingCouple, SELLER_PAYEE, YC_COMMODITY_FACTS } from '../testing/loanFixture';

let h: Harness;
afterEach(() => h.close());

const OWN = (name: string) => ({ kind: 'own' as const, bankName: '中国建设银行银川分行', accountNo: '6217000010012345678', accountName: name });
const RENT = { maritalStatus: 'single', rent: { annualRentFen: 3_600_000, familyAnnualIncomeFen: 10_000_000, contractDate: '2026-03-01', publicHousing: true } };

/** A 银川 household with a loan and a rent withdrawal both submitted at 2026-06-25 10:00 (Beijing), waiting for 复核. */
function waiting() {
  h = harness('yinchuan', '2026-01-05T02:00:00Z');
  const { b, s } = contributingCouple(h);
  const terms = { caseId: 'commodity', payee: SELLER_PAYEE, spouseMemberId: s.id, facts: YC_COMMODITY_FACTS, requestedFen: 30_000_000, months: 240, method: 'annuity' as const };
  const ld = h.call('loan.create', { memberId: b.id, ...terms, materialsSeen: [], idempotencyKey: h.key() });
  const loan = h.call('loan.update', { applicationId: ld.id, version: ld.version, ...terms, materialsSeen: ld.materials.map((m) => m.id), idempotencyKey: h.key() });
  h.call('loan.submit', { applicationId: loan.id, idempotencyKey: h.key() });
  const wd = h.call('withdrawal.create', { memberId: s.id, caseId: 'rent', facts: RENT, requestedFen: 100_000, payee: OWN(s.name), materialsSeen: [], idempotencyKey: h.key() });
  const w = h.call('withdrawal.update', { applicationId: wd.id, version: wd.version, caseId: 'rent', facts: RENT, requestedFen: 100_000, payee: OWN(s.name), materialsSeen: wd.materials.map((m) => m.id), idempotencyKey: h.key() });
  h.call('withdrawal.submit', { applicationId: w.id, idempotencyKey: h.key() });
  return { loanId: loan.id, withdrawalId: w.id };
}

describe('inbox.list (issue 12: one inbox)', () => {
  it('gives a reviewer the waiting withdrawal and loan, each with its deadline and the hours waited', () => {
    const { loanId, withdrawalId } = waiting();
    h.at('2026-06-26T04:00:00Z'); // 26 hours later
    const list = h.call('inbox.list', {}, 'reviewer');
    expect(list.items.map((i) => [i.kind, i.id, i.state, i.limitDays, i.dueAt, i.waitedHours])).toEqual([
      ['withdrawal', withdrawalId, '待复核', 3, '2026-06-28T02:00:00.000Z', 26],
      ['loan', loanId, '待复核', 15, '2026-07-10T02:00:00.000Z', 26],
    ]);
    expect(list.items.map((i) => i.deadlineStatus)).toEqual(['ok', 'ok']);
    expect(list.limitNote).toContain('本中心规定');
    expect(list.limitNote).toContain('《住房公积金管理条例》第二十四条');
    // An approver has nothing yet: both wait for 复核.
    expect(h.call('inbox.list', {}, 'approver').items).toEqual([]);
  });

  it('marks a withdrawal past its 3 days as over while the loan is still within its 15', () => {
    waiting();
    h.at('2026-06-29T02:00:00Z');
    const list = h.call('inbox.list', {}, 'reviewer');
    expect(list.items.map((i) => [i.kindLabel, i.deadlineStatus, i.waitedHours])).toEqual([
      ['提取', 'over', 96],
      ['贷款', 'ok', 96],
    ]);
  });

  it('lists only the signed-in operator’s own drafts', () => {
    h = harness();
    h.call('draft.save', { form: 'members.open', title: '职工开户 · 张三', data: { name: '张三' } }, 'clerk');
    expect(h.call('inbox.list', {}, 'clerk').drafts.map((d) => d.title)).toEqual(['职工开户 · 张三']);
    expect(h.call('inbox.list', {}, 'clerk2').drafts).toEqual([]);
  });
});

/**
 * 联保 through the dispatcher. Every member has 14,400.00 (conditionsFixture). The loan is 10,000.00, guaranteed by
 * 王联保 pledging 10,000.00 of his fund: at disbursement it is frozen, leaving him 4,400.00 free; a withdrawal of
 * 4,400.00 leaves exactly the pledge (allowed), 4,400.01 would dip 0.01 into it (refused); after the loan is settled
 * the pledge is released and the rest can be drawn (less the 10.00 kept).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newMember, type Harness } from '../testing/harness';
import { makeIdNumber } from '../../shared/idcard';
import { approvedPurchase, EACH_FEN, household, signedLoan, UQ_LOAN_FACTS } from './conditionsFixture';

let h: Harness;
afterEach(() => h.close());

const LOAN = 1_000_000;

function jointFacts(guarantors: Array<{ name: string; pledgedFen: number; memberId?: number }>) {
  return { ...UQ_LOAN_FACTS, guarantee: { type: 'pfJoint', jointGuarantors: guarantors } };
}

describe('uq.flow.pfJoint.members', () => {
  it('refuses a guarantor who is not a contributing member of this center, or whose free balance is short', () => {
    const r = household('urumqi', ['马建国', '李秀兰', '王联保', '赵封存']);
    h = r.h;
    const [b, s, g, sealed] = r.members as [typeof r.members[0], typeof r.members[0], typeof r.members[0], typeof r.members[0]];
    h.call('members.seal', { memberId: sealed.id, reason: '离职', idempotencyKey: h.key() });
    const submit = (facts: Record<string, unknown>) => {
      const app = signedLoanDraft(b.id, s.id, facts);
      return h.fail('loan.submit', { applicationId: app.id, idempotencyKey: h.key() });
    };
    expect(submit(jointFacts([{ name: '王联保', pledgedFen: LOAN }])).message).toContain('请填写联保人的职工编号');
    expect(submit(jointFacts([{ name: '李秀兰', pledgedFen: LOAN, memberId: s.id }])).message).toContain('借款人及其配偶不能作联保人');
    expect(submit(jointFacts([{ name: '王联保', pledgedFen: LOAN, memberId: sealed.id }])).message).toContain('户名为赵封存');
    expect(submit(jointFacts([{ name: '赵封存', pledgedFen: LOAN, memberId: sealed.id }])).message).toContain('账户状态为封存');
    // Opened this month, nothing remitted yet: not (yet) a contributing member.
    const fresh = newMember(h, r.e.id, { name: '孙新户', idNumber: makeIdNumber('650102', '19950101', 77), baseFen: 1_000_000, openedDate: '2026-06-25' });
    expect(submit(jointFacts([{ name: '孙新户', pledgedFen: LOAN, memberId: fresh.id }])).message).toContain('未连续缴存住房公积金');
    // One fen more than the balance: refused; the whole balance: accepted.
    expect(submit(jointFacts([{ name: '王联保', pledgedFen: EACH_FEN + 1, memberId: g.id }])).message).toContain('可用于担保的公积金14,400.00元');
    const ok = signedLoanDraft(b.id, s.id, jointFacts([{ name: '王联保', pledgedFen: EACH_FEN, memberId: g.id }]));
    expect(h.call('loan.submit', { applicationId: ok.id, idempotencyKey: h.key() }).state).toBe('待复核');
  });
});

function signedLoanDraft(b: number, s: number, facts: Record<string, unknown>) {
  const base = { caseId: 'commodity', spouseMemberId: s, facts, requestedFen: LOAN, months: 120, method: 'annuity' as const, payee: { kind: 'developer' as const, bankName: '宁夏银行金凤支行', accountNo: '1010012345678901', accountName: '宁夏塞上房地产开发有限公司' } };
  const draft = h.call('loan.create', { memberId: b, ...base, materialsSeen: [], idempotencyKey: h.key() });
  return h.call('loan.update', { applicationId: draft.id, version: draft.version, ...base, materialsSeen: draft.materials.map((m) => m.id), idempotencyKey: h.key() });
}

describe('uq.flow.pfJoint.freeze', () => {
  it('freezes the pledge at disbursement: a withdrawal into it is refused with the reason, up to it is paid; settlement releases it', () => {
    const r = household('urumqi', ['马建国', '李秀兰', '王联保']);
    h = r.h;
    const [b, s, g] = r.members as [typeof r.members[0], typeof r.members[0], typeof r.members[0]];
    const signed = signedLoan(h, { memberId: b.id, spouseMemberId: s.id, facts: jointFacts([{ name: '王联保', pledgedFen: LOAN, memberId: g.id }]), requestedFen: LOAN }, 'UQ-2026-LB01');
    // Before disbursement nothing is frozen.
    expect(h.call('members.holds', { memberId: g.id }).frozenFen).toBe(0);
    const loan = h.call('loan.disburse', { applicationId: signed.id, idempotencyKey: h.key() }).loan!;
    expect(h.call('members.holds', { memberId: g.id })).toMatchObject({ frozenFen: LOAN, pledges: [{ contractNo: 'UQ-2026-LB01', borrowerName: '马建国', pledgedFen: LOAN, loanStatus: '还款中' }] });

    const tooMuch = approvedPurchase(h, g.id, EACH_FEN - LOAN + 1);
    const e = h.fail('withdrawal.pay', { applicationId: tooMuch.id, idempotencyKey: h.key() }, 'clerk2');
    expect(e.code).toBe('RULE');
    expect(e.message).toBe(
      '王联保是贷款UQ-2026-LB01（借款人马建国，担保10,000.00元）的联保人，联保期间所担保的10,000.00元不能使用：余额14,400.00元，提取支付最多4,400.00元，本次4,400.01元（004：联保人在联保期间不能使用所担保的住房公积金金额）',
    );
    expect(h.call('members.get', { memberId: g.id }).balanceFen).toBe(EACH_FEN);
    h.call('withdrawal.cancel', { applicationId: tooMuch.id, reason: '超出可用余额', idempotencyKey: h.key() });

    const exact = approvedPurchase(h, g.id, EACH_FEN - LOAN);
    expect(h.call('withdrawal.pay', { applicationId: exact.id, idempotencyKey: h.key() }, 'clerk2').state).toBe('已支付');
    expect(h.call('members.get', { memberId: g.id }).balanceFen).toBe(LOAN);

    // Settlement (提前结清) releases the pledge: the guarantor may draw again (less the 10.00 kept).
    h.call('loan.prepay', { loanId: loan.id, kind: 'full', idempotencyKey: h.key() });
    expect(h.call('members.holds', { memberId: g.id })).toMatchObject({ frozenFen: 0, pledges: [{ loanStatus: '已结清' }] });
    const after = approvedPurchase(h, g.id, null);
    expect(h.call('withdrawal.pay', { applicationId: after.id, idempotencyKey: h.key() }, 'clerk2').paidAmountFen).toBe(LOAN - 1_000);
    expect(h.call('ledger.check', {}, 'admin').ok).toBe(true);
  });
});

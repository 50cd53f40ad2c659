/**
 * 超额提取补缴 through the dispatcher. Borrower and spouse have 14,400.00 each. The borrower draws 14,390.00 to pay
 * for the house (10.00 kept); then asks for a 200,000.00 loan: the two balances, 10.00 + 14,400.00 = 14,410.00, must
 * be at least a tenth, 20,000.00 — short by 5,590.00, which the borrower owes back (he withdrew 14,390.00 ≥ 5,590.00).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../testing/harness';
import { approvedPurchase, card, EACH_FEN, household, loanDraft, UQ_LOAN_FACTS } from './conditionsFixture';

let h: Harness;
afterEach(() => h.close());

const LOAN = 20_000_000;

describe('uq.flow.excessPayback', () => {
  it('owes back the excess, blocks new applications until it is paid back, and books the payback to the member', () => {
    const r = household('urumqi', ['马建国', '李秀兰']);
    h = r.h;
    const [b, s] = r.members as [typeof r.members[0], typeof r.members[0]];
    const loanInput = { memberId: b.id, spouseMemberId: s.id, facts: UQ_LOAN_FACTS, requestedFen: LOAN };
    // Balances 28,800.00 ≥ 20,000.00: nothing to pay back.
    const early = loanDraft(h, loanInput);
    expect(h.fail('excess.assess', { applicationId: early.id, idempotencyKey: h.key() }).message).toContain('无需补缴');
    h.call('loan.cancel', { applicationId: early.id, reason: '先提取支付房款', idempotencyKey: h.key() });

    const wd = approvedPurchase(h, b.id, null);
    expect(h.call('withdrawal.pay', { applicationId: wd.id, idempotencyKey: h.key() }, 'clerk2').paidAmountFen).toBe(EACH_FEN - 1_000);

    const app = loanDraft(h, loanInput);
    expect(app.decision!.trace.find((t) => t.ruleId === 'uq.loan.reserve10')!.outcome).toBe('failed');
    const [owed] = h.call('excess.assess', { applicationId: app.id, idempotencyKey: h.key() });
    expect(owed).toMatchObject({ memberId: b.id, dueFen: 559_000, withdrawnFen: 1_439_000, paidFen: 0, outstandingFen: 559_000 });
    expect(h.fail('excess.assess', { applicationId: app.id, idempotencyKey: h.key() }).code).toBe('CONFLICT');

    // Blocked: the loan application, and any new withdrawal application of the member.
    const blocked = h.fail('loan.submit', { applicationId: app.id, idempotencyKey: h.key() });
    expect(blocked.message).toBe('马建国尚有超额提取的5,590.00元未补缴回个人住房公积金账户，补缴后才能申请住房公积金贷款（004：应将超额提取部分补缴回个人住房公积金账户后，再申请住房公积金贷款）');
    const rent = { caseId: 'rent', spouseMemberId: null, facts: {}, requestedFen: null, payee: card(b.name), materialsSeen: [] };
    expect(h.fail('withdrawal.create', { memberId: b.id, ...rent, idempotencyKey: h.key() }).message).toContain('补缴后才能申请提取');

    // More than owed: refused, nothing written. Then 5,000.00, still 590.00 owed and still blocked.
    expect(h.fail('excess.payback', { paybackId: owed!.id, amountFen: 559_001, idempotencyKey: h.key() })).toMatchObject({ code: 'BAD_INPUT', field: 'amountFen' });
    const part = h.call('excess.payback', { paybackId: owed!.id, amountFen: 500_000, idempotencyKey: h.key() });
    expect(part).toMatchObject({ paidFen: 500_000, outstandingFen: 59_000 });
    expect(h.fail('loan.submit', { applicationId: app.id, idempotencyKey: h.key() }).message).toContain('590.00元未补缴');
    const rest = h.call('excess.payback', { paybackId: owed!.id, amountFen: 59_000, idempotencyKey: h.key() });
    expect(rest.outstandingFen).toBe(0);
    expect(h.call('members.get', { memberId: b.id }).balanceFen).toBe(1_000 + 559_000);
    const line = h.call('members.statement', { memberId: b.id }).lines[0]!;
    expect(line).toMatchObject({ businessType: '超额提取补缴', category: '缴存', amountFen: 59_000, balanceFen: 560_000 });

    // 10.00 + 5,590.00 + 14,400.00 = 20,000.00: exactly a tenth, the loan goes on.
    expect(h.call('loan.submit', { applicationId: app.id, idempotencyKey: h.key() }).state).toBe('待复核');
    expect(h.call('members.holds', { memberId: b.id }).excess.map((x) => x.outstandingFen)).toEqual([0]);
    expect(h.call('ledger.check', {}, 'admin').ok).toBe(true);
  });
});

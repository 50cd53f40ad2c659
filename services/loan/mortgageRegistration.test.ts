import { afterEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../testing/harness';
import { contributingCouple, LOAN_CREDIT, SELLER_PAYEE, YC_COMMODITY_FACTS } from '../testing/loanFixture';

// loan.sign asks for a 抵押登记证明号 only when the loan's guarantee involves a mortgage registration
// (004 二、担保方式; 003 四、贷款流程 4 办理房地产贷款抵押登记).
let h: Harness;
afterEach(() => h.close());

const UQ_FACTS = {
  maritalStatus: 'married',
  borrowerExtra: LOAN_CREDIT,
  spouseExtra: LOAN_CREDIT,
  spouseCoApplicant: true,
  familyMonthlyIncomeFen: 2_000_000,
  house: { priceFen: 60_000_000, contractDate: '2026-05-01', contractRegistered: true, downPaymentInvoice: true, borrowerIsBuyer: true },
  downPaymentFen: 30_000_000,
  stableIncome: true,
  goodCredit: true,
};

function approved(center: 'yinchuan' | 'urumqi', facts: Record<string, unknown>) {
  h = harness(center, '2026-01-05T02:00:00Z');
  const { b, s } = contributingCouple(h);
  const base = { caseId: 'commodity', spouseMemberId: s.id, facts, requestedFen: 20_000_000, months: 240, method: 'annuity' as const, payee: SELLER_PAYEE };
  const draft = h.call('loan.create', { memberId: b.id, ...base, materialsSeen: [], idempotencyKey: h.key() });
  const app = h.call('loan.update', { applicationId: draft.id, version: draft.version, ...base, materialsSeen: draft.materials.map((m) => m.id), idempotencyKey: h.key() });
  expect(app.decision!.eligible).toBe(true);
  h.call('loan.submit', { applicationId: app.id, idempotencyKey: h.key() });
  h.call('loan.review', { applicationId: app.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
  return h.call('loan.approve', { applicationId: app.id, pass: true, idempotencyKey: h.key() }, 'approver');
}

describe('loan.sign: 抵押登记证明号 only when the guarantee needs one', () => {
  it('乌鲁木齐 担保公司担保: signs without a mortgage registration number', () => {
    const app = approved('urumqi', { ...UQ_FACTS, guarantee: { type: 'company' } });
    expect(app.mortgageRegistration.required).toBe(false);
    const signed = h.call('loan.sign', { applicationId: app.id, contractNo: 'UQ-2026-0101', idempotencyKey: h.key() });
    expect(signed.state).toBe('已签约');
    expect(signed.contract).toMatchObject({ contractNo: 'UQ-2026-0101', mortgageRegNo: '' });
    expect(signed.lastNote).toContain('担保公司担保不办理借款人的抵押登记');
  });
  it('乌鲁木齐 房产公司阶段担保加抵押: refuses without the number, naming the field', () => {
    const app = approved('urumqi', { ...UQ_FACTS, guarantee: { type: 'developer' } });
    expect(app.mortgageRegistration.required).toBe(true);
    const err = h.fail('loan.sign', { applicationId: app.id, contractNo: 'UQ-2026-0102', idempotencyKey: h.key() });
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toContain('抵押登记证明号');
    expect(h.call('loan.get', { applicationId: app.id }).state).toBe('已审批');
    const signed = h.call('loan.sign', { applicationId: app.id, contractNo: 'UQ-2026-0102', mortgageRegNo: '新(2026)乌鲁木齐市不动产证明第0000101号', idempotencyKey: h.key() });
    expect(signed.contract?.mortgageRegNo).toBe('新(2026)乌鲁木齐市不动产证明第0000101号');
  });
  it('银川: every loan has a mortgage registration', () => {
    const app = approved('yinchuan', YC_COMMODITY_FACTS);
    expect(h.fail('loan.sign', { applicationId: app.id, contractNo: 'YC-GJJ-2026-000777', idempotencyKey: h.key() }).message).toContain('抵押登记证明号');
  });
});

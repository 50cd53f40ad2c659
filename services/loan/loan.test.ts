import { afterEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../testing/harness';
import { contributingCouple, LOAN_CREDIT, SELLER_PAYEE, YC_COMMODITY_FACTS } from '../testing/loanFixture';

let h: Harness;
afterEach(() => h.close());

const CREDIT = LOAN_CREDIT;
const SELLER = SELLER_PAYEE;

/** Borrower and spouse, six months each at base 10,000 × (12% + 12%) = 2,400.00 a month → 14,400.00 each. */
function couple(center: 'yinchuan' | 'urumqi') {
  h = harness(center, '2026-01-05T02:00:00Z');
  const { b, s } = contributingCouple(h);
  return { b, s };
}

function intake(b: number, s: number, caseId: string, facts: Record<string, unknown>, requestedFen: number) {
  const base = { caseId, spouseMemberId: s, facts, requestedFen, months: 240, method: 'annuity' as const, payee: SELLER };
  const draft = h.call('loan.create', { memberId: b, ...base, materialsSeen: [], idempotencyKey: h.key() });
  return h.call('loan.update', { applicationId: draft.id, version: draft.version, ...base, materialsSeen: draft.materials.map((m) => m.id), idempotencyKey: h.key() });
}

const YC_FACTS = YC_COMMODITY_FACTS;

describe('银川 commodity-home loan: intake to disbursement', () => {
  it('quota, three sign-offs, contract, one disbursement entry and a frozen schedule', () => {
    const { b, s } = couple('yinchuan');
    const app = intake(b.id, s.id, 'commodity', YC_FACTS, 30_000_000);
    const q = app.decision!.quota;
    // 80% × 600,000 = 480,000; 20 × (14,400 + 14,400) = 576,000; both contribute → 700,000: 480,000 binds.
    expect(q.limits.map((l) => [l.id, l.amountFen, l.binding])).toEqual([
      ['yc.loan.quota.ratio', 48_000_000, true],
      ['yc.loan.quota.balance20', 57_600_000, false],
      ['yc.loan.quota.cap', 70_000_000, false],
    ]);
    expect(app.decision!.rate!.annualRatePercent).toBe('2.60');
    h.call('loan.submit', { applicationId: app.id, idempotencyKey: h.key() });
    h.call('loan.review', { applicationId: app.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
    const approved = h.call('loan.approve', { applicationId: app.id, pass: true, idempotencyKey: h.key() }, 'approver');
    expect(approved).toMatchObject({ state: '已审批', approvedFen: 30_000_000 });
    expect(h.fail('loan.disburse', { applicationId: app.id, idempotencyKey: h.key() }).message).toContain('不能放款');
    h.call('loan.sign', { applicationId: app.id, contractNo: 'YC-GJJ-2026-000123', mortgageRegNo: '宁(2026)银川市不动产证明第0012345号', idempotencyKey: h.key() });
    const key = h.key();
    const done = h.call('loan.disburse', { applicationId: app.id, idempotencyKey: key });
    expect(done.state).toBe('已放款');
    expect(h.call('loan.disburse', { applicationId: app.id, idempotencyKey: key }).loan!.id).toBe(done.loan!.id);
    expect(h.fail('loan.disburse', { applicationId: app.id, idempotencyKey: h.key() }).message).toContain('不能重复放款');
    const loan = done.loan!;
    expect(loan).toMatchObject({ contractNo: 'YC-GJJ-2026-000123', principalFen: 30_000_000, months: 240, firstDueDate: '2026-07-25', balanceFen: 30_000_000, currentPeriod: 1 });
    const rows = h.call('loan.schedule', { loanId: loan.id });
    expect(rows).toHaveLength(240);
    expect(rows.reduce((t, r) => t + r.principalFen, 0)).toBe(30_000_000);
    expect(rows[0]!.interestFen).toBe(65_000); // 300,000 × 2.60% ÷ 12 = 650.00
    expect(done.progress.every((p) => p.at !== null)).toBe(true);
    expect(h.call('members.loans', { memberId: b.id })).toHaveLength(1);
    // The loan's own sub-ledger (121) is not the member's fund account: 账户明细 shows no 贷款发放 line.
    const statement = h.call('members.statement', { memberId: b.id });
    expect(statement.lines.some((l) => l.businessType === '贷款发放')).toBe(false);
    expect(statement.lines[0]!.balanceFen).toBe(h.call('members.get', { memberId: b.id }).balanceFen);
    const check = h.call('ledger.check', {}, 'admin');
    expect(check.ok).toBe(true);
    expect(check.controls.find((c) => c.code === '121')).toEqual({ code: '121', balanceFen: 30_000_000, subLedgerFen: 30_000_000 });
  });

  it('names the binding limit when the balances bind', () => {
    const { b, s } = couple('yinchuan');
    // 20 × 28,800 = 576,000 < 80% × 1,000,000 = 800,000 and < 700,000.
    const app = intake(b.id, s.id, 'commodity', { ...YC_FACTS, house: { ...YC_FACTS.house, priceFen: 100_000_000 }, downPaymentFen: 40_000_000 }, 60_000_000);
    expect(app.decision!.quota.limits.find((l) => l.binding)!.id).toBe('yc.loan.quota.balance20');
    expect(app.decision!.quota.quotaFen).toBe(57_600_000);
    const refused = h.fail('loan.submit', { applicationId: app.id, idempotencyKey: h.key() });
    expect(refused.code).toBe('RULE');
    // The clerk reads the basis in the print's words (title and clause number), not the internal rule id.
    const failed = app.decision!.trace.find((t) => t.outcome === 'failed')!;
    expect(refused.message).toContain(`（依据：${failed.title}，第`);
    expect(refused.message).not.toMatch(/\byc\.[a-z]/);
  });
});

describe('乌鲁木齐: approval lapses after a year without disbursement', () => {
  it('sends the application back for re-approval instead of disbursing', () => {
    const { b, s } = couple('urumqi');
    const facts = {
      maritalStatus: 'married',
      borrowerExtra: CREDIT,
      spouseExtra: CREDIT,
      spouseCoApplicant: true,
      familyMonthlyIncomeFen: 2_000_000,
      house: { priceFen: 60_000_000, contractDate: '2026-05-01', contractRegistered: true, downPaymentInvoice: true, borrowerIsBuyer: true },
      downPaymentFen: 30_000_000,
      guarantee: { type: 'developer' },
      stableIncome: true,
      goodCredit: true,
    };
    const app = intake(b.id, s.id, 'commodity', facts, 20_000_000);
    expect(app.decision!.eligible).toBe(true);
    h.call('loan.submit', { applicationId: app.id, idempotencyKey: h.key() });
    h.call('loan.review', { applicationId: app.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
    h.call('loan.approve', { applicationId: app.id, pass: true, idempotencyKey: h.key() }, 'approver');
    h.call('loan.sign', { applicationId: app.id, contractNo: 'UQ-2026-0007', mortgageRegNo: '新(2026)乌鲁木齐市不动产证明第0000777号', idempotencyKey: h.key() });
    h.at('2027-06-26T02:00:00Z');
    const back = h.call('loan.disburse', { applicationId: app.id, idempotencyKey: h.key() });
    expect(back.state).toBe('退回');
    expect(back.lastNote).toContain('需重新审批');
    expect(back.loan).toBeNull();
    expect(h.call('ledger.check', {}, 'admin').controls.find((c) => c.code === '121')).toBeUndefined();
  });
});

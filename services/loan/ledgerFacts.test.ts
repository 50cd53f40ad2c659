import { afterEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../testing/harness';
import { contributingCouple, LOAN_CREDIT, SELLER_PAYEE, YC_COMMODITY_FACTS } from '../testing/loanFixture';
import { composeLoan } from './compose';

let h: Harness;
afterEach(() => h.close());

const base = (s: number | null, facts: Record<string, unknown>) => ({ caseId: 'commodity', spouseMemberId: s, facts, requestedFen: 30_000_000, months: 240, method: 'annuity' as const, payee: SELLER_PAYEE, materialsSeen: [] });
const count = () => (h.app.db.prepare("SELECT COUNT(*) AS n FROM applications WHERE kind = 'loan'").get() as { n: number }).n;

describe('loan facts the ledger knows never come from the caller', () => {
  it('refuses a balance of 10,000,000 and 99 continuous months in borrowerExtra, naming the field; writes nothing', () => {
    h = harness('yinchuan', '2026-01-05T02:00:00Z');
    const { b, s } = contributingCouple(h);
    const forged = { ...LOAN_CREDIT, balanceFen: 1_000_000_000, continuousMonths: 99 };
    const e1 = h.fail('loan.create', { memberId: b.id, ...base(s.id, { ...YC_COMMODITY_FACTS, borrowerExtra: forged }), idempotencyKey: h.key() });
    expect(e1).toMatchObject({ code: 'BAD_INPUT', field: 'facts.borrowerExtra.balanceFen' });
    expect(e1.message).toContain('账户余额取自本中心账务');
    const e2 = h.fail('loan.create', { memberId: b.id, ...base(s.id, { ...YC_COMMODITY_FACTS, spouseExtra: { ...LOAN_CREDIT, continuousMonths: 99 } }), idempotencyKey: h.key() });
    expect(e2).toMatchObject({ code: 'BAD_INPUT', field: 'facts.spouseExtra.continuousMonths' });
    expect(e2.message).toContain('连续缴存月数');
    // A spouse typed in with a balance, with no spouse picked from the ledger, is refused too.
    const { spouseExtra: _s, ...single } = YC_COMMODITY_FACTS;
    const e3 = h.fail('loan.create', { memberId: b.id, ...base(null, { ...single, spouse: { name: '假配偶', accountStatus: '正常', balanceFen: 1_000_000_000 } }), idempotencyKey: h.key() });
    expect(e3).toMatchObject({ code: 'BAD_INPUT', field: 'facts.spouse' });
    // This center's loans are the ledger's: a typed loan must be one at another center.
    const e4 = h.fail('loan.create', { memberId: b.id, ...base(s.id, { ...YC_COMMODITY_FACTS, borrowerExtra: { ...LOAN_CREDIT, loans: [{ loanId: 'X1', status: 'settled', settledDate: '2020-01-01' }] } }), idempotencyKey: h.key() });
    expect(e4).toMatchObject({ code: 'BAD_INPUT', field: 'facts.borrowerExtra.loans.0.remote' });
    expect(count()).toBe(0);
  });

  it('judges from the ledger even when forged facts reach the composer (a stored draft); records who recorded the papers', () => {
    h = harness('yinchuan', '2026-01-05T02:00:00Z');
    const { b, s } = contributingCouple(h);
    const real = composeLoan(h.app.ctx!, { caseId: 'commodity', memberId: b.id, spouseMemberId: s.id, facts: YC_COMMODITY_FACTS, requestedFen: 30_000_000, months: 240, method: 'annuity' });
    const forged = composeLoan(h.app.ctx!, {
      caseId: 'commodity',
      memberId: b.id,
      spouseMemberId: s.id,
      facts: { ...YC_COMMODITY_FACTS, borrowerExtra: { ...LOAN_CREDIT, balanceFen: 1_000_000_000, continuousMonths: 99, sealedSince: '2020-01-01' } },
      requestedFen: 30_000_000,
      months: 240,
      method: 'annuity',
    });
    const borrower = forged.application.borrower as { balanceFen: number; continuousMonths: number; sealedSince?: string };
    expect(borrower.balanceFen).toBe(1_440_000);
    expect(borrower.continuousMonths).toBe(6);
    expect(borrower.sealedSince).toBeUndefined();
    expect(forged.decision.quota).toEqual(real.decision.quota);
    // A loan at another center is recorded from papers and joins the ledger's.
    const remote = { loanId: 'GS-2019-1', status: 'settled', settledDate: '2021-03-01', remote: true };
    const app = h.call('loan.create', { memberId: b.id, ...base(s.id, { ...YC_COMMODITY_FACTS, borrowerExtra: { ...LOAN_CREDIT, loans: [remote] } }), idempotencyKey: h.key() });
    const clerk = h.call('session.me', {});
    expect(app.facts.recorded).toMatchObject({ operatorId: clerk.id, operatorName: clerk.name, recordedAt: '2026-06-25T02:00:00.000Z' });
    const stored = JSON.parse((h.app.db.prepare('SELECT facts_json FROM applications WHERE id = ?').get(app.id) as { facts_json: string }).facts_json);
    expect(stored.borrowerExtra.loans).toEqual([remote]);
    expect(stored.recorded.operatorId).toBe(clerk.id);
    const withRemote = composeLoan(h.app.ctx!, { caseId: 'commodity', memberId: b.id, spouseMemberId: s.id, facts: { ...YC_COMMODITY_FACTS, borrowerExtra: { ...LOAN_CREDIT, loans: [remote] } }, requestedFen: 30_000_000, months: 240, method: 'annuity' });
    expect((withRemote.application.borrower as { loans: Array<{ loanId: string }> }).loans.map((l) => l.loanId)).toEqual(['GS-2019-1']);
    // Submitting re-judges the stored facts (the recorded stamp stays out of the engine's input).
    const upd = h.call('loan.update', { applicationId: app.id, version: app.version, ...base(s.id, YC_COMMODITY_FACTS), materialsSeen: app.materials.map((m) => m.id), idempotencyKey: h.key() });
    expect(h.call('loan.submit', { applicationId: upd.id, idempotencyKey: h.key() }).state).toBe('待复核');
  });
});

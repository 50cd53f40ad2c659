/**
 * 待办 with something in it: a 银川 household (loanFixture's couple) with a commodity-home loan and a rent
 * withdrawal both submitted at 2026-06-25 10:00 Beijing, waiting for 复核. Used by the inbox service test and the
 * one-inbox Chromium test.
 */
import type { Harness } from './harness';
import { contributingCouple, SELLER_PAYEE, YC_COMMODITY_FACTS } from './loanFixture';

const OWN = (name: string) => ({ kind: 'own' as const, bankName: '中国建设银行银川分行', accountNo: '6217000010012345678', accountName: name });
const RENT = { maritalStatus: 'single', rent: { annualRentFen: 3_600_000, familyAnnualIncomeFen: 10_000_000, contractDate: '2026-03-01', publicHousing: true } };

/** Call on a harness started at 2026-01-05T02:00:00Z (contributingCouple's rule). */
export function loanAndWithdrawalWaiting(h: Harness) {
  const { b, s } = contributingCouple(h);
  const terms = { caseId: 'commodity', payee: SELLER_PAYEE, spouseMemberId: s.id, facts: YC_COMMODITY_FACTS, requestedFen: 30_000_000, months: 240, method: 'annuity' as const };
  const ld = h.call('loan.create', { memberId: b.id, ...terms, materialsSeen: [], idempotencyKey: h.key() });
  const loan = h.call('loan.update', { applicationId: ld.id, version: ld.version, ...terms, materialsSeen: ld.materials.map((m) => m.id), idempotencyKey: h.key() });
  const submittedLoan = h.call('loan.submit', { applicationId: loan.id, idempotencyKey: h.key() });
  const wd = h.call('withdrawal.create', { memberId: s.id, caseId: 'rent', facts: RENT, requestedFen: 100_000, payee: OWN(s.name), materialsSeen: [], idempotencyKey: h.key() });
  const w = h.call('withdrawal.update', { applicationId: wd.id, version: wd.version, caseId: 'rent', facts: RENT, requestedFen: 100_000, payee: OWN(s.name), materialsSeen: wd.materials.map((m) => m.id), idempotencyKey: h.key() });
  const submittedWd = h.call('withdrawal.submit', { applicationId: w.id, idempotencyKey: h.key() });
  return { loanId: loan.id, loanNo: submittedLoan.appNo, withdrawalId: w.id, withdrawalNo: submittedWd.appNo };
}

/**
 * The loan tests' common household: a borrower and spouse at one employer, six months each at base 10,000.00 ×
 * (12% + 12%) = 2,400.00 a month, remitted on the 20th of 2026-01 … 2026-06 (14,400.00 each), the clock left at
 * 2026-06-25 10:00 Beijing; and the facts of a 银川 commodity home that pass every loan condition on that day.
 */
import { makeIdNumber } from '../../shared/idcard';
import type { Harness } from './harness';
import { newEmployer, newMember } from './harness';

export const LOAN_CREDIT = { credit: { reportDate: '2026-06-20', maxConsecutiveOverdue5y: 0, totalOverdue5y: 0 } };
export const SELLER_PAYEE = { kind: 'developer' as const, bankName: '宁夏银行金凤支行', accountNo: '1010012345678901', accountName: '宁夏塞上房地产开发有限公司' };

export const YC_COMMODITY_FACTS = {
  maritalStatus: 'married',
  borrowerExtra: LOAN_CREDIT,
  spouseExtra: LOAN_CREDIT,
  familyMonthlyIncomeFen: 2_000_000,
  house: { priceFen: 60_000_000, areaSqm: '98.5', contractDate: '2026-05-01', contractRegistered: true, downPaymentInvoice: true, borrowerIsBuyer: true },
  downPaymentFen: 30_000_000,
  stableIncome: true,
  goodCredit: true,
  incomeCertDate: '2026-06-20',
};

/** Call on a harness started at 2026-01-05T02:00:00Z; IDs default to the center's first district. */
export function contributingCouple(h: Harness, opts: { borrowerId?: string; spouseId?: string; spousePhone?: string } = {}) {
  const urumqi = h.app.ctx!.center.id === 'urumqi';
  const region = urumqi ? '650102' : '640104';
  const e = newEmployer(h, urumqi ? { district: '天山区' } : {});
  const b = newMember(h, e.id, { name: '马建国', idNumber: opts.borrowerId ?? makeIdNumber(region, '19880412', 31), baseFen: 1_000_000, openedDate: '2025-12-01' });
  const s = newMember(h, e.id, {
    name: '李秀兰',
    idNumber: opts.spouseId ?? makeIdNumber(region, '19900907', 42),
    ...(opts.spousePhone ? { phone: opts.spousePhone } : {}),
    baseFen: 1_000_000,
    openedDate: '2025-12-01',
  });
  for (const month of ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']) {
    h.at(`${month}-20T02:00:00Z`);
    h.call('remit.post', { employerId: e.id, month, idempotencyKey: h.key() });
  }
  h.at('2026-06-25T02:00:00Z');
  return { e, b, s };
}

export interface LoanTermsInput {
  memberId: number;
  spouseMemberId: number;
  facts: Record<string, unknown>;
  requestedFen: number;
  months: number;
  method: 'annuity' | 'linear' | 'lump';
  caseId?: string;
  payee?: typeof SELLER_PAYEE;
}

/** 受理 with every material seen, 复核, 审批, contract and disbursement, each by its own operator. */
export function disbursedLoan(h: Harness, t: LoanTermsInput, contractNo: string) {
  const { memberId, ...rest } = t;
  const terms = { caseId: 'commodity', payee: SELLER_PAYEE, ...rest };
  const draft = h.call('loan.create', { memberId, ...terms, materialsSeen: [], idempotencyKey: h.key() });
  const app = h.call('loan.update', { applicationId: draft.id, version: draft.version, ...terms, materialsSeen: draft.materials.map((m) => m.id), idempotencyKey: h.key() });
  h.call('loan.submit', { applicationId: app.id, idempotencyKey: h.key() });
  h.call('loan.review', { applicationId: app.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
  h.call('loan.approve', { applicationId: app.id, pass: true, idempotencyKey: h.key() }, 'approver');
  h.call('loan.sign', { applicationId: app.id, contractNo, mortgageRegNo: '宁(2026)银川市不动产证明第0012345号', idempotencyKey: h.key() });
  const done = h.call('loan.disburse', { applicationId: app.id, idempotencyKey: h.key() });
  return { app: done, loan: done.loan! };
}

/**
 * The conditions tests' common ground (services/conditions/*.test.ts): a household of members at one employer, each
 * remitted 2026-01 … 2026-06 on the 20th at base 10,000.00 × (12% + 12%) = 2,400.00 a month → 14,400.00 each, the
 * clock left at 2026-06-25 10:00 Beijing; a loan taken from intake to the state asked for, each step by its own
 * operator; a withdrawal taken from intake to 已审批.
 */
import { recordClearCheck } from '../testing/dishonest';
import type { Payee } from '../../shared/contract/dto';
import { makeIdNumber } from '../../shared/idcard';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';
import { LOAN_CREDIT, SELLER_PAYEE } from '../testing/loanFixture';

export const EACH_FEN = 1_440_000;

export function household(center: 'yinchuan' | 'urumqi', names: string[]) {
  const h = harness(center, '2026-01-05T02:00:00Z');
  const region = center === 'urumqi' ? '650102' : '640104';
  const e = newEmployer(h, center === 'urumqi' ? { district: '天山区' } : {});
  const members = names.map((name, i) => newMember(h, e.id, { name, idNumber: makeIdNumber(region, '19880412', 31 + i), baseFen: 1_000_000, openedDate: '2025-12-01' }));
  for (const month of ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']) {
    h.at(`${month}-20T02:00:00Z`);
    h.call('remit.post', { employerId: e.id, month, idempotencyKey: h.key() });
  }
  h.at('2026-06-25T02:00:00Z');
  return { h, e, members };
}

export const UQ_LOAN_FACTS = {
  maritalStatus: 'married',
  borrowerExtra: LOAN_CREDIT,
  spouseExtra: LOAN_CREDIT,
  spouseCoApplicant: true,
  familyMonthlyIncomeFen: 2_000_000,
  house: { priceFen: 60_000_000, contractDate: '2026-05-01', contractRegistered: true, downPaymentInvoice: true, borrowerIsBuyer: true },
  downPaymentFen: 30_000_000,
  guarantee: { type: 'developer' },
  stableIncome: true,
  goodCredit: true,
};

export interface LoanInput {
  memberId: number;
  spouseMemberId: number | null;
  facts: Record<string, unknown>;
  requestedFen: number;
  caseId?: string;
}

/** 受理 with every material seen. */
export function loanDraft(h: Harness, t: LoanInput) {
  const base = { caseId: t.caseId ?? 'commodity', spouseMemberId: t.spouseMemberId, facts: t.facts, requestedFen: t.requestedFen, months: 120, method: 'annuity' as const, payee: SELLER_PAYEE };
  const draft = h.call('loan.create', { memberId: t.memberId, ...base, materialsSeen: [], idempotencyKey: h.key() });
  return h.call('loan.update', { applicationId: draft.id, version: draft.version, ...base, materialsSeen: draft.materials.map((m) => m.id), idempotencyKey: h.key() });
}

/** 提交, 复核, 审批, 签约 — ready to disburse. */
export function signedLoan(h: Harness, t: LoanInput, contractNo: string) {
  const app = loanDraft(h, t);
  h.call('loan.submit', { applicationId: app.id, idempotencyKey: h.key() });
  h.call('loan.review', { applicationId: app.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
  h.call('loan.approve', { applicationId: app.id, pass: true, idempotencyKey: h.key() }, 'approver');
  return h.call('loan.sign', { applicationId: app.id, contractNo, mortgageRegNo: h.app.ctx!.center.id === 'urumqi' ? '新(2026)乌鲁木齐市不动产证明第0000777号' : '宁(2026)银川市不动产证明第0012345号', idempotencyKey: h.key() });
}

export const card = (name: string): Payee => ({ kind: 'own', cardType: 'debit', bankName: '中国工商银行乌鲁木齐天山支行', accountNo: '6222020000012345678', accountName: name });
export const DEVELOPER: Payee = { kind: 'developer', bankName: '中国银行乌鲁木齐新华北路支行', accountNo: '107654321000123', accountName: '新疆天山房地产开发有限公司' };

/** A 乌鲁木齐 purchase withdrawal (paid to the developer) through 受理, 提交, 复核 and 审批. */
let houseSeq = 100;
export function approvedPurchase(h: Harness, memberId: number, requestedFen: number | null) {
  const body = {
    caseId: 'purchase',
    spouseMemberId: null,
    facts: { maritalStatus: 'single', house: { houseId: `乌房预售2026-000${++houseSeq}`, type: 'new', residential: true, priceFen: 85_000_000, contractDate: '2026-05-20', developerFiled: true } },
    requestedFen,
    payee: DEVELOPER,
  };
  const draft = h.call('withdrawal.create', { memberId, ...body, materialsSeen: [], idempotencyKey: h.key() });
  const ready = h.call('withdrawal.update', { applicationId: draft.id, version: draft.version, ...body, materialsSeen: draft.materials.map((m) => m.id), idempotencyKey: h.key() });
  h.call('withdrawal.submit', { applicationId: ready.id, idempotencyKey: h.key() });
  h.call('withdrawal.review', { applicationId: ready.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
  recordClearCheck(h, ready.id);
  return h.call('withdrawal.approve', { applicationId: ready.id, pass: true, idempotencyKey: h.key() }, 'approver');
}

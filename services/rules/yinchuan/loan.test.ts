import { describe, expect, it } from 'vitest';
import type { LoanApplicationInput } from '../../../shared/rules/loanSchema';
import type { LoanDecision } from '../../../shared/rules/types';
import { evaluateLoan } from '../engine';
import { loan, rule, type DeepPartial } from '../testing/fixtures';

// Fixture: 2025-03-10, 商品房 price 1,000,000.00, down 400,000.00, request 500,000.00 over 360 months (annuity);
// borrower balance 50,000.00 and spouse 30,000.00, both contributing normally here; no earlier loans.
type Patch = DeepPartial<LoanApplicationInput>;
const ev = (patch: Patch = {}, caseId = 'commodity', options = {}) => evaluateLoan(loan('yinchuan', caseId, patch), options);
const outcome = (patch: Patch, id: string, caseId = 'commodity') => rule(ev(patch, caseId), id).outcome;
const settledLoan = (loanId: string) => ({ loanId, status: 'settled' as const, settledDate: '2020-05-01' });
const binding = (d: LoanDecision) => d.quota.limits.filter((l) => l.binding).map((l) => l.id);

const SECOND_HAND: Patch = { house: { buildYear: 2010 }, downPaymentFen: 40_000_000 };

describe('yc.loan.contrib.opened6m', () => {
  it('passes on the day six months after opening (2024-09-10 → 2025-03-10)', () => {
    expect(outcome({ borrower: { openedDate: '2024-09-10' } }, 'yc.loan.contrib.opened6m')).toBe('passed');
  });
  it('fails one day earlier (opened 2024-09-11)', () => {
    expect(outcome({ borrower: { openedDate: '2024-09-11' } }, 'yc.loan.contrib.opened6m')).toBe('failed');
  });
});

describe('yc.loan.contrib.continuous6m', () => {
  it('passes at exactly 6 months', () => {
    expect(outcome({ borrower: { continuousMonths: 6 } }, 'yc.loan.contrib.continuous6m')).toBe('passed');
  });
  it('fails at 5', () => {
    expect(outcome({ borrower: { continuousMonths: 5 } }, 'yc.loan.contrib.continuous6m')).toBe('failed');
  });
  it('fails for a sealed account', () => {
    expect(outcome({ borrower: { accountStatus: '封存' } }, 'yc.loan.contrib.continuous6m')).toBe('failed');
  });
});

describe('yc.loan.contrib.ratio5', () => {
  it('passes at exactly 5%', () => {
    expect(outcome({ borrower: { contributionRatioPercent: '5' } }, 'yc.loan.contrib.ratio5')).toBe('passed');
  });
  it('fails at 4.99%', () => {
    expect(outcome({ borrower: { contributionRatioPercent: '4.99' } }, 'yc.loan.contrib.ratio5')).toBe('failed');
  });
  it('fails when the ratio is unknown', () => {
    expect(outcome({ borrower: { contributionRatioPercent: undefined } }, 'yc.loan.contrib.ratio5')).toBe('failed');
  });
});

describe('yc.loan.buyer', () => {
  it('passes for the buyer with a registered contract and the down-payment invoice', () => {
    expect(outcome({}, 'yc.loan.buyer')).toBe('passed');
  });
  it('fails when the borrower is not the buyer', () => {
    expect(outcome({ house: { borrowerIsBuyer: false } }, 'yc.loan.buyer')).toBe('failed');
  });
  it('fails without the down-payment invoice', () => {
    expect(outcome({ house: { downPaymentInvoice: false } }, 'yc.loan.buyer')).toBe('failed');
  });
});

describe('yc.loan.income', () => {
  it('passes with stable income and good credit', () => {
    expect(outcome({}, 'yc.loan.income')).toBe('passed');
  });
  it('fails without stable income', () => {
    expect(outcome({ stableIncome: false }, 'yc.loan.income')).toBe('failed');
  });
  it('fails with bad credit', () => {
    expect(outcome({ goodCredit: false }, 'yc.loan.income')).toBe('failed');
  });
});

describe('yc.loan.docs.validity', () => {
  it('passes a credit report issued exactly one month before (2025-02-10)', () => {
    expect(outcome({ borrower: { credit: { reportDate: '2025-02-10' } } }, 'yc.loan.docs.validity')).toBe('passed');
  });
  it('fails one issued a day earlier (2025-02-09)', () => {
    expect(outcome({ spouse: { credit: { reportDate: '2025-02-09' } } }, 'yc.loan.docs.validity')).toBe('failed');
  });
  it('fails without the income certificate', () => {
    expect(outcome({ incomeCertDate: undefined }, 'yc.loan.docs.validity')).toBe('failed');
  });
});

describe('yc.loan.newHome.contract2y', () => {
  it('passes exactly two years after signing (2023-03-10)', () => {
    expect(outcome({ house: { contractDate: '2023-03-10' } }, 'yc.loan.newHome.contract2y')).toBe('passed');
  });
  it('fails two years and a day after (2023-03-09)', () => {
    expect(outcome({ house: { contractDate: '2023-03-09' } }, 'yc.loan.newHome.contract2y')).toBe('failed');
  });
  it('does not apply to 商转公', () => {
    expect(
      outcome({ house: { contractDate: '2015-01-01' }, conversion: { preReviewPassed: true, commercialSettledDate: '2025-03-01' } }, 'yc.loan.newHome.contract2y'),
    ).toBe('not_applicable');
  });
  it('does not apply to a second-hand home', () => {
    expect(outcome(SECOND_HAND, 'yc.loan.newHome.contract2y', 'secondHand')).toBe('not_applicable');
  });
});

describe('yc.loan.newHome.toppedOut', () => {
  it('passes a topped-out pre-sale', () => {
    expect(outcome({ house: { presale: true, toppedOut: true } }, 'yc.loan.newHome.toppedOut')).toBe('passed');
  });
  it('fails a pre-sale not yet topped out', () => {
    expect(outcome({ house: { presale: true } }, 'yc.loan.newHome.toppedOut')).toBe('failed');
  });
});

describe('yc.loan.secondHand.cert1y', () => {
  it('passes exactly a year after registration (2024-03-10)', () => {
    expect(outcome({ ...SECOND_HAND, house: { ...SECOND_HAND.house, transferred: true, certificateDate: '2024-03-10' } }, 'yc.loan.secondHand.cert1y', 'secondHand')).toBe(
      'passed',
    );
  });
  it('fails a year and a day after (2024-03-09)', () => {
    expect(outcome({ ...SECOND_HAND, house: { ...SECOND_HAND.house, transferred: true, certificateDate: '2024-03-09' } }, 'yc.loan.secondHand.cert1y', 'secondHand')).toBe(
      'failed',
    );
  });
  it('does not apply before the transfer (loan first, then transfer)', () => {
    expect(outcome(SECOND_HAND, 'yc.loan.secondHand.cert1y', 'secondHand')).toBe('not_applicable');
  });
});

describe('yc.loan.secondHand.age20', () => {
  it('passes a home completed 20 years ago (2005)', () => {
    expect(outcome({ ...SECOND_HAND, house: { buildYear: 2005 } }, 'yc.loan.secondHand.age20', 'secondHand')).toBe('passed');
  });
  it('fails one completed 21 years ago (2004)', () => {
    expect(outcome({ ...SECOND_HAND, house: { buildYear: 2004 } }, 'yc.loan.secondHand.age20', 'secondHand')).toBe('failed');
  });
  it('fails without the completion year', () => {
    expect(outcome({ downPaymentFen: 40_000_000 }, 'yc.loan.secondHand.age20', 'secondHand')).toBe('failed');
  });
});

describe('yc.loan.uses.noThird', () => {
  it('passes a second use', () => {
    const d = ev({ borrower: { loans: [settledLoan('A')] } });
    expect(rule(d, 'yc.loan.uses.noThird').outcome).toBe('passed');
    expect(d.useNumber).toBe(2);
  });
  it('counts a loan shared by the couple once', () => {
    expect(outcome({ borrower: { loans: [settledLoan('A')] }, spouse: { loans: [settledLoan('A')] } }, 'yc.loan.uses.noThird')).toBe('passed');
  });
  it('refuses a third use (one loan each, settled or not, remote included)', () => {
    expect(outcome({ borrower: { loans: [settledLoan('A')] }, spouse: { loans: [{ ...settledLoan('B'), remote: true }] } }, 'yc.loan.uses.noThird')).toBe('failed');
  });
});

describe('yc.loan.remote.certificate', () => {
  // 宁夏区内异地缴存 … 缴存证明 … 提取协议;(有效期限为一个月) — application 2025-03-10.
  const remote = (certificateDate: string, agreementDate: string | null = '2025-03-01'): Patch => ({
    borrower: {
      contributionPlace: 'province',
      remoteContribution: { place: 'province', centerName: '石嘴山住房公积金管理中心', certificateDate, ...(agreementDate ? { agreementDate } : {}), balanceFen: 5_000_000, continuousMonths: 24 },
    },
  });
  it('passes a certificate issued exactly a month before (2025-02-10)', () => {
    expect(outcome(remote('2025-02-10'), 'yc.loan.remote.certificate')).toBe('passed');
  });
  it('fails one issued a day earlier (2025-02-09), and an agreement as old', () => {
    expect(outcome(remote('2025-02-09'), 'yc.loan.remote.certificate')).toBe('failed');
    expect(outcome(remote('2025-03-01', '2025-02-09'), 'yc.loan.remote.certificate')).toBe('failed');
  });
  it('fails a remote contributor without the certificate or the agreement', () => {
    expect(outcome({ borrower: { contributionPlace: 'province' } }, 'yc.loan.remote.certificate')).toBe('failed');
    expect(outcome(remote('2025-03-01', null), 'yc.loan.remote.certificate')).toBe('failed');
  });
  it('does not apply to a borrower contributing here', () => {
    expect(outcome({}, 'yc.loan.remote.certificate')).toBe('not_applicable');
  });
});

describe('yc.loan.remote.once', () => {
  it('passes a remote contributor with no earlier loan', () => {
    expect(outcome({ borrower: { contributionPlace: 'province' } }, 'yc.loan.remote.once')).toBe('passed');
  });
  it('fails a remote contributor whose family used a loan before', () => {
    expect(outcome({ borrower: { contributionPlace: 'province' }, spouse: { loans: [settledLoan('A')] } }, 'yc.loan.remote.once')).toBe('failed');
  });
  it('does not apply to a local contributor', () => {
    expect(outcome({}, 'yc.loan.remote.once')).toBe('not_applicable');
  });
});

describe('yc.loan.divorce.exUnpaid', () => {
  const divorced: Patch = { maritalStatus: 'divorced', spouse: undefined, divorce: { date: '2023-01-01' } };
  it("fails while the ex-spouse's joint loan is unpaid", () => {
    expect(outcome({ ...divorced, borrower: { loans: [{ loanId: 'X', status: 'unpaid', withExSpouse: true }] } }, 'yc.loan.divorce.exUnpaid')).toBe('failed');
  });
  it('passes once it is settled, and counts as a second use', () => {
    const d = ev({ ...divorced, borrower: { loans: [{ ...settledLoan('X'), withExSpouse: true }] } });
    expect(rule(d, 'yc.loan.divorce.exUnpaid').outcome).toBe('passed');
    expect(d.useNumber).toBe(2);
  });
  it('does not apply without such a loan', () => {
    expect(outcome(divorced, 'yc.loan.divorce.exUnpaid')).toBe('not_applicable');
  });
});

describe('yc.loan.divorce.6m', () => {
  const divorced = (date: string): Patch => ({ maritalStatus: 'divorced', spouse: undefined, divorce: { date } });
  it('passes six months after the divorce (2024-09-10)', () => {
    expect(outcome(divorced('2024-09-10'), 'yc.loan.divorce.6m')).toBe('passed');
  });
  it('fails a day short (2024-09-11)', () => {
    expect(outcome(divorced('2024-09-11'), 'yc.loan.divorce.6m')).toBe('failed');
  });
  it('does not apply to the married', () => {
    expect(outcome({}, 'yc.loan.divorce.6m')).toBe('not_applicable');
  });
});

describe('yc.loan.conversion.window', () => {
  const conv = (commercialSettledDate: string, preReviewPassed = true): Patch => ({ conversion: { preReviewPassed, commercialSettledDate } });
  it('passes on the last day of the month after settling (2025-02-10 → 2025-03-10), with the 商转公 materials', () => {
    const d = ev(conv('2025-02-10'));
    expect(rule(d, 'yc.loan.conversion.window').outcome).toBe('passed');
    expect(d.materials.map((m) => m.id)).toContain('yc.mat.loan.conv.settled');
  });
  it('fails a day later (settled 2025-02-09)', () => {
    expect(outcome(conv('2025-02-09'), 'yc.loan.conversion.window')).toBe('failed');
  });
  it('fails without the pre-review', () => {
    expect(outcome(conv('2025-03-01', false), 'yc.loan.conversion.window')).toBe('failed');
  });
  it('does not apply to an ordinary purchase', () => {
    expect(outcome({}, 'yc.loan.conversion.window')).toBe('not_applicable');
  });
});

describe('yc.loan.notarize', () => {
  it('asks a single borrower to notarise the loan', () => {
    const d = ev({ maritalStatus: 'single', spouse: undefined });
    expect(rule(d, 'yc.loan.notarize').outcome).toBe('passed');
    expect(d.postConditions.map((p) => p.kind)).toContain('notarize_loan');
  });
  it('asks for it with an agricultural hukou', () => {
    expect(outcome({ agriculturalHukou: true }, 'yc.loan.notarize')).toBe('passed');
  });
  it('does not apply to a married urban couple with sole ownership', () => {
    expect(outcome({}, 'yc.loan.notarize')).toBe('not_applicable');
  });
});

describe('yc.loan.rate.national', () => {
  it('uses the first-home rate over five years on 2025-03-10: 2.85%', () => {
    const d = ev();
    expect(rule(d, 'yc.loan.rate.national').outcome).toBe('passed');
    expect(d.rate?.annualRatePercent).toBe('2.85');
    // 500,000.00 at 2.85% over 360 months, 等额本息: 2,067.79 a month (the schedule code's figure)
    expect(d.monthlyPaymentFen).toBe(206_779);
  });
  it('uses the five-years-or-less band for 60 months: 2.35%', () => {
    expect(ev({ months: 60 }).rate?.annualRatePercent).toBe('2.35');
  });
  it('fails when the rate table has no row for the date', () => {
    const d = ev({}, 'commodity', { rates: [] });
    expect(rule(d, 'yc.loan.rate.national').outcome).toBe('failed');
    expect(d.monthlyPaymentFen).toBeNull();
  });
});

describe('yc.loan.rate.secondUse', () => {
  it('prices a second use at 1.1 × the base rate: 2.85 × 1.1 = 3.135%', () => {
    const d = ev({ borrower: { loans: [settledLoan('A')] }, downPaymentFen: 40_000_000 });
    expect(rule(d, 'yc.loan.rate.secondUse').outcome).toBe('passed');
    expect(d.rate?.annualRatePercent).toBe('3.135');
  });
  it('can be switched to the national second-home table by an override: 3.325%', () => {
    const d = ev({ borrower: { loans: [settledLoan('A')] } }, 'commodity', {
      overrides: [{ paramId: 'yc.loan.rate.secondUse', effectiveFrom: '2025-01-01', value: { kind: 'table' }, note: '改按全国第二套利率' }],
    });
    expect(d.rate?.annualRatePercent).toBe('3.325');
  });
  it('fails without a rate row', () => {
    expect(rule(ev({ borrower: { loans: [settledLoan('A')] } }, 'commodity', { rates: [] }), 'yc.loan.rate.secondUse').outcome).toBe('failed');
  });
  it('does not apply to a first use', () => {
    expect(outcome({}, 'yc.loan.rate.secondUse')).toBe('not_applicable');
  });
});

describe('yc.loan.method', () => {
  it('passes 等额本息 over a year', () => {
    expect(outcome({}, 'yc.loan.method')).toBe('passed');
  });
  it('fails 等额本金 by default', () => {
    expect(outcome({ method: 'linear' }, 'yc.loan.method')).toBe('failed');
  });
  it('passes a one-year loan repaid in one go, and fails it with monthly payments', () => {
    expect(outcome({ months: 12, method: 'lump' }, 'yc.loan.method')).toBe('passed');
    expect(outcome({ months: 12, method: 'annuity' }, 'yc.loan.method')).toBe('failed');
    expect(outcome({ months: 13, method: 'annuity' }, 'yc.loan.method')).toBe('passed');
  });
});

describe('yc.loan.downPayment', () => {
  it('passes 20% down for a first home (200,000.00 of 1,000,000.00)', () => {
    const d = ev({ downPaymentFen: 20_000_000 });
    expect(rule(d, 'yc.loan.downPayment').outcome).toBe('passed');
    expect(d.downPaymentMinFen).toBe(20_000_000);
  });
  it('fails one fen short', () => {
    expect(outcome({ downPaymentFen: 19_999_999 }, 'yc.loan.downPayment')).toBe('failed');
  });
  it('asks 40% on a second use: 400,000.00 passes, 399,999.99 fails', () => {
    const second = { borrower: { loans: [settledLoan('A')] } };
    expect(outcome({ ...second, downPaymentFen: 40_000_000 }, 'yc.loan.downPayment')).toBe('passed');
    expect(outcome({ ...second, downPaymentFen: 39_999_999 }, 'yc.loan.downPayment')).toBe('failed');
  });
  it('does not apply to a first-use second-hand home (the 60% ratio sets the minimum)', () => {
    const d = ev(SECOND_HAND, 'secondHand');
    expect(rule(d, 'yc.loan.downPayment').outcome).toBe('not_applicable');
    expect(d.downPaymentMinFen).toBe(40_000_000);
  });
});

describe('yc.loan.quota.ratio', () => {
  it('binds at 80% of the value for a first new home: 500,000.00 × 80% = 400,000.00', () => {
    // limits: 400,000.00 (80%), 1,600,000.00 (20 × 80,000.00), 700,000.00 (both contribute) → 400,000.00
    const d = ev({ house: { priceFen: 50_000_000 }, downPaymentFen: 10_000_000, requestedFen: 40_000_000 });
    expect(d.quota.quotaFen).toBe(40_000_000);
    expect(binding(d)).toEqual(['yc.loan.quota.ratio']);
    expect(rule(d, 'yc.loan.quota.ratio').outcome).toBe('passed');
  });
  it('binds at 60% on a second use: 1,000,000.00 × 60% = 600,000.00 (< 700,000.00)', () => {
    const d = ev({ borrower: { loans: [settledLoan('A')] } });
    expect(d.quota.quotaFen).toBe(60_000_000);
    expect(binding(d)).toEqual(['yc.loan.quota.ratio']);
  });
  it('binds at 60% for a second-hand home', () => {
    const d = ev(SECOND_HAND, 'secondHand');
    expect(d.quota.quotaFen).toBe(60_000_000);
    expect(binding(d)).toEqual(['yc.loan.quota.ratio']);
  });
  it('a request above the ratio limit fails the request check', () => {
    expect(outcome({ house: { priceFen: 50_000_000 }, downPaymentFen: 10_000_000, requestedFen: 40_000_001 }, 'yc.loan.quota.requested')).toBe('failed');
  });
});

describe('yc.loan.quota.balance20', () => {
  it('binds at 20 × the couple’s balances: (10,000.00 + 5,000.00) × 20 = 300,000.00', () => {
    const d = ev({ borrower: { balanceFen: 1_000_000 }, spouse: { balanceFen: 500_000 }, requestedFen: 30_000_000 });
    expect(d.quota.quotaFen).toBe(30_000_000);
    expect(binding(d)).toEqual(['yc.loan.quota.balance20']);
    expect(rule(d, 'yc.loan.quota.requested').outcome).toBe('passed');
  });
  it('leaves out the balance of a spouse the borrower is no longer married to', () => {
    const d = ev({ maritalStatus: 'divorced', divorce: { date: '2020-01-01' }, borrower: { balanceFen: 1_000_000 }, requestedFen: 20_000_001 });
    // 10,000.00 × 20 = 200,000.00
    expect(d.quota.limits.find((l) => l.id === 'yc.loan.quota.balance20')?.amountFen).toBe(20_000_000);
    expect(rule(d, 'yc.loan.quota.requested').outcome).toBe('failed');
  });
});

describe('yc.loan.quota.cap', () => {
  it('binds at 700,000.00 when both contribute normally', () => {
    const d = ev({ requestedFen: 70_000_000 });
    expect(d.quota.quotaFen).toBe(70_000_000);
    expect(binding(d)).toEqual(['yc.loan.quota.cap']);
  });
  it('binds at 500,000.00 for a single borrower (80% = 800,000.00; 20 × 50,000.00 = 1,000,000.00)', () => {
    const d = ev({ maritalStatus: 'single', spouse: undefined });
    expect(d.quota.quotaFen).toBe(50_000_000);
    expect(binding(d)).toEqual(['yc.loan.quota.cap']);
  });
  it('uses 500,000.00 when the spouse’s account is sealed, 700,000.00 when the spouse contributes elsewhere in Ningxia', () => {
    expect(ev({ spouse: { accountStatus: '封存' } }).quota.quotaFen).toBe(50_000_000);
    expect(ev({ spouse: { contributionPlace: 'province' } }).quota.quotaFen).toBe(70_000_000);
    expect(ev({ spouse: { contributionPlace: 'elsewhere' } }).quota.quotaFen).toBe(50_000_000);
  });
  it('caps a remote loan at 500,000.00 even when both contribute', () => {
    const d = ev({ borrower: { contributionPlace: 'province' } });
    expect(d.quota.quotaFen).toBe(50_000_000);
    expect(d.materials.map((m) => m.id)).toContain('yc.mat.loan.remote');
  });
  it('takes a dated children override from its date only', () => {
    const overrides = [{ paramId: 'yc.loan.quota.childrenCaps', effectiveFrom: '2025-01-01', value: [{ minChildren: 2, capFen: 80_000_000 }], note: '二孩家庭上调限额' }];
    // price 1,500,000.00: 80% = 1,200,000.00; 20 × 80,000.00 = 1,600,000.00; cap 800,000.00 binds
    const patch: Patch = { children: 2, house: { priceFen: 150_000_000 }, downPaymentFen: 60_000_000, requestedFen: 80_000_000 };
    const after = ev(patch, 'commodity', { overrides });
    expect(after.quota.quotaFen).toBe(80_000_000);
    expect(after.eligible).toBe(true);
    expect(after.params.find((p) => p.paramId === 'yc.loan.quota.childrenCaps')?.overridden).toBe(true);
    const before = ev({ ...patch, applicationDate: '2024-12-31', house: { contractDate: '2024-12-01' }, borrower: { credit: { reportDate: '2024-12-20' } }, spouse: { credit: { reportDate: '2024-12-20' } }, incomeCertDate: '2024-12-20' }, 'commodity', { overrides });
    expect(before.quota.quotaFen).toBe(70_000_000);
    expect(rule(before, 'yc.loan.quota.requested').outcome).toBe('failed');
  });
});

describe('yc.loan.quota.requested', () => {
  it('passes a request equal to the quota', () => {
    expect(outcome({ requestedFen: 70_000_000 }, 'yc.loan.quota.requested')).toBe('passed');
  });
  it('fails one fen more, but still reports the quota as the maximum', () => {
    const d = ev({ requestedFen: 70_000_001 });
    expect(rule(d, 'yc.loan.quota.requested').outcome).toBe('failed');
    expect(d.eligible).toBe(false);
    expect(d.maxAmountFen).toBe(70_000_000);
  });
});

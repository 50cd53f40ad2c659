import { describe, expect, it } from 'vitest';
import { annuityInstallmentFen, buildSchedule } from '../../../shared/loan/schedule';
import type { LoanApplicationInput } from '../../../shared/rules/loanSchema';
import type { LoanDecision } from '../../../shared/rules/types';
import { evaluateLoan } from '../engine';
import { loan, rule, type DeepPartial } from '../testing/fixtures';

// Fixture: 2025-03-10, 商品房 price 1,000,000.00, down 400,000.00, request 500,000.00 over 360 months (annuity),
// guaranteed by a guarantee company; borrower balance 50,000.00 (spouse 30,000.00, not a co-applicant);
// family income 20,000.00 a month; rate on that day 2.85% (first home, over five years).
type Patch = DeepPartial<LoanApplicationInput>;
const BASE: Patch = { guarantee: { type: 'company' } };
const ev = (patch: Patch = {}, caseId = 'commodity', options = {}) => evaluateLoan(loan('urumqi', caseId, { ...BASE, ...patch }), options);
const outcome = (patch: Patch, id: string, caseId = 'commodity') => rule(ev(patch, caseId), id).outcome;
const binding = (d: LoanDecision) => d.quota.limits.filter((l) => l.binding).map((l) => l.id);
const settled = (loanId: string, settledDate = '2020-05-01') => ({ loanId, status: 'settled' as const, settledDate });
const RICH: Patch = { borrower: { balanceFen: 10_000_000 }, familyMonthlyIncomeFen: 4_000_000 };

describe('uq.loan.contrib.joined6m', () => {
  it('passes six months after joining, the month included (2024-09-10)', () => {
    expect(outcome({ borrower: { openedDate: '2024-09-10' } }, 'uq.loan.contrib.joined6m')).toBe('passed');
  });
  it('fails a day short', () => {
    expect(outcome({ borrower: { openedDate: '2024-09-11' } }, 'uq.loan.contrib.joined6m')).toBe('failed');
  });
});

describe('uq.loan.contrib.recent6m', () => {
  it('passes six recent continuous months', () => {
    expect(outcome({ borrower: { continuousMonths: 6 } }, 'uq.loan.contrib.recent6m')).toBe('passed');
  });
  it('fails five', () => {
    expect(outcome({ borrower: { continuousMonths: 5 } }, 'uq.loan.contrib.recent6m')).toBe('failed');
  });
});

describe('uq.loan.overdue.pastPf', () => {
  const past = (maxConsecutiveOverdue: number, totalOverdueTerms: number) => ({ ...settled('P1'), maxConsecutiveOverdue, totalOverdueTerms });
  it('passes 2 consecutive and 5 cumulative overdue terms', () => {
    expect(outcome({ borrower: { loans: [past(2, 5)] } }, 'uq.loan.overdue.pastPf')).toBe('passed');
  });
  it('fails 3 consecutive', () => {
    expect(outcome({ borrower: { loans: [past(3, 3)] } }, 'uq.loan.overdue.pastPf')).toBe('failed');
  });
  it("fails 6 cumulative on the spouse's loan", () => {
    expect(outcome({ spouse: { loans: [past(1, 6)] } }, 'uq.loan.overdue.pastPf')).toBe('failed');
  });
  it('passes once the bad record is lifted', () => {
    const lifted = { ...past(3, 3), lastOverdueClearedDate: '2019-01-01', restrictionLiftFiled: true };
    expect(outcome({ borrower: { loans: [lifted] } }, 'uq.loan.overdue.pastPf')).toBe('passed');
  });
});

describe('uq.loan.credit.report5y', () => {
  const credit = (maxConsecutiveOverdue5y: number, totalOverdue5y: number) => ({ credit: { maxConsecutiveOverdue5y, totalOverdue5y } });
  it('passes 2 consecutive / 5 cumulative', () => {
    expect(outcome({ borrower: credit(2, 5) }, 'uq.loan.credit.report5y')).toBe('passed');
  });
  it('fails 3 consecutive', () => {
    expect(outcome({ borrower: credit(3, 3) }, 'uq.loan.credit.report5y')).toBe('failed');
  });
  it('fails 6 cumulative in the spouse’s report', () => {
    expect(outcome({ spouse: credit(1, 6) }, 'uq.loan.credit.report5y')).toBe('failed');
  });
  it('fails without the spouse’s report', () => {
    expect(outcome({ spouse: { credit: undefined } }, 'uq.loan.credit.report5y')).toBe('failed');
  });
});

describe('uq.loan.income', () => {
  it('passes stable income and good credit', () => {
    expect(outcome({}, 'uq.loan.income')).toBe('passed');
  });
  it('fails otherwise', () => {
    expect(outcome({ stableIncome: false }, 'uq.loan.income')).toBe('failed');
  });
});

describe('uq.loan.contract', () => {
  it('passes with the contract date', () => {
    expect(outcome({}, 'uq.loan.contract')).toBe('passed');
  });
  it('fails without it', () => {
    expect(outcome({ house: { contractDate: undefined } }, 'uq.loan.contract')).toBe('failed');
  });
});

describe('uq.loan.falseInfo.ban', () => {
  it('passes on the day the ban ends', () => {
    expect(outcome({ borrower: { falseInfoBanUntil: '2025-03-10' } }, 'uq.loan.falseInfo.ban')).toBe('passed');
  });
  it('fails the day before', () => {
    expect(outcome({ spouse: { falseInfoBanUntil: '2025-03-11' } }, 'uq.loan.falseInfo.ban')).toBe('failed');
  });
  it('does not apply without a ban', () => {
    expect(outcome({}, 'uq.loan.falseInfo.ban')).toBe('not_applicable');
  });
});

describe('uq.loan.uses.max2', () => {
  it('passes a second use', () => {
    expect(outcome({ borrower: { loans: [settled('A')] } }, 'uq.loan.uses.max2')).toBe('passed');
  });
  it('refuses a third, counting both spouses before or during the marriage', () => {
    expect(outcome({ borrower: { loans: [settled('A')] }, spouse: { loans: [settled('B')] } }, 'uq.loan.uses.max2')).toBe('failed');
  });
});

describe('uq.loan.uses.secondAfterSettled', () => {
  const second = (settledDate: string, applicationDate: string): Patch => ({ applicationDate, borrower: { loans: [settled('A', settledDate)] } });
  it('passes on the first day of the month after settling (2025-02-15 → 2025-03-01)', () => {
    expect(outcome(second('2025-02-15', '2025-03-01'), 'uq.loan.uses.secondAfterSettled')).toBe('passed');
  });
  it('fails within the settling month (2025-02-28)', () => {
    expect(outcome(second('2025-02-15', '2025-02-28'), 'uq.loan.uses.secondAfterSettled')).toBe('failed');
  });
  it('fails while the first loan is unpaid', () => {
    expect(outcome({ borrower: { loans: [{ loanId: 'A', status: 'unpaid' }] } }, 'uq.loan.uses.secondAfterSettled')).toBe('failed');
  });
  it('does not apply to a first loan', () => {
    expect(outcome({}, 'uq.loan.uses.secondAfterSettled')).toBe('not_applicable');
  });
});

describe('uq.loan.divorce.unpaidFirst', () => {
  const exLoan = { loanId: 'X', status: 'unpaid' as const, withExSpouse: true, role: 'coBorrower' as const, debtAssignedToEx: true };
  const divorced = (date: string, liftFormFiled = true, loanPatch = {}): Patch => ({
    maritalStatus: 'divorced',
    spouse: undefined,
    divorce: { date, liftFormFiled },
    borrower: { loans: [{ ...exLoan, ...loanPatch }] },
  });
  it('lifts the block a year after the divorce (2024-03-10), as a second use', () => {
    const d = ev(divorced('2024-03-10'));
    expect(rule(d, 'uq.loan.divorce.unpaidFirst').outcome).toBe('passed');
    expect(rule(d, 'uq.loan.uses.secondAfterSettled').outcome).toBe('passed');
    expect(d.useNumber).toBe(2);
  });
  it('fails a day short of a year', () => {
    expect(outcome(divorced('2024-03-11'), 'uq.loan.divorce.unpaidFirst')).toBe('failed');
  });
  it('fails without the lifting form', () => {
    expect(outcome(divorced('2020-01-01', false), 'uq.loan.divorce.unpaidFirst')).toBe('failed');
  });
  it('fails for the main borrower', () => {
    expect(outcome(divorced('2020-01-01', true, { role: 'borrower' }), 'uq.loan.divorce.unpaidFirst')).toBe('failed');
  });
  it('does not apply without such a loan', () => {
    expect(outcome({}, 'uq.loan.divorce.unpaidFirst')).toBe('not_applicable');
  });
});

describe('uq.loan.divorce.reuseWithinYear', () => {
  const d = (date: string, liftFormFiled = true): Patch => ({
    maritalStatus: 'divorced',
    spouse: undefined,
    divorce: { date, exReusedWithinYear: true, liftFormFiled },
    borrower: { loans: [{ ...settled('X'), withExSpouse: true }] },
  });
  it('passes a year after the divorce with the form', () => {
    expect(outcome(d('2024-03-10'), 'uq.loan.divorce.reuseWithinYear')).toBe('passed');
  });
  it('fails a day short', () => {
    expect(outcome(d('2024-03-11'), 'uq.loan.divorce.reuseWithinYear')).toBe('failed');
  });
  it('fails without the form', () => {
    expect(outcome(d('2020-01-01', false), 'uq.loan.divorce.reuseWithinYear')).toBe('failed');
  });
  it('does not apply otherwise', () => {
    expect(outcome({}, 'uq.loan.divorce.reuseWithinYear')).toBe('not_applicable');
  });
});

describe('uq.loan.badRecord.lift5y', () => {
  const bad = (lastOverdueClearedDate: string, extra = {}) => ({
    ...settled('B1'),
    maxConsecutiveOverdue: 3,
    lastOverdueClearedDate,
    restrictionLiftFiled: true,
    ...extra,
  });
  it('lifts five years after the last overdue term was cleared (2020-03-10)', () => {
    expect(outcome({ borrower: { loans: [bad('2020-03-10')] } }, 'uq.loan.badRecord.lift5y')).toBe('passed');
  });
  it('fails a day short (2020-03-11)', () => {
    expect(outcome({ borrower: { loans: [bad('2020-03-11')] } }, 'uq.loan.badRecord.lift5y')).toBe('failed');
  });
  it('fails while the loan is unpaid', () => {
    expect(outcome({ borrower: { loans: [bad('2015-01-01', { status: 'unpaid', settledDate: undefined })] } }, 'uq.loan.badRecord.lift5y')).toBe('failed');
  });
  it('fails without the lifting form', () => {
    expect(outcome({ borrower: { loans: [bad('2015-01-01', { restrictionLiftFiled: false })] } }, 'uq.loan.badRecord.lift5y')).toBe('failed');
  });
  it('does not apply without a bad record', () => {
    expect(outcome({}, 'uq.loan.badRecord.lift5y')).toBe('not_applicable');
  });
});

describe('uq.loan.reapproval1y', () => {
  it('passes a disbursement exactly a year after approval', () => {
    expect(outcome({ approval: { approvedDate: '2024-03-10', disbursementDate: '2025-03-10' } }, 'uq.loan.reapproval1y')).toBe('passed');
  });
  it('asks for re-approval a day later', () => {
    const d = ev({ approval: { approvedDate: '2024-03-10', disbursementDate: '2025-03-11' } });
    expect(rule(d, 'uq.loan.reapproval1y').outcome).toBe('failed');
    expect(d.postConditions.map((p) => p.kind)).toContain('reapproval');
    expect(rule(d, 'uq.loan.reapproval1y').message).toContain('重新审批');
  });
  it('uses the application date when no disbursement date is given', () => {
    expect(outcome({ approval: { approvedDate: '2024-03-09' } }, 'uq.loan.reapproval1y')).toBe('failed');
  });
  it('does not apply before approval', () => {
    expect(outcome({}, 'uq.loan.reapproval1y')).toBe('not_applicable');
  });
});

describe('uq.loan.secondHand.seller', () => {
  const SH: Patch = { downPaymentFen: 40_000_000 };
  it('asks the seller to attend the disbursement', () => {
    const d = ev(SH, 'secondHand');
    expect(rule(d, 'uq.loan.secondHand.seller').outcome).toBe('passed');
    expect(d.postConditions.map((p) => p.kind)).toContain('seller_present');
  });
  it('pays the buyer when the full price was paid', () => {
    const d = ev({ ...SH, house: { fullPaymentProof: true } }, 'secondHand');
    expect(d.postConditions.map((p) => p.kind)).not.toContain('seller_present');
  });
  it('does not apply to a new home', () => {
    expect(outcome({}, 'uq.loan.secondHand.seller')).toBe('not_applicable');
  });
});

describe('uq.loan.guarantee.chosen', () => {
  it('passes with a guarantee', () => {
    expect(outcome({}, 'uq.loan.guarantee.chosen')).toBe('passed');
  });
  it('fails without one', () => {
    expect(rule(evaluateLoan(loan('urumqi', 'commodity')), 'uq.loan.guarantee.chosen').outcome).toBe('failed');
  });
});

describe('uq.loan.guarantee.company', () => {
  it('passes with the fee paid by the center', () => {
    const d = ev();
    expect(rule(d, 'uq.loan.guarantee.company').outcome).toBe('passed');
    expect(d.postConditions.map((p) => p.kind)).toContain('guarantee_fee');
  });
  it('does not apply to another guarantee', () => {
    expect(outcome({ guarantee: { type: 'pledge', pledgeValueFen: 60_000_000 } }, 'uq.loan.guarantee.company')).toBe('not_applicable');
  });
});

describe('uq.loan.guarantee.developer', () => {
  it('passes for a commodity home', () => {
    expect(outcome({ guarantee: { type: 'developer' } }, 'uq.loan.guarantee.developer')).toBe('passed');
  });
  it('fails for a second-hand home', () => {
    expect(outcome({ guarantee: { type: 'developer' }, downPaymentFen: 40_000_000 }, 'uq.loan.guarantee.developer', 'secondHand')).toBe('failed');
  });
});

describe('uq.loan.guarantee.property', () => {
  const prop = (buildYear: number, appraisalFen = 50_000_000, n = 1): Patch => ({
    ...RICH,
    guarantee: { type: 'property', properties: Array.from({ length: n }, () => ({ appraisalFen, buildYear })) },
  });
  it('takes 70% below 15 years (2011, 14 years): 500,000.00 × 70% = 350,000.00, binding', () => {
    const d = ev(prop(2011));
    expect(rule(d, 'uq.loan.guarantee.property').outcome).toBe('passed');
    expect(d.quota.quotaFen).toBe(35_000_000);
    expect(binding(d)).toEqual(['uq.loan.guarantee.property']);
    expect(rule(d, 'uq.loan.quota.requested').outcome).toBe('failed');
  });
  it('房屋修建年限15年以上 includes 15 (2010, 以上含本数): 60% = 300,000.00', () => {
    expect(ev(prop(2010)).quota.quotaFen).toBe(30_000_000);
  });
  it('takes 60% from 16 years (2009): 300,000.00', () => {
    expect(ev(prop(2009)).quota.quotaFen).toBe(30_000_000);
  });
  it('takes 60% at exactly 30 years (1995) and refuses 31 (1994)', () => {
    expect(outcome(prop(1995), 'uq.loan.guarantee.property')).toBe('passed');
    expect(outcome(prop(1994), 'uq.loan.guarantee.property')).toBe('failed');
  });
  it('adds up to three properties and refuses a fourth', () => {
    expect(ev(prop(2020, 30_000_000, 3)).quota.limits.find((l) => l.id === 'uq.loan.guarantee.property')?.amountFen).toBe(63_000_000);
    expect(outcome(prop(2020, 30_000_000, 4), 'uq.loan.guarantee.property')).toBe('failed');
  });
  it('floors the sum, not each property: 3 × 100,000.01 × 70% = 210,000.021 → 210,000.02', () => {
    // Flooring each (70,000.007 → 70,000.00) would give 210,000.00 and take two fen from the quota.
    expect(ev(prop(2020, 10_000_001, 3)).quota.limits.find((l) => l.id === 'uq.loan.guarantee.property')?.amountFen).toBe(21_000_002);
  });
  it('refuses a property outside Urumqi', () => {
    expect(outcome({ guarantee: { type: 'property', properties: [{ appraisalFen: 1, buildYear: 2020, local: false }] } }, 'uq.loan.guarantee.property')).toBe('failed');
  });
});

describe('uq.loan.guarantee.pfJoint', () => {
  const joint = (n: number, each = 6_000_000): Patch => ({
    ...RICH,
    guarantee: { type: 'pfJoint', jointGuarantors: Array.from({ length: n }, (_, i) => ({ name: `联保人${i + 1}`, pledgedFen: each })) },
  });
  it('passes five guarantors; their pledged balances bind: 5 × 60,000.00 = 300,000.00', () => {
    const d = ev(joint(5));
    expect(rule(d, 'uq.loan.guarantee.pfJoint').outcome).toBe('passed');
    expect(d.quota.quotaFen).toBe(30_000_000);
    expect(binding(d)).toEqual(['uq.loan.guarantee.pfJoint']);
  });
  it('refuses six', () => {
    expect(outcome(joint(6), 'uq.loan.guarantee.pfJoint')).toBe('failed');
  });
  it('refuses a second-hand home', () => {
    expect(outcome({ ...joint(2), downPaymentFen: 40_000_000 }, 'uq.loan.guarantee.pfJoint', 'secondHand')).toBe('failed');
  });
});

describe('uq.loan.guarantee.naturalPerson', () => {
  const np: Patch = { ...RICH, guarantee: { type: 'naturalPerson', naturalPersons: 2 }, house: { mortgageRegistrable: false }, requestedFen: 25_000_000 };
  it('passes two guarantors for a home that cannot be mortgaged; 250,000.00 binds', () => {
    const d = ev(np);
    expect(rule(d, 'uq.loan.guarantee.naturalPerson').outcome).toBe('passed');
    expect(d.quota.quotaFen).toBe(25_000_000);
    expect(binding(d)).toEqual(['uq.loan.guarantee.naturalPerson']);
    expect(d.eligible).toBe(true);
  });
  it('refuses 250,000.01', () => {
    expect(outcome({ ...np, requestedFen: 25_000_001 }, 'uq.loan.quota.requested')).toBe('failed');
  });
  it('refuses one guarantor', () => {
    expect(outcome({ ...np, guarantee: { type: 'naturalPerson', naturalPersons: 1 } }, 'uq.loan.guarantee.naturalPerson')).toBe('failed');
  });
  it('refuses a home that can be mortgaged', () => {
    expect(outcome({ ...np, house: { mortgageRegistrable: true } }, 'uq.loan.guarantee.naturalPerson')).toBe('failed');
  });
  it('refuses a home outside Urumqi', () => {
    expect(outcome({ ...np, house: { mortgageRegistrable: false, local: false } }, 'uq.loan.guarantee.naturalPerson')).toBe('failed');
  });
});

describe('uq.loan.guarantee.pledge', () => {
  it('limits the loan to the pledged value: 200,000.00 binds', () => {
    const d = ev({ ...RICH, guarantee: { type: 'pledge', pledgeValueFen: 20_000_000 }, requestedFen: 20_000_000 });
    expect(rule(d, 'uq.loan.guarantee.pledge').outcome).toBe('passed');
    expect(d.quota.quotaFen).toBe(20_000_000);
    expect(binding(d)).toEqual(['uq.loan.guarantee.pledge']);
  });
  it('refuses a loan one fen above the pledged value', () => {
    expect(outcome({ ...RICH, guarantee: { type: 'pledge', pledgeValueFen: 20_000_000 }, requestedFen: 20_000_001 }, 'uq.loan.quota.requested')).toBe('failed');
  });
  it('refuses a second-hand home', () => {
    expect(outcome({ guarantee: { type: 'pledge', pledgeValueFen: 1 }, downPaymentFen: 40_000_000 }, 'uq.loan.guarantee.pledge', 'secondHand')).toBe('failed');
  });
  it('fails without the pledge value', () => {
    expect(outcome({ guarantee: { type: 'pledge' } }, 'uq.loan.guarantee.pledge')).toBe('failed');
  });
});

describe('uq.loan.downPayment', () => {
  const down = (caseId: string, downPaymentFen: number) => outcome({ downPaymentFen, requestedFen: 10_000_000 }, 'uq.loan.downPayment', caseId);
  it('asks 20% for a new home: 200,000.00 passes, 199,999.99 fails', () => {
    expect(down('commodity', 20_000_000)).toBe('passed');
    expect(down('commodity', 19_999_999)).toBe('failed');
  });
  it('asks 30% for second-hand, auction and 房改房', () => {
    for (const c of ['secondHand', 'auction', 'reform']) {
      expect(down(c, 30_000_000)).toBe('passed');
      expect(down(c, 29_999_999)).toBe('failed');
    }
  });
  it('asks 40% of the budget to build, rebuild or repair', () => {
    for (const c of ['build', 'rebuild', 'repair']) {
      expect(down(c, 40_000_000)).toBe('passed');
      expect(down(c, 39_999_999)).toBe('failed');
    }
  });
});

describe('uq.loan.downPayment.sum', () => {
  it('passes down payment plus loan equal to the total (500,000.00 + 500,000.00)', () => {
    expect(outcome({ downPaymentFen: 50_000_000 }, 'uq.loan.downPayment.sum')).toBe('passed');
  });
  it('fails one fen above', () => {
    expect(outcome({ downPaymentFen: 50_000_001 }, 'uq.loan.downPayment.sum')).toBe('failed');
  });
  it('binds as a limit: price 600,000.00 − down 200,000.00 = 400,000.00', () => {
    const d = ev({ ...RICH, house: { priceFen: 60_000_000 }, downPaymentFen: 20_000_000, requestedFen: 40_000_000 });
    expect(d.quota.quotaFen).toBe(40_000_000);
    expect(binding(d)).toEqual(['uq.loan.downPayment.sum']);
  });
});

describe('uq.loan.reserve10', () => {
  const single = (balanceFen: number): Patch => ({ maritalStatus: 'single', spouse: undefined, borrower: { balanceFen } });
  it('passes with exactly a tenth of the request (50,000.00 for 500,000.00)', () => {
    expect(outcome(single(5_000_000), 'uq.loan.reserve10')).toBe('passed');
  });
  it('fails one fen short, asking to pay back the excess withdrawal', () => {
    const d = ev(single(4_999_999));
    expect(rule(d, 'uq.loan.reserve10').outcome).toBe('failed');
    expect(rule(d, 'uq.loan.reserve10').message).toContain('不足');
    expect(d.postConditions.map((p) => p.kind)).toContain('repay_excess_withdrawal');
  });
  it("counts the spouse's balance even when not a co-applicant", () => {
    expect(outcome({ borrower: { balanceFen: 2_000_000 }, spouse: { balanceFen: 3_000_000 } }, 'uq.loan.reserve10')).toBe('passed');
  });
});

describe('uq.loan.quota.cap70', () => {
  it('binds at 700,000.00 when balances and income allow more', () => {
    // 10 × 100,000.00 = 1,000,000.00; price 2,000,000.00 − down 400,000.00 = 1,600,000.00; income 40,000.00 → far above
    const d = ev({ ...RICH, house: { priceFen: 200_000_000 }, requestedFen: 70_000_000 });
    expect(d.quota.quotaFen).toBe(70_000_000);
    expect(binding(d)).toEqual(['uq.loan.quota.cap70']);
    expect(d.eligible).toBe(true);
  });
  it('refuses 700,000.01', () => {
    expect(outcome({ ...RICH, house: { priceFen: 200_000_000 }, requestedFen: 70_000_001 }, 'uq.loan.quota.requested')).toBe('failed');
  });
});

describe('uq.loan.quota.balance10', () => {
  it('binds at 10 × the borrower’s balance: 10 × 50,000.00 = 500,000.00', () => {
    const d = ev();
    expect(d.quota.quotaFen).toBe(50_000_000);
    expect(binding(d)).toEqual(['uq.loan.quota.balance10']);
    expect(rule(d, 'uq.loan.quota.balance10').outcome).toBe('passed');
  });
  it('adds a co-applicant spouse: 10 × (50,000.00 + 30,000.00) = 800,000.00, then 700,000.00 binds', () => {
    const d = ev({ spouseCoApplicant: true, house: { priceFen: 200_000_000 } });
    expect(d.quota.limits.find((l) => l.id === 'uq.loan.quota.balance10')?.amountFen).toBe(80_000_000);
    expect(binding(d)).toEqual(['uq.loan.quota.cap70']);
  });
  it('refuses a request above it', () => {
    expect(outcome({ requestedFen: 50_000_001 }, 'uq.loan.quota.requested')).toBe('failed');
  });
});

describe('uq.loan.quota.income60', () => {
  it('binds for 等额本息: 3,000.00 × 60% = 1,800.00 a month → 435,249.14, to the fen', () => {
    // P = 1,800 × (1 − 1.002375^−360) / 0.002375 = 435,247.94; the installment is rounded half-up to the fen, so
    // up to 435,249.14 it is still 1,800.00 and one fen more makes it 1,800.01. Nothing is rounded off the quota.
    const d = ev({ ...RICH, familyMonthlyIncomeFen: 300_000, requestedFen: 43_524_914 });
    expect(d.quota.quotaFen).toBe(43_524_914);
    expect(binding(d)).toEqual(['uq.loan.quota.income60']);
    expect(annuityInstallmentFen(43_524_914, '2.85', 360)).toBe(180_000);
    expect(annuityInstallmentFen(43_524_915, '2.85', 360)).toBe(180_001);
    expect(d.monthlyPaymentFen).toBe(180_000);
    expect(d.eligible).toBe(true);
    expect(rule(ev({ ...RICH, familyMonthlyIncomeFen: 300_000, requestedFen: 43_524_915 }), 'uq.loan.quota.requested').outcome).toBe('failed');
  });
  it('no longer takes the hundred: 435,200.00 (the old floor) is 49.14 below the quota', () => {
    expect(ev({ ...RICH, familyMonthlyIncomeFen: 300_000, requestedFen: 43_520_000 }).quota.quotaFen).toBeGreaterThan(43_520_000);
  });
  it('keeps the hundred when the administrator sets the unit: 435,200.00', () => {
    const d = ev({ ...RICH, familyMonthlyIncomeFen: 300_000, requestedFen: 43_520_000 }, 'commodity', { overrides: [{ paramId: 'uq.loan.quota.incomeRoundUnit', effectiveFrom: '2025-03-01', value: 'hundred', note: '取整到百元' }] });
    expect(d.quota.quotaFen).toBe(43_520_000);
  });
  it('uses the first (highest) payment for 等额本金: 349,327.79', () => {
    // P = 1,800 / (1/360 + 0.002375) = 349,326.15; with the schedule's rounding 349,327.79 still pays 1,800.00 first.
    const d = ev({ ...RICH, familyMonthlyIncomeFen: 300_000, method: 'linear', requestedFen: 30_000_000 });
    expect(d.quota.limits.find((l) => l.id === 'uq.loan.quota.income60')?.amountFen).toBe(34_932_779);
    const first = (p: number) => buildSchedule({ principalFen: p, annualRatePercent: '2.85', months: 360, method: 'linear' }).summary.firstPaymentFen;
    expect(first(34_932_779)).toBe(180_000);
    expect(first(34_932_780)).toBe(180_001);
  });
  it('fails without the family income', () => {
    expect(outcome({ familyMonthlyIncomeFen: undefined }, 'uq.loan.quota.income60')).toBe('failed');
  });
});

describe('uq.loan.quota.requested', () => {
  it('passes within the quota', () => {
    expect(outcome({}, 'uq.loan.quota.requested')).toBe('passed');
  });
  it('fails above it and keeps the quota as the maximum', () => {
    const d = ev({ requestedFen: 50_000_100 });
    expect(rule(d, 'uq.loan.quota.requested').outcome).toBe('failed');
    expect(d.maxAmountFen).toBe(50_000_000);
  });
});

describe('Urumqi loan rate', () => {
  it('prices a second use from the national table: 3.325% over five years on 2025-03-10', () => {
    const d = ev({ borrower: { loans: [settled('A')] } });
    expect(d.rate?.annualRatePercent).toBe('3.325');
    expect(d.useNumber).toBe(2);
  });
});

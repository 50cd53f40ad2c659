import { describe, expect, it } from 'vitest';
import type { WithdrawalApplicationInput } from '../../../shared/rules/withdrawalSchema';
import { evaluateWithdrawal } from '../engine';
import { rule, wd, type DeepPartial } from '../testing/fixtures';

// Fixture: application 2025-03-10; member 张伟 balance 50,000.00, spouse 李娜 balance 30,000.00, married.
type Patch = DeepPartial<WithdrawalApplicationInput>;
const ev = (caseId: string, patch: Patch = {}, overrides = []) => evaluateWithdrawal(wd('yinchuan', caseId, patch), { overrides });
const outcome = (caseId: string, patch: Patch, id: string) => rule(ev(caseId, patch), id).outcome;

const NEW_HOME: Patch = {
  house: { houseId: 'H1', type: 'new', residential: true, priceFen: 60_000_000, contractRegistered: true, paymentProof: true },
};
const RETIRED: Patch = { situation: { retirementProof: true } };
const UNPAID = { loanId: 'L1', status: 'unpaid' as const };

describe('yc.wd.account.own', () => {
  it('passes with a positive balance and makes it available', () => {
    const d = ev('retirement', RETIRED);
    expect(rule(d, 'yc.wd.account.own').outcome).toBe('passed');
    expect(d.maxAmountFen).toBe(5_000_000);
  });
  it('fails for a closed account', () => {
    const d = ev('retirement', { ...RETIRED, member: { accountStatus: '销户' } });
    expect(rule(d, 'yc.wd.account.own').outcome).toBe('failed');
    expect(d.eligible).toBe(false);
    expect(d.maxAmountFen).toBeNull();
  });
  it('fails for a zero balance', () => {
    expect(outcome('retirement', { ...RETIRED, member: { balanceFen: 0 } }, 'yc.wd.account.own')).toBe('failed');
  });
});

describe('yc.wd.loanUnpaid.noCash', () => {
  it('passes without an unpaid loan at this center', () => {
    expect(outcome('retirement', RETIRED, 'yc.wd.loanUnpaid.noCash')).toBe('passed');
  });
  it('passes when the unpaid loan is a remote one (taken elsewhere)', () => {
    expect(outcome('retirement', { ...RETIRED, member: { loans: [{ ...UNPAID, remote: true }] } }, 'yc.wd.loanUnpaid.noCash')).toBe('passed');
  });
  it('fails a cash withdrawal while the member has an unpaid loan here', () => {
    const d = ev('retirement', { ...RETIRED, member: { loans: [UNPAID] } });
    expect(rule(d, 'yc.wd.loanUnpaid.noCash').outcome).toBe('failed');
    expect(rule(d, 'yc.wd.loanUnpaid.noCash').message).toContain('L1');
  });
  it("fails too when it is the spouse's loan", () => {
    expect(outcome('dibao', { situation: { receivingDibao: true }, spouse: { loans: [UNPAID] } }, 'yc.wd.loanUnpaid.noCash')).toBe('failed');
  });
  it('passes a repayment of the provident-fund loan, paid to the loan', () => {
    const d = ev('repayment', {
      member: { loans: [UNPAID] },
      repayment: { loanType: 'pf', loanContractNo: 'L1', contractTotalFen: 40_000_000 },
    });
    expect(rule(d, 'yc.wd.loanUnpaid.noCash').outcome).toBe('passed');
    expect(d.postConditions.map((p) => p.kind)).toContain('loan_first');
  });
});

describe('yc.wd.secondHome.notOverdue', () => {
  it('does not apply without an unpaid loan', () => {
    expect(outcome('purchase', NEW_HOME, 'yc.wd.secondHome.notOverdue')).toBe('not_applicable');
  });
  it('passes a second home while the loan is unpaid and never overdue', () => {
    const d = ev('purchase', { ...NEW_HOME, member: { loans: [UNPAID] } });
    expect(rule(d, 'yc.wd.secondHome.notOverdue').outcome).toBe('passed');
    expect(d.eligible).toBe(true);
  });
  it('fails when the loan is overdue now', () => {
    expect(outcome('purchase', { ...NEW_HOME, member: { loans: [{ ...UNPAID, overdueNow: true }] } }, 'yc.wd.secondHome.notOverdue')).toBe('failed');
  });
  it('fails when the loan was ever overdue', () => {
    expect(outcome('purchase', { ...NEW_HOME, member: { loans: [{ ...UNPAID, totalOverdueTerms: 1 }] } }, 'yc.wd.secondHome.notOverdue')).toBe('failed');
  });
});

describe('yc.wd.spouse.include', () => {
  it("adds the spouse's balance for a purchase", () => {
    const d = ev('purchase', { ...NEW_HOME, includeSpouse: true });
    expect(rule(d, 'yc.wd.spouse.include').outcome).toBe('passed');
    // 50,000.00 + 30,000.00 = 80,000.00, under the price 600,000.00, already a whole hundred.
    expect(d.maxAmountFen).toBe(8_000_000);
    expect(d.materials.map((m) => m.id)).toContain('yc.mat.wd.spouse');
  });
  it("refuses the spouse's balance for a personal case (retirement)", () => {
    expect(outcome('retirement', { ...RETIRED, includeSpouse: true }, 'yc.wd.spouse.include')).toBe('failed');
  });
  it('refuses when not married', () => {
    expect(outcome('purchase', { ...NEW_HOME, includeSpouse: true, maritalStatus: 'divorced' }, 'yc.wd.spouse.include')).toBe('failed');
  });
  it('does not apply when not asked', () => {
    expect(outcome('purchase', NEW_HOME, 'yc.wd.spouse.include')).toBe('not_applicable');
  });
});

describe('yc.wd.child28', () => {
  const child = (birthDate: string): Patch => ({
    ...NEW_HOME,
    maritalStatus: 'single',
    spouse: undefined,
    member: { idNumber: undefined, birthDate, sex: 'F' },
    parents: [
      { name: '父', accountStatus: '正常', balanceFen: 2_000_000 },
      { name: '母', accountStatus: '封存', balanceFen: 1_000_000 },
    ],
  });
  it('passes on the day before the 29th birthday (28 full years, 以下 includes 28)', () => {
    const d = ev('purchase', child('1996-03-11'));
    expect(rule(d, 'yc.wd.child28').outcome).toBe('passed');
    // own 50,000.00 + parents 20,000.00 + 10,000.00 = 80,000.00
    expect(d.maxAmountFen).toBe(8_000_000);
  });
  it('passes on the 28th birthday', () => {
    expect(outcome('purchase', child('1997-03-10'), 'yc.wd.child28')).toBe('passed');
  });
  it('fails on the 29th birthday', () => {
    expect(outcome('purchase', child('1996-03-10'), 'yc.wd.child28')).toBe('failed');
  });
  it('fails for a married child', () => {
    expect(outcome('purchase', { ...child('2000-01-01'), maritalStatus: 'married' }, 'yc.wd.child28')).toBe('failed');
  });
  it('fails outside buying, building or repaying', () => {
    expect(outcome('rent', { ...child('2000-01-01'), rent: { annualRentFen: 3_600_000, familyAnnualIncomeFen: 10_000_000 } }, 'yc.wd.child28')).toBe(
      'failed',
    );
  });
  it('does not apply without parents listed', () => {
    expect(outcome('purchase', NEW_HOME, 'yc.wd.child28')).toBe('not_applicable');
  });
});

describe('yc.wd.house.selfUse', () => {
  it('passes a residential home', () => {
    expect(outcome('purchase', NEW_HOME, 'yc.wd.house.selfUse')).toBe('passed');
  });
  it('fails a non-residential one', () => {
    expect(outcome('purchase', { house: { ...NEW_HOME.house, residential: false } }, 'yc.wd.house.selfUse')).toBe('failed');
  });
  it('fails when the use is not recorded', () => {
    expect(outcome('build', { house: { costFen: 100, planningPermitDate: '2024-01-01' } }, 'yc.wd.house.selfUse')).toBe('failed');
  });
});

describe('yc.wd.purchase.newHome', () => {
  it('passes with a registered contract and payment proof', () => {
    expect(outcome('purchase', NEW_HOME, 'yc.wd.purchase.newHome')).toBe('passed');
  });
  it('passes with the ownership certificate', () => {
    expect(outcome('purchase', { house: { ...NEW_HOME.house, contractRegistered: false, certificateDate: '2025-01-01' } }, 'yc.wd.purchase.newHome')).toBe(
      'passed',
    );
  });
  it('fails with an unregistered contract and no certificate', () => {
    expect(outcome('purchase', { house: { ...NEW_HOME.house, contractRegistered: false } }, 'yc.wd.purchase.newHome')).toBe('failed');
  });
  it('fails when the house type is missing', () => {
    expect(outcome('purchase', { house: { residential: true, priceFen: 1 } }, 'yc.wd.purchase.newHome')).toBe('failed');
  });
  it('does not apply to a second-hand home', () => {
    expect(outcome('purchase', { house: { ...NEW_HOME.house, type: 'secondHand' } }, 'yc.wd.purchase.newHome')).toBe('not_applicable');
  });
});

describe('yc.wd.purchase.secondHand', () => {
  const SH: Patch = { house: { ...NEW_HOME.house, type: 'secondHand', transferred: true, certificateDate: '2025-02-01' } };
  it('passes after the transfer', () => {
    const d = ev('purchase', SH);
    expect(rule(d, 'yc.wd.purchase.secondHand').outcome).toBe('passed');
    expect(d.materials.map((m) => m.id)).toContain('yc.mat.purchase.secondHand');
  });
  it('fails before the transfer', () => {
    expect(outcome('purchase', { house: { ...SH.house, transferred: false } }, 'yc.wd.purchase.secondHand')).toBe('failed');
  });
  it('does not apply to a new home', () => {
    expect(outcome('purchase', NEW_HOME, 'yc.wd.purchase.secondHand')).toBe('not_applicable');
  });
});

describe('yc.wd.build.approval', () => {
  const BUILD: Patch = { house: { residential: true, costFen: 20_000_000, planningPermitDate: '2024-06-01' } };
  it('passes with the planning permit', () => {
    expect(outcome('build', BUILD, 'yc.wd.build.approval')).toBe('passed');
  });
  it('fails without it', () => {
    expect(outcome('rebuild', { house: { residential: true, costFen: 1 } }, 'yc.wd.build.approval')).toBe('failed');
  });
  it('passes a rural home with the homestead approval, and asks for the homestead certificate', () => {
    const d = ev('build', { house: { residential: true, costFen: 1_000_000, rural: true, landApprovalDate: '2024-01-01' } });
    expect(rule(d, 'yc.wd.build.approval').outcome).toBe('passed');
    expect(d.materials.map((m) => m.id)).toContain('yc.mat.build.homestead');
  });
  it('fails a rural home without it', () => {
    expect(outcome('build', { house: { residential: true, costFen: 1, rural: true } }, 'yc.wd.build.approval')).toBe('failed');
  });
});

describe('yc.wd.repair.appraisal', () => {
  it('passes with the safety appraisal', () => {
    expect(outcome('repair', { house: { residential: true, costFen: 1_000_000, appraisalDate: '2024-12-01' } }, 'yc.wd.repair.appraisal')).toBe('passed');
  });
  it('fails without it', () => {
    expect(outcome('repair', { house: { residential: true, costFen: 1_000_000 } }, 'yc.wd.repair.appraisal')).toBe('failed');
  });
});

describe('yc.wd.house.costCap', () => {
  it('caps at the price less what was already drawn for the house', () => {
    // price 600,000.00 less 580,000.00 already drawn = 20,000.00 < balance 50,000.00
    const d = ev('purchase', {
      ...NEW_HOME,
      member: { withdrawals: [{ caseId: 'purchase', date: '2024-06-01', amountFen: 58_000_000, ref: 'H1' }] },
    });
    expect(rule(d, 'yc.wd.house.costCap').outcome).toBe('passed');
    expect(d.maxAmountFen).toBe(2_000_000);
  });
  it('fails once the price is fully covered', () => {
    expect(
      outcome('purchase', { ...NEW_HOME, spouse: { withdrawals: [{ caseId: 'purchase', date: '2024-06-01', amountFen: 60_000_000, ref: 'H1' }] } }, 'yc.wd.house.costCap'),
    ).toBe('failed');
  });
  it('fails without a cost', () => {
    expect(outcome('repair', { house: { residential: true, appraisalDate: '2024-12-01' } }, 'yc.wd.house.costCap')).toBe('failed');
  });
  it('does not apply when an administrator switches the cap off', () => {
    const d = evaluateWithdrawal(wd('yinchuan', 'purchase', NEW_HOME), {
      overrides: [{ paramId: 'yc.wd.house.capToCost', effectiveFrom: '2025-01-01', value: false, note: '取消上限' }],
    });
    expect(rule(d, 'yc.wd.house.costCap').outcome).toBe('not_applicable');
  });
});

describe('yc.wd.repay.contractTotal', () => {
  const REPAY: Patch = { repayment: { loanType: 'commercial', loanContractNo: 'C1', contractTotalFen: 10_000_000 } };
  it('caps at the contract total less repayment withdrawals of both spouses', () => {
    // 100,000.00 − 20,000.00 − 45,000.00 = 35,000.00 < 50,000.00 balance
    const d = ev('repayment', {
      ...REPAY,
      member: { withdrawals: [{ caseId: 'repayment', date: '2024-01-05', amountFen: 2_000_000, ref: 'C1' }] },
      spouse: { withdrawals: [{ caseId: 'repayment', date: '2024-06-05', amountFen: 4_500_000, ref: 'C1' }] },
    });
    expect(rule(d, 'yc.wd.repay.contractTotal').outcome).toBe('passed');
    expect(d.maxAmountFen).toBe(3_500_000);
  });
  it('passes one fen below the total', () => {
    expect(
      outcome('repayment', { ...REPAY, member: { withdrawals: [{ caseId: 'repayment', date: '2024-01-05', amountFen: 9_999_999, ref: 'C1' }] } }, 'yc.wd.repay.contractTotal'),
    ).toBe('passed');
  });
  it('fails once the total is reached', () => {
    expect(
      outcome('repayment', { ...REPAY, member: { withdrawals: [{ caseId: 'repayment', date: '2024-01-05', amountFen: 10_000_000, ref: 'C1' }] } }, 'yc.wd.repay.contractTotal'),
    ).toBe('failed');
  });
  it('fails without the contract total', () => {
    expect(outcome('repayment', { repayment: { loanType: 'commercial', loanContractNo: 'C1' } }, 'yc.wd.repay.contractTotal')).toBe('failed');
  });
});

describe('yc.wd.repay.prepay', () => {
  const PREPAID: Patch = {
    repayment: { loanType: 'commercial', loanContractNo: 'C1', contractTotalFen: 50_000_000, prepaidInFull: true, prepaidFen: 1_234_567 },
  };
  it('caps at the amount repaid in one go, kept to the hundred', () => {
    const d = ev('repayment', PREPAID);
    expect(rule(d, 'yc.wd.repay.prepay').outcome).toBe('passed');
    // 12,345.67 floored to the hundred = 12,300.00
    expect(d.maxAmountFen).toBe(1_230_000);
  });
  it('fails when the fund was used for the prepayment', () => {
    expect(outcome('repayment', { repayment: { ...PREPAID.repayment, usedPfAtPrepay: true } }, 'yc.wd.repay.prepay')).toBe('failed');
  });
  it('does not apply to ordinary repayment', () => {
    expect(outcome('repayment', { repayment: { loanType: 'commercial', loanContractNo: 'C1', contractTotalFen: 1 } }, 'yc.wd.repay.prepay')).toBe('not_applicable');
  });
});

describe('yc.wd.rent.over15', () => {
  // family income 100,000.00 a year: 15% = 15,000.00
  const rent = (annualRentFen: number): Patch => ({ rent: { annualRentFen, familyAnnualIncomeFen: 10_000_000 } });
  it('fails at exactly 15%', () => {
    expect(outcome('rent', rent(1_500_000), 'yc.wd.rent.over15')).toBe('failed');
  });
  it('passes one fen above 15%', () => {
    expect(outcome('rent', rent(1_500_001), 'yc.wd.rent.over15')).toBe('passed');
  });
  it('fails without the family income', () => {
    expect(outcome('rent', { rent: { annualRentFen: 1_500_001 } }, 'yc.wd.rent.over15')).toBe('failed');
  });
});

describe('yc.wd.rent.cap15', () => {
  // rent 36,000.00 − 15% of 100,000.00 = 21,000.00 a year
  const RENT: Patch = { rent: { annualRentFen: 3_600_000, familyAnnualIncomeFen: 10_000_000 } };
  it('caps at the part above 15% less this year’s rent withdrawals (last year’s do not count)', () => {
    const d = ev('rent', {
      ...RENT,
      member: {
        withdrawals: [
          { caseId: 'rent', date: '2025-01-15', amountFen: 100_000 },
          { caseId: 'rent', date: '2024-12-15', amountFen: 2_000_000 },
        ],
      },
    });
    expect(rule(d, 'yc.wd.rent.cap15').outcome).toBe('passed');
    expect(d.maxAmountFen).toBe(2_000_000); // 21,000.00 − 1,000.00
  });
  it('fails when this year’s withdrawals reach the cap', () => {
    expect(outcome('rent', { ...RENT, spouse: { withdrawals: [{ caseId: 'rent', date: '2025-02-01', amountFen: 2_100_000 }] } }, 'yc.wd.rent.cap15')).toBe('failed');
  });
});

describe('yc.wd.retirement', () => {
  it('passes with the retirement proof', () => {
    expect(outcome('retirement', RETIRED, 'yc.wd.retirement')).toBe('passed');
  });
  it('fails without it (age alone does not do in Yinchuan)', () => {
    expect(outcome('retirement', { member: { idNumber: undefined, birthDate: '1950-01-01', sex: 'M' } }, 'yc.wd.retirement')).toBe('failed');
  });
});

describe('yc.wd.incapacity', () => {
  it('passes when incapacitated and the labour relation ended', () => {
    expect(outcome('incapacity', { situation: { incapacitated: true, laborRelationEnded: true } }, 'yc.wd.incapacity')).toBe('passed');
  });
  it('fails while still employed', () => {
    expect(outcome('incapacity', { situation: { incapacitated: true } }, 'yc.wd.incapacity')).toBe('failed');
  });
  it('fails without the incapacity appraisal', () => {
    expect(outcome('incapacity', { situation: { laborRelationEnded: true } }, 'yc.wd.incapacity')).toBe('failed');
  });
});

describe('yc.wd.emigration', () => {
  it('passes on settling abroad', () => {
    expect(outcome('emigration', { situation: { emigrated: true } }, 'yc.wd.emigration')).toBe('passed');
  });
  it('passes a hukou moved out with the labour relation ended', () => {
    const d = ev('emigration', { situation: { hukouMovedOut: true, laborRelationEnded: true } });
    expect(rule(d, 'yc.wd.emigration').outcome).toBe('passed');
    expect(d.materials.map((m) => m.id)).toEqual(expect.arrayContaining(['yc.mat.hukouMovedOut']));
  });
  it('fails a hukou moved out while still employed', () => {
    expect(outcome('emigration', { situation: { hukouMovedOut: true } }, 'yc.wd.emigration')).toBe('failed');
  });
  it('fails with neither', () => {
    expect(outcome('emigration', {}, 'yc.wd.emigration')).toBe('failed');
  });
});

describe('yc.wd.dibao', () => {
  it('passes while receiving 低保', () => {
    expect(outcome('dibao', { situation: { receivingDibao: true } }, 'yc.wd.dibao')).toBe('passed');
  });
  it('fails otherwise', () => {
    expect(outcome('dibao', {}, 'yc.wd.dibao')).toBe('failed');
  });
});

describe('yc.wd.disaster', () => {
  it('passes with the appraisal and hardship, to be verified by the center', () => {
    const d = ev('disaster', { situation: { disasterAppraisal: true, severeHardship: true } });
    expect(rule(d, 'yc.wd.disaster').outcome).toBe('passed');
    expect(d.postConditions.map((p) => p.kind)).toContain('verify_materials');
    expect(d.closesAccount).toBe(false);
  });
  it('fails without the appraisal', () => {
    expect(outcome('disaster', { situation: { severeHardship: true } }, 'yc.wd.disaster')).toBe('failed');
  });
  it('fails without hardship', () => {
    expect(outcome('disaster', { situation: { disasterAppraisal: true } }, 'yc.wd.disaster')).toBe('failed');
  });
});

describe('yc.wd.migrant', () => {
  it('passes a migrant worker whose labour relation ended', () => {
    expect(outcome('migrantWorker', { situation: { migrantWorker: true, laborRelationEnded: true } }, 'yc.wd.migrant')).toBe('passed');
  });
  it('fails while still employed', () => {
    expect(outcome('migrantWorker', { situation: { migrantWorker: true } }, 'yc.wd.migrant')).toBe('failed');
  });
});

describe('yc.wd.unemployment.hardship', () => {
  const U: Patch = { situation: { unemployedSince: '2024-10-01', severeHardship: true } };
  it('passes unemployed with hardship, as a partial withdrawal kept to the hundred', () => {
    const d = ev('unemployment', { ...U, member: { balanceFen: 1_234_599 } });
    expect(rule(d, 'yc.wd.unemployment.hardship').outcome).toBe('passed');
    expect(d.maxAmountFen).toBe(1_230_000);
    expect(d.closesAccount).toBe(false);
  });
  it('fails once re-employed', () => {
    expect(outcome('unemployment', { situation: { ...U.situation, reemployed: true } }, 'yc.wd.unemployment.hardship')).toBe('failed');
  });
  it('fails without the date', () => {
    expect(outcome('unemployment', { situation: { severeHardship: true } }, 'yc.wd.unemployment.hardship')).toBe('failed');
  });
});

describe('yc.wd.unemployment.twoYears', () => {
  const full = (since: string): Patch => ({
    closeAccount: true,
    situation: { unemployedSince: since, severeHardship: true },
    member: { balanceFen: 1_234_599, accruedInterestFen: 1_111 },
  });
  it('passes exactly two years after (2023-03-10 → 2025-03-10): full balance with interest, to the fen', () => {
    const d = ev('unemployment', full('2023-03-10'));
    expect(rule(d, 'yc.wd.unemployment.twoYears').outcome).toBe('passed');
    expect(d.closesAccount).toBe(true);
    expect(d.maxAmountFen).toBe(1_234_599 + 1_111);
    expect(rule(d, 'yc.wd.amount.roundHundred').outcome).toBe('not_applicable');
  });
  it('fails one day short of two years', () => {
    expect(outcome('unemployment', full('2023-03-11'), 'yc.wd.unemployment.twoYears')).toBe('failed');
  });
  it('does not apply when no full withdrawal is asked', () => {
    expect(outcome('unemployment', { situation: { unemployedSince: '2020-01-01', severeHardship: true } }, 'yc.wd.unemployment.twoYears')).toBe('not_applicable');
  });
});

describe('yc.wd.medical.relation', () => {
  const bills = [{ date: '2025-01-01', amountFen: 2_000_000 }];
  it('passes for the member, spouse or a lineal relative with a serious illness', () => {
    expect(outcome('medical', { medical: { patient: 'lineal', seriousIllness: true, bills } }, 'yc.wd.medical.relation')).toBe('passed');
  });
  it('fails for anyone else', () => {
    expect(outcome('medical', { medical: { patient: 'other', seriousIllness: true, bills } }, 'yc.wd.medical.relation')).toBe('failed');
  });
  it('fails without a serious illness', () => {
    expect(outcome('medical', { medical: { patient: 'self', bills } }, 'yc.wd.medical.relation')).toBe('failed');
  });
});

describe('yc.wd.medical.over10k', () => {
  const med = (bills: { date: string; amountFen: number }[]): Patch => ({ medical: { patient: 'self', seriousIllness: true, bills } });
  it('fails at exactly 10,000.00 (超过 excludes the figure)', () => {
    expect(outcome('medical', med([{ date: '2025-01-01', amountFen: 1_000_000 }]), 'yc.wd.medical.over10k')).toBe('failed');
  });
  it('passes at 10,000.01', () => {
    expect(outcome('medical', med([{ date: '2025-01-01', amountFen: 1_000_001 }]), 'yc.wd.medical.over10k')).toBe('passed');
  });
  it('counts a bill dated exactly a year before (2024-03-10) and drops one a day older', () => {
    const inside = med([
      { date: '2024-03-10', amountFen: 500_001 },
      { date: '2025-03-01', amountFen: 500_000 },
    ]);
    expect(outcome('medical', inside, 'yc.wd.medical.over10k')).toBe('passed');
    const outside = med([
      { date: '2024-03-09', amountFen: 500_001 },
      { date: '2025-03-01', amountFen: 500_000 },
    ]);
    expect(outcome('medical', outside, 'yc.wd.medical.over10k')).toBe('failed');
  });
  it('caps at the year’s costs when the center sets it', () => {
    const d = evaluateWithdrawal(wd('yinchuan', 'medical', med([{ date: '2025-01-01', amountFen: 1_234_567 }])), {
      overrides: [{ paramId: 'yc.wd.medical.capToCosts', effectiveFrom: '2025-01-01', value: true, note: '以医疗费用为限' }],
    });
    expect(d.maxAmountFen).toBe(1_230_000);
  });
});

describe('yc.wd.sentenced', () => {
  it('passes when sentenced and the labour relation ended', () => {
    expect(outcome('sentenced', { situation: { sentenced: true, laborRelationEnded: true } }, 'yc.wd.sentenced')).toBe('passed');
  });
  it('fails while still employed', () => {
    expect(outcome('sentenced', { situation: { sentenced: true } }, 'yc.wd.sentenced')).toBe('failed');
  });
});

describe('yc.wd.death.heir', () => {
  const DEATH: Patch = { death: { deathDate: '2025-01-02' }, applicant: { role: 'heir', name: '张小伟' } };
  it('passes for an heir', () => {
    const d = ev('death', DEATH);
    expect(rule(d, 'yc.wd.death.heir').outcome).toBe('passed');
    expect(d.closesAccount).toBe(true);
  });
  it('fails when the applicant is not an heir or legatee', () => {
    expect(outcome('death', { death: { deathDate: '2025-01-02' } }, 'yc.wd.death.heir')).toBe('failed');
  });
  it('fails without the death date', () => {
    expect(outcome('death', { applicant: { role: 'heir' } }, 'yc.wd.death.heir')).toBe('failed');
  });
});

describe('yc.wd.full.close', () => {
  it('closes the account for retirement and pays the interest, not rounded', () => {
    const d = ev('retirement', { ...RETIRED, member: { balanceFen: 1_234_567, accruedInterestFen: 891 } });
    expect(rule(d, 'yc.wd.full.close').outcome).toBe('passed');
    expect(d.closesAccount).toBe(true);
    expect(d.maxAmountFen).toBe(1_235_458);
    expect(d.postConditions.map((p) => p.kind)).toContain('close_account');
  });
  it('closes the account for 低保 whether or not asked', () => {
    expect(outcome('dibao', { closeAccount: true, situation: { receivingDibao: true } }, 'yc.wd.full.close')).toBe('passed');
  });
  it('fails a request to close the account in a partial case', () => {
    expect(outcome('disaster', { closeAccount: true, situation: { disasterAppraisal: true, severeHardship: true } }, 'yc.wd.full.close')).toBe('failed');
  });
  it('does not apply to a partial withdrawal', () => {
    expect(outcome('purchase', NEW_HOME, 'yc.wd.full.close')).toBe('not_applicable');
  });
});

describe('yc.wd.payee', () => {
  it("pays into the applicant's own account", () => {
    const d = ev('retirement', RETIRED);
    expect(rule(d, 'yc.wd.payee').outcome).toBe('passed');
    expect(d.postConditions.map((p) => p.kind)).toContain('payee_own_account');
  });
  it('pays a provident-fund loan repayment to the loan', () => {
    const d = ev('repayment', { repayment: { loanType: 'pf', loanContractNo: 'L9', contractTotalFen: 9_000_000 } });
    expect(d.postConditions.map((p) => p.kind)).toContain('payee_loan');
  });
  it("fails a payment into an agent's card", () => {
    expect(outcome('retirement', { ...RETIRED, applicant: { role: 'agent', payToAgentCard: true } }, 'yc.wd.payee')).toBe('failed');
  });
});

describe('yc.wd.amount.roundHundred', () => {
  it('floors to the hundred (12,399.99 → 12,300.00, never up)', () => {
    const d = ev('dibao', { situation: { receivingDibao: true }, closeAccount: false, member: { balanceFen: 1_239_999 } });
    // 低保 is a full case: closing, so not rounded
    expect(d.maxAmountFen).toBe(1_239_999);
    const p = ev('disaster', { situation: { disasterAppraisal: true, severeHardship: true }, member: { balanceFen: 1_239_999 } });
    expect(rule(p, 'yc.wd.amount.roundHundred').outcome).toBe('passed');
    expect(p.maxAmountFen).toBe(1_230_000);
  });
  it('fails when less than a hundred is left (99.99)', () => {
    const d = ev('disaster', { situation: { disasterAppraisal: true, severeHardship: true }, member: { balanceFen: 9_999 } });
    expect(rule(d, 'yc.wd.amount.roundHundred').outcome).toBe('failed');
  });
  it('passes at exactly 100.00', () => {
    const d = ev('disaster', { situation: { disasterAppraisal: true, severeHardship: true }, member: { balanceFen: 10_000 } });
    expect(rule(d, 'yc.wd.amount.roundHundred').outcome).toBe('passed');
    expect(d.maxAmountFen).toBe(10_000);
  });
  it('does not apply to a closing withdrawal', () => {
    expect(outcome('retirement', RETIRED, 'yc.wd.amount.roundHundred')).toBe('not_applicable');
  });
});

describe('yc.wd.amount.requested', () => {
  const DIS: Patch = { situation: { disasterAppraisal: true, severeHardship: true } };
  it('passes a request equal to the maximum', () => {
    expect(outcome('disaster', { ...DIS, requestedFen: 5_000_000 }, 'yc.wd.amount.requested')).toBe('passed');
  });
  it('fails a request one fen above, keeping the maximum', () => {
    const d = ev('disaster', { ...DIS, requestedFen: 5_000_001 });
    expect(rule(d, 'yc.wd.amount.requested').outcome).toBe('failed');
    expect(d.eligible).toBe(false);
    expect(d.maxAmountFen).toBe(5_000_000);
  });
  it('does not apply without a requested amount', () => {
    expect(outcome('disaster', DIS, 'yc.wd.amount.requested')).toBe('not_applicable');
  });
  it('fails a partial request that is not whole hundreds (保留至百位), passes one that is', () => {
    const d = ev('disaster', { ...DIS, requestedFen: 523_456 });
    expect(rule(d, 'yc.wd.amount.requested').message).toContain('保留至百位');
    expect(d.eligible).toBe(false);
    expect(outcome('disaster', { ...DIS, requestedFen: 530_000 }, 'yc.wd.amount.requested')).toBe('passed');
  });
});

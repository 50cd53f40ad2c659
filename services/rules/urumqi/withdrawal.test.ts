import { describe, expect, it } from 'vitest';
import type { WithdrawalApplicationInput } from '../../../shared/rules/withdrawalSchema';
import { evaluateWithdrawal } from '../engine';
import { rule, wd, type DeepPartial } from '../testing/fixtures';

// Fixture: application 2025-03-10; member 张伟 (male, born 1980-03-15) balance 50,000.00; spouse 李娜 30,000.00.
type Patch = DeepPartial<WithdrawalApplicationInput>;
const ev = (caseId: string, patch: Patch = {}, overrides = []) => evaluateWithdrawal(wd('urumqi', caseId, patch), { overrides });
const outcome = (caseId: string, patch: Patch, id: string) => rule(ev(caseId, patch), id).outcome;

const NEW_LOCAL: Patch = {
  house: { houseId: 'H1', type: 'new', residential: true, priceFen: 60_000_000, contractDate: '2024-05-01', developerFiled: true },
};
const RETIRED: Patch = { situation: { retirementProof: true } };
const RENT: Patch = {
  rent: { annualRentFen: 2_400_000, contractDate: '2024-06-01', ownsHomeInCity: false, noHomeCertDate: '2025-03-01', spouseNoHomeCertDate: '2025-03-01', genuine: true },
};
const ELEVATOR: Patch = { house: { houseId: 'H1' }, elevator: { acceptanceDate: '2024-10-01', paid: true, ownerShareFen: 2_000_000 } };
const UNPAID = { loanId: 'L1', status: 'unpaid' as const };
const withHouse = (house: Record<string, unknown>): Patch => ({ house: { residential: true, costFen: 10_000_000, priceFen: 60_000_000, ...house } });

describe('uq.wd.dishonest', () => {
  it('passes outside the penalty period', () => {
    expect(outcome('purchase', NEW_LOCAL, 'uq.wd.dishonest')).toBe('passed');
  });
  it('blocks own withdrawal during the penalty period', () => {
    const d = ev('retirement', { ...RETIRED, member: { dishonest: true } });
    expect(rule(d, 'uq.wd.dishonest').outcome).toBe('failed');
    expect(d.eligible).toBe(false);
  });
  it('refuses on a recorded check that lists the applicant, quoting the evidence', () => {
    const check = { source: '信用中国', result: 'listed' as const, reference: 'XY-2025-0310-01', checkedBy: '王敏', checkedAt: '2025-03-10T09:00:00+08:00' };
    const r = rule(ev('retirement', { ...RETIRED, member: { dishonestCheck: check } }), 'uq.wd.dishonest');
    expect(r.outcome).toBe('failed');
    expect(r.message).toContain('王敏于2025-03-10查询信用中国，编号XY-2025-0310-01');
  });
  it('passes on a recorded check that finds the applicant clear', () => {
    const r = rule(ev('retirement', { ...RETIRED, member: { dishonestCheck: { source: '信用中国', result: 'clear' } } }), 'uq.wd.dishonest');
    expect(r.outcome).toBe('passed');
    expect(r.message).toContain('查询信用中国');
  });
  it("refuses the spouse's account when the spouse's check lists the spouse", () => {
    const d = ev('purchase', { ...NEW_LOCAL, includeSpouse: true, spouse: { dishonestCheck: { source: '信用中国', result: 'listed' } } });
    expect(rule(d, 'uq.wd.spouse.include').outcome).toBe('failed');
  });
  it('does not apply to heirs of a deceased member', () => {
    expect(outcome('death', { member: { dishonest: true }, death: { deathDate: '2025-01-01' }, applicant: { role: 'heir' } }, 'uq.wd.dishonest')).toBe(
      'not_applicable',
    );
  });
});

describe('uq.wd.judicial', () => {
  it('passes without judicial enforcement', () => {
    expect(outcome('retirement', RETIRED, 'uq.wd.judicial')).toBe('passed');
  });
  it('refers judicial enforcement to the linkage mechanism', () => {
    expect(outcome('retirement', { ...RETIRED, situation: { retirementProof: true, judicialEnforcement: true } }, 'uq.wd.judicial')).toBe('failed');
  });
});

describe('uq.wd.authenticity', () => {
  it('passes with an investigation post-condition when a pattern is flagged', () => {
    const d = ev('purchase', { ...NEW_LOCAL, situation: { authenticityFlags: ['frequentResale'] } });
    expect(rule(d, 'uq.wd.authenticity').outcome).toBe('passed');
    expect(d.postConditions.map((p) => p.kind)).toContain('investigate');
  });
  it('does not apply without flags', () => {
    expect(outcome('purchase', NEW_LOCAL, 'uq.wd.authenticity')).toBe('not_applicable');
  });
});

describe('uq.wd.account.own', () => {
  it('passes with a balance', () => {
    expect(outcome('retirement', RETIRED, 'uq.wd.account.own')).toBe('passed');
  });
  it('fails for a closed account', () => {
    expect(outcome('retirement', { ...RETIRED, member: { accountStatus: '销户' } }, 'uq.wd.account.own')).toBe('failed');
  });
});

describe('uq.wd.spouse.include', () => {
  it("adds the spouse's balance for a purchase (each account keeps 10.00)", () => {
    const d = ev('purchase', { ...NEW_LOCAL, includeSpouse: true });
    expect(rule(d, 'uq.wd.spouse.include').outcome).toBe('passed');
    // (50,000.00 − 10.00) + (30,000.00 − 10.00) = 79,980.00
    expect(d.maxAmountFen).toBe(7_998_000);
  });
  it('refuses a spouse in the penalty period', () => {
    expect(outcome('purchase', { ...NEW_LOCAL, includeSpouse: true, spouse: { dishonest: true } }, 'uq.wd.spouse.include')).toBe('failed');
  });
  it('refuses outside housing consumption', () => {
    expect(outcome('retirement', { ...RETIRED, includeSpouse: true }, 'uq.wd.spouse.include')).toBe('failed');
  });
  it('refuses wall insulation (本人 only)', () => {
    expect(outcome('insulation', { includeSpouse: true, insulation: { approved: true, personalCostFen: 100_000 } }, 'uq.wd.spouse.include')).toBe('failed');
  });
  it('does not apply when not asked', () => {
    expect(outcome('purchase', NEW_LOCAL, 'uq.wd.spouse.include')).toBe('not_applicable');
  });
});

describe('uq.wd.coOwners', () => {
  it('adds a family co-owner for the same home', () => {
    const d = ev('purchase', { ...NEW_LOCAL, coOwners: [{ name: '张父', accountStatus: '正常', balanceFen: 1_000_000, relation: 'family' }] });
    expect(rule(d, 'uq.wd.coOwners').outcome).toBe('passed');
    expect(d.maxAmountFen).toBe(5_000_000 - 1_000 + 1_000_000 - 1_000);
  });
  it('fails outside purchase and rent', () => {
    expect(outcome('retirement', { ...RETIRED, coOwners: [{ name: '张父', accountStatus: '正常', balanceFen: 1, relation: 'family' }] }, 'uq.wd.coOwners')).toBe('failed');
  });
  it('fails with only non-family co-owners', () => {
    expect(outcome('purchase', { ...NEW_LOCAL, coOwners: [{ name: '王某', accountStatus: '正常', balanceFen: 1_000_000, relation: 'nonFamily' }] }, 'uq.wd.coOwners')).toBe(
      'failed',
    );
  });
});

describe('uq.wd.coPurchase.nonFamilyOne', () => {
  it('passes the one co-purchaser who applies', () => {
    expect(outcome('purchase', { house: { ...NEW_LOCAL.house, coPurchaseNonFamily: true } }, 'uq.wd.coPurchase.nonFamilyOne')).toBe('passed');
  });
  it('fails when another co-owner already applied', () => {
    expect(outcome('purchase', { house: { ...NEW_LOCAL.house, coPurchaseNonFamily: true, otherCoOwnerWithdrew: true } }, 'uq.wd.coPurchase.nonFamilyOne')).toBe('failed');
  });
  it('fails when a non-family co-owner’s account is listed', () => {
    expect(
      outcome('purchase', { ...NEW_LOCAL, coOwners: [{ name: '王某', accountStatus: '正常', balanceFen: 1, relation: 'nonFamily' }] }, 'uq.wd.coPurchase.nonFamilyOne'),
    ).toBe('failed');
  });
  it('does not apply to a family purchase', () => {
    expect(outcome('purchase', NEW_LOCAL, 'uq.wd.coPurchase.nonFamilyOne')).toBe('not_applicable');
  });
});

describe('uq.wd.house.residential', () => {
  it('passes a residential home', () => {
    expect(outcome('purchase', NEW_LOCAL, 'uq.wd.house.residential')).toBe('passed');
  });
  it('refuses a non-residential one', () => {
    expect(outcome('purchase', { house: { ...NEW_LOCAL.house, residential: false } }, 'uq.wd.house.residential')).toBe('failed');
  });
  it('fails when the use is not recorded', () => {
    expect(outcome('build', { house: { costFen: 1, landApprovalDate: '2024-01-01' } }, 'uq.wd.house.residential')).toBe('failed');
  });
});

describe('uq.wd.time.commodity', () => {
  it('passes exactly two years after the contract (2023-03-10)', () => {
    expect(outcome('purchase', { house: { ...NEW_LOCAL.house, contractDate: '2023-03-10' } }, 'uq.wd.time.commodity')).toBe('passed');
  });
  it('fails two years and a day after (2023-03-09)', () => {
    expect(outcome('purchase', { house: { ...NEW_LOCAL.house, contractDate: '2023-03-09' } }, 'uq.wd.time.commodity')).toBe('failed');
  });
  it('fails when the house type is missing', () => {
    expect(outcome('purchase', withHouse({ contractDate: '2024-01-01' }), 'uq.wd.time.commodity')).toBe('failed');
  });
  it('does not apply to a second-hand home', () => {
    expect(outcome('purchase', withHouse({ type: 'secondHand', certificateDate: '2024-01-01' }), 'uq.wd.time.commodity')).toBe('not_applicable');
  });
});

describe('uq.wd.time.secondHand', () => {
  it('passes exactly two years after registration', () => {
    expect(outcome('purchase', withHouse({ type: 'secondHand', certificateDate: '2023-03-10' }), 'uq.wd.time.secondHand')).toBe('passed');
  });
  it('fails a day later', () => {
    expect(outcome('purchase', withHouse({ type: 'auction', certificateDate: '2023-03-09' }), 'uq.wd.time.secondHand')).toBe('failed');
  });
  it('does not apply to a remote second-hand home', () => {
    expect(outcome('purchase', withHouse({ type: 'secondHand', remote: true, certificateDate: '2024-01-01' }), 'uq.wd.time.secondHand')).toBe('not_applicable');
  });
});

describe('uq.wd.time.remoteSecondHand', () => {
  const remote = (certificateDate: string) => withHouse({ type: 'secondHand', remote: true, certificateDate });
  it('passes on day 180 after the certificate (2024-09-11 → 2025-03-10)', () => {
    expect(outcome('purchase', remote('2024-09-11'), 'uq.wd.time.remoteSecondHand')).toBe('passed');
  });
  it('fails on day 179 (2024-09-12)', () => {
    expect(outcome('purchase', remote('2024-09-12'), 'uq.wd.time.remoteSecondHand')).toBe('failed');
  });
  it('passes exactly two years after and fails a day later', () => {
    expect(outcome('purchase', remote('2023-03-10'), 'uq.wd.time.remoteSecondHand')).toBe('passed');
    expect(outcome('purchase', remote('2023-03-09'), 'uq.wd.time.remoteSecondHand')).toBe('failed');
  });
  it('does not apply to a local one', () => {
    expect(outcome('purchase', withHouse({ type: 'secondHand', certificateDate: '2024-01-01' }), 'uq.wd.time.remoteSecondHand')).toBe('not_applicable');
  });
});

describe('uq.wd.time.collective', () => {
  it('passes two years after the 购房协议', () => {
    expect(outcome('purchase', withHouse({ type: 'collective', agreementDate: '2023-03-10' }), 'uq.wd.time.collective')).toBe('passed');
  });
  it('fails a day later', () => {
    expect(outcome('purchase', withHouse({ type: 'collective', agreementDate: '2023-03-09' }), 'uq.wd.time.collective')).toBe('failed');
  });
  it('fails without the date', () => {
    expect(outcome('purchase', withHouse({ type: 'collective' }), 'uq.wd.time.collective')).toBe('failed');
  });
});

describe('uq.wd.time.reform', () => {
  it('passes two years after the approval', () => {
    expect(outcome('purchase', withHouse({ type: 'reform', reformApprovalDate: '2023-03-10' }), 'uq.wd.time.reform')).toBe('passed');
  });
  it('fails a day later', () => {
    expect(outcome('purchase', withHouse({ type: 'reform', reformApprovalDate: '2023-03-09' }), 'uq.wd.time.reform')).toBe('failed');
  });
});

describe('uq.wd.time.build', () => {
  it('passes two years after the 用地批准书', () => {
    expect(outcome('build', withHouse({ landApprovalDate: '2023-03-10' }), 'uq.wd.time.build')).toBe('passed');
  });
  it('fails a day later', () => {
    expect(outcome('build', withHouse({ landApprovalDate: '2023-03-09' }), 'uq.wd.time.build')).toBe('failed');
  });
});

describe('uq.wd.time.rebuild', () => {
  it('passes two years after the planning permit', () => {
    expect(outcome('rebuild', withHouse({ planningPermitDate: '2023-03-10' }), 'uq.wd.time.rebuild')).toBe('passed');
  });
  it('fails a day later', () => {
    expect(outcome('rebuild', withHouse({ planningPermitDate: '2023-03-09' }), 'uq.wd.time.rebuild')).toBe('failed');
  });
});

describe('uq.wd.time.repair', () => {
  it('passes two years after the 危房鉴定书', () => {
    expect(outcome('repair', withHouse({ appraisalDate: '2023-03-10' }), 'uq.wd.time.repair')).toBe('passed');
  });
  it('fails a day later', () => {
    expect(outcome('repair', withHouse({ appraisalDate: '2023-03-09' }), 'uq.wd.time.repair')).toBe('failed');
  });
  it('ends a period started on 29 February on 28 February (2020-02-29 + 2 years)', () => {
    const at = (applicationDate: string) =>
      rule(evaluateWithdrawal(wd('urumqi', 'repair', { ...withHouse({ appraisalDate: '2020-02-29' }), applicationDate })), 'uq.wd.time.repair').outcome;
    expect(at('2022-02-28')).toBe('passed');
    expect(at('2022-03-01')).toBe('failed');
  });
});

describe('uq.wd.purchase.developerFiled', () => {
  it('passes when the developer is on file', () => {
    expect(outcome('purchase', NEW_LOCAL, 'uq.wd.purchase.developerFiled')).toBe('passed');
  });
  it('fails otherwise', () => {
    expect(outcome('purchase', { house: { ...NEW_LOCAL.house, developerFiled: false } }, 'uq.wd.purchase.developerFiled')).toBe('failed');
  });
  it('does not apply to a remote home', () => {
    expect(outcome('purchase', { house: { ...NEW_LOCAL.house, remote: true, developerAccountProof: true } }, 'uq.wd.purchase.developerFiled')).toBe('not_applicable');
  });
});

describe('uq.wd.purchase.payeeDeveloper', () => {
  it("pays a local purchase into the developer's account on file", () => {
    const d = ev('purchase', NEW_LOCAL);
    expect(rule(d, 'uq.wd.purchase.payeeDeveloper').outcome).toBe('passed');
    expect(d.postConditions.map((p) => p.kind)).toContain('payee_developer');
  });
  it('needs the developer’s account certificate for a remote purchase', () => {
    const d = ev('purchase', { house: { ...NEW_LOCAL.house, remote: true } });
    expect(rule(d, 'uq.wd.purchase.payeeDeveloper').outcome).toBe('failed');
    expect(d.materials.map((m) => m.id)).toContain('uq.mat.purchase.remote.account');
  });
  it('does not apply to a second-hand home', () => {
    expect(outcome('purchase', withHouse({ type: 'secondHand', certificateDate: '2024-06-01' }), 'uq.wd.purchase.payeeDeveloper')).toBe('not_applicable');
  });
});

describe('uq.wd.purchase.once', () => {
  it('passes the first withdrawal for the home', () => {
    expect(outcome('purchase', NEW_LOCAL, 'uq.wd.purchase.once')).toBe('passed');
  });
  it("fails a second one, even by the spouse's account", () => {
    expect(outcome('purchase', { ...NEW_LOCAL, spouse: { withdrawals: [{ caseId: 'purchase', date: '2024-06-01', amountFen: 100, ref: 'H1' }] } }, 'uq.wd.purchase.once')).toBe(
      'failed',
    );
  });
  it('fails without the house id', () => {
    expect(outcome('purchase', { house: { ...NEW_LOCAL.house, houseId: undefined } }, 'uq.wd.purchase.once')).toBe('failed');
  });
  it('does not apply to a local second-hand home', () => {
    expect(outcome('purchase', withHouse({ type: 'secondHand', certificateDate: '2024-06-01' }), 'uq.wd.purchase.once')).toBe('not_applicable');
  });
});

describe('uq.wd.house.capCost', () => {
  it('caps at the price less what was drawn for the home', () => {
    const d = ev('build', { ...withHouse({ houseId: 'B1', landApprovalDate: '2024-06-01', costFen: 1_000_000 }) });
    expect(rule(d, 'uq.wd.house.capCost').outcome).toBe('passed');
    expect(d.maxAmountFen).toBe(1_000_000);
  });
  it('fails when the price is covered', () => {
    expect(
      outcome('build', { ...withHouse({ houseId: 'B1', landApprovalDate: '2024-06-01', costFen: 1_000_000 }), member: { withdrawals: [{ caseId: 'build', date: '2024-07-01', amountFen: 1_000_000, ref: 'B1' }] } }, 'uq.wd.house.capCost'),
    ).toBe('failed');
  });
});

describe('uq.wd.repay.cap', () => {
  it('caps at the principal and interest still due', () => {
    const d = ev('repayment', { repayment: { loanType: 'commercial', loanContractNo: 'C1', outstandingFen: 1_234_567 } });
    expect(rule(d, 'uq.wd.repay.cap').outcome).toBe('passed');
    expect(d.maxAmountFen).toBe(1_234_567);
  });
  it('fails without the amount due', () => {
    expect(outcome('repayment', { repayment: { loanType: 'commercial', loanContractNo: 'C1' } }, 'uq.wd.repay.cap')).toBe('failed');
  });
});

describe('uq.wd.rent.noUnpaidLoan', () => {
  it('passes without an unpaid loan here (a remote one does not count)', () => {
    expect(outcome('rent', { ...RENT, member: { loans: [{ ...UNPAID, remote: true }] } }, 'uq.wd.rent.noUnpaidLoan')).toBe('passed');
  });
  it("fails with the spouse's unpaid loan here", () => {
    expect(outcome('rent', { ...RENT, spouse: { loans: [UNPAID] } }, 'uq.wd.rent.noUnpaidLoan')).toBe('failed');
  });
});

describe('uq.wd.rent.noHome', () => {
  it('passes with a no-home certificate issued exactly a month before (2025-02-10)', () => {
    expect(outcome('rent', { rent: { ...RENT.rent, noHomeCertDate: '2025-02-10' } }, 'uq.wd.rent.noHome')).toBe('passed');
  });
  it('fails with one issued a day earlier', () => {
    expect(outcome('rent', { rent: { ...RENT.rent, noHomeCertDate: '2025-02-09' } }, 'uq.wd.rent.noHome')).toBe('failed');
  });
  it('fails when the couple owns a home in the city', () => {
    expect(outcome('rent', { rent: { ...RENT.rent, ownsHomeInCity: true } }, 'uq.wd.rent.noHome')).toBe('failed');
  });
});

describe('uq.wd.rent.spouseNoHomeCert', () => {
  // 已婚职工配偶需提供身份证、婚姻关系证明、无房证明[有效期1个月]
  it("passes with the spouse's certificate issued exactly a month before (2025-02-10)", () => {
    expect(outcome('rent', { rent: { ...RENT.rent, spouseNoHomeCertDate: '2025-02-10' } }, 'uq.wd.rent.spouseNoHomeCert')).toBe('passed');
  });
  it('fails with one issued a day earlier, and without one', () => {
    expect(outcome('rent', { rent: { ...RENT.rent, spouseNoHomeCertDate: '2025-02-09' } }, 'uq.wd.rent.spouseNoHomeCert')).toBe('failed');
    expect(outcome('rent', { rent: { ...RENT.rent, spouseNoHomeCertDate: undefined } }, 'uq.wd.rent.spouseNoHomeCert')).toBe('failed');
  });
  it('does not apply to an unmarried member', () => {
    expect(outcome('rent', { ...RENT, maritalStatus: 'single', spouse: undefined }, 'uq.wd.rent.spouseNoHomeCert')).toBe('not_applicable');
  });
});

describe('uq.wd.rent.genuine', () => {
  it('passes a genuine tenancy', () => {
    expect(outcome('rent', RENT, 'uq.wd.rent.genuine')).toBe('passed');
  });
  it('fails otherwise', () => {
    expect(outcome('rent', { rent: { ...RENT.rent, genuine: false } }, 'uq.wd.rent.genuine')).toBe('failed');
  });
});

describe('uq.wd.rent.contract1y', () => {
  it('passes a contract signed exactly a year before', () => {
    expect(outcome('rent', { rent: { ...RENT.rent, contractDate: '2024-03-10' } }, 'uq.wd.rent.contract1y')).toBe('passed');
  });
  it('fails one signed a day earlier', () => {
    expect(outcome('rent', { rent: { ...RENT.rent, contractDate: '2024-03-09' } }, 'uq.wd.rent.contract1y')).toBe('failed');
  });
});

describe('uq.wd.rent.capYear', () => {
  it("caps at the year's rent less this year's rent withdrawals", () => {
    // 24,000.00 − 4,000.00 = 20,000.00; each account keeps 10.00 but 50,000.00 is ample
    const d = ev('rent', { ...RENT, member: { withdrawals: [{ caseId: 'rent', date: '2025-01-20', amountFen: 400_000 }] } });
    expect(rule(d, 'uq.wd.rent.capYear').outcome).toBe('passed');
    expect(d.maxAmountFen).toBe(2_000_000);
  });
  it("fails once the year's rent is drawn", () => {
    expect(outcome('rent', { ...RENT, member: { withdrawals: [{ caseId: 'rent', date: '2025-01-20', amountFen: 2_400_000 }] } }, 'uq.wd.rent.capYear')).toBe('failed');
  });
});

describe('uq.wd.retirement.age', () => {
  const man = (birthDate: string, sex: 'M' | 'F' = 'M'): Patch => ({ member: { idNumber: undefined, birthDate, sex } });
  it('passes a man on his 60th birthday, without the certificate', () => {
    const d = ev('retirement', man('1965-03-10'));
    expect(rule(d, 'uq.wd.retirement.age').outcome).toBe('passed');
    expect(d.materials.map((m) => m.id)).not.toContain('uq.mat.retirement.certificate');
    expect(d.closesAccount).toBe(true);
  });
  it('fails the day before, without a certificate', () => {
    expect(outcome('retirement', man('1965-03-11'), 'uq.wd.retirement.age')).toBe('failed');
  });
  it('passes the day before with the retirement certificate, which the checklist then asks for', () => {
    const d = ev('retirement', { ...man('1965-03-11'), ...RETIRED });
    expect(rule(d, 'uq.wd.retirement.age').outcome).toBe('passed');
    expect(d.materials.map((m) => m.id)).toContain('uq.mat.retirement.certificate');
  });
  it('uses 55 for a woman: passes on the birthday, fails the day before', () => {
    expect(outcome('retirement', man('1970-03-10', 'F'), 'uq.wd.retirement.age')).toBe('passed');
    expect(outcome('retirement', man('1970-03-11', 'F'), 'uq.wd.retirement.age')).toBe('failed');
  });
  it('reads age and sex from the ID number (male born 1980: too young)', () => {
    expect(outcome('retirement', {}, 'uq.wd.retirement.age')).toBe('failed');
  });
  it('follows a dated age table an administrator adds (men 63 from 2025-01-01)', () => {
    const overrides = [{ paramId: 'uq.wd.retirement.ages', effectiveFrom: '2025-01-01', value: [{ sex: 'M', years: 63, months: 0 }, { sex: 'F', years: 55, months: 0 }], note: '采纳延迟退休' }];
    const d = evaluateWithdrawal(wd('urumqi', 'retirement', man('1965-03-10')), { overrides });
    expect(rule(d, 'uq.wd.retirement.age').outcome).toBe('failed');
  });
});

describe('uq.wd.death.heirs', () => {
  it('passes for an heir', () => {
    expect(outcome('death', { death: { deathDate: '2025-01-01', notarizedInheritance: true }, applicant: { role: 'heir' } }, 'uq.wd.death.heirs')).toBe('passed');
  });
  it('fails for someone else', () => {
    expect(outcome('death', { death: { deathDate: '2025-01-01' } }, 'uq.wd.death.heirs')).toBe('failed');
  });
});

describe('uq.wd.death.notary1000', () => {
  const death = (balanceFen: number, extra: Record<string, unknown>): Patch => ({
    member: { balanceFen },
    applicant: { role: 'heir' },
    death: { deathDate: '2025-01-01', ...extra },
  });
  it('waives the notarised inheritance under 1,000.00 (999.99) with a written promise', () => {
    const d = ev('death', death(99_999, { writtenPromise: true }));
    expect(rule(d, 'uq.wd.death.notary1000').outcome).toBe('passed');
    expect(d.materials.map((m) => m.id)).not.toContain('uq.mat.death.notary');
  });
  it('does not waive it at exactly 1,000.00', () => {
    const d = ev('death', death(100_000, { writtenPromise: true }));
    expect(rule(d, 'uq.wd.death.notary1000').outcome).toBe('failed');
    expect(d.materials.map((m) => m.id)).toContain('uq.mat.death.notary');
  });
  it('passes with the inheritance notarisation', () => {
    expect(outcome('death', death(100_000, { notarizedInheritance: true }), 'uq.wd.death.notary1000')).toBe('passed');
  });
  it('fails under 1,000.00 without the promise', () => {
    expect(outcome('death', death(99_999, {}), 'uq.wd.death.notary1000')).toBe('failed');
  });
});

describe('uq.wd.death.multiHeirs', () => {
  const heirs = (extra: Record<string, unknown>): Patch => ({
    applicant: { role: 'heir' },
    death: { deathDate: '2025-01-01', notarizedInheritance: true, heirCount: 3, heirsPresent: 1, ...extra },
  });
  it('passes with a notarised proxy', () => {
    expect(outcome('death', heirs({ proxyNotarized: true }), 'uq.wd.death.multiHeirs')).toBe('passed');
  });
  it('passes one by one with the interest waiver', () => {
    const d = ev('death', heirs({}));
    expect(rule(d, 'uq.wd.death.multiHeirs').outcome).toBe('passed');
    expect(d.postConditions.map((p) => p.kind)).toContain('waive_interest');
  });
  it('does not apply when all heirs attend', () => {
    expect(outcome('death', heirs({ heirsPresent: 3 }), 'uq.wd.death.multiHeirs')).toBe('not_applicable');
  });
});

describe('uq.wd.termination.noUnpaidLoan', () => {
  const T: Patch = { member: { accountStatus: '封存', sealedSince: '2024-01-01' }, situation: { laborRelationEnded: true } };
  it('passes without an unpaid loan', () => {
    expect(outcome('termination', T, 'uq.wd.termination.noUnpaidLoan')).toBe('passed');
  });
  it('fails with one', () => {
    expect(outcome('termination', { ...T, member: { ...T.member, loans: [UNPAID] } }, 'uq.wd.termination.noUnpaidLoan')).toBe('failed');
  });
});

describe('uq.wd.termination.sealed6m', () => {
  const sealed = (sealedSince: string): Patch => ({ member: { accountStatus: '封存', sealedSince }, situation: { laborRelationEnded: true } });
  it('passes six months after sealing (2024-09-10)', () => {
    const d = ev('termination', sealed('2024-09-10'));
    expect(rule(d, 'uq.wd.termination.sealed6m').outcome).toBe('passed');
    expect(d.maxAmountFen).toBe(5_000_000);
    expect(d.closesAccount).toBe(false);
  });
  it('fails a day short (2024-09-11)', () => {
    expect(outcome('termination', sealed('2024-09-11'), 'uq.wd.termination.sealed6m')).toBe('failed');
  });
  it('fails with a new employer', () => {
    expect(outcome('termination', { ...sealed('2024-01-01'), situation: { laborRelationEnded: true, newEmployer: true } }, 'uq.wd.termination.sealed6m')).toBe('failed');
  });
  it('fails for an account still contributing', () => {
    expect(outcome('termination', { situation: { laborRelationEnded: true } }, 'uq.wd.termination.sealed6m')).toBe('failed');
  });
});

describe('uq.wd.termination.proof', () => {
  it('passes with the termination proof', () => {
    expect(outcome('termination', { situation: { laborRelationEnded: true } }, 'uq.wd.termination.proof')).toBe('passed');
  });
  it('fails without it', () => {
    expect(outcome('termination', {}, 'uq.wd.termination.proof')).toBe('failed');
  });
});

describe('uq.wd.emigration', () => {
  it('passes on settling abroad, closing the account', () => {
    const d = ev('emigration', { situation: { emigrated: true } });
    expect(rule(d, 'uq.wd.emigration').outcome).toBe('passed');
    expect(d.closesAccount).toBe(true);
  });
  it('fails otherwise', () => {
    expect(outcome('emigration', {}, 'uq.wd.emigration')).toBe('failed');
  });
});

describe('uq.wd.elevator.noUnpaidLoan', () => {
  it('passes without any unpaid loan', () => {
    expect(outcome('elevator', ELEVATOR, 'uq.wd.elevator.noUnpaidLoan')).toBe('passed');
  });
  it('fails with an unpaid loan at another center too', () => {
    expect(outcome('elevator', { ...ELEVATOR, member: { loans: [{ ...UNPAID, remote: true }] } }, 'uq.wd.elevator.noUnpaidLoan')).toBe('failed');
  });
});

describe('uq.wd.elevator.completedPaid', () => {
  it('passes when accepted and paid', () => {
    expect(outcome('elevator', ELEVATOR, 'uq.wd.elevator.completedPaid')).toBe('passed');
  });
  it('fails when not yet paid', () => {
    expect(outcome('elevator', { ...ELEVATOR, elevator: { ...ELEVATOR.elevator, paid: false } }, 'uq.wd.elevator.completedPaid')).toBe('failed');
  });
  it('fails before acceptance', () => {
    expect(outcome('elevator', { house: { houseId: 'H1' }, elevator: { paid: true, ownerShareFen: 1 } }, 'uq.wd.elevator.completedPaid')).toBe('failed');
  });
});

describe('uq.wd.elevator.within2y', () => {
  it('passes two years after acceptance (2023-03-10)', () => {
    expect(outcome('elevator', { ...ELEVATOR, elevator: { ...ELEVATOR.elevator, acceptanceDate: '2023-03-10' } }, 'uq.wd.elevator.within2y')).toBe('passed');
  });
  it('fails a day later', () => {
    expect(outcome('elevator', { ...ELEVATOR, elevator: { ...ELEVATOR.elevator, acceptanceDate: '2023-03-09' } }, 'uq.wd.elevator.within2y')).toBe('failed');
  });
});

describe('uq.wd.elevator.once', () => {
  it('passes the first time', () => {
    expect(outcome('elevator', ELEVATOR, 'uq.wd.elevator.once')).toBe('passed');
  });
  it('fails a second time', () => {
    expect(outcome('elevator', { ...ELEVATOR, spouse: { withdrawals: [{ caseId: 'elevator', date: '2024-11-01', amountFen: 100, ref: 'H1' }] } }, 'uq.wd.elevator.once')).toBe(
      'failed',
    );
  });
});

describe('uq.wd.elevator.capShare', () => {
  it("caps at the owner's actual share", () => {
    const d = ev('elevator', { ...ELEVATOR, includeSpouse: true });
    expect(rule(d, 'uq.wd.elevator.capShare').outcome).toBe('passed');
    expect(d.maxAmountFen).toBe(2_000_000);
  });
  it('fails with no share paid', () => {
    expect(outcome('elevator', { ...ELEVATOR, elevator: { ...ELEVATOR.elevator, ownerShareFen: 0 } }, 'uq.wd.elevator.capShare')).toBe('failed');
  });
});

describe('uq.wd.insulation.approved', () => {
  it('passes an approved project', () => {
    expect(outcome('insulation', { insulation: { approved: true, personalCostFen: 300_000 } }, 'uq.wd.insulation.approved')).toBe('passed');
  });
  it('fails otherwise', () => {
    expect(outcome('insulation', { insulation: { personalCostFen: 300_000 } }, 'uq.wd.insulation.approved')).toBe('failed');
  });
});

describe('uq.wd.insulation.capCost', () => {
  it('caps at the personal cost', () => {
    const d = ev('insulation', { insulation: { approved: true, personalCostFen: 300_000 } });
    expect(rule(d, 'uq.wd.insulation.capCost').outcome).toBe('passed');
    expect(d.maxAmountFen).toBe(300_000);
  });
  it('fails with no cost', () => {
    expect(outcome('insulation', { insulation: { approved: true, personalCostFen: 0 } }, 'uq.wd.insulation.capCost')).toBe('failed');
  });
});

describe('uq.wd.full.close', () => {
  it('closes the account on retirement, with interest and no ten yuan kept', () => {
    const d = ev('retirement', { ...RETIRED, member: { accruedInterestFen: 777 } });
    expect(rule(d, 'uq.wd.full.close').outcome).toBe('passed');
    expect(d.maxAmountFen).toBe(5_000_777);
    expect(rule(d, 'uq.wd.keep10').outcome).toBe('not_applicable');
  });
  it('refuses to close the account for rent', () => {
    expect(outcome('rent', { ...RENT, closeAccount: true }, 'uq.wd.full.close')).toBe('failed');
  });
  it('does not apply to rent otherwise', () => {
    expect(outcome('rent', RENT, 'uq.wd.full.close')).toBe('not_applicable');
  });
});

describe('uq.wd.keep10', () => {
  // balance 10,000.00, no spouse account drawn: at most 9,990.00
  const small: Patch = { ...RENT, rent: { ...RENT.rent, annualRentFen: 5_000_000 }, member: { balanceFen: 1_000_000 } };
  it('passes a request leaving exactly 10.00', () => {
    const d = ev('rent', { ...small, requestedFen: 999_000 });
    expect(rule(d, 'uq.wd.keep10').outcome).toBe('passed');
    expect(d.maxAmountFen).toBe(999_000);
    expect(d.eligible).toBe(true);
    expect(d.postConditions.map((p) => p.kind)).toContain('keep_balance');
  });
  it('refuses a request leaving 9.99', () => {
    const d = ev('rent', { ...small, requestedFen: 999_001 });
    expect(rule(d, 'uq.wd.amount.requested').outcome).toBe('failed');
    expect(d.eligible).toBe(false);
  });
  it('fails when only 10.00 is in the account', () => {
    expect(outcome('rent', { ...small, member: { balanceFen: 1_000 } }, 'uq.wd.keep10')).toBe('failed');
  });
});

describe('uq.wd.amount.requested', () => {
  it('passes a request within the maximum', () => {
    expect(outcome('insulation', { insulation: { approved: true, personalCostFen: 300_000 }, requestedFen: 300_000 }, 'uq.wd.amount.requested')).toBe('passed');
  });
  it('fails one above', () => {
    expect(outcome('insulation', { insulation: { approved: true, personalCostFen: 300_000 }, requestedFen: 300_001 }, 'uq.wd.amount.requested')).toBe('failed');
  });
});

describe('uq.wd.payee.bank5', () => {
  // 2、个人银行借记卡(工农中建交) — the requirement the service checks the payee against.
  it('requires a 工农中建交 card for retirement', () => {
    expect(ev('retirement', RETIRED).postConditions.map((p) => p.kind)).toContain('payee_bank5');
  });
  it('does not apply when the money goes to an agent’s card, nor to a housing purchase', () => {
    expect(outcome('retirement', { ...RETIRED, applicant: { role: 'agent', name: '李四', payToAgentCard: true } }, 'uq.wd.payee.bank5')).toBe('not_applicable');
    expect(ev('purchase', NEW_LOCAL).postConditions.map((p) => p.kind)).not.toContain('payee_bank5');
  });
});

describe('uq.wd.payee.localBank5', () => {
  // 3、本人名下的本市银行借记卡(工、农、中、建、交五大银行类借记卡)
  it('requires a 本市 工农中建交 card for 终止劳动关系 only', () => {
    expect(ev('termination', { situation: { laborRelationEnded: true } }).postConditions.map((p) => p.kind)).toContain('payee_local_bank5');
    expect(ev('retirement', RETIRED).postConditions.map((p) => p.kind)).not.toContain('payee_local_bank5');
  });
});

/**
 * 载入示例: one plausible application per case, in the engine's input shape, dated from the application date so
 * time limits hold whatever day the clerk tries it. They only fill the form; the verdict is still the engine's.
 * Shapes follow services/rules/testing/fixtures.ts.
 */
import dayjs from 'dayjs';
import type { CenterId } from '../../../../shared/centers/types';
import { makeIdNumber } from '../../../../shared/idcard';
import type { ApplicationKind } from '../../../../shared/rules/types';

type Facts = Record<string, unknown>;

export interface Example {
  person: Facts;
  spouse?: Facts;
  maritalStatus: 'single' | 'married' | 'divorced' | 'widowed';
  facts: Facts;
}

const CREDIT_CLEAN = (date: string) => ({ reportDate: date, maxConsecutiveOverdue5y: 0, totalOverdue5y: 0 });

function person(region: string, name: string, birth: string, seq: number, balanceFen: number): Facts {
  return {
    name,
    idNumber: makeIdNumber(region, birth, seq),
    accountStatus: '正常',
    balanceFen,
    openedDate: '2015-01-10',
    continuousMonths: 60,
    contributionRatioPercent: '12',
  };
}

export function exampleFor(center: CenterId, kind: ApplicationKind, caseId: string, applicationDate: string): Example {
  const ago = (n: number, unit: 'day' | 'month' | 'year') => dayjs(applicationDate).subtract(n, unit).format('YYYY-MM-DD');
  const region = center === 'urumqi' ? '650102' : '640104';
  const member = person(region, '张伟', '19800315', 11, 5_000_000);
  const spouse = person(region, '李娜', '19820720', 22, 3_000_000);
  const married = { person: member, spouse, maritalStatus: 'married' as const };

  if (kind === 'loan') {
    const credit = CREDIT_CLEAN(ago(9, 'day'));
    const house: Facts = {
      priceFen: 100_000_000,
      contractDate: ago(2, 'month'),
      contractRegistered: true,
      downPaymentInvoice: true,
      borrowerIsBuyer: true,
    };
    if (caseId === 'secondHand') Object.assign(house, { transferred: true, certificateDate: ago(1, 'month'), buildYear: dayjs(applicationDate).year() - 10 });
    if (['commodity', 'affordable', 'reform', 'upgrade'].includes(caseId) && center === 'yinchuan') Object.assign(house, { presale: true, toppedOut: true });
    return {
      person: { ...member, credit },
      spouse: { ...spouse, credit },
      maritalStatus: 'married',
      facts: {
        spouseCoApplicant: true,
        familyMonthlyIncomeFen: 2_000_000,
        house,
        downPaymentFen: caseId === 'commodity' || caseId === 'affordable' || caseId === 'upgrade' ? 30_000_000 : 40_000_000,
        requestedFen: 50_000_000,
        months: 360,
        method: 'annuity',
        stableIncome: true,
        goodCredit: true,
        incomeCertDate: ago(9, 'day'),
        ...(center === 'urumqi' ? { guarantee: { type: 'company' } } : {}),
      },
    };
  }

  const houseBase = { houseId: '示例-房屋-0001', residential: true };
  const byCase: Record<string, () => Example> = {
    purchase: () => ({
      ...married,
      facts: {
        includeSpouse: true,
        house: { ...houseBase, type: 'new', priceFen: 60_000_000, contractDate: ago(2, 'month'), contractRegistered: true, paymentProof: true, developerFiled: true },
      },
    }),
    build: () => ({
      ...married,
      facts: { house: { ...houseBase, costFen: 10_000_000, landApprovalDate: ago(6, 'month'), planningPermitDate: ago(6, 'month') } },
    }),
    rebuild: () => ({
      ...married,
      facts: { house: { ...houseBase, costFen: 10_000_000, planningPermitDate: ago(6, 'month'), landApprovalDate: ago(6, 'month') } },
    }),
    repair: () => ({ ...married, facts: { house: { ...houseBase, costFen: 5_000_000, appraisalDate: ago(3, 'month') } } }),
    repayment: () => ({
      ...married,
      facts: { repayment: { loanType: 'commercial', loanContractNo: 'JK-2020-0001', contractTotalFen: 90_000_000, outstandingFen: 40_000_000 } },
    }),
    rent: () =>
      center === 'urumqi'
        ? { ...married, facts: { rent: { annualRentFen: 2_400_000, contractDate: ago(3, 'month'), ownsHomeInCity: false, noHomeCertDate: ago(7, 'day'), genuine: true } } }
        : { ...married, facts: { rent: { annualRentFen: 2_400_000, familyAnnualIncomeFen: 12_000_000 } } },
    retirement: () => ({
      person: person(region, '王建军', '19600412', 13, 8_600_000),
      maritalStatus: 'married',
      facts: { situation: { retirementProof: true } },
    }),
    death: () => ({
      person: { ...member, accountStatus: '封存' },
      maritalStatus: 'married',
      facts: { applicant: { role: 'heir', name: '李娜' }, death: { deathDate: ago(2, 'month'), heirCount: 1, heirsPresent: 1, notarizedInheritance: true } },
    }),
    termination: () => ({
      person: { ...member, accountStatus: '封存', sealedSince: ago(8, 'month') },
      maritalStatus: 'single',
      facts: { situation: { laborRelationEnded: true } },
    }),
    emigration: () => ({ person: member, maritalStatus: 'single', facts: { situation: { emigrated: true, hukouMovedOut: true, laborRelationEnded: true } } }),
    elevator: () => ({ ...married, facts: { house: { houseId: '示例-房屋-0001' }, elevator: { acceptanceDate: ago(6, 'month'), paid: true, ownerShareFen: 2_000_000 } } }),
    insulation: () => ({ person: member, maritalStatus: 'single', facts: { insulation: { approved: true, personalCostFen: 800_000 } } }),
    incapacity: () => ({ person: member, maritalStatus: 'single', facts: { situation: { incapacitated: true, laborRelationEnded: true } } }),
    dibao: () => ({ person: member, maritalStatus: 'single', facts: { situation: { receivingDibao: true } } }),
    disaster: () => ({ person: member, maritalStatus: 'single', facts: { situation: { disasterAppraisal: true, severeHardship: true } } }),
    migrantWorker: () => ({ person: member, maritalStatus: 'single', facts: { situation: { migrantWorker: true, laborRelationEnded: true } } }),
    unemployment: () => ({ person: member, maritalStatus: 'single', facts: { situation: { unemployedSince: ago(3, 'year'), severeHardship: true } } }),
    medical: () => ({
      ...married,
      facts: { medical: { patient: 'self', seriousIllness: true, bills: [{ date: ago(2, 'month'), amountFen: 1_500_000 }] } },
    }),
    sentenced: () => ({ person: member, maritalStatus: 'single', facts: { situation: { sentenced: true, laborRelationEnded: true } } }),
  };
  return (byCase[caseId] ?? (() => ({ person: member, maritalStatus: 'single', facts: {} })))();
}

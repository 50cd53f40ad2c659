/**
 * A member's facts as the ledger knows them, in the policy engine's input shape (shared/rules Person), so the
 * intake form starts from the books rather than from what the applicant says. The clerk adds what only the
 * applicant's papers show (credit report, houses, contracts …).
 */
import type { Person } from '../../shared/rules/personSchema';
import type { ServiceContext } from '../context';
import { getMember } from '../accounts/members';

export function memberFacts(ctx: ServiceContext, memberId: number): Person {
  const m = getMember(ctx, memberId);
  return {
    name: m.name,
    idNumber: m.idNumber,
    birthDate: m.birthDate,
    sex: m.sex === '男' ? 'M' : 'F',
    accountStatus: m.status,
    balanceFen: m.balanceFen,
    // Interest accrues from 1 July and is credited on 30 June (年终结息); the accrual to a date is computed when
    // the account-closing withdrawal is paid out, not at intake.
    accruedInterestFen: 0,
    openedDate: m.openedDate,
    continuousMonths: m.continuousMonths,
    contributionRatioPercent: m.employer.employeeRatioPercent,
    contributionPlace: 'local',
    loans: [],
    withdrawals: [],
    dishonest: false,
  };
}

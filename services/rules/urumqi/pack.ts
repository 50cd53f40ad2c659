/**
 * 乌鲁木齐 policy pack (004_5b427291c04fb79d.txt).
 */
import { URUMQI_CATALOGUE } from '../../../shared/rules/catalogue/urumqi';
import { familyLoans } from '../facts';
import type { PolicyPack } from '../pack';
import * as amount from './loanAmount';
import * as cond from './loanConditions';
import * as guarantee from './loanGuarantee';
import { UQ, URUMQI_PARAMS } from './params';
import * as common from './withdrawalCommon';
import * as payee from './withdrawalPayee';
import * as housing from './withdrawalHousing';
import * as personal from './withdrawalPersonal';
import { deathHeirShare } from './deathHeirShare';

export const URUMQI_PACK: PolicyPack = {
  center: 'urumqi',
  catalogue: URUMQI_CATALOGUE,
  params: URUMQI_PARAMS,
  withdrawalRules: [
    common.dishonest,
    common.judicial,
    payee.payeeBank5,
    payee.payeeLocalBank5,
    common.authenticity,
    common.accountOwn,
    common.spouseAccount,
    common.coOwners,
    housing.nonFamilyCoPurchase,
    housing.residential,
    housing.timeCommodity,
    housing.timeSecondHand,
    housing.timeRemoteSecondHand,
    housing.timeCollective,
    housing.timeReform,
    housing.timeBuild,
    housing.timeRebuild,
    housing.timeRepair,
    housing.developerFiled,
    housing.payeeDeveloper,
    housing.oncePerHouse,
    personal.rentNoLoan,
    personal.rentNoHome,
    personal.rentSpouseNoHomeCert,
    personal.rentGenuine,
    personal.rentContract,
    personal.retirementAge,
    personal.deathHeirs,
    personal.deathNotary,
    personal.deathHeirsPresent,
    deathHeirShare,
    personal.terminationNoLoan,
    personal.terminationSealed,
    personal.terminationProof,
    personal.emigration,
    personal.elevatorNoLoan,
    personal.elevatorDone,
    personal.elevatorWithin2y,
    personal.elevatorOnce,
    personal.insulationApproved,
    common.fullClose,
    // Caps after the pools, then the request against the result.
    housing.capCost,
    personal.repaymentCap,
    personal.rentCap,
    personal.elevatorShare,
    personal.insulationCap,
    common.keepTenYuan,
    common.requestedWithinMax,
  ],
  loanRules: [
    cond.joinedSixMonths,
    cond.recentSixMonths,
    cond.pastLoanOverdue,
    cond.creditReport,
    cond.incomeAndCredit,
    cond.legalContract,
    cond.falseInfo,
    cond.maxTwoUses,
    cond.secondAfterSettled,
    cond.divorceUnpaidFirst,
    cond.divorceReuse,
    cond.badRecordLift,
    cond.reapproval,
    cond.secondHandDisbursement,
    guarantee.guaranteeChosen,
    guarantee.company,
    guarantee.developer,
    guarantee.property,
    guarantee.pfJoint,
    guarantee.naturalPerson,
    guarantee.pledge,
    amount.downPayment,
    amount.downPlusLoan,
    amount.reserveTenth,
    amount.quotaCap,
    amount.quotaBalance,
    amount.quotaIncome,
    amount.requestedWithinQuota,
  ],
  secondUseParam: UQ.loanSecondUse,
  procedureCases: { pfJoint: UQ.loanJointCases, developer: UQ.loanDeveloperCases, pledge: UQ.loanPledgeCases },
  // A family (含单身) counts the loans of the borrower and the current spouse, before or during the marriage, and
  // a loan shared with a former spouse; the divorce rules lift the blocks, not the count.
  priorUses: (input) => familyLoans(input.borrower, input.maritalStatus === 'married' ? input.spouse : undefined).length,
};

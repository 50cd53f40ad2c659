/**
 * 银川 policy pack (003_e326aac3299acd42.txt).
 */
import { YINCHUAN_CATALOGUE } from '../../../shared/rules/catalogue/yinchuan';
import { familyLoans } from '../facts';
import type { PolicyPack } from '../pack';
import * as amount from './loanAmount';
import * as cond from './loanConditions';
import { YC, YINCHUAN_PARAMS } from './params';
import * as common from './withdrawalCommon';
import * as housing from './withdrawalHousing';
import * as personal from './withdrawalPersonal';

export const YINCHUAN_PACK: PolicyPack = {
  center: 'yinchuan',
  catalogue: YINCHUAN_CATALOGUE,
  params: YINCHUAN_PARAMS,
  withdrawalRules: [
    common.accountOwn,
    common.loanFirst,
    housing.secondHomeNotOverdue,
    common.spouseAccount,
    common.childUnder28,
    housing.selfUse,
    housing.purchaseNew,
    housing.purchaseSecondHand,
    housing.buildApproval,
    housing.repairAppraisal,
    personal.repayContractTotal,
    personal.repayPrepaid,
    personal.rentOver15,
    personal.retirement,
    personal.incapacity,
    personal.emigration,
    personal.dibao,
    personal.disaster,
    personal.migrantWorker,
    personal.unemploymentHardship,
    personal.medicalRelation,
    personal.medicalOver10k,
    personal.sentenced,
    personal.deathHeir,
    common.fullClose,
    personal.unemploymentTwoYears,
    common.payee,
    // Caps, then the rounding that reads them, then the request against the result.
    housing.costCap,
    personal.rentCap15,
    common.roundHundred,
    common.requestedWithinMax,
  ],
  loanRules: [
    cond.openedSixMonths,
    cond.continuousSixMonths,
    cond.ratioFivePercent,
    cond.borrowerIsBuyer,
    cond.incomeAndCredit,
    cond.documentsFresh,
    cond.newHomeContract,
    cond.toppedOut,
    cond.secondHandCertificate,
    cond.secondHandAge,
    cond.noThirdUse,
    cond.remoteOnce,
    cond.remoteCertificate,
    cond.divorceExLoan,
    cond.divorceSixMonths,
    cond.conversionWindow,
    cond.notarization,
    amount.rateNational,
    amount.rateSecondUse,
    amount.repaymentMethod,
    amount.downPayment,
    amount.quotaRatio,
    amount.quotaBalance,
    amount.quotaCap,
    amount.requestedWithinQuota,
  ],
  secondUseParam: YC.loanSecondUse,
  // Every provident-fund loan of the borrower or the spouse counts, remote ones and those shared with a former
  // spouse included: the seed counts uses "含夫妻双方" and "包括异地贷款", and a divorced party's turn is a second one.
  priorUses: (input) => familyLoans(input.borrower, input.maritalStatus === 'married' ? input.spouse : undefined).length,
};

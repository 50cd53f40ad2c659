/**
 * Decides, from an application, each named situation in which the catalogue asks for a material.
 */
import type { MaterialCondition, MaterialSpec } from '../../shared/rules/catalogueTypes';
import type { LoanApplication } from '../../shared/rules/loanSchema';
import type { WithdrawalApplication } from '../../shared/rules/withdrawalSchema';
import type { MaterialItem } from '../../shared/rules/types';

/**
 * Flags set by rules (e.g. the ID shows the statutory retirement age) let a material depend on a dated parameter
 * without a second copy of the rule here.
 */
type Pred<I> = (input: I, flags: ReadonlySet<string>) => boolean;

export const FLAG_RETIREMENT_AGE_REACHED = 'retirementAgeReached';
export const FLAG_INHERITANCE_NOTARY_WAIVED = 'inheritanceNotaryWaived';
/** Set by uq.wd.death.heirShare (an heir drawing one by one who is not the last signs 放弃利息的声明). */
export const FLAG_HEIR_WAIVES_INTEREST = 'heirWaivesInterest';

const withdrawal: Record<MaterialCondition, Pred<WithdrawalApplication>> = {
  spouseIncluded: (i) => i.includeSpouse,
  married: (i) => i.maritalStatus === 'married',
  single: (i) => i.maritalStatus === 'single',
  divorced: (i) => i.maritalStatus === 'divorced',
  agent: (i) => i.applicant.role === 'agent',
  relativeAgent: (i) => i.applicant.role === 'relativeAgent',
  guardian: (i) => i.applicant.role === 'guardian',
  payToAgentCard: (i) => i.applicant.payToAgentCard,
  houseNew: (i) => i.house?.type === 'new',
  houseSecondHand: (i) => i.house?.type === 'secondHand',
  houseNewLocal: (i) => i.house?.type === 'new' && !i.house.remote,
  houseNewRemote: (i) => i.house?.type === 'new' && i.house.remote,
  rural: (i) => i.house?.rural === true,
  emigrated: (i) => i.situation.emigrated,
  hukouMovedOut: (i) => i.situation.hukouMovedOut,
  railway: (i) => i.situation.railway,
  retirementRecordMismatch: (i) => i.situation.retirementRecordMismatch,
  belowRetirementAge: (_i, flags) => !flags.has(FLAG_RETIREMENT_AGE_REACHED),
  needsInheritanceNotary: (_i, flags) => !flags.has(FLAG_INHERITANCE_NOTARY_WAIVED),
  heirsAbsent: (i) => (i.death ? i.death.heirsPresent < i.death.heirCount : false),
  incapacity: (i) => i.situation.incapacitated || i.situation.partiallyIncapacitated,
  sentenced: (i) => i.situation.sentenced,
  remoteContributor: () => false,
  spouseElsewhere: () => false,
  spouseIncomeOutside: () => false,
  conversion: () => false,
  taxInvoiceLacksSeller: () => false,
  rentPublicHousing: (i) => i.rent?.publicHousing === true,
  inheritanceNotaryWaived: (_i, flags) => flags.has(FLAG_INHERITANCE_NOTARY_WAIVED),
  heirWaivesInterest: (_i, flags) => flags.has(FLAG_HEIR_WAIVES_INTEREST),
  houseSecondHandOrAuction: (i) => i.house?.type === 'secondHand' || i.house?.type === 'auction',
  houseCollective: (i) => i.house?.type === 'collective',
  houseReform: (i) => i.house?.type === 'reform',
  notSubsidizedLoan: () => false,
  subsidizedMarried: () => false,
  unitReviews: (i) => i.member.custodyAccount !== true,
  custodyMember: (i) => i.member.custodyAccount === true,
};

const loan: Record<MaterialCondition, Pred<LoanApplication>> = {
  spouseIncluded: (i) => i.maritalStatus === 'married',
  married: (i) => i.maritalStatus === 'married',
  single: (i) => i.maritalStatus === 'single',
  divorced: (i) => i.maritalStatus === 'divorced',
  agent: () => false,
  relativeAgent: () => false,
  guardian: () => false,
  payToAgentCard: () => false,
  houseNew: () => false,
  houseSecondHand: () => false,
  houseNewLocal: () => false,
  houseNewRemote: () => false,
  rural: () => false,
  emigrated: () => false,
  hukouMovedOut: () => false,
  railway: () => false,
  retirementRecordMismatch: () => false,
  belowRetirementAge: () => false,
  needsInheritanceNotary: () => false,
  heirsAbsent: () => false,
  incapacity: () => false,
  sentenced: () => false,
  remoteContributor: (i) => i.borrower.contributionPlace !== 'local',
  spouseElsewhere: (i) => i.maritalStatus === 'married' && i.spouse !== undefined && i.spouse.contributionPlace !== 'local',
  spouseIncomeOutside: (i) => i.maritalStatus === 'married' && (i.spouse === undefined || i.spouse.contributionPlace !== 'local'),
  conversion: (i) => i.conversion !== undefined,
  taxInvoiceLacksSeller: (i) => i.house.taxInvoiceLacksSeller,
  rentPublicHousing: () => false,
  inheritanceNotaryWaived: () => false,
  heirWaivesInterest: () => false,
  houseSecondHandOrAuction: () => false,
  houseCollective: () => false,
  houseReform: () => false,
  notSubsidizedLoan: (i) => !i.subsidized,
  subsidizedMarried: (i) => i.subsidized && i.maritalStatus === 'married',
  unitReviews: () => false,
  custodyMember: () => false,
};

function pick<I>(
  specs: readonly MaterialSpec[],
  preds: Record<MaterialCondition, Pred<I>>,
  input: I,
  flags: ReadonlySet<string>,
  hasSpouse = true,
): MaterialItem[] {
  return specs
    .filter((m) => m.when === undefined || preds[m.when](input, flags))
    .map((m) => ({ id: m.id, text: !hasSpouse && m.withoutSpouse ? m.withoutSpouse : m.text, source: m.source }));
}

export function withdrawalMaterials(specs: readonly MaterialSpec[], input: WithdrawalApplication, flags: ReadonlySet<string>): MaterialItem[] {
  return pick(specs, withdrawal, input, flags);
}

export function loanMaterials(specs: readonly MaterialSpec[], input: LoanApplication, flags: ReadonlySet<string>): MaterialItem[] {
  // 未婚、离异、丧偶: no spouse papers — a line asking for both spouses' papers asks for the applicant's alone.
  return pick(specs, loan, input, flags, input.maritalStatus === 'married');
}

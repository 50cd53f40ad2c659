/**
 * The shape of a center's case catalogue: which cases a clerk can choose, which form fields each needs and which
 * materials the applicant brings. The intake form, the checklist and the 办事指南 are all driven by it.
 */
import type { ApplicationKind, SeedRef } from './types';

/**
 * When a material is required. A closed list of named situations so that the catalogue stays data; the engine
 * decides each from the application (services/rules/materialConditions.ts) and the guide prints the Chinese text.
 */
export const MATERIAL_CONDITIONS = {
  spouseIncluded: '同时提取配偶住房公积金的',
  married: '已婚的',
  single: '单身的',
  divorced: '离异的',
  agent: '委托他人代办的',
  relativeAgent: '直系亲属之间代办的',
  guardian: '由监护人办理的',
  payToAgentCard: '资金转入受托人或他人银行卡的',
  houseNew: '购买新建住房的',
  houseSecondHand: '购买二手住房的',
  houseNewLocal: '购买本地商品房（经济适用房）的',
  houseNewRemote: '购买异地商品房（经济适用房）的',
  rural: '农村房屋的',
  emigrated: '出境定居的',
  hukouMovedOut: '户口迁出本市的',
  railway: '铁路系统职工',
  retirementRecordMismatch: '退休证件记载的姓名、身份证号与身份证不一致的',
  belowRetirementAge: '未到法定退休年龄的',
  needsInheritanceNotary: '余额不少于壹仟元或继承人未作书面承诺的',
  heirsAbsent: '多个继承人不能同时到场的',
  incapacity: '完全或部分丧失劳动能力的',
  sentenced: '被判处刑罚的',
  remoteContributor: '在宁夏区内异地缴存的',
  spouseElsewhere: '配偶在其他公积金中心缴存的',
  spouseIncomeOutside: '配偶未在本中心正常缴存而收入需计入贷款额度的',
  conversion: '商业贷款转公积金贷款（商转公）的',
  taxInvoiceLacksSeller: '契税发票无卖房人信息和计税金额的',
  rentPublicHousing: '租住公有住房的',
  inheritanceNotaryWaived: '余额少于壹仟元、法定继承人作书面承诺而不提供继承公证书的',
  heirWaivesInterest: '继承人逐个提取且不是最后一个提取的',
  houseSecondHandOrAuction: '购买二手房、拍卖类住房的',
  houseCollective: '购买单位集资建房（统建房）的',
  houseReform: '购买单位房改房的',
  notSubsidizedLoan: '非贴息贷款的',
  subsidizedMarried: '贴息贷款且已婚的',
  unitReviews: '由所在单位初审盖章的（非托管专户职工）',
  custodyMember: '住房公积金托管专户的职工',
} as const;

export type MaterialCondition = keyof typeof MATERIAL_CONDITIONS;

export interface MaterialSpec {
  id: string;
  text: string;
  source: SeedRef;
  /** Required only in that situation; absent = always. */
  when?: MaterialCondition;
  /**
   * A loan material the seed asks of both spouses in one line (申请人及配偶…): what is asked of an applicant with no
   * spouse (未婚、离异、丧偶) instead, so the checklist and the 一次性告知书 ask only for what applies.
   */
  withoutSpouse?: string;
}

export interface CaseInfo {
  id: string;
  kind: ApplicationKind;
  name: string;
  /** 房屋类 / 非房屋类 and the like, as the center groups its cases. */
  group: string;
  /** Dotted input paths the intake form must ask for this case (beyond the member's ledger facts). */
  fields: string[];
  materials: MaterialSpec[];
  source: SeedRef;
}

export interface ProcedureStep {
  text: string;
  source: SeedRef;
}

/** Procedure steps per kind; loans in Urumqi differ by guarantee type, hence the optional key. */
export interface Procedure {
  kind: ApplicationKind;
  /** A guarantee type or another variant; absent = the kind's default procedure. */
  variant?: string;
  title: string;
  steps: ProcedureStep[];
}

export interface CenterCatalogue {
  seedFile: string;
  withdrawalCases: CaseInfo[];
  loanCases: CaseInfo[];
  /** Materials every withdrawal / every loan needs, before the case's own. */
  commonMaterials: { withdrawal: MaterialSpec[]; loan: MaterialSpec[] };
  procedures: Procedure[];
}

/**
 * How a rule's source is named on prints and on the clerk's screen: the policy document's title and the clause's
 * place in it, instead of the seed's file name and the rule's internal id (those stay in the audit and in the
 * print's optional appendix 附：规则编号).
 *
 * The seeds hold the two centers' published policy pages. Neither page carries a 管理办法/实施细则 heading: each
 * opens with the publishing center's name (line 1: 银川市公积金管理中心 / 乌鲁木齐市公积金管理中心) and calls its
 * contents 公积金业务指南 (003 line 23, 004 line 27). The title printed is exactly that text, no invented name.
 * The clause is located by the seed paragraph (line) that holds the quoted clause and that paragraph's own item
 * number (1、 / (一) / 一、); clauseTable.test.ts re-derives every entry from the seed files.
 */
import type { SeedRef } from './types';
import { YINCHUAN_SEED } from './catalogue/yinchuan';
import { URUMQI_SEED } from './catalogue/urumqi';

/** Seed file → the document's title as published (first line of the seed + 公积金业务指南 from the same page). */
export const POLICY_DOCUMENT_TITLES: Record<string, string> = {
  [YINCHUAN_SEED]: '银川市公积金管理中心公积金业务指南',
  [URUMQI_SEED]: '乌鲁木齐市公积金管理中心公积金业务指南',
};

/** Rule id → [seed paragraph (1-based line), the paragraph's item marker or null]. Generated from the seeds. */
export const RULE_CLAUSES: Record<string, readonly [number, string | null]> = {
  'yc.wd.account.own': [86, '3'],
  'yc.wd.loanUnpaid.noCash': [90, '7'],
  'yc.wd.secondHome.notOverdue': [89, '6'],
  'yc.wd.spouse.include': [45, '1'],
  'yc.wd.child28': [87, '4'],
  'yc.wd.house.selfUse': [49, null],
  'yc.wd.purchase.newHome': [50, '1'],
  'yc.wd.purchase.secondHand': [51, '2'],
  'yc.wd.build.approval': [52, '3'],
  'yc.wd.repair.appraisal': [53, '4'],
  'yc.wd.repay.contractTotal': [84, '1'],
  'yc.wd.repay.prepay': [88, '5'],
  'yc.wd.rent.over15': [37, '5'],
  'yc.wd.retirement': [56, null],
  'yc.wd.incapacity': [34, '2'],
  'yc.wd.emigration': [60, null],
  'yc.wd.dibao': [38, '6'],
  'yc.wd.disaster': [68, null],
  'yc.wd.migrant': [40, '8'],
  'yc.wd.unemployment.hardship': [41, '9'],
  'yc.wd.medical.relation': [42, '10'],
  'yc.wd.medical.over10k': [42, '10'],
  'yc.wd.sentenced': [43, '11'],
  'yc.wd.death.heir': [99, '8'],
  'yc.wd.full.close': [100, null],
  'yc.wd.unemployment.twoYears': [97, '6'],
  'yc.wd.payee': [82, '3'],
  'yc.wd.house.costCap': [49, null],
  'yc.wd.rent.cap15': [85, '2'],
  'yc.wd.amount.roundHundred': [86, '3'],
  'yc.wd.amount.requested': [86, '3'],
  'yc.loan.contrib.opened6m': [101, '1'],
  'yc.loan.contrib.continuous6m': [101, '1'],
  'yc.loan.contrib.ratio5': [101, '1'],
  'yc.loan.buyer': [102, '2'],
  'yc.loan.income': [103, '3'],
  'yc.loan.docs.validity': [112, '3'],
  'yc.loan.newHome.contract2y': [105, '5'],
  'yc.loan.newHome.toppedOut': [105, '5'],
  'yc.loan.secondHand.cert1y': [105, '5'],
  'yc.loan.secondHand.age20': [106, '6'],
  'yc.loan.uses.noThird': [107, '7'],
  'yc.loan.remote.once': [108, null],
  'yc.loan.divorce.exUnpaid': [109, '8'],
  'yc.loan.divorce.6m': [109, '8'],
  'yc.loan.conversion.window': [133, '三'],
  'yc.loan.notarize': [153, '5'],
  'yc.loan.rate.national': [159, null],
  'yc.loan.rate.secondUse': [159, null],
  'yc.loan.method': [161, null],
  'yc.loan.downPayment': [104, '4'],
  'yc.loan.quota.ratio': [156, null],
  'yc.loan.quota.balance20': [156, null],
  'yc.loan.quota.cap': [157, null],
  'yc.loan.quota.requested': [155, null],
  'uq.wd.dishonest': [93, '(一)'],
  'uq.wd.judicial': [94, '(二)'],
  'uq.wd.authenticity': [95, '(三)'],
  'uq.wd.account.own': [194, null],
  'uq.wd.spouse.include': [100, '(一)'],
  'uq.wd.coOwners': [198, '4'],
  'uq.wd.coPurchase.nonFamilyOne': [101, '(二)'],
  'uq.wd.house.residential': [150, '(3)'],
  'uq.wd.time.commodity': [103, '(一)'],
  'uq.wd.time.secondHand': [104, '(二)'],
  'uq.wd.time.remoteSecondHand': [202, '一'],
  'uq.wd.time.collective': [105, '(三)'],
  'uq.wd.time.reform': [106, '(四)'],
  'uq.wd.time.build': [107, '(五)'],
  'uq.wd.time.rebuild': [108, '(六)'],
  'uq.wd.time.repair': [109, '(七)'],
  'uq.wd.purchase.developerFiled': [151, '(4)'],
  'uq.wd.purchase.payeeDeveloper': [149, '(2)'],
  'uq.wd.purchase.once': [148, '(1)'],
  'uq.wd.rent.noUnpaidLoan': [118, '1'],
  'uq.wd.rent.noHome': [119, '2'],
  'uq.wd.rent.genuine': [120, '3'],
  'uq.wd.rent.contract1y': [121, '4'],
  'uq.wd.retirement.age': [139, '3'],
  'uq.wd.death.heirs': [89, '(五)'],
  'uq.wd.death.notary1000': [170, '2'],
  'uq.wd.death.multiHeirs': [169, '1'],
  'uq.wd.termination.noUnpaidLoan': [173, '1'],
  'uq.wd.termination.sealed6m': [174, '2'],
  'uq.wd.termination.proof': [179, '2'],
  'uq.wd.emigration': [91, '(七)'],
  'uq.wd.elevator.noUnpaidLoan': [186, null],
  'uq.wd.elevator.completedPaid': [186, null],
  'uq.wd.elevator.within2y': [187, null],
  'uq.wd.elevator.once': [187, null],
  'uq.wd.insulation.approved': [199, '5'],
  'uq.wd.full.close': [84, '一'],
  'uq.wd.house.capCost': [195, '1'],
  'uq.wd.repay.cap': [196, '2'],
  'uq.wd.rent.capYear': [197, '3'],
  'uq.wd.elevator.capShare': [187, null],
  'uq.wd.insulation.capCost': [199, '5'],
  'uq.wd.keep10': [200, '6'],
  'uq.wd.amount.requested': [194, null],
  'uq.loan.contrib.joined6m': [205, '1'],
  'uq.loan.contrib.recent6m': [205, '1'],
  'uq.loan.overdue.pastPf': [205, '1'],
  'uq.loan.credit.report5y': [206, '2'],
  'uq.loan.income': [206, '2'],
  'uq.loan.contract': [207, '3'],
  'uq.loan.falseInfo.ban': [225, '(四)'],
  'uq.loan.uses.max2': [216, '(一)'],
  'uq.loan.uses.secondAfterSettled': [217, '(二)'],
  'uq.loan.divorce.unpaidFirst': [218, '(三)'],
  'uq.loan.divorce.reuseWithinYear': [220, '(四)'],
  'uq.loan.badRecord.lift5y': [222, '(一)'],
  'uq.loan.reapproval1y': [203, '二'],
  'uq.loan.secondHand.seller': [257, '(1)'],
  'uq.loan.guarantee.chosen': [208, '二'],
  'uq.loan.guarantee.company': [209, '1'],
  'uq.loan.guarantee.developer': [210, '2'],
  'uq.loan.guarantee.property': [211, '3'],
  'uq.loan.guarantee.pfJoint': [212, '4'],
  'uq.loan.guarantee.naturalPerson': [213, '5'],
  'uq.loan.guarantee.pledge': [214, '6'],
  'uq.loan.downPayment': [227, '(一)'],
  'uq.loan.downPayment.sum': [228, '(二)'],
  'uq.loan.reserve10': [230, '(一)'],
  'uq.loan.quota.cap70': [268, '1'],
  'uq.loan.quota.balance10': [269, '2'],
  'uq.loan.quota.income60': [270, '3'],
  'uq.loan.quota.requested': [267, null],
  // Rules added with the enforced conditions, intake facts and payee checks (issue 13).
  'yc.loan.remote.certificate': [114, '6'],
  'yc.flow.loanNotarisation': [153, '5'],
  'yc.flow.honestDeclaration': [148, null],
  'yc.flow.unitIdentityCheck': [80, null],
  'yc.flow.noRemoteCertificate': [107, '7'],
  'uq.wd.payee.bank5': [133, '2'],
  'uq.wd.payee.localBank5': [180, '3'],
  'uq.wd.rent.spouseNoHomeCert': [124, '2'],
  'uq.wd.death.heirShare': [169, '1'],
  'uq.flow.accountRestriction': [95, '(三)'],
  'uq.flow.dishonestCheck': [93, '(一)'],
  'uq.flow.pfJoint.members': [212, '4'],
  'uq.flow.pfJoint.freeze': [212, '4'],
  'uq.flow.excessPayback': [231, '(二)'],
  'uq.flow.guaranteeFee': [209, '1'],
  // Issue 13 leftovers: 借记卡 at intake.
  'uq.flow.payeeDebitCard': [133, '2'],
};

/** 《银川市公积金管理中心公积金业务指南》, or the file name for a seed that has no known title. */
export function policyDocumentTitle(file: string): string {
  const t = POLICY_DOCUMENT_TITLES[file];
  return t ? `《${t}》` : file;
}

/** The item marker in Chinese citation style: 1 → 第1条, (一) → 第（一）项, 一 → 第一部分. */
function itemText(item: string): string {
  if (/^\d+$/.test(item)) return `第${item}条`;
  if (item.startsWith('(')) return `第（${item.slice(1, -1)}）项`;
  return `第${item}部分`;
}

/** 第101段第1条 — where in the document the rule's clause stands; null when the rule is not in the table. */
export function clauseNumber(ruleId: string): string | null {
  const c = RULE_CLAUSES[ruleId];
  if (!c) return null;
  return `第${c[0]}段${c[1] ? itemText(c[1]) : ''}`;
}

/** 《…公积金业务指南》第101段第1条 — the full citation of a rule's source for prints and screens. */
export function ruleCitation(ruleId: string, source: SeedRef): string {
  return `${policyDocumentTitle(source.file)}${clauseNumber(ruleId) ?? ''}`;
}

/** （依据：开立缴存账户满6个月，第101段第1条） — the basis named in a refusal message, in the print's words. */
export function basisNote(t: { ruleId: string; title: string }): string {
  const n = clauseNumber(t.ruleId);
  return `（依据：${t.title}${n ? `，${n}` : ''}）`;
}

/**
 * 银川 loan conditions: contributions, buyer, income and credit, the house's dates and age, the number of
 * uses, remote loans, divorce and 商转公.
 */
import { D } from '../../../shared/money';
import { addMonths, addYears, yearOf } from '../dates';
import { failed, notApplicable, passed, type LoanRule } from '../rule';
import { YC } from './params';
import { yc } from './source';

export const NEW_HOME_CASES = ['commodity', 'affordable', 'reform', 'upgrade'] as const;
const isNewHome = (caseId: string) => (NEW_HOME_CASES as readonly string[]).includes(caseId);

export const openedSixMonths: LoanRule = {
  id: 'yc.loan.contrib.opened6m',
  kind: 'loan',
  caseIds: '*',
  title: '开立缴存账户满6个月',
  category: 'condition',
  source: yc('1、借款人开立公积金缴存账户时间满6个月'),
  params: [YC.loanMinMonths],
  check(ctx) {
    const opened = ctx.input.borrower.openedDate;
    if (!opened) return failed('未填写借款人开户日期');
    const n = ctx.p<number>(YC.loanMinMonths);
    const from = addMonths(opened, n);
    if (ctx.date < from) return failed(`借款人${opened}开户，至${from}方满${n}个月`);
    return passed(`借款人${opened}开户，至申请日已满${n}个月`);
  },
};

export const continuousSixMonths: LoanRule = {
  id: 'yc.loan.contrib.continuous6m',
  kind: 'loan',
  caseIds: '*',
  title: '及时、连续、足额缴交6个月以上',
  category: 'condition',
  source: yc('已及时、连续、足额缴交住房公积金6个月以上'),
  note: '“6个月以上”含6个月。',
  params: [YC.loanMinMonths],
  check(ctx) {
    const b = ctx.input.borrower;
    const n = ctx.p<number>(YC.loanMinMonths);
    if (b.accountStatus !== '正常') return failed(`借款人账户状态为${b.accountStatus}，未在正常缴存`);
    if (b.continuousMonths < n) return failed(`借款人连续足额缴存${b.continuousMonths}个月，不足${n}个月`);
    return passed(`借款人连续足额缴存${b.continuousMonths}个月，不少于${n}个月`);
  },
};

export const ratioFivePercent: LoanRule = {
  id: 'yc.loan.contrib.ratio5',
  kind: 'loan',
  caseIds: '*',
  title: '缴交率不低于5%',
  category: 'condition',
  source: yc('缴交率不得低于5%。'),
  params: [YC.loanMinRatio],
  check(ctx) {
    const r = ctx.input.borrower.contributionRatioPercent;
    if (r === undefined) return failed('未填写借款人缴存比例');
    const min = ctx.p<string>(YC.loanMinRatio);
    if (new D(r).lessThan(min)) return failed(`借款人缴存比例${r}%，低于${min}%`);
    return passed(`借款人缴存比例${r}%，不低于${min}%`);
  },
};

export const borrowerIsBuyer: LoanRule = {
  id: 'yc.loan.buyer',
  kind: 'loan',
  caseIds: '*',
  title: '借款人是买受人或房屋所有权人，有备案购房合同及首付款发票',
  category: 'condition',
  source: yc('2、借款人必须是买受人(购房人)或房屋所有权人,具有房屋产权管理部门备案的购房合同或协议书及首付款发票。'),
  params: [],
  check(ctx) {
    const h = ctx.input.house;
    if (!h.borrowerIsBuyer) return failed('借款人不是买受人（购房人）或房屋所有权人');
    if (!h.contractRegistered) return failed('购房合同或协议书未经房屋产权管理部门备案');
    if (!h.downPaymentInvoice) return failed('没有首付款发票');
    return passed('借款人是买受人，购房合同已备案，有首付款发票');
  },
};

export const incomeAndCredit: LoanRule = {
  id: 'yc.loan.income',
  kind: 'loan',
  caseIds: '*',
  title: '有长期稳定的经济收入，信用良好，有偿还能力',
  category: 'condition',
  source: yc('3、有长期稳定的经济收入,信用良好,具有偿还贷款本息能力的证明。'),
  params: [],
  check(ctx) {
    if (!ctx.input.stableIncome) return failed('未确认借款人有长期稳定的经济收入和偿还能力');
    if (!ctx.input.goodCredit) return failed('借款人信用不良');
    return passed('有长期稳定的经济收入，信用良好');
  },
};

export const documentsFresh: LoanRule = {
  id: 'yc.loan.docs.validity',
  kind: 'loan',
  caseIds: '*',
  title: '征信报告和单位收入证明在一个月有效期内',
  category: 'time_limit',
  source: yc('3、夫妻双方个人征信报告(有效期限为一个月)'),
  note: '有效期自出具日起算，出具日一个月后的对应日当日仍有效；已婚的须夫妻双方征信报告。单位收入证明同（第4项）。',
  params: [YC.loanDocMonths],
  check(ctx) {
    const n = ctx.p<number>(YC.loanDocMonths);
    const { input } = ctx;
    const docs: [string, string | undefined][] = [
      ['借款人个人征信报告', input.borrower.credit?.reportDate],
      ['单位收入证明', input.incomeCertDate],
    ];
    if (input.maritalStatus === 'married') docs.push(['配偶个人征信报告', input.spouse?.credit?.reportDate]);
    for (const [what, date] of docs) {
      if (!date) return failed(`未填写${what}的出具日期`);
      const until = addMonths(date, n);
      if (ctx.date > until || ctx.date < date) return failed(`${what}${date}出具，有效期至${until}，申请日${ctx.date}已失效`);
    }
    return passed(`${docs.map(([w, d]) => `${w}${d}`).join('、')}均在${n}个月有效期内`);
  },
};

export const newHomeContract: LoanRule = {
  id: 'yc.loan.newHome.contract2y',
  kind: 'loan',
  caseIds: NEW_HOME_CASES,
  title: '一手房购房合同签订之日起2年内',
  category: 'time_limit',
  source: yc('5、购买一手自住住房购房合同期限从合同签订之日起2年内可办理公积金贷款业务'),
  note: '期间按民法典第201条：签订日次日起算，2年后的对应日当日仍可办理。商转公不适用购房期限，按结清商业贷款后一个月办理。',
  params: [YC.loanContractYears],
  check(ctx) {
    if (ctx.input.conversion) return notApplicable('商转公贷款按结清商业贷款之日起一个月内办理');
    const d = ctx.input.house.contractDate;
    if (!d) return failed('未填写购房合同签订日期');
    const n = ctx.p<number>(YC.loanContractYears);
    const until = addYears(d, n);
    if (ctx.date < d) return failed(`申请日早于购房合同签订日期${d}`);
    if (ctx.date > until) return failed(`购房合同${d}签订，可办理至${until}，申请日${ctx.date}已超过${n}年`);
    return passed(`购房合同${d}签订，可办理至${until}`);
  },
};

export const toppedOut: LoanRule = {
  id: 'yc.loan.newHome.toppedOut',
  kind: 'loan',
  caseIds: NEW_HOME_CASES,
  title: '预售楼盘须封顶',
  category: 'condition',
  source: yc('预售楼盘须封顶后,方可申请办理住房公积金贷款'),
  params: [],
  check(ctx) {
    const h = ctx.input.house;
    if (!h.presale) return passed('现房，不涉及封顶');
    return h.toppedOut ? passed('预售楼盘已封顶') : failed('预售楼盘尚未封顶，不能申请公积金贷款');
  },
};

export const secondHandCertificate: LoanRule = {
  id: 'yc.loan.secondHand.cert1y',
  kind: 'loan',
  caseIds: ['secondHand'],
  title: '二手房不动产权证书登记之日起一年内',
  category: 'time_limit',
  source: yc('购买二手住房申请办理公积金贷款有效期限为不动产权证书登记之日起一年内。'),
  note: '银川二手房“须先申请贷款后过户”，申请时买受人尚无证书；一年期限只适用于已过户到借款人名下、以其证书登记日起算的申请（原产权人的证书日期不计）。商转公不适用。',
  params: [YC.loanCertYears],
  check(ctx) {
    if (ctx.input.conversion) return notApplicable('商转公贷款按结清商业贷款之日起一个月内办理');
    const h = ctx.input.house;
    if (!h.transferred) return notApplicable('先申请贷款后过户，尚未登记到借款人名下');
    if (!h.certificateDate) return failed('已过户但未填写不动产权证书登记日期');
    const n = ctx.p<number>(YC.loanCertYears);
    const until = addYears(h.certificateDate, n);
    if (ctx.date > until) return failed(`不动产权证书${h.certificateDate}登记，可办理至${until}，申请日${ctx.date}已超过${n}年`);
    return passed(`不动产权证书${h.certificateDate}登记，可办理至${until}`);
  },
};

export const secondHandAge: LoanRule = {
  id: 'yc.loan.secondHand.age20',
  kind: 'loan',
  caseIds: ['secondHand'],
  title: '二手住房竣工年代不超过20年',
  category: 'condition',
  source: yc('6、购买的二手住房竣工年代不得超过20年。'),
  note: '按竣工年份计：申请年份减竣工年份不超过20年。',
  params: [YC.loanMaxBuildingAge],
  check(ctx) {
    const y = ctx.input.house.buildYear;
    if (y === undefined) return failed('未填写房屋竣工年份');
    const max = ctx.p<number>(YC.loanMaxBuildingAge);
    const age = yearOf(ctx.date) - y;
    if (age > max) return failed(`房屋${y}年竣工，至今${age}年，超过${max}年`);
    return passed(`房屋${y}年竣工，至今${age}年，不超过${max}年`);
  },
};

export const noThirdUse: LoanRule = {
  id: 'yc.loan.uses.noThird',
  kind: 'loan',
  caseIds: '*',
  title: '已使用两次公积金贷款（含异地、含夫妻双方）的不予受理',
  category: 'condition',
  source: yc('7、对已使用过两次及两次以上住房公积金个人住房贷款(包括异地贷款)的职工(含夫妻双方),无论贷款是否结清,均不得受理。'),
  note: '次数按借款人和配偶的全部公积金贷款（含异地、含与前配偶共同使用的）去重计数。',
  params: [YC.loanMaxUses],
  check(ctx) {
    const max = ctx.p<number>(YC.loanMaxUses);
    if (ctx.priorUses >= max) return failed(`借款人及配偶已使用公积金贷款${ctx.priorUses}次，达到${max}次，不予受理`);
    return passed(`借款人及配偶已使用公积金贷款${ctx.priorUses}次，本次为第${ctx.priorUses + 1}次`);
  },
};

export const remoteOnce: LoanRule = {
  id: 'yc.loan.remote.once',
  kind: 'loan',
  caseIds: '*',
  title: '异地缴存职工贷款只受理一次，且须未使用过公积金贷款',
  category: 'condition',
  source: yc('没有使用过住房公积金贷款的缴存职工(含夫妻双方),异地住房公积金贷款在银川住房公积金管理中心只能受理一次。'),
  note: '借款人在银川中心以外缴存即为异地贷款；家庭（含夫妻双方）已使用过公积金贷款的，不再受理异地贷款。',
  params: [YC.loanRemoteTimes],
  check(ctx) {
    if (ctx.input.borrower.contributionPlace === 'local') return notApplicable('借款人在本中心缴存');
    const max = ctx.p<number>(YC.loanRemoteTimes);
    if (ctx.priorUses >= max) return failed(`异地贷款只受理未使用过公积金贷款的职工，借款人及配偶已使用${ctx.priorUses}次`);
    return passed('借款人及配偶未使用过公积金贷款，可受理异地贷款一次');
  },
};

export const remoteCertificate: LoanRule = {
  id: 'yc.loan.remote.certificate',
  kind: 'loan',
  caseIds: '*',
  title: '异地缴存职工的缴存证明和提取协议一个月内有效',
  category: 'condition',
  source: yc('6、宁夏区内异地缴存住房公积金的职工在银川市购买住房申请公积金贷款时,须在当地公积金管理中心开具职工住房公积金缴存证明和明细流水账、信用情况证明及异地购房贷款职工公积金提取协议;(有效期限为一个月)'),
  note: '出具日一个月后的对应日当日仍有效（与其他“有效期限为一个月”的证明同一算法）；缴存证明和提取协议都须在有效期内。',
  params: [YC.loanRemoteCertMonths],
  check(ctx) {
    const b = ctx.input.borrower;
    if (b.contributionPlace === 'local') return notApplicable('借款人在本中心缴存');
    const rc = b.remoteContribution;
    if (!rc) return failed('借款人异地缴存，未录入缴存地公积金中心出具的缴存证明');
    const months = ctx.p<number>(YC.loanRemoteCertMonths);
    const docs: [string, string | undefined][] = [
      ['缴存证明', rc.certificateDate],
      ['异地购房贷款职工公积金提取协议', rc.agreementDate],
    ];
    const parts: string[] = [];
    for (const [name, date] of docs) {
      if (!date) return failed(`未填写${rc.centerName}出具的${name}日期`);
      const until = addMonths(date, months);
      if (ctx.date > until) return failed(`${rc.centerName}${name}${date}出具，有效期至${until}，已失效`);
      parts.push(`${name}${date}出具，有效期至${until}`);
    }
    return passed(`${rc.centerName}：${parts.join('；')}`);
  },
};

export const divorceExLoan: LoanRule = {
  id: 'yc.loan.divorce.exUnpaid',
  kind: 'loan',
  caseIds: '*',
  title: '共同还贷期间离异，原借款人结清前另一方不得申请',
  category: 'condition',
  source: yc('8、夫妻在公积金贷款共同还贷期间离异的,除非原借款人结清贷款,否则另一方不得另行申请住房公积金贷款'),
  params: [],
  check(ctx) {
    const shared = ctx.input.borrower.loans.filter((l) => l.withExSpouse);
    if (shared.length === 0) return notApplicable('没有与前配偶共同还贷的公积金贷款');
    const unpaid = shared.filter((l) => l.status === 'unpaid');
    if (unpaid.length > 0) return failed(`与前配偶共同还贷的公积金贷款（${unpaid.map((l) => l.loanId).join('、')}）尚未结清，不得另行申请`);
    return passed(`与前配偶共同还贷的公积金贷款（${shared.map((l) => l.loanId).join('、')}）已结清，本次按二次申请政策执行`);
  },
};

export const divorceSixMonths: LoanRule = {
  id: 'yc.loan.divorce.6m',
  kind: 'loan',
  caseIds: '*',
  title: '离异满6个月后方可申请',
  category: 'time_limit',
  source: yc('婚姻状况属于离异的职工,在离异6个月后,方可参照住房公积金贷款条件申请购房贷款。'),
  note: '离婚日6个月后的对应日当日起可申请。',
  params: [YC.loanDivorceMonths],
  check(ctx) {
    if (ctx.input.maritalStatus !== 'divorced') return notApplicable('婚姻状况不是离异');
    const d = ctx.input.divorce?.date;
    if (!d) return failed('未填写离婚日期');
    const n = ctx.p<number>(YC.loanDivorceMonths);
    const from = addMonths(d, n);
    if (ctx.date < from) return failed(`${d}离异，至${from}方满${n}个月`);
    return passed(`${d}离异，已满${n}个月`);
  },
};

export const conversionWindow: LoanRule = {
  id: 'yc.loan.conversion.window',
  kind: 'loan',
  caseIds: '*',
  title: '商转公须预审通过，在结清商业贷款一个月内办理',
  category: 'time_limit',
  source: yc('三、“商转公”贷款(须预审通过后在结清原商业贷款余额一个月之内办理)'),
  params: [YC.loanConversionMonths],
  check(ctx) {
    const c = ctx.input.conversion;
    if (!c) return notApplicable('不是商转公贷款');
    if (!c.preReviewPassed) return failed('商转公贷款须先通过预审');
    const n = ctx.p<number>(YC.loanConversionMonths);
    const until = addMonths(c.commercialSettledDate, n);
    if (ctx.date < c.commercialSettledDate) return failed(`原商业贷款尚未结清（结清日期${c.commercialSettledDate}）`);
    if (ctx.date > until) return failed(`原商业贷款${c.commercialSettledDate}结清，须在${until}前办理，申请日${ctx.date}已超期`);
    return passed(`预审已通过，原商业贷款${c.commercialSettledDate}结清，可办理至${until}`);
  },
};

export const notarization: LoanRule = {
  id: 'yc.loan.notarize',
  kind: 'loan',
  caseIds: '*',
  title: '未婚、离异、农业户口、共有产权的须办理贷款公证',
  category: 'condition',
  source: yc('5、到公积金管理中心开具放款通知单(未婚、离异、农业户口、共有产权的须在银川市公证处办理贷款公证)'),
  params: [],
  check(ctx) {
    const { input } = ctx;
    const reasons = [
      input.maritalStatus === 'single' ? '未婚' : null,
      input.maritalStatus === 'divorced' ? '离异' : null,
      input.agriculturalHukou ? '农业户口' : null,
      input.house.coOwnership ? '共有产权' : null,
    ].filter((r) => r !== null);
    if (reasons.length === 0) return notApplicable('无须办理贷款公证');
    return passed(`${reasons.join('、')}，放款前须在银川市公证处办理贷款公证`, {
      post: [{ kind: 'notarize_loan', text: `${reasons.join('、')}：开具放款通知单前须在银川市公证处办理贷款公证` }],
    });
  },
};

export { isNewHome };

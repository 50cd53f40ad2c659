/**
 * 银川 房屋类 withdrawals: buying, building, rebuilding and repairing a home to live in.
 */
import { sumWithdrawn, withdrawalsOf, yuan } from '../facts';
import { failed, notApplicable, passed, type WithdrawalRule } from '../rule';
import { YC } from './params';
import { yc } from './source';
import { unpaidLocalLoans } from './withdrawalCommon';

const HOUSING = ['purchase', 'build', 'rebuild', 'repair'] as const;

export const selfUse: WithdrawalRule = {
  id: 'yc.wd.house.selfUse',
  kind: 'withdrawal',
  caseIds: HOUSING,
  title: '所购建修住房为自住住房',
  category: 'condition',
  source: yc('购买、建造、翻建、大修自住住房的'),
  params: [],
  check(ctx) {
    const h = ctx.input.house;
    if (!h) return failed('未填写房屋信息');
    if (h.residential === undefined) return failed('未填写房屋用途（是否为自住住宅）');
    if (!h.residential) return failed('房屋用途不是自住住房，不能办理房屋类提取');
    return passed('房屋用途为自住住房');
  },
};

export const purchaseNew: WithdrawalRule = {
  id: 'yc.wd.purchase.newHome',
  kind: 'withdrawal',
  caseIds: ['purchase'],
  title: '购买新建住房：房屋所有权证或备案购房合同和付款凭证',
  category: 'condition',
  source: yc('1、购买新建自住住房的,须提供房屋所有权证或经房地产行政主管部门备案的购房合同和付款凭证'),
  params: [],
  check(ctx) {
    const h = ctx.input.house;
    if (!h?.type) return failed('未填写所购住房类型（新建住房或二手住房）');
    if (h.type === 'secondHand') return notApplicable('所购住房为二手住房');
    if (h.type !== 'new') return failed('银川购房提取按新建住房或二手住房办理，请选择其一');
    if (h.certificateDate) return passed(`已取得房屋所有权证（登记日期${h.certificateDate}）`);
    if (h.contractRegistered && h.paymentProof) return passed('购房合同已经房地产行政主管部门备案，且有付款凭证');
    return failed('须有房屋所有权证，或经房地产行政主管部门备案的购房合同和付款凭证');
  },
};

export const purchaseSecondHand: WithdrawalRule = {
  id: 'yc.wd.purchase.secondHand',
  kind: 'withdrawal',
  caseIds: ['purchase'],
  title: '购买二手住房：已过户取得房屋所有权证',
  category: 'condition',
  source: yc('2、购买二手住房的,须提供过户后的房屋所有权证、买卖契约、契税完税凭证'),
  params: [],
  check(ctx) {
    const h = ctx.input.house;
    if (h?.type !== 'secondHand') return notApplicable('所购住房不是二手住房');
    if (h.transferred && h.certificateDate) return passed(`已过户，房屋所有权证登记日期${h.certificateDate}`);
    return failed('二手住房须已过户并取得过户后的房屋所有权证');
  },
};

export const buildApproval: WithdrawalRule = {
  id: 'yc.wd.build.approval',
  kind: 'withdrawal',
  caseIds: ['build', 'rebuild'],
  title: '建造、翻建住房有规划、土地部门批准文件',
  category: 'condition',
  source: yc('3、建造、翻建住房的,提供市(县)级以上规划、土地部门的批准文件、建设工程规划许可证,农村房屋须提供宅基地使用证及乡镇有关部门出具的证明'),
  note: '城镇房屋以建设工程规划许可证（签发日期）为准；农村房屋以宅基地使用证及乡镇证明为准，录入土地批准日期。',
  params: [],
  check(ctx) {
    const h = ctx.input.house;
    if (!h) return failed('未填写房屋信息');
    if (h.rural) {
      if (h.landApprovalDate) return passed(`农村房屋，宅基地（用地）批准日期${h.landApprovalDate}`);
      return failed('农村房屋须有宅基地使用证及乡镇有关部门出具的证明（未填写用地批准日期）');
    }
    if (h.planningPermitDate) return passed(`建设工程规划许可证签发日期${h.planningPermitDate}`);
    return failed('须有市(县)级以上规划、土地部门的批准文件和建设工程规划许可证（未填写规划许可证签发日期）');
  },
};

export const repairAppraisal: WithdrawalRule = {
  id: 'yc.wd.repair.appraisal',
  kind: 'withdrawal',
  caseIds: ['repair'],
  title: '大修住房有房屋安全鉴定证明',
  category: 'condition',
  source: yc('4、大修自住住房的,提供有资质机构出具的房屋安全鉴定证明、房屋权属证明、工程预决算及支付费用凭证'),
  params: [],
  check(ctx) {
    const d = ctx.input.house?.appraisalDate;
    if (!d) return failed('大修自住住房须有有资质机构出具的房屋安全鉴定证明（未填写鉴定日期）');
    return passed(`房屋安全鉴定证明签发日期${d}`);
  },
};

export const costCap: WithdrawalRule = {
  id: 'yc.wd.house.costCap',
  kind: 'withdrawal',
  caseIds: HOUSING,
  title: '购建修房提取不超过房款或工程费用',
  category: 'amount',
  source: yc('购买、建造、翻建、大修自住住房的'),
  note: '银川原文未规定购建修房提取的上限；审慎起见以购房总价或工程费用减去已为同一房屋提取的金额为上限（参数 yc.wd.house.capToCost）。',
  params: [YC.wdHouseCapToCost],
  check(ctx) {
    if (!ctx.p<boolean>(YC.wdHouseCapToCost)) return notApplicable('中心未设购建修房提取上限');
    const h = ctx.input.house;
    const total = ctx.caseId === 'purchase' ? h?.priceFen : h?.costFen;
    const what = ctx.caseId === 'purchase' ? '购房总价' : '工程费用';
    if (total === undefined) return failed(`未填写${what}`);
    const prior = h?.houseId
      ? sumWithdrawn(withdrawalsOf([ctx.input.member, ctx.input.spouse], (w) => w.ref === h.houseId && HOUSING.includes(w.caseId as never)))
      : 0;
    const room = total - prior;
    if (room <= 0) return failed(`${what}${yuan(total)}已全部由此前的提取（${yuan(prior)}）覆盖`);
    return passed(`${what}${yuan(total)}，已为该房提取${yuan(prior)}，本次最多${yuan(room)}`, {
      cap: { label: `${what}减已提取`, amountFen: room },
    });
  },
};

export const secondHomeNotOverdue: WithdrawalRule = {
  id: 'yc.wd.secondHome.notOverdue',
  kind: 'withdrawal',
  caseIds: ['purchase'],
  title: '贷款未还清购买第二套住房须未逾期',
  category: 'condition',
  source: yc('6、已经办理了住房公积金贷款,贷款未还清且没有发生逾期现象,在购买第二套住房时,可以提取职工本人和配偶的住房公积金。'),
  note: '“没有发生逾期现象”按该笔贷款从未逾期理解：当前逾期或累计逾期期数大于0均不符合。',
  params: [],
  check(ctx) {
    const unpaid = unpaidLocalLoans(ctx);
    if (unpaid.length === 0) return notApplicable('没有未还清的公积金贷款');
    const overdue = unpaid.filter((l) => l.overdueNow || l.totalOverdueTerms > 0);
    if (overdue.length > 0) {
      return failed(`公积金贷款（${overdue.map((l) => l.loanId).join('、')}）发生逾期，购买第二套住房不能提取`);
    }
    return passed(`公积金贷款（${unpaid.map((l) => l.loanId).join('、')}）未还清且没有逾期，购买第二套住房可提取本人和配偶的公积金`);
  },
};

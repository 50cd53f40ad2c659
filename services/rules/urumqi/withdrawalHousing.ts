/**
 * 乌鲁木齐 购建修房 withdrawals: the application time limits by house type, the price cap, the payee and the
 * once-per-house rule, non-residential refusals and co-purchasers.
 */
import type { WithdrawalHouse } from '../../../shared/rules/withdrawalSchema';
import { addDays, addYears, daysBetween } from '../dates';
import { sumWithdrawn, withdrawalsOf, yuan } from '../facts';
import { failed, notApplicable, passed, type CheckResult, type WithdrawalCtx, type WithdrawalRule } from '../rule';
import { UQ } from './params';
import { uq } from './source';

const HOUSE_CASES = ['purchase', 'build', 'rebuild', 'repair'] as const;

export type PurchaseKind = 'newLocal' | 'newRemote' | 'secondHandLocal' | 'secondHandRemote' | 'auction' | 'collective' | 'reform';

export function purchaseKind(h: WithdrawalHouse | undefined): PurchaseKind | null {
  if (!h?.type) return null;
  if (h.type === 'new') return h.remote ? 'newRemote' : 'newLocal';
  if (h.type === 'secondHand') return h.remote ? 'secondHandRemote' : 'secondHandLocal';
  return h.type;
}

/** "自X之日起N年内": the date must be on or after X and no later than the corresponding day N years on. */
function withinYears(ctx: WithdrawalCtx, start: string | undefined, what: string): CheckResult {
  if (!start) return failed(`未填写${what}`);
  const years = ctx.p<number>(UQ.wdTimeYears);
  const until = addYears(start, years);
  if (ctx.date < start) return failed(`申请日${ctx.date}早于${what}${start}`);
  if (ctx.date > until) return failed(`${what}${start}，提取时限至${until}，申请日${ctx.date}已超过${years}年，逾期不再追溯办理`);
  return passed(`${what}${start}，提取时限至${until}`);
}

const timeRule = (
  id: string,
  title: string,
  clause: string,
  caseId: (typeof HOUSE_CASES)[number],
  kinds: PurchaseKind[] | null,
  dateOf: (h: WithdrawalHouse) => string | undefined,
  what: string,
  note?: string,
): WithdrawalRule => ({
  id,
  kind: 'withdrawal',
  caseIds: [caseId],
  title,
  category: 'time_limit',
  source: uq(clause),
  note,
  params: [UQ.wdTimeYears],
  check(ctx) {
    const h = ctx.input.house;
    if (kinds) {
      const k = purchaseKind(h);
      if (k === null) return failed('未填写所购住房类型');
      if (!kinds.includes(k)) return notApplicable('所购住房类型不适用本时限');
    }
    if (!h) return failed('未填写房屋信息');
    return withinYears(ctx, dateOf(h), what);
  },
});

export const timeCommodity = timeRule(
  'uq.wd.time.commodity',
  '购买商品房：合同签订之日起2年内',
  '(一)购买商品房,自《商品房预售合同》签订之日起2年内。',
  'purchase',
  ['newLocal', 'newRemote'],
  (h) => h.contractDate,
  '购房合同签订日期',
  '预售的以《商品房预售合同》、现售的以《商品房买卖合同》签订日期起算（购房提取注意事项写作《商品房买卖合同》）。',
);

export const timeSecondHand = timeRule(
  'uq.wd.time.secondHand',
  '购买二手房、拍卖类住房：不动产权证书登记确权之日起2年内',
  '(二)购买二手房、拍卖类住房,自《不动产权证书》登记确权之日起2年内。',
  'purchase',
  ['secondHandLocal', 'auction'],
  (h) => h.certificateDate,
  '不动产权证书登记确权日期',
);

export const timeRemoteSecondHand: WithdrawalRule = {
  id: 'uq.wd.time.remoteSecondHand',
  kind: 'withdrawal',
  caseIds: ['purchase'],
  title: '购买异地二手房：发证满180天起至2年内',
  category: 'time_limit',
  source: uq('一、购买异地二手房以过户到买受人名下的《不动产权证》发证日期满半年(180天)起至2年内为办理住房公积金提取业务有效时限'),
  note: '“满半年(180天)”：发证日后第180天当日起可办理（发证日计0天）；2年按对应日当日止。',
  params: [UQ.wdRemoteSecondHandMinDays, UQ.wdTimeYears],
  check(ctx) {
    const h = ctx.input.house;
    if (purchaseKind(h) !== 'secondHandRemote') return notApplicable('不是异地二手房');
    const d = h!.certificateDate;
    if (!d) return failed('未填写过户后《不动产权证》发证日期');
    const minDays = ctx.p<number>(UQ.wdRemoteSecondHandMinDays);
    const years = ctx.p<number>(UQ.wdTimeYears);
    const from = addDays(d, minDays);
    const until = addYears(d, years);
    const days = daysBetween(d, ctx.date);
    if (ctx.date < from) return failed(`《不动产权证》${d}发证，至申请日${days}天，满${minDays}天（${from}）后方可办理`);
    if (ctx.date > until) return failed(`《不动产权证》${d}发证，时限至${until}，已逾期`);
    return passed(`《不动产权证》${d}发证，已满${minDays}天，时限至${until}`);
  },
};

export const timeCollective = timeRule(
  'uq.wd.time.collective',
  '购买单位集资建房：购房协议签订之日起2年内',
  '(三)购买单位集资建房(统建房),自《购房协议》签订之日起2年内。',
  'purchase',
  ['collective'],
  (h) => h.agreementDate,
  '《购房协议》签订日期',
);

export const timeReform = timeRule(
  'uq.wd.time.reform',
  '购买单位房改房：审批表审批通过之日起2年内',
  '(四)购买单位房改房,自《单位出售公有住房审批表》审批通过之日起2年内。',
  'purchase',
  ['reform'],
  (h) => h.reformApprovalDate,
  '《单位出售公有住房审批表》审批通过日期',
);

export const timeBuild = timeRule(
  'uq.wd.time.build',
  '建造自住住房：用地批准书签发之日起2年内',
  '(五)建造自住住房,自国土部门出具的《用地批准书》签发之日起2年内。',
  'build',
  null,
  (h) => h.landApprovalDate,
  '《用地批准书》签发日期',
);

export const timeRebuild = timeRule(
  'uq.wd.time.rebuild',
  '翻建自住住房：规划许可证签发之日起2年内',
  '(六)翻建自住住房,自规划部门出具的《建设用地工程规划许可证》签发之日起2年内。',
  'rebuild',
  null,
  (h) => h.planningPermitDate,
  '规划许可证签发日期',
);

export const timeRepair = timeRule(
  'uq.wd.time.repair',
  '大修自住住房：危房鉴定书签发之日起2年内',
  '(七)大修自住住房,自乌鲁木齐市房屋安全鉴定办公室出具的《危房鉴定书》签发之日起2年内。',
  'repair',
  null,
  (h) => h.appraisalDate,
  '《危房鉴定书》签发日期',
);

export const capCost: WithdrawalRule = {
  id: 'uq.wd.house.capCost',
  kind: 'withdrawal',
  caseIds: HOUSE_CASES,
  title: '提取金额不大于购房金额或建修房费用（合计不超过总房款）',
  category: 'amount',
  source: uq('其提取金额不得大于购房金额或建修房费用;'),
  note: '“合计”含职工、配偶已为同一房屋（按房屋编号关联）办理的提取。该条前半句的“一年内”已被“四、申请时限”的2年时限取代，时限另按各项时限规则判定。',
  params: [],
  check(ctx) {
    const h = ctx.input.house;
    const total = ctx.caseId === 'purchase' ? h?.priceFen : h?.costFen;
    const what = ctx.caseId === 'purchase' ? '总房款' : '建修房费用';
    if (total === undefined) return failed(`未填写${what}`);
    const prior = h?.houseId
      ? sumWithdrawn(withdrawalsOf([ctx.input.member, ctx.input.spouse], (w) => w.ref === h.houseId && (HOUSE_CASES as readonly string[]).includes(w.caseId)))
      : 0;
    const room = total - prior;
    if (room <= 0) return failed(`${what}${yuan(total)}，已合计提取${yuan(prior)}，不能再提取`);
    return passed(`${what}${yuan(total)}，已合计提取${yuan(prior)}，本次最多${yuan(room)}`, { cap: { label: `${what}减已提取`, amountFen: room } });
  },
};

export const residential: WithdrawalRule = {
  id: 'uq.wd.house.residential',
  kind: 'withdrawal',
  caseIds: HOUSE_CASES,
  title: '房屋用途为非住宅的不予办理',
  category: 'condition',
  source: uq('(3)《商品房买卖合同》中载明房屋用途为非住宅的不予办理。'),
  note: '原文在商品房提取中写明；情形(一)“自住住房”同样要求住宅用途，故对全部购建修房提取适用。',
  params: [],
  check(ctx) {
    const r = ctx.input.house?.residential;
    if (r === undefined) return failed('未填写房屋用途');
    return r ? passed('房屋用途为住宅') : failed('合同载明房屋用途为非住宅，不予办理');
  },
};

export const developerFiled: WithdrawalRule = {
  id: 'uq.wd.purchase.developerFiled',
  kind: 'withdrawal',
  caseIds: ['purchase'],
  title: '本地商品房开发公司须先在中心备案',
  category: 'condition',
  source: uq('(4)职工办理此项业务前,房产开发公司须先到中心贷款管理科办理备案审核。'),
  params: [],
  check(ctx) {
    if (purchaseKind(ctx.input.house) !== 'newLocal') return notApplicable('不是本地商品房');
    return ctx.input.house!.developerFiled ? passed('房产开发公司已在中心备案') : failed('房产开发公司尚未到中心贷款管理科办理备案审核');
  },
};

export const payeeDeveloper: WithdrawalRule = {
  id: 'uq.wd.purchase.payeeDeveloper',
  kind: 'withdrawal',
  caseIds: ['purchase'],
  title: '购买商品房提取款项转入房产公司售房账户',
  category: 'payee',
  source: uq('(2)合计提取额不得超过总房款,所提款项转入房产公司在中心备案的售房账户。'),
  note: '异地商品房转入房产公司售房账户，须有开发商出具的售房账户证明原件。',
  params: [],
  check(ctx) {
    const k = purchaseKind(ctx.input.house);
    if (k === 'newLocal') {
      return passed('提取款项转入房产公司在中心备案的售房账户', {
        post: [{ kind: 'payee_developer', text: '所提款项转入房产公司在中心备案的售房账户' }],
      });
    }
    if (k === 'newRemote') {
      if (!ctx.input.house!.developerAccountProof) return failed('购买异地商品房须提供开发商出具的售房账户证明原件');
      return passed('提取款项转入房产公司售房账户', { post: [{ kind: 'payee_developer', text: '所提款项转入房产公司售房账户' }] });
    }
    return notApplicable('不是购买商品房');
  },
};

export const oncePerHouse: WithdrawalRule = {
  id: 'uq.wd.purchase.once',
  kind: 'withdrawal',
  caseIds: ['purchase'],
  title: '所购住房可提取一次住房公积金',
  category: 'condition',
  source: uq('所购住房可提取一次住房公积金支付房款。'),
  note: '“一次”指职工及配偶为同一住房（按房屋编号）办理的购房提取只有一次；适用的购房类型见参数 uq.wd.purchase.onceKinds。',
  params: [UQ.wdOnceKinds],
  check(ctx) {
    const k = purchaseKind(ctx.input.house);
    if (k === null || !ctx.p<string[]>(UQ.wdOnceKinds).includes(k)) return notApplicable('该购房类型未限定提取次数');
    const id = ctx.input.house!.houseId;
    if (!id) return failed('未填写房屋编号，无法核对该房是否已提取');
    const prior = withdrawalsOf([ctx.input.member, ctx.input.spouse], (w) => w.caseId === 'purchase' && w.ref === id);
    if (prior.length > 0) return failed(`该住房（${id}）已于${prior.map((w) => w.date).join('、')}提取过，只可提取一次`);
    return passed(`该住房（${id}）未办理过购房提取`);
  },
};

export const nonFamilyCoPurchase: WithdrawalRule = {
  id: 'uq.wd.coPurchase.nonFamilyOne',
  kind: 'withdrawal',
  caseIds: ['purchase'],
  title: '非家庭关系多人共同购房仅允许一方共有人提取',
  category: 'condition',
  source: uq('(二)非家庭关系多人共同购买自住住房的,仅允许一方共有人申请提取住房公积金。'),
  params: [],
  check(ctx) {
    const h = ctx.input.house;
    const nonFamilyListed = ctx.input.coOwners.some((c) => c.relation === 'nonFamily');
    if (!h?.coPurchaseNonFamily && !nonFamilyListed) return notApplicable('不是非家庭关系多人共同购房');
    if (h?.otherCoOwnerWithdrew) return failed('其他共有人已就该房申请提取，仅允许一方共有人提取');
    if (nonFamilyListed) return failed('非家庭关系共有人的账户不能一并提取，仅允许一方共有人申请');
    return passed('非家庭关系共同购房，由本人一方申请提取');
  },
};

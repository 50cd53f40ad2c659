/**
 * 银川 loan amount: down payment, the three quota limits (ratio of the value, 20 × balances, the per-home cap),
 * the rate and the repayment method.
 */
import type { RepaymentMethod } from '../../../shared/loan/schedule';
import { D } from '../../../shared/money';
import { percentOf, pct, timesOf, yuan } from '../facts';
import { failed, notApplicable, passed, type LoanRule } from '../rule';
import { isNewHome } from './loanConditions';
import { YC } from './params';
import { yc } from './source';

export const downPayment: LoanRule = {
  id: 'yc.loan.downPayment',
  kind: 'loan',
  caseIds: '*',
  title: '首付款比例：一手住房不低于20%，第二次使用不低于40%',
  category: 'amount',
  source: yc(
    '4、缴存职工申请住房公积金贷款购买一手住房的首付款比例不得低于房屋总价款的20%;第二次使用住房公积金个人住房贷款的职工(含夫妻双方),首付款最低比例为40%;',
  ),
  note: '首次使用购买二手房的首付比例原文未写，由二手房贷款最高比例60%（即首付不低于40%）约束，见 yc.loan.quota.ratio。',
  params: [YC.loanDownFirst, YC.loanDownSecond],
  check(ctx) {
    const second = ctx.priorUses >= 1;
    if (!second && !isNewHome(ctx.caseId)) return notApplicable('首次使用购买二手房，首付由贷款最高比例约束');
    const percent = ctx.p<string>(second ? YC.loanDownSecond : YC.loanDownFirst);
    const price = ctx.input.house.priceFen;
    // The minimum is the price less the most a loan may be, so the ratio is met even when the price has odd fen.
    const min = price - percentOf(price, new D(100).minus(percent).toString());
    const paid = ctx.input.downPaymentFen;
    const what = second ? '第二次使用公积金贷款' : '购买一手住房';
    if (paid < min) return failed(`${what}首付不低于总价${yuan(price)}的${pct(percent)}即${yuan(min)}，已付${yuan(paid)}`, { downPaymentMinFen: min });
    return passed(`${what}首付不低于${yuan(min)}（${pct(percent)}），已付${yuan(paid)}`, { downPaymentMinFen: min });
  },
};

export const quotaRatio: LoanRule = {
  id: 'yc.loan.quota.ratio',
  kind: 'loan',
  caseIds: '*',
  title: '贷款最高比例：房屋总价值的80%，第二次使用60%，二手房60%',
  category: 'amount',
  source: yc(
    '核定为商品房、经济适用房、房改房、增房补差的贷款最高比例不超过房屋总价值或增房补差价值的80%;第二次使用住房公积金贷款的最高比例为60%。二手房最高不超过房屋总价值的60%。',
  ),
  note: '“房屋总价值”按购房合同总价（增房补差按补差价值）录入。',
  params: [YC.loanRatio],
  check(ctx) {
    const r = ctx.p<{ first: string; second: string; secondHand: string }>(YC.loanRatio);
    const price = ctx.input.house.priceFen;
    const [percent, why] =
      ctx.caseId === 'secondHand'
        ? [r.secondHand, '二手房']
        : ctx.priorUses >= 1
          ? [r.second, '第二次使用公积金贷款']
          : [r.first, '首次使用购买一手房'];
    const limit = percentOf(price, percent);
    return passed(`${why}：房屋总价值${yuan(price)}×${pct(percent)}＝${yuan(limit)}`, {
      limit: { label: `房屋总价值的${pct(percent)}`, amountFen: limit },
      downPaymentMinFen: price - limit,
    });
  },
};

export const quotaBalance: LoanRule = {
  id: 'yc.loan.quota.balance20',
  kind: 'loan',
  caseIds: '*',
  title: '不超过本人（含配偶）缴存余额的20倍',
  category: 'amount',
  source: yc('同时不超过本人(含配偶)住房公积金缴存余额的20倍。'),
  note: '已婚的计入配偶余额（含在其他中心缴存、由其出具证明的余额）；已销户的账户不计。',
  params: [YC.loanBalanceTimes],
  check(ctx) {
    const times = ctx.p<string>(YC.loanBalanceTimes);
    const b = ctx.input.borrower;
    const sp = ctx.input.maritalStatus === 'married' ? ctx.input.spouse : undefined;
    const own = b.accountStatus === '销户' ? 0 : b.balanceFen;
    const spouse = sp && sp.accountStatus !== '销户' ? sp.balanceFen : 0;
    const limit = timesOf(own + spouse, times);
    const parts = sp ? `借款人${yuan(own)}＋配偶${yuan(spouse)}` : `借款人${yuan(own)}`;
    return passed(`缴存余额${parts}＝${yuan(own + spouse)}，×${times}＝${yuan(limit)}`, {
      limit: { label: `缴存余额的${times}倍`, amountFen: limit },
    });
  },
};

export const quotaCap: LoanRule = {
  id: 'yc.loan.quota.cap',
  kind: 'loan',
  caseIds: '*',
  title: '每套限额：单身或一方缴存50万元，双方缴存70万元，异地50万元',
  category: 'amount',
  source: yc(
    '单身职工或夫妻双方只有一方正常缴存住房公积金的,每套购房贷款限额50万元;夫妻双方均正常缴存住房公积金(含配偶方在宁夏区内正常缴存)的,每套购房贷款限额70万元。异地贷款最高限额为50万元(含配偶方在银川中心缴存的)。',
  ),
  note: '“正常缴存”指账户状态为正常；配偶在宁夏区内（本中心或区内异地）正常缴存的算双方缴存。借款人异地缴存的按异地贷款限额。多子女家庭限额由管理员以参数 yc.loan.quota.childrenCaps 添加，取较高者（异地贷款除外）。',
  params: [YC.loanCapSingle, YC.loanCapBoth, YC.loanCapRemote, YC.loanChildrenCaps],
  check(ctx) {
    const { input } = ctx;
    const b = input.borrower;
    if (b.contributionPlace !== 'local') {
      const cap = ctx.p<number>(YC.loanCapRemote);
      return passed(`借款人异地缴存，异地贷款最高限额${yuan(cap)}`, { limit: { label: '异地贷款限额', amountFen: cap } });
    }
    const sp = input.maritalStatus === 'married' ? input.spouse : undefined;
    const both = b.accountStatus === '正常' && sp?.accountStatus === '正常' && sp.contributionPlace !== 'elsewhere';
    let cap = ctx.p<number>(both ? YC.loanCapBoth : YC.loanCapSingle);
    let label = both ? '夫妻双方均正常缴存限额' : '单身或一方缴存限额';
    let why = both ? '夫妻双方均正常缴存' : sp ? '夫妻只有一方正常缴存' : '单身职工';
    const children = input.children ?? 0;
    const byChildren = ctx
      .p<{ minChildren: number; capFen: number }[]>(YC.loanChildrenCaps)
      .filter((c) => children >= c.minChildren)
      .sort((a, c) => c.capFen - a.capFen)[0];
    if (byChildren && byChildren.capFen > cap) {
      cap = byChildren.capFen;
      label = `${byChildren.minChildren}个及以上子女家庭限额`;
      why += `，${children}个子女`;
    }
    return passed(`${why}，每套限额${yuan(cap)}`, { limit: { label, amountFen: cap } });
  },
};

export const requestedWithinQuota: LoanRule = {
  id: 'yc.loan.quota.requested',
  kind: 'loan',
  caseIds: '*',
  title: '申请金额不超过可贷额度',
  category: 'request',
  source: yc('贷款额度:'),
  params: [],
  requestCheck: true,
  check(ctx) {
    const quota = ctx.quotaSoFarFen();
    const req = ctx.input.requestedFen;
    if (quota === null) return failed('无法计算可贷额度');
    if (req > quota) return failed(`申请${yuan(req)}，超过可贷额度${yuan(quota)}`);
    return passed(`申请${yuan(req)}，不超过可贷额度${yuan(quota)}`);
  },
};

export const rateNational: LoanRule = {
  id: 'yc.loan.rate.national',
  kind: 'loan',
  caseIds: '*',
  title: '贷款利率执行中国人民银行住房公积金贷款利率',
  category: 'rate',
  source: yc('住房公积金贷款利率,执行中国人民银行关于住房公积金贷款利率的规定,贷款利率随国家规定利率变动而相应调整。'),
  note: '按申请日适用的利率表行；已放贷款一年以上的，利率调整于次年1月1日起执行（由还款计划处理）。',
  params: [],
  check(ctx) {
    if (!ctx.rate) return failed(`无法确定利率：${ctx.rateError ?? '利率表无适用行'}`);
    return passed(`年利率${ctx.rate.annualRatePercent}%（${ctx.rate.basis}）`);
  },
};

export const rateSecondUse: LoanRule = {
  id: 'yc.loan.rate.secondUse',
  kind: 'loan',
  caseIds: '*',
  title: '第二次使用公积金贷款利率按基准利率的1.1倍',
  category: 'rate',
  source: yc('第二次使用住房公积金个人住房贷款的职工贷款利率按同期住房公积金个人住房贷款基准利率的1.1倍执行。'),
  note: '全国自2022年起另行公布第二套利率；银川原文为1.1倍，按原文执行（参数 yc.loan.rate.secondUse 可改为按利率表）。',
  params: [YC.loanSecondUse],
  check(ctx) {
    if (ctx.priorUses < 1) return notApplicable('首次使用公积金贷款，按首套利率');
    if (!ctx.rate) return failed(`无法确定第二次使用的利率：${ctx.rateError ?? ''}`);
    return passed(`第二次使用：年利率${ctx.rate.annualRatePercent}%（${ctx.rate.basis}）`);
  },
};

export const repaymentMethod: LoanRule = {
  id: 'yc.loan.method',
  kind: 'loan',
  caseIds: '*',
  title: '一年期一次性还本付息，一年以上月均等额还本付息',
  category: 'condition',
  source: yc('借款期限为一年的,执行合同利率,一次性还本付息,利随本清,遇法定利率调整,不分段计息。贷款期限在一年以上的,实行月均等额还本付息'),
  note: '一年以内（含一年）的贷款一次性还本付息；一年以上的按参数 yc.loan.methods（默认只受理等额本息）。',
  params: [YC.loanLumpMaxMonths, YC.loanMethods],
  check(ctx) {
    const { months, method } = ctx.input;
    const lumpMax = ctx.p<number>(YC.loanLumpMaxMonths);
    const names: Record<RepaymentMethod, string> = { annuity: '等额本息', linear: '等额本金', lump: '一次性还本付息' };
    if (months <= lumpMax) {
      return method === 'lump'
        ? passed(`期限${months}个月，一次性还本付息，利随本清`)
        : failed(`期限${months}个月（一年以内），应一次性还本付息，不能选择${names[method]}`);
    }
    const allowed = ctx.p<RepaymentMethod[]>(YC.loanMethods);
    if (!allowed.includes(method)) return failed(`期限${months}个月，实行${allowed.map((m) => names[m]).join('或')}，不能选择${names[method]}`);
    return passed(`期限${months}个月，${names[method]}`);
  },
};

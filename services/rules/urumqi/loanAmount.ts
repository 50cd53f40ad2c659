/**
 * 乌鲁木齐 loan amount: down payment by house type, down payment plus loan within the total, the tenth kept in
 * the couple's accounts, and the quota (70万, 10 × balances, monthly payment within 60% of family income).
 */
import { annuityInstallmentFen, buildSchedule, type RepaymentMethod } from '../../../shared/loan/schedule';
import { D, fenToYuan, floorToUnit, type Dec, type RoundUnit } from '../../../shared/money';
import { percentOf, pct, timesOf, yuan, yuanExact } from '../facts';
import { failed, passed, type LoanRule } from '../rule';
import { UQ } from './params';
import { uq } from './source';

const UNIT_FEN: Record<RoundUnit, number> = { fen: 1, yuan: 100, hundred: 10_000 };
const UNIT_NAME: Record<RoundUnit, string> = { fen: '分', yuan: '元', hundred: '百元' };

export const downPayment: LoanRule = {
  id: 'uq.loan.downPayment',
  kind: 'loan',
  caseIds: '*',
  title: '首付比例：一手房20%，二手房、拍卖房、房改房30%，建造翻建大修40%',
  category: 'amount',
  source: uq('(一)首次和第二次使用住房公积金贷款购买一手房的,首付比例不得低于购房总价的20%'),
  note: '比例按购房类型取参数 uq.loan.downPaymentPercent；建造、翻建、大修以房屋工程预算总价为基数。',
  params: [UQ.loanDownPayment],
  check(ctx) {
    const percent = ctx.p<Record<string, string>>(UQ.loanDownPayment)[ctx.caseId];
    if (percent === undefined) return failed(`购房类型${ctx.caseId}没有首付比例参数`);
    const price = ctx.input.house.priceFen;
    const min = price - percentOf(price, new D(100).minus(percent).toString());
    const paid = ctx.input.downPaymentFen;
    if (paid < min) return failed(`首付不低于${yuan(price)}的${pct(percent)}即${yuan(min)}，已付${yuan(paid)}`, { downPaymentMinFen: min });
    return passed(`首付不低于${yuan(min)}（${pct(percent)}），已付${yuan(paid)}`, { downPaymentMinFen: min });
  },
};

export const downPlusLoan: LoanRule = {
  id: 'uq.loan.downPayment.sum',
  kind: 'loan',
  caseIds: '*',
  title: '首付款与贷款金额之和不超过购建房总金额',
  category: 'amount',
  source: uq('(二)首付款金额与贷款金额之和不得超过购建房总金额。'),
  params: [],
  requestCheck: true,
  check(ctx) {
    const { downPaymentFen: down, requestedFen: req } = ctx.input;
    const total = ctx.input.house.priceFen;
    const limit = Math.max(0, total - down);
    const msg = `首付${yuan(down)}＋贷款${yuan(req)}＝${yuan(down + req)}，购建房总金额${yuan(total)}`;
    const extra = { limit: { label: '总金额减首付款', amountFen: limit } };
    return down + req > total ? failed(`${msg}，超过总金额`, extra) : passed(msg, extra);
  },
};

export const reserveTenth: LoanRule = {
  id: 'uq.loan.reserve10',
  kind: 'loan',
  caseIds: '*',
  title: '借款人与配偶账户余额合计留足申请额的十分之一',
  category: 'condition',
  source: uq('(一)借款人申请贷款时,借款人与配偶人个人住房公积金账户余额合计要留足欲申请贷款额度的十分之一。'),
  note: '余额恰为申请额的十分之一即符合。不足的，须将超额提取部分补缴回账户后再申请（六、(二)）。',
  params: [UQ.loanReservePercent],
  requestCheck: true,
  check(ctx) {
    const percent = ctx.p<string>(UQ.loanReservePercent);
    const sp = ctx.input.maritalStatus === 'married' ? ctx.input.spouse : undefined;
    const total = ctx.input.borrower.balanceFen + (sp?.balanceFen ?? 0);
    const need = fenToYuan(ctx.input.requestedFen).times(percent).dividedBy(100);
    const have = fenToYuan(total);
    const msg = `借款人${sp ? '与配偶' : ''}余额合计${yuan(total)}，须留足申请额${yuan(ctx.input.requestedFen)}的${pct(percent)}即${yuanExact(need)}`;
    if (have.lessThan(need)) {
      return failed(`${msg}，不足`, {
        post: [{ kind: 'repay_excess_withdrawal', text: '已提取公积金支付房款致余额不足的，须将超额提取部分补缴回个人住房公积金账户后再申请' }],
      });
    }
    return passed(msg);
  },
};

export const quotaCap: LoanRule = {
  id: 'uq.loan.quota.cap70',
  kind: 'loan',
  caseIds: '*',
  title: '最高贷款额度70万元',
  category: 'amount',
  source: uq('1.乌鲁木齐住房公积金贷款最高贷款额度为70万元;'),
  params: [UQ.loanCap],
  check(ctx) {
    const cap = ctx.p<number>(UQ.loanCap);
    return passed(`最高贷款额度${yuan(cap)}`, { limit: { label: '最高贷款额度', amountFen: cap } });
  },
};

export const quotaBalance: LoanRule = {
  id: 'uq.loan.quota.balance10',
  kind: 'loan',
  caseIds: '*',
  title: '不超过借款申请人（含共同申请人）公积金余额的10倍',
  category: 'amount',
  source: uq('2.贷款计算公式为借款申请人(含共同申请人)公积金余额的10倍;'),
  note: '配偶为共同申请人时计入其余额。',
  params: [UQ.loanBalanceTimes],
  check(ctx) {
    const times = ctx.p<string>(UQ.loanBalanceTimes);
    const own = ctx.input.borrower.balanceFen;
    const co = ctx.input.spouseCoApplicant && ctx.input.spouse ? ctx.input.spouse.balanceFen : 0;
    const limit = timesOf(own + co, times);
    const parts = co > 0 || ctx.input.spouseCoApplicant ? `借款人${yuan(own)}＋共同申请人${yuan(co)}` : `借款人${yuan(own)}`;
    return passed(`公积金余额${parts}＝${yuan(own + co)}，×${times}＝${yuan(limit)}`, { limit: { label: `公积金余额的${times}倍`, amountFen: limit } });
  },
};

/** The principal whose first payment is `paymentFen` at the rate and term, before rounding (yuan). */
function inversePrincipal(paymentFen: number, ratePercent: string, months: number, method: RepaymentMethod): Dec {
  const pay = fenToYuan(paymentFen);
  const r = new D(ratePercent).dividedBy(1200);
  if (method === 'linear') return pay.dividedBy(new D(1).dividedBy(months).plus(r));
  if (r.isZero()) return pay.times(months);
  return pay.times(new D(1).minus(r.plus(1).pow(-months))).dividedBy(r);
}

function firstPaymentFen(principalFen: number, ratePercent: string, months: number, method: RepaymentMethod): number {
  if (method === 'linear') return buildSchedule({ principalFen, annualRatePercent: ratePercent, months, method }).summary.firstPaymentFen;
  return annuityInstallmentFen(principalFen, ratePercent, months);
}

/**
 * The largest principal, in whole units, whose first installment as the schedule computes it (half-up to the fen)
 * is at most `maxPayFen`. The closed form brackets it: below inverse(maxPay) every principal fits, above
 * inverse(maxPay + 2 fen) none does; a binary search on the (monotonic) installment finds the exact edge.
 */
export function largestWithin(maxPayFen: number, rate: string, months: number, method: RepaymentMethod, unit: RoundUnit): number {
  const u = UNIT_FEN[unit];
  const fits = (p: number) => p <= 0 || firstPaymentFen(p, rate, months, method) <= maxPayFen;
  let lo: number = floorToUnit(inversePrincipal(maxPayFen, rate, months, method), unit);
  while (lo > 0 && !fits(lo)) lo -= u;
  let hi: number = floorToUnit(inversePrincipal(maxPayFen + 2, rate, months, method), unit) + u;
  while (fits(hi)) hi += u;
  while (hi - lo > u) {
    const mid = lo + Math.floor((hi - lo) / u / 2) * u;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return Math.max(0, lo);
}

export const quotaIncome: LoanRule = {
  id: 'uq.loan.quota.income60',
  kind: 'loan',
  caseIds: '*',
  title: '月还款额不超过家庭月收入的60%',
  category: 'amount',
  source: uq('3.月还款额占家庭收入60%以下。'),
  note: '“60%以下”含本数。按申请利率、期限和还款方式取月供不超过家庭月收入60%（向下取整到分）的最高贷款额：月供按还款计划代码计算（半舍入到分），额度精确到分（原文未写取整，不扣减职工额度；参数 uq.loan.quota.incomeRoundUnit 可改为元或百元）；等额本金按首月（最高）还款额计，一次性还本付息按等额本息折算。',
  params: [UQ.loanIncomePercent, UQ.loanIncomeRoundUnit],
  check(ctx) {
    const income = ctx.input.familyMonthlyIncomeFen;
    if (income === undefined) return failed('未填写家庭月收入');
    if (!ctx.rate) return failed(`无法确定利率，不能按收入计算额度：${ctx.rateError ?? ''}`);
    const percent = ctx.p<string>(UQ.loanIncomePercent);
    const unit = ctx.p<RoundUnit>(UQ.loanIncomeRoundUnit);
    const maxPay = percentOf(income, percent);
    const method: RepaymentMethod = ctx.input.method === 'linear' ? 'linear' : 'annuity';
    const { months } = ctx.input;
    const rate = ctx.rate.annualRatePercent;
    const principal = largestWithin(maxPay, rate, months, method, unit);
    const methodName = method === 'linear' ? '等额本金首月' : '等额本息';
    return passed(
      `家庭月收入${yuan(income)}×${pct(percent)}＝${yuan(maxPay)}；按年利率${rate}%、${months}个月${methodName}反算，月供不超过该数的最高额为${yuan(principal)}（${unit === 'fen' ? '精确到分' : `向下取整到${UNIT_NAME[unit]}`}）`,
      { limit: { label: `月还款额不超过家庭月收入的${pct(percent)}`, amountFen: Math.max(0, principal) } },
    );
  },
};

export const requestedWithinQuota: LoanRule = {
  id: 'uq.loan.quota.requested',
  kind: 'loan',
  caseIds: '*',
  title: '申请金额不超过可贷额度',
  category: 'request',
  source: uq('现行政策下,乌鲁木齐住房公积金个人贷款额度需满足以下条件:'),
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

/**
 * 乌鲁木齐 loan conditions: membership and recent contributions, overdue records (past provident-fund loans and
 * the credit report), bad-record lifting, false information, the number of uses with the divorce rules, and
 * re-approval after a year without disbursement.
 */
import type { PfLoan } from '../../../shared/rules/personSchema';
import { addMonths, addYears, firstOfNextMonth } from '../dates';
import { familyLoans } from '../facts';
import { failed, notApplicable, passed, type LoanCtx, type LoanRule } from '../rule';
import { UQ } from './params';
import { uq } from './source';

const spouseOf = (ctx: LoanCtx) => (ctx.input.maritalStatus === 'married' ? ctx.input.spouse : undefined);

export const joinedSixMonths: LoanRule = {
  id: 'uq.loan.contrib.joined6m',
  kind: 'loan',
  caseIds: '*',
  title: '参加住房公积金制度六个月以上（含六个月）',
  category: 'condition',
  source: uq('1.借款申请人参加住房公积金制度六个月以上(含六个月)'),
  params: [UQ.loanMinMonths],
  check(ctx) {
    const d = ctx.input.borrower.openedDate;
    if (!d) return failed('未填写借款人开户日期');
    const n = ctx.p<number>(UQ.loanMinMonths);
    const from = addMonths(d, n);
    if (ctx.date < from) return failed(`借款人${d}开户，至${from}方满${n}个月`);
    return passed(`借款人${d}开户，已满${n}个月`);
  },
};

export const recentSixMonths: LoanRule = {
  id: 'uq.loan.contrib.recent6m',
  kind: 'loan',
  caseIds: '*',
  title: '近六个月连续足额缴存',
  category: 'condition',
  source: uq('近六个月连续足额缴存住房公积金'),
  note: '连续足额缴存月数由账务截至申请月计算；账户须为正常缴存状态。',
  params: [UQ.loanMinMonths],
  check(ctx) {
    const b = ctx.input.borrower;
    const n = ctx.p<number>(UQ.loanMinMonths);
    if (b.accountStatus !== '正常') return failed(`借款人账户状态为${b.accountStatus}，近期未正常缴存`);
    if (b.continuousMonths < n) return failed(`近期连续足额缴存${b.continuousMonths}个月，不足${n}个月`);
    return passed(`近期连续足额缴存${b.continuousMonths}个月`);
  },
};

function isBad(l: PfLoan, limits: { consecutive: number; cumulative: number }) {
  return l.maxConsecutiveOverdue >= limits.consecutive || l.totalOverdueTerms >= limits.cumulative;
}

/** A bad record is lifted once the loan is settled, five years have passed since the last overdue term was cleared, and the form is filed. */
function liftState(l: PfLoan, date: string, years: number): { lifted: boolean; why: string } {
  if (l.status !== 'settled') return { lifted: false, why: `贷款${l.loanId}尚未结清` };
  if (!l.lastOverdueClearedDate) return { lifted: false, why: `贷款${l.loanId}未填写最后一期逾期款项清偿日期` };
  const from = addYears(l.lastOverdueClearedDate, years);
  if (date < from) return { lifted: false, why: `贷款${l.loanId}最后一期逾期款项${l.lastOverdueClearedDate}清偿，至${from}方满${years}年` };
  if (!l.restrictionLiftFiled) return { lifted: false, why: `贷款${l.loanId}未填写《解除个人公积金账户贷款限制申请表》` };
  return { lifted: true, why: `贷款${l.loanId}逾期款项清偿已满${years}年并已结清，已申请解除限制` };
}

export const pastLoanOverdue: LoanRule = {
  id: 'uq.loan.overdue.pastPf',
  kind: 'loan',
  caseIds: '*',
  title: '本人及配偶以往公积金贷款无连续三期或累计六期逾期',
  category: 'condition',
  source: uq('且本人及配偶在以往的公积金贷款还款过程中未出现连续三期或累计六期及以上逾期还款记录。'),
  note: '已按“四、不良记录相关规定”解除限制的不计（见 uq.loan.badRecord.lift5y）。',
  params: [UQ.loanOverdue, UQ.loanBadRecordYears],
  check(ctx) {
    const limits = ctx.p<{ consecutive: number; cumulative: number }>(UQ.loanOverdue);
    const years = ctx.p<number>(UQ.loanBadRecordYears);
    const bad = familyLoans(ctx.input.borrower, spouseOf(ctx)).filter((l) => isBad(l, limits));
    const open = bad.filter((l) => !liftState(l, ctx.date, years).lifted);
    if (open.length > 0) {
      const d = open.map((l) => `${l.loanId}（最长连续${l.maxConsecutiveOverdue}期，累计${l.totalOverdueTerms}期）`).join('、');
      return failed(`以往公积金贷款有连续${limits.consecutive}期或累计${limits.cumulative}期及以上逾期：${d}`);
    }
    if (bad.length > 0) return passed('以往公积金贷款的不良逾期记录已解除限制');
    return passed(`以往公积金贷款无连续${limits.consecutive}期或累计${limits.cumulative}期及以上逾期`);
  },
};

export const creditReport: LoanRule = {
  id: 'uq.loan.credit.report5y',
  kind: 'loan',
  caseIds: '*',
  title: '本人及配偶《个人信用报告》五年内无连续三期或累计六期逾期',
  category: 'condition',
  source: uq('本人及配偶《个人信用报告》五年内无连续三期或累计六期及以上的逾期记录'),
  note: '“累计六期”为信用报告五年内全部还款记录的逾期期数合计；三期、六期均含本数。',
  params: [UQ.loanOverdue],
  check(ctx) {
    const limits = ctx.p<{ consecutive: number; cumulative: number }>(UQ.loanOverdue);
    const people: [string, typeof ctx.input.borrower | undefined][] = [['借款人', ctx.input.borrower]];
    if (ctx.input.maritalStatus === 'married') people.push(['配偶', ctx.input.spouse]);
    for (const [who, p] of people) {
      if (!p?.credit) return failed(`未填写${who}《个人信用报告》的逾期情况`);
      const c = p.credit;
      if (c.maxConsecutiveOverdue5y >= limits.consecutive || c.totalOverdue5y >= limits.cumulative) {
        return failed(`${who}信用报告五年内最长连续逾期${c.maxConsecutiveOverdue5y}期、累计${c.totalOverdue5y}期，达到不良标准`);
      }
    }
    return passed(`信用报告五年内无连续${limits.consecutive}期或累计${limits.cumulative}期及以上逾期`);
  },
};

export const incomeAndCredit: LoanRule = {
  id: 'uq.loan.income',
  kind: 'loan',
  caseIds: '*',
  title: '有稳定的经济收入，信用良好，有偿还能力',
  category: 'condition',
  source: uq('2.借款申请人具有稳定的经济收入,信用良好'),
  params: [],
  check(ctx) {
    if (!ctx.input.stableIncome) return failed('未确认借款人有稳定的经济收入和偿还能力');
    if (!ctx.input.goodCredit) return failed('借款人信用不良');
    return passed('有稳定的经济收入，信用良好');
  },
};

export const legalContract: LoanRule = {
  id: 'uq.loan.contract',
  kind: 'loan',
  caseIds: '*',
  title: '有合法的购建修房合同、协议或批准文件',
  category: 'condition',
  source: uq('3.借款申请人有合法的购买(建造、翻建、大修)住房合同、协议以及有关部门批准的证明文件。'),
  params: [],
  check(ctx) {
    const d = ctx.input.house.contractDate;
    return d ? passed(`合同（协议、批准文件）日期${d}`) : failed('未填写购买（建造、翻建、大修）住房合同、协议或批准文件的日期');
  },
};

export const falseInfo: LoanRule = {
  id: 'uq.loan.falseInfo.ban',
  kind: 'loan',
  caseIds: '*',
  title: '提供虚假信息的限制期内不得申请',
  category: 'condition',
  source: uq('(四)对提供虚假信息申请公积金贷款的当事人,依据情节严重程度,限制5-10年内不得再申请住房公积金贷款。'),
  note: '限制年限（5至10年）由中心按情节决定，录入为“限制申请贷款至”日期；该日当日起可再申请。',
  params: [],
  check(ctx) {
    const bans = [ctx.input.borrower, spouseOf(ctx)].filter((p) => p?.falseInfoBanUntil !== undefined);
    if (bans.length === 0) return notApplicable('无虚假信息限制记录');
    const active = bans.filter((p) => ctx.date < p!.falseInfoBanUntil!);
    if (active.length > 0) return failed(`${active.map((p) => `${p!.name}限制至${p!.falseInfoBanUntil}`).join('、')}，限制期内不得申请`);
    return passed(`虚假信息限制已于${bans.map((p) => p!.falseInfoBanUntil).join('、')}届满`);
  },
};

export const maxTwoUses: LoanRule = {
  id: 'uq.loan.uses.max2',
  kind: 'loan',
  caseIds: '*',
  title: '一个家庭只能使用两次公积金贷款',
  category: 'condition',
  source: uq('家庭其中一人和配偶无论婚前或婚后曾经使用过住房公积金贷款,两人合计使用次数或一人使用次数已达到两次使用标准的,第三次贷款不予受理。'),
  params: [UQ.loanMaxUses],
  check(ctx) {
    const max = ctx.p<number>(UQ.loanMaxUses);
    if (ctx.priorUses >= max) return failed(`借款人及配偶合计已使用公积金贷款${ctx.priorUses}次，第${ctx.priorUses + 1}次贷款不予受理`);
    return passed(`借款人及配偶合计已使用公积金贷款${ctx.priorUses}次`);
  },
};

/** (三)(三): an unpaid first loan kept by the ex-spouse stops blocking once the divorce is a year old and the form is filed. */
function exLoanReleased(ctx: LoanCtx, l: PfLoan): boolean {
  const d = ctx.input.divorce;
  if (!l.withExSpouse || l.role !== 'coBorrower' || !l.debtAssignedToEx || !d?.liftFormFiled) return false;
  return ctx.date >= addYears(d.date, ctx.p<number>(UQ.loanDivorceYears));
}

export const secondAfterSettled: LoanRule = {
  id: 'uq.loan.uses.secondAfterSettled',
  kind: 'loan',
  caseIds: '*',
  title: '第二次申请须在首次贷款结清次月后',
  category: 'time_limit',
  source: uq('(二)一个家庭(含单身)第二次申请住房公积金贷款时,须在首次住房公积金贷款结清次月后,可再次申请。'),
  note: '“结清次月后”按结清月的下一个月1日当日起可申请。离异后未结清贷款已按(三)解除限制的不计。',
  params: [UQ.loanDivorceYears],
  check(ctx) {
    if (ctx.priorUses === 0) return notApplicable('首次申请公积金贷款');
    const loans = familyLoans(ctx.input.borrower, spouseOf(ctx)).filter((l) => !exLoanReleased(ctx, l));
    const unpaid = loans.filter((l) => l.status === 'unpaid');
    if (unpaid.length > 0) return failed(`首次公积金贷款（${unpaid.map((l) => l.loanId).join('、')}）尚未结清`);
    const latest = loans.map((l) => l.settledDate!).sort().at(-1);
    if (!latest) return passed('首次贷款已按规定解除限制');
    const from = firstOfNextMonth(latest);
    if (ctx.date < from) return failed(`首次贷款${latest}结清，${from}起方可再次申请`);
    return passed(`首次贷款${latest}结清，${from}起可再次申请`);
  },
};

export const divorceUnpaidFirst: LoanRule = {
  id: 'uq.loan.divorce.unpaidFirst',
  kind: 'loan',
  caseIds: '*',
  title: '首次贷款未结清而离异的，非主贷方满一年且债务归主贷方可解除限制',
  category: 'condition',
  source: uq(
    '(三)一个家庭首次住房公积金贷款未结清,发生婚姻关系解除,非主贷人一方申请再次贷款,限定离异时间满一年且公积金贷款相关债务归主贷方',
  ),
  note: '离婚日一年后的对应日当日起；须已填写《解除个人住房公积金账户贷款限制申请表》。',
  params: [UQ.loanDivorceYears],
  check(ctx) {
    const loans = ctx.input.borrower.loans.filter((l) => l.withExSpouse && l.status === 'unpaid');
    if (loans.length === 0) return notApplicable('没有与前配偶共同使用且未结清的公积金贷款');
    const d = ctx.input.divorce;
    const years = ctx.p<number>(UQ.loanDivorceYears);
    for (const l of loans) {
      if (l.role !== 'coBorrower') return failed(`借款人是贷款${l.loanId}的主贷人，须先结清该贷款`);
      if (!l.debtAssignedToEx) return failed(`贷款${l.loanId}的相关债务未归主贷方`);
      if (!d) return failed('未填写离婚日期');
      const from = addYears(d.date, years);
      if (ctx.date < from) return failed(`${d.date}离异，至${from}方满${years}年`);
      if (!d.liftFormFiled) return failed('未填写《解除个人住房公积金账户贷款限制申请表》');
    }
    return passed(`${d!.date}离异已满${years}年，债务归主贷方，已申请解除贷款限制`);
  },
};

export const divorceReuse: LoanRule = {
  id: 'uq.loan.divorce.reuseWithinYear',
  kind: 'loan',
  caseIds: '*',
  title: '已结清贷款离异后一方一年内再贷的，另一方须离异满一年',
  category: 'condition',
  source: uq(
    '(四)一个家庭婚姻存续期间使用过一次住房公积金贷款并已结清,离异后时间未满一年其中一方已再次使用公积金贷款,另一方再次申请贷款,限定离异时间满一年',
  ),
  params: [UQ.loanDivorceYears],
  check(ctx) {
    const d = ctx.input.divorce;
    if (!d?.exReusedWithinYear) return notApplicable('前配偶未在离异一年内再次使用公积金贷款');
    const years = ctx.p<number>(UQ.loanDivorceYears);
    const from = addYears(d.date, years);
    if (ctx.date < from) return failed(`${d.date}离异，前配偶已再次使用公积金贷款，至${from}方满${years}年`);
    if (!d.liftFormFiled) return failed('未填写《解除个人公积金账户贷款限制申请表》');
    return passed(`${d.date}离异已满${years}年，已申请解除贷款限制，可使用第二次贷款`);
  },
};

export const badRecordLift: LoanRule = {
  id: 'uq.loan.badRecord.lift5y',
  kind: 'loan',
  caseIds: '*',
  title: '不良逾期记录须清偿满5年并结清后申请解除',
  category: 'time_limit',
  source: uq('(一)借款人首次公积金贷款还款期间出现过连续三期或累计六期逾期情况的,限定在贷款最后一期逾期款项清偿时间满5年并结清贷款余额后'),
  params: [UQ.loanOverdue, UQ.loanBadRecordYears],
  check(ctx) {
    const limits = ctx.p<{ consecutive: number; cumulative: number }>(UQ.loanOverdue);
    const years = ctx.p<number>(UQ.loanBadRecordYears);
    const bad = familyLoans(ctx.input.borrower, spouseOf(ctx)).filter((l) => isBad(l, limits));
    if (bad.length === 0) return notApplicable('以往公积金贷款无不良逾期记录');
    const states = bad.map((l) => liftState(l, ctx.date, years));
    const open = states.filter((s) => !s.lifted);
    if (open.length > 0) return failed(open.map((s) => s.why).join('；'));
    return passed(states.map((s) => s.why).join('；'));
  },
};

export const reapproval: LoanRule = {
  id: 'uq.loan.reapproval1y',
  kind: 'loan',
  caseIds: '*',
  title: '审批通过超过1年未放款的须重新审批',
  category: 'time_limit',
  source: uq('二、借款人自贷款审批通过之日起超过1年期限仍未办理放款手续的,办理贷款发放时,需重新审批。'),
  note: '审批日1年后的对应日当日放款仍有效，次日起须重新审批；未填写放款日期的以申请日判断。重新审批时除购房日期不再限定外，按现行政策重新提供资料。',
  params: [UQ.loanReapprovalYears],
  check(ctx) {
    const a = ctx.input.approval;
    if (!a) return notApplicable('尚未审批');
    const on = a.disbursementDate ?? ctx.date;
    const until = addYears(a.approvedDate, ctx.p<number>(UQ.loanReapprovalYears));
    if (on > until) {
      return failed(`${a.approvedDate}审批通过，放款期限至${until}，${on}放款须重新审批`, {
        post: [{ kind: 'reapproval', text: '超过1年未放款：按现行政策重新提供贷款申请资料并重新审批（购房日期不限定）' }],
      });
    }
    return passed(`${a.approvedDate}审批通过，${on}放款在${until}之前`);
  },
};

export const secondHandDisbursement: LoanRule = {
  id: 'uq.loan.secondHand.seller',
  kind: 'loan',
  caseIds: ['secondHand'],
  title: '二手房放款时卖方携身份证与银行卡到场',
  category: 'payee',
  source: uq('(1)贷款发放时,卖方须携带身份证与银行卡到场。卖方可在申请环节提前在《放款凭证》上签字,放款时可无需到场。'),
  note: '借款人提供已支付全额房款凭证的，贷款资金转入买方银行卡，卖方无需到场（注意事项(2)）。',
  params: [],
  check(ctx) {
    const h = ctx.input.house;
    if (h.fullPaymentProof) {
      return passed('已提供支付全额房款的凭证，贷款资金转入买方银行卡', {
        post: [{ kind: 'payee_own_account', text: '贷款资金转入买方银行卡，卖方无需到场' }],
      });
    }
    if (h.sellerSignedInAdvance) return passed('卖方已提前在《放款凭证》上签字，放款时无需到场');
    return passed('放款时卖方须携带身份证与银行卡到场', {
      post: [{ kind: 'seller_present', text: '贷款发放时卖方须携带身份证与银行卡到场' }],
    });
  },
};

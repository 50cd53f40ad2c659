/**
 * 乌鲁木齐 guarantee types (二、担保方式): which loans each may secure and the limit each puts on the amount.
 */
import { D, fenToYuan, floorToUnit } from '../../../shared/money';
import type { Guarantee } from '../../../shared/rules/loanSchema';
import { yearOf } from '../dates';
import { pct, yuan, yuanExact } from '../facts';
import { failed, notApplicable, passed, type CheckResult, type LoanCtx, type LoanRule } from '../rule';
import { UQ, type PropertyTier } from './params';
import { uq } from './source';

const NAMES: Record<Guarantee['type'], string> = {
  company: '担保公司担保',
  developer: '房产公司阶段担保加抵押',
  property: '房产抵押',
  pfJoint: '住房公积金联保',
  naturalPerson: '自然人保证',
  pledge: '质押',
};

const only = (type: Guarantee['type'], ctx: LoanCtx, run: (g: Guarantee) => CheckResult): CheckResult => {
  const g = ctx.input.guarantee;
  if (g?.type !== type) return notApplicable(`担保方式不是${NAMES[type]}`);
  return run(g);
};

export const guaranteeChosen: LoanRule = {
  id: 'uq.loan.guarantee.chosen',
  kind: 'loan',
  caseIds: '*',
  title: '选择中心认可的担保方式',
  category: 'guarantee',
  source: uq('二、担保方式'),
  params: [],
  check(ctx) {
    const g = ctx.input.guarantee;
    return g ? passed(`担保方式：${NAMES[g.type]}`) : failed('未选择担保方式');
  },
};

export const company: LoanRule = {
  id: 'uq.loan.guarantee.company',
  kind: 'loan',
  caseIds: '*',
  title: '担保公司担保，中心支付担保服务费',
  category: 'guarantee',
  source: uq('1.担保公司担保。由住房置业担保公司担保住房公积金贷款,中心支付担保服务费。'),
  params: [],
  check: (ctx) =>
    only('company', ctx, () =>
      passed('由住房置业担保公司担保', { post: [{ kind: 'guarantee_fee', text: '担保服务费由中心支付，担保公司办理相关手续后通知放款' }] }),
    ),
};

export const developer: LoanRule = {
  id: 'uq.loan.guarantee.developer',
  kind: 'loan',
  caseIds: '*',
  title: '房产公司阶段担保只能用于商品房贷款',
  category: 'guarantee',
  source: uq('2.房产公司阶段担保加抵押,即住房公积金按揭贷款。'),
  params: [UQ.loanDeveloperCases],
  check: (ctx) =>
    only('developer', ctx, () => {
      if (!ctx.p<string[]>(UQ.loanDeveloperCases).includes(ctx.caseId)) return failed('房产公司阶段担保只能用于商品房贷款');
      return passed('房产公司做阶段性担保并办理预抵押登记', {
        post: [{ kind: 'guarantee_fee', text: '房产公司与中心签订按揭协议并办理预抵押登记，后期办理房屋抵押登记后解除阶段担保' }],
      });
    }),
};

export const property: LoanRule = {
  id: 'uq.loan.guarantee.property',
  kind: 'loan',
  caseIds: '*',
  title: '房产抵押：评估价值的70%（房龄15年（含）至30年（含）60%）不低于贷款额，30年以上不能抵押，最多3套',
  category: 'guarantee',
  source: uq(
    '房产评估价值70%须大于等于贷款申请额度;房屋修建年限15年以上30(含30年)年以下,房产评估价值60%须大于等于贷款申请额度;房屋修建年限30年以上不能抵押。可最多提供3套房产做抵押。',
  ),
  note: '房龄按申请年份减修建年份；不满15年按70%，15年（含）至30年（含）按60%，超过30年不能抵押（“以上/以下”含本数，民法典第1259条；风险限额取审慎理解）。须为乌鲁木齐市辖区内房产。多套按各自比例折算后合计，合计额向下取整到分（不逐套取整）。',
  params: [UQ.loanProperty],
  check: (ctx) =>
    only('property', ctx, (g) => {
      const cfg = ctx.p<{ tiers: PropertyTier[]; maxProperties: number }>(UQ.loanProperty);
      if (g.properties.length === 0) return failed('未填写抵押房产');
      if (g.properties.length > cfg.maxProperties) return failed(`抵押房产${g.properties.length}套，最多${cfg.maxProperties}套`);
      const tiers = [...cfg.tiers].sort((a, b) => a.maxAgeYears - b.maxAgeYears);
      let exact = new D(0);
      const parts: string[] = [];
      for (const [i, h] of g.properties.entries()) {
        if (!h.local) return failed(`第${i + 1}套抵押房产不在乌鲁木齐市辖区内`);
        const age = yearOf(ctx.date) - h.buildYear;
        const tier = tiers.find((t) => age <= t.maxAgeYears);
        if (!tier) return failed(`第${i + 1}套抵押房产${h.buildYear}年修建，房龄${age}年，超过${tiers.at(-1)?.maxAgeYears ?? 0}年不能抵押`);
        const v = fenToYuan(h.appraisalFen).times(tier.percent).dividedBy(100);
        exact = exact.plus(v);
        parts.push(`评估${yuan(h.appraisalFen)}×${pct(tier.percent)}（房龄${age}年）＝${yuanExact(v)}`);
      }
      // One floor on the sum: flooring each property first would take up to a fen per extra property from the quota.
      const total = floorToUnit(exact, 'fen');
      return passed(`${parts.join('；')}，合计${yuan(total)}`, { limit: { label: '抵押房产评估价值折算额', amountFen: total } });
    }),
};

export const pfJoint: LoanRule = {
  id: 'uq.loan.guarantee.pfJoint',
  kind: 'loan',
  caseIds: '*',
  title: '住房公积金联保：联保人不超过五人，不用于二手房',
  category: 'guarantee',
  source: uq('4.住房公积金联保。其他缴交住房公积金的职工(联保人)以其名下同等数额公积金做担保,联保人不超过五人'),
  note: '“同等数额”：联保人担保的公积金合计须不低于贷款额，联保期间该部分不能使用。',
  params: [UQ.loanJointMax, UQ.loanJointCases],
  check: (ctx) =>
    only('pfJoint', ctx, (g) => {
      if (!ctx.p<string[]>(UQ.loanJointCases).includes(ctx.caseId)) return failed('住房公积金联保不能用于二手房贷款');
      const max = ctx.p<number>(UQ.loanJointMax);
      const n = g.jointGuarantors.length;
      if (n === 0) return failed('未填写联保人');
      if (n > max) return failed(`联保人${n}人，不超过${max}人`);
      const total = g.jointGuarantors.reduce((t, j) => t + j.pledgedFen, 0);
      return passed(`联保人${n}人，担保公积金合计${yuan(total)}（联保期间不能使用）`, { limit: { label: '联保人担保的公积金合计', amountFen: total } });
    }),
};

export const naturalPerson: LoanRule = {
  id: 'uq.loan.guarantee.naturalPerson',
  kind: 'loan',
  caseIds: '*',
  title: '自然人保证：两名保证人，辖区内无法抵押登记的住房，不超过25万元',
  category: 'guarantee',
  source: uq('5.自然人保证。两名自然人提供连带责任保证。所购房必须是乌鲁木齐辖区内,且不具备办理预抵押登记或抵押登记的住房,贷款额度不超过25万。'),
  params: [UQ.loanNaturalPerson],
  check: (ctx) =>
    only('naturalPerson', ctx, (g) => {
      const cfg = ctx.p<{ persons: number; capFen: number }>(UQ.loanNaturalPerson);
      if (g.naturalPersons !== cfg.persons) return failed(`须${cfg.persons}名自然人提供连带责任保证，现为${g.naturalPersons}名`);
      if (!ctx.input.house.local) return failed('所购住房不在乌鲁木齐辖区内');
      if (ctx.input.house.mortgageRegistrable) return failed('所购住房可以办理预抵押或抵押登记，不适用自然人保证');
      return passed(`${cfg.persons}名自然人保证，贷款额度不超过${yuan(cfg.capFen)}`, { limit: { label: '自然人保证限额', amountFen: cfg.capFen } });
    }),
};

export const pledge: LoanRule = {
  id: 'uq.loan.guarantee.pledge',
  kind: 'loan',
  caseIds: '*',
  title: '质押：国债、银行存单等有价证券，不用于二手房',
  category: 'guarantee',
  source: uq('6.质押。用国债、银行存单等中心认可的有价证券作为质物。该担保方式可用于除二手房以外所有类型贷款。'),
  note: '原文未写质押率；质物价值按参数 uq.loan.guarantee.pledge.coverPercent（默认100%）折算为贷款上限。',
  params: [UQ.loanPledgeCover, UQ.loanPledgeCases],
  check: (ctx) =>
    only('pledge', ctx, (g) => {
      if (!ctx.p<string[]>(UQ.loanPledgeCases).includes(ctx.caseId)) return failed('质押担保不能用于二手房贷款');
      if (g.pledgeValueFen === undefined) return failed('未填写质物价值');
      const percent = ctx.p<string>(UQ.loanPledgeCover);
      const limit = floorToUnit(fenToYuan(g.pledgeValueFen).times(100).dividedBy(percent), 'fen');
      return passed(`质物价值${yuan(g.pledgeValueFen)}，按${pct(percent)}覆盖，贷款不超过${yuan(limit)}`, {
        limit: { label: '质物价值折算额', amountFen: limit },
      });
    }),
};

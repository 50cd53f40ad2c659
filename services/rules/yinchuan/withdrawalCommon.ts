/**
 * 银川 withdrawal rules that concern every case: whose balances may be drawn, the loan-first rule, account
 * closing, the payee, and the final rounding to the hundred.
 */
import { floorToUnit, fenToYuan, type RoundUnit } from '../../../shared/money';
import { ageOf, yuan } from '../facts';
import { failed, notApplicable, passed, type WithdrawalRule } from '../rule';
import { YC } from './params';
import { yc } from './source';

const CASE_NAMES: Record<string, string> = {
  purchase: '购买自住住房',
  build: '建造自住住房',
  rebuild: '翻建自住住房',
  repair: '大修自住住房',
  repayment: '偿还住房贷款本息',
  rent: '房租支出',
};

/** Unpaid loans taken at this center by the member or the spouse: the only ones the loan-first clause names. */
function unpaidLocalLoans(ctx: Parameters<WithdrawalRule['check']>[0]) {
  const spouse = ctx.input.maritalStatus === 'married' ? ctx.input.spouse : undefined;
  const people = [ctx.input.member, spouse].filter((p) => p !== undefined);
  return people.flatMap((p) => p.loans.filter((l) => l.status === 'unpaid' && !l.remote));
}

export const accountOwn: WithdrawalRule = {
  id: 'yc.wd.account.own',
  kind: 'withdrawal',
  caseIds: '*',
  title: '提取本人账户本息余额',
  category: 'account',
  source: yc('3、公积金帐户内的本息余额'),
  params: [],
  check(ctx) {
    const m = ctx.input.member;
    if (m.accountStatus === '销户') return failed(`职工${m.name}的住房公积金账户已销户，无余额可提取`);
    if (m.balanceFen <= 0) return failed(`职工${m.name}的账户余额为${yuan(m.balanceFen)}，无余额可提取`);
    return passed(`职工${m.name}账户（${m.accountStatus}）余额${yuan(m.balanceFen)}可用于本次提取`, {
      pool: [{ label: '职工本人账户余额', amountFen: m.balanceFen, account: true, holder: 'member' }],
    });
  },
};

export const loanFirst: WithdrawalRule = {
  id: 'yc.wd.loanUnpaid.noCash',
  kind: 'withdrawal',
  caseIds: '*',
  title: '公积金贷款未还清前余额用于还贷，不得提取现金',
  category: 'condition',
  source: yc(
    '7、职工在银川住房公积金管理中心及其分中心、管理部已取得住房公积金贷款的,在贷款未还清之前,职工及其配偶双方公积金帐户内的存储余额应当用于归还公积金贷款,原则上不得提取现金。',
  ),
  note: '“原则上不得提取现金”：有本中心未结清贷款时，只受理偿还公积金贷款的提取（款项直接还贷）和第6条的购买第二套住房，其余情形一律不予提取现金；确需例外的由中心领导另行审批，不在本引擎判定。',
  params: [],
  check(ctx) {
    const unpaid = unpaidLocalLoans(ctx);
    if (unpaid.length === 0) return passed('职工及配偶在本中心没有未结清的住房公积金贷款');
    const ids = unpaid.map((l) => l.loanId).join('、');
    if (ctx.caseId === 'repayment' && ctx.input.repayment?.loanType === 'pf') {
      return passed(`有未结清的公积金贷款（${ids}），本次提取用于归还公积金贷款`, {
        post: [{ kind: 'loan_first', text: `提取款项直接用于归还公积金贷款（${ids}），不支付现金` }],
      });
    }
    if (ctx.caseId === 'purchase') {
      return passed(`有未结清的公积金贷款（${ids}），购买第二套住房按第6条办理（须未发生逾期）`);
    }
    return failed(
      `职工或配偶在本中心有未结清的住房公积金贷款（${ids}），账户余额应当用于归还公积金贷款，原则上不得提取现金；可申请“偿还住房贷款本息”提取`,
    );
  },
};

export const spouseAccount: WithdrawalRule = {
  id: 'yc.wd.spouse.include',
  kind: 'withdrawal',
  caseIds: '*',
  title: '同时提取配偶账户',
  category: 'account',
  source: yc('提取配偶住房公积金的,应提供婚姻关系证明、配偶身份证原件'),
  note: '原文只规定提取配偶公积金须带的材料，未列举情形；按住房消费情形（参数 yc.wd.spouseCases）允许。',
  params: [YC.wdSpouseCases],
  inGuide: (caseId, p) => p<string[]>(YC.wdSpouseCases).includes(caseId),
  check(ctx) {
    const { input } = ctx;
    if (!input.includeSpouse) return notApplicable('未申请提取配偶账户');
    const cases = ctx.p<string[]>(YC.wdSpouseCases);
    if (!cases.includes(ctx.caseId)) {
      return failed(`本提取情形为职工本人事由，不能同时提取配偶账户（可提取配偶账户的情形：${cases.map((c) => CASE_NAMES[c] ?? c).join('、')}）`);
    }
    if (input.maritalStatus !== 'married') return failed('婚姻状况不是已婚，不能提取配偶账户');
    const sp = input.spouse;
    if (!sp) return failed('未填写配偶的账户信息');
    if (sp.accountStatus === '销户' || sp.balanceFen <= 0) return failed(`配偶${sp.name}的账户（${sp.accountStatus}）没有可提取的余额`);
    return passed(`配偶${sp.name}账户余额${yuan(sp.balanceFen)}一并提取（须带婚姻关系证明、配偶身份证原件）`, {
      pool: [{ label: '配偶账户余额', amountFen: sp.balanceFen, account: true, holder: 'spouse' }],
    });
  },
};

export const childUnder28: WithdrawalRule = {
  id: 'yc.wd.child28',
  kind: 'withdrawal',
  caseIds: '*',
  title: '28周岁以下未婚子女购建房或还贷可提取父母账户',
  category: 'account',
  source: yc('4、未婚子女年龄在28周岁以下,在购建房或偿还住房贷款时,可一次性提取父母和子女本人住房公积金帐户的存储余额。'),
  note: '“28周岁以下”依民法典第1259条含本数：满28周岁当日仍可，满29周岁当日起不可（参数 yc.wd.child.maxAgeYears）。“一次性”理解为父母和本人账户一次合并提取。',
  params: [YC.wdChildCases, YC.wdChildMaxAge],
  inGuide: (caseId, p) => p<string[]>(YC.wdChildCases).includes(caseId),
  check(ctx) {
    const { input } = ctx;
    if (input.parents.length === 0) return notApplicable('未申请提取父母账户');
    const cases = ctx.p<string[]>(YC.wdChildCases);
    if (!cases.includes(ctx.caseId)) return failed('只有购建房或偿还住房贷款时，子女才可提取父母账户');
    if (input.maritalStatus !== 'single') return failed('申请人不是未婚，不能提取父母账户');
    const age = ageOf(input.member, ctx.date);
    if (age === null) return failed('缺少职工的证件号码或出生日期，无法判断年龄');
    const maxAge = ctx.p<number>(YC.wdChildMaxAge);
    if (age > maxAge) return failed(`职工申请日已满${age}周岁，超过${maxAge}周岁，不能提取父母账户`);
    const usable = input.parents.filter((pa) => pa.accountStatus !== '销户' && pa.balanceFen > 0);
    if (usable.length === 0) return failed('所列父母账户均无可提取余额');
    return passed(
      `职工未婚、申请日${age}周岁（不超过${maxAge}周岁），可一并提取父母账户：${usable.map((pa) => `${pa.name}${yuan(pa.balanceFen)}`).join('、')}`,
      { pool: usable.map((pa) => ({ label: `父母${pa.name}账户余额`, amountFen: pa.balanceFen, account: true })) },
    );
  },
};

export const fullClose: WithdrawalRule = {
  id: 'yc.wd.full.close',
  kind: 'withdrawal',
  caseIds: '*',
  title: '全额提取的情形注销账户并支付利息',
  category: 'account',
  source: yc('符合以上提取情形的,在提取本人住房公积金帐户内的全部存储余额时,注销职工个人住房公积金帐户。'),
  params: [YC.wdFullCases],
  inGuide: (caseId, p) => p<string[]>(YC.wdFullCases).includes(caseId),
  check(ctx) {
    const full = ctx.p<string[]>(YC.wdFullCases);
    if (full.includes(ctx.caseId)) {
      const m = ctx.input.member;
      return passed(`全额提取：本金${yuan(m.balanceFen)}加利息${yuan(m.accruedInterestFen)}，提取后注销账户`, {
        closesAccount: true,
        pool: m.accruedInterestFen > 0 ? [{ label: '销户利息', amountFen: m.accruedInterestFen }] : [],
        post: [{ kind: 'close_account', text: '提取本人账户全部存储余额（含利息），注销职工个人住房公积金账户' }],
      });
    }
    if (ctx.caseId === 'unemployment') return notApplicable('失业情形是否全额提取见“失业满两年全额提取”');
    if (ctx.input.closeAccount) return failed('本提取情形属于部分提取，不能申请全额提取并销户');
    return notApplicable('部分提取，账户不注销');
  },
};

export const payee: WithdrawalRule = {
  id: 'yc.wd.payee',
  kind: 'withdrawal',
  caseIds: '*',
  title: '除偿还公积金贷款外一律打入本人实名制账户',
  category: 'payee',
  source: yc('除偿还公积金贷款外,其它支取一律打入本人实名制账户。'),
  params: [],
  check(ctx) {
    if (ctx.caseId === 'repayment' && ctx.input.repayment?.loanType === 'pf') {
      return passed('偿还公积金贷款：提取款项转入公积金贷款账户', {
        post: [{ kind: 'payee_loan', text: '提取款项转入公积金贷款还款账户' }],
      });
    }
    if (ctx.input.applicant.payToAgentCard) return failed('银川中心提取款项一律打入提取人本人实名制账户，不能转入代办人或他人银行卡');
    return passed('提取款项打入提取人本人实名制账户', {
      post: [{ kind: 'payee_own_account', text: '提取款项打入提取人本人实名制银行账户' }],
    });
  },
};

export const roundHundred: WithdrawalRule = {
  id: 'yc.wd.amount.roundHundred',
  kind: 'withdrawal',
  caseIds: '*',
  title: '部分提取金额保留至百位',
  category: 'amount',
  source: yc('其它类别的公积金提取数额保留至百位。'),
  note: '“保留至百位”按向下取整到百元：向上或四舍五入都可能超过房租、合同本息等上限。销户全额提取不取整。',
  params: [YC.wdRoundUnit],
  inGuide: (caseId, p) => !p<string[]>(YC.wdFullCases).includes(caseId),
  check(ctx) {
    if (ctx.closesAccount()) return notApplicable('销户全额提取按本息余额支付，不取整');
    const unit = ctx.p<RoundUnit>(YC.wdRoundUnit);
    const before = ctx.currentMaxFen();
    const after = floorToUnit(fenToYuan(before), unit);
    if (after <= 0) return failed(`按各项上限可提取${yuan(before)}，保留至百位后为0元，无可提取金额`);
    return passed(`按各项上限可提取${yuan(before)}，保留至百位为${yuan(after)}`, { cap: { label: '保留至百位', amountFen: after } });
  },
};

export const requestedWithinMax: WithdrawalRule = {
  id: 'yc.wd.amount.requested',
  kind: 'withdrawal',
  caseIds: '*',
  title: '申请提取金额不超过可提取金额',
  category: 'request',
  source: yc('3、公积金帐户内的本息余额;其它类别的公积金提取数额保留至百位。'),
  params: [YC.wdRoundUnit],
  requestCheck: true,
  check(ctx) {
    const req = ctx.input.requestedFen;
    if (req === undefined) return notApplicable('未填写申请金额，按可提取金额办理');
    const max = ctx.currentMaxFen();
    if (req > max) return failed(`申请提取${yuan(req)}，超过可提取金额${yuan(max)}`);
    // 保留至百位 binds the amount paid, not only the ceiling: a partial request must be whole hundreds of yuan.
    if (!ctx.closesAccount()) {
      const unit = ctx.p<RoundUnit>(YC.wdRoundUnit);
      if (floorToUnit(fenToYuan(req), unit) !== req) return failed(`申请提取${yuan(req)}，部分提取金额须保留至百位（如${yuan(floorToUnit(fenToYuan(req), unit))}）`);
    }
    return passed(`申请提取${yuan(req)}，不超过可提取金额${yuan(max)}`);
  },
};

export { unpaidLocalLoans };

/**
 * 乌鲁木齐 withdrawal rules for every case: the basic rules (失信惩戒, judicial enforcement, authenticity),
 * whose balances may be drawn, account closing, the ten yuan kept after housing withdrawals, and the request.
 */
import { yuan } from '../facts';
import { failed, notApplicable, passed, type WithdrawalRule } from '../rule';
import { UQ } from './params';
import { heirTurn } from './deathHeirShare';
import { uq } from './source';

export const dishonest: WithdrawalRule = {
  id: 'uq.wd.dishonest',
  kind: 'withdrawal',
  caseIds: '*',
  title: '处于失信惩戒期内的不可提取本人住房公积金',
  category: 'condition',
  source: uq('(一)申请人处于失信惩戒期内的,不可提取本人住房公积金。'),
  note: '限制的是申请人本人的账户；死亡提取由继承人申请，不适用。配偶处于失信惩戒期的，其账户不得一并提取（见 uq.wd.spouse.include）。',
  params: [],
  check(ctx) {
    if (ctx.caseId === 'death') return notApplicable('死亡提取由继承人申请');
    const m = ctx.input.member;
    const c = m.dishonestCheck;
    const evidence = c ? `（${c.checkedBy ? `${c.checkedBy}于${c.checkedAt?.slice(0, 10) ?? ''}` : ''}查询${c.source}${c.reference ? `，编号${c.reference}` : ''}）` : '';
    if (m.dishonest || c?.result === 'listed') return failed(`申请人${m.name}处于失信惩戒期内，不可提取本人住房公积金${evidence}`);
    return passed(c ? `申请人不在失信惩戒期内${evidence}` : '申请人不在失信惩戒期内（未记录失信惩戒查询）');
  },
};

export const judicial: WithdrawalRule = {
  id: 'uq.wd.judicial',
  kind: 'withdrawal',
  caseIds: '*',
  title: '涉及司法执行的按执行联动机制办理',
  category: 'condition',
  source: uq('(二)涉及司法机关执行住房公积金的,参照《全区住房公积金执行联动机制指导意见》执行。'),
  params: [],
  check(ctx) {
    if (ctx.input.situation.judicialEnforcement) {
      return failed('涉及司法机关执行住房公积金，参照《全区住房公积金执行联动机制指导意见》执行，不按柜面提取办理');
    }
    return passed('不涉及司法机关执行');
  },
};

const FLAG_TEXT: Record<string, string> = {
  repeatedMarriageChange: '同一人多次变更婚姻关系购房',
  frequentResale: '多人频繁买卖同一套住房',
  nonLocalPurchase: '在非户籍地或非缴存地购房',
  nonFamilyCoPurchase: '非配偶或非直系亲属共同购房',
};

export const authenticity: WithdrawalRule = {
  id: 'uq.wd.authenticity',
  kind: 'withdrawal',
  caseIds: '*',
  title: '可疑情形由中心进行真实性调查',
  category: 'condition',
  source: uq(
    '(三)对同一人多次变更婚姻关系购房、多人频繁买卖同一套住房、在非户籍地或非缴存地购房、非配偶或非直系亲属共同购房等提取申请,中心可对提取申请进行真实性调查。',
  ),
  note: '原文是“可”调查，不是拒绝：判定为通过并附“真实性调查”后置条件，由复核人员处理。',
  params: [],
  check(ctx) {
    const flags = ctx.input.situation.authenticityFlags;
    if (flags.length === 0) return notApplicable('无需真实性调查的情形');
    const text = flags.map((f) => FLAG_TEXT[f] ?? f).join('、');
    return passed(`存在${text}情形，中心可进行真实性调查`, {
      post: [{ kind: 'investigate', text: `${text}：放款前由中心对提取申请进行真实性调查；如存在套取行为，可对账户进行必要的限制` }],
    });
  },
};

export const accountOwn: WithdrawalRule = {
  id: 'uq.wd.account.own',
  kind: 'withdrawal',
  caseIds: '*',
  title: '提取本人账户余额',
  category: 'account',
  source: uq('提取公积金账户余额:'),
  params: [],
  check(ctx) {
    const m = ctx.input.member;
    if (m.accountStatus === '销户') return failed(`职工${m.name}的住房公积金账户已销户，无余额可提取`);
    if (m.balanceFen <= 0) return failed(`职工${m.name}的账户余额为${yuan(m.balanceFen)}，无余额可提取`);
    return passed(`职工${m.name}账户（${m.accountStatus}）余额${yuan(m.balanceFen)}`, {
      pool: [{ label: '职工本人账户余额', amountFen: m.balanceFen, account: true, holder: 'member' }],
    });
  },
};

export const spouseAccount: WithdrawalRule = {
  id: 'uq.wd.spouse.include',
  kind: 'withdrawal',
  caseIds: '*',
  title: '缴存职工或配偶发生住房消费时可提取配偶账户',
  category: 'account',
  source: uq('(一)缴存职工或配偶发生住房性消费情形时,可申请提取住房公积金。'),
  note: '按住房消费情形（参数 uq.wd.spouseCases）；配偶处于失信惩戒期的不得提取其账户。',
  params: [UQ.wdSpouseCases],
  inGuide: (caseId, p) => p<string[]>(UQ.wdSpouseCases).includes(caseId),
  check(ctx) {
    const { input } = ctx;
    if (!input.includeSpouse) return notApplicable('未申请提取配偶账户');
    if (!ctx.p<string[]>(UQ.wdSpouseCases).includes(ctx.caseId)) return failed('本提取情形不属于住房消费，不能提取配偶账户');
    if (input.maritalStatus !== 'married') return failed('婚姻状况不是已婚，不能提取配偶账户');
    const sp = input.spouse;
    if (!sp) return failed('未填写配偶的账户信息');
    if (sp.dishonest || sp.dishonestCheck?.result === 'listed') return failed(`配偶${sp.name}处于失信惩戒期内，不能提取其住房公积金`);
    if (sp.accountStatus === '销户' || sp.balanceFen <= 0) return failed(`配偶${sp.name}的账户没有可提取的余额`);
    return passed(`配偶${sp.name}账户余额${yuan(sp.balanceFen)}一并提取`, { pool: [{ label: '配偶账户余额', amountFen: sp.balanceFen, account: true, holder: 'spouse' }] });
  },
};

export const coOwners: WithdrawalRule = {
  id: 'uq.wd.coOwners',
  kind: 'withdrawal',
  caseIds: '*',
  title: '购买同一产权住房或租住同一住房可同时提取共有人账户',
  category: 'account',
  source: uq('4、职工购买同一产权住房或租住同一住房的:可同时提取产权共有人或配偶住房公积金账户余额。'),
  note: '非家庭关系的共有人只允许一方申请（三、(二)），不计入本次提取。',
  params: [UQ.wdJointCases],
  inGuide: (caseId, p) => p<string[]>(UQ.wdJointCases).includes(caseId),
  check(ctx) {
    const list = ctx.input.coOwners;
    if (list.length === 0) return notApplicable('未申请提取共有人账户');
    if (!ctx.p<string[]>(UQ.wdJointCases).includes(ctx.caseId)) return failed('只有购买同一产权住房或租住同一住房的，才可同时提取共有人账户');
    const family = list.filter((c) => c.relation === 'family' && c.accountStatus !== '销户' && c.balanceFen > 0);
    if (family.length === 0) return failed('所列共有人中没有可一并提取的家庭成员账户（非家庭关系共有人只允许一方申请）');
    return passed(`一并提取共有人账户：${family.map((c) => `${c.name}${yuan(c.balanceFen)}`).join('、')}`, {
      pool: family.map((c) => ({ label: `共有人${c.name}账户余额`, amountFen: c.balanceFen, account: true })),
    });
  },
};

export const fullClose: WithdrawalRule = {
  id: 'uq.wd.full.close',
  kind: 'withdrawal',
  caseIds: '*',
  title: '离休退休、出境定居、死亡提取全部余额并销户',
  category: 'account',
  source: uq('一、职工有下列情形之一的可申请提取住房公积金'),
  note: '乌鲁木齐原文未写销户；依《住房公积金管理条例》第二十四条，离休退休、出境定居的提取同时注销账户，死亡的由继承人提取全部余额（参数 uq.wd.closeAccountCases）。',
  params: [UQ.wdCloseCases],
  inGuide: (caseId, p) => p<string[]>(UQ.wdCloseCases).includes(caseId),
  check(ctx) {
    if (ctx.p<string[]>(UQ.wdCloseCases).includes(ctx.caseId)) {
      const heir = heirTurn(ctx);
      if (heir && !heir.last) return passed(`逐个提取：第${heir.index}个继承人（共${heir.count}人）只提取应得份额，不计利息，不销户；由最后一个继承人提取剩余余额及利息并销户`);
      const m = ctx.input.member;
      return passed(`提取全部余额${yuan(m.balanceFen)}及利息${yuan(m.accruedInterestFen)}，注销账户`, {
        closesAccount: true,
        pool: m.accruedInterestFen > 0 ? [{ label: '销户利息', amountFen: m.accruedInterestFen }] : [],
        post: [{ kind: 'close_account', text: '提取账户全部余额（含利息），注销职工个人住房公积金账户' }],
      });
    }
    if (ctx.input.closeAccount) return failed('本提取情形不销户，不能申请全额提取并销户');
    return notApplicable('账户不注销');
  },
};

export const keepTenYuan: WithdrawalRule = {
  id: 'uq.wd.keep10',
  kind: 'withdrawal',
  caseIds: '*',
  title: '住房消费提取后个人账户至少保留十元',
  category: 'amount',
  source: uq('6、职工发生住房消费提取住房公积金的:提取后个人账户应保留至少十元余额。'),
  note: '每个被提取的个人账户（本人、配偶、共有人）各保留十元。',
  params: [UQ.wdKeepMin, UQ.wdHousingCases],
  inGuide: (caseId, p) => p<string[]>(UQ.wdHousingCases).includes(caseId),
  check(ctx) {
    if (!ctx.p<string[]>(UQ.wdHousingCases).includes(ctx.caseId)) return notApplicable('不属于住房消费提取');
    const keep = ctx.p<number>(UQ.wdKeepMin);
    const accounts = ctx.pool().filter((a) => a.account === true);
    const room = accounts.reduce((t, a) => t + Math.max(0, a.amountFen - keep), 0);
    if (room <= 0) return failed(`账户余额不足，提取后须保留至少${yuan(keep)}`);
    return passed(`${accounts.length}个账户各保留${yuan(keep)}，最多可提取${yuan(room)}`, {
      cap: { label: `各账户保留${yuan(keep)}`, amountFen: room },
      keepPerAccountFen: keep,
      post: [{ kind: 'keep_balance', text: `提取后每个个人账户保留至少${yuan(keep)}余额` }],
    });
  },
};

export const requestedWithinMax: WithdrawalRule = {
  id: 'uq.wd.amount.requested',
  kind: 'withdrawal',
  caseIds: '*',
  title: '申请提取金额不超过可提取金额',
  category: 'request',
  source: uq('提取公积金账户余额:'),
  params: [],
  requestCheck: true,
  check(ctx) {
    const req = ctx.input.requestedFen;
    if (req === undefined) return notApplicable('未填写申请金额，按可提取金额办理');
    const max = ctx.currentMaxFen();
    if (req > max) return failed(`申请提取${yuan(req)}，超过可提取金额${yuan(max)}`);
    return passed(`申请提取${yuan(req)}，不超过可提取金额${yuan(max)}`);
  },
};

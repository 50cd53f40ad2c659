/**
 * 乌鲁木齐 death withdrawal by heirs one by one (004 死亡提取 注意事项1): 因特殊原因多个继承人无法同时到场的可逐个提取,
 * 提取人需签署放弃利息的声明,利息归最后一个继承人所有.
 * Which heir this is comes from the ledger: the death withdrawals already paid from the account (member.withdrawals).
 * Each heir but the last takes an equal share of the balance still there, split among the heirs who have not yet
 * drawn, half-up to the fen (the seed names no shares; 民法典第一千一百三十条: 同一顺序继承人继承遗产的份额，一般应当均等),
 * without interest and without closing the account; the last heir takes what remains with all the interest and
 * the account is closed (fullClose). Example: 10,000.00 yuan, 3 heirs → 3,333.33, then 6,666.67 ÷ 2 = 3,333.34,
 * then 3,333.33 + all the interest.
 */
import { fenToYuan, roundFen } from '../../../shared/money';
import { yuan } from '../facts';
import { notApplicable, passed, type WithdrawalCtx, type WithdrawalRule } from '../rule';
import { uq } from './source';
import { FLAG_HEIR_WAIVES_INTEREST } from '../materialConditions';


export interface HeirTurn {
  /** 1-based: which heir draws now. */
  index: number;
  count: number;
  last: boolean;
  shareFen: number;
}

export function heirTurn(ctx: WithdrawalCtx): HeirTurn | null {
  const d = ctx.input.death;
  if (ctx.caseId !== 'death' || !d || d.heirsPresent >= d.heirCount || d.proxyNotarized) return null;
  const prior = ctx.input.member.withdrawals.filter((w) => w.caseId === 'death').length;
  const left = Math.max(1, d.heirCount - prior);
  const balance = ctx.input.member.balanceFen;
  return { index: Math.min(prior + 1, d.heirCount), count: d.heirCount, last: left === 1, shareFen: left === 1 ? balance : roundFen(fenToYuan(balance).dividedBy(left)) };
}

export const deathHeirShare: WithdrawalRule = {
  id: 'uq.wd.death.heirShare',
  kind: 'withdrawal',
  caseIds: ['death'],
  title: '逐个提取：继承人按人数均分余额，利息归最后一个继承人',
  category: 'amount',
  source: uq('因特殊原因多个继承人无法同时到场的可逐个提取,提取人需签署放弃利息的声明,利息归最后一个继承人所有。'),
  note: '原文未规定各继承人的份额：按尚未提取的继承人人数均分当时余额，四舍五入到分（民法典第一千一百三十条，同一顺序继承人份额一般应当均等）；第几个继承人按账簿中已支付的死亡提取笔数确定；最后一个继承人提取剩余余额及全部利息并销户。',
  params: [],
  check(ctx) {
    const t = heirTurn(ctx);
    if (!t) return notApplicable('不是逐个提取');
    const balance = ctx.input.member.balanceFen;
    if (t.last) {
      return passed(`第${t.index}个（最后一个）继承人：提取剩余余额${yuan(balance)}及全部利息${yuan(ctx.input.member.accruedInterestFen)}，注销账户`);
    }
    return passed(`第${t.index}个继承人（共${t.count}人）：余额${yuan(balance)}由尚未提取的${t.count - t.index + 1}人均分，本人应得${yuan(t.shareFen)}；签署放弃利息的声明，利息归最后一个继承人`, {
      cap: { label: `第${t.index}个继承人应得份额`, amountFen: t.shareFen },
      flags: [FLAG_HEIR_WAIVES_INTEREST],
    });
  },
};

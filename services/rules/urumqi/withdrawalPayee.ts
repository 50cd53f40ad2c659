/**
 * 乌鲁木齐 payee cards: the cases whose materials name a 工农中建交 debit card (and, for 终止劳动关系, a 本市 card)
 * attach the requirement as a post-condition; the withdrawal service refuses a payee account that does not meet it
 * (services/withdrawal/payeeBank.ts), so it is enforced, not only printed.
 */
import { notApplicable, passed, type WithdrawalRule } from '../rule';
import { uq } from './source';

export const payeeBank5: WithdrawalRule = {
  id: 'uq.wd.payee.bank5',
  kind: 'withdrawal',
  caseIds: ['rent', 'retirement', 'death'],
  title: '提取款项转入工农中建交借记卡',
  category: 'condition',
  source: uq('2、个人银行借记卡(工农中建交)'),
  note: '租房（“提取人银行卡[中行、农行、工行、建行、交行借记卡]”）、退休、死亡（“银行借记卡(工农中建交)”）提取；收款开户银行须为工商银行、农业银行、中国银行、建设银行或交通银行。',
  params: [],
  check: (ctx) =>
    ctx.input.applicant.payToAgentCard
      ? notApplicable('资金转入受托人或他人银行卡，按委托材料办理')
      : passed('提取款项转入工农中建交借记卡', { post: [{ kind: 'payee_bank5', text: '收款账户须为中国工商银行、中国农业银行、中国银行、中国建设银行或交通银行的借记卡' }] }),
};

export const payeeLocalBank5: WithdrawalRule = {
  id: 'uq.wd.payee.localBank5',
  kind: 'withdrawal',
  caseIds: ['termination'],
  title: '终止劳动关系提取转入本人名下的本市工农中建交借记卡',
  category: 'condition',
  source: uq('3、本人名下的本市银行借记卡(工、农、中、建、交五大银行类借记卡)'),
  note: '“本市”按收款开户银行（开户网点）名称含“乌鲁木齐”认定。',
  params: [],
  check: () =>
    passed('提取款项转入本人名下的本市工农中建交借记卡', {
      post: [{ kind: 'payee_local_bank5', text: '收款账户须为本人名下在乌鲁木齐开户的工商银行、农业银行、中国银行、建设银行或交通银行借记卡' }],
    }),
};

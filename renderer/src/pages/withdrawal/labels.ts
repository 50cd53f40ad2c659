/** Counter words for the withdrawal workflow's codes: states, event actions, payee kinds, the 3-day limit. */
import type { ApplicationState, Payee } from '../../../../shared/contract/dto';

export const ALL_STATES = ['草稿', '待复核', '待审批', '已审批', '已支付', '退回', '撤销', '冲正待复核', '冲正待审批', '已冲正'] as const;

export const STATE_COLORS: Record<string, string> = {
  草稿: 'default',
  待复核: 'blue',
  待审批: 'geekblue',
  已审批: 'cyan',
  已支付: 'green',
  退回: 'orange',
  撤销: 'default',
  冲正待复核: 'magenta',
  冲正待审批: 'purple',
  已冲正: 'red',
} satisfies Partial<Record<ApplicationState, string>>;

/** application_events.action as the timeline says it. */
export const ACTION_LABELS: Record<string, string> = {
  create: '受理',
  update: '修改',
  submit: '提交复核',
  review: '复核通过',
  review_return: '复核退回',
  approve: '审批通过',
  approve_return: '审批退回',
  pay: '支付',
  cancel: '撤销',
  reversal_request: '申请冲正',
  reversal_review: '冲正复核通过',
  reversal_reject: '冲正未通过',
  reversal_approve: '冲正审批通过',
};

export const PAYEE_KINDS: { value: Payee['kind']; label: string }[] = [
  { value: 'own', label: '本人实名制银行账户' },
  { value: 'developer', label: '房产公司售房账户' },
  { value: 'loan', label: '偿还住房公积金贷款' },
];

export const payeeKindLabel = (k: Payee['kind']): string => PAYEE_KINDS.find((p) => p.value === k)?.label ?? k;

/** 住房公积金管理条例: decided within 3 days; under a day left is 临近, past it 超时. */
export const DEADLINE: Record<'ok' | 'near' | 'over', { text: string; color: string }> = {
  ok: { text: '正常', color: 'green' },
  near: { text: '临近', color: 'orange' },
  over: { text: '超时', color: 'red' },
};

/** "5小时" or "2天3小时": how long an application has waited. */
export function waited(hours: number): string {
  if (hours < 24) return `${hours}小时`;
  const rest = hours % 24;
  return `${Math.floor(hours / 24)}天${rest ? `${rest}小时` : ''}`;
}

/** Words and tags the loan screens share: state colours, the 15-day deadline flag, payee kinds, waiting time. */
import { Tag } from 'antd';
import type { LoanState } from '../../../../shared/contract/dto';
import { METHOD_LABELS, type RepaymentMethod } from '../../../../shared/loan/schedule';

const STATE_COLORS: Record<LoanState, string> = {
  草稿: 'default',
  待复核: 'processing',
  待审批: 'processing',
  已审批: 'cyan',
  已签约: 'blue',
  已放款: 'green',
  退回: 'orange',
  撤销: 'default',
};

export function LoanStateTag(props: { state: LoanState }) {
  return (
    <Tag color={STATE_COLORS[props.state]} data-testid="loan-state">
      {props.state}
    </Tag>
  );
}

/** 住房公积金管理条例: 15 days from a complete application; the service says ok / near / over. */
export function DeadlineTag(props: { status: 'ok' | 'near' | 'over' | null | undefined; dueAt?: string }) {
  if (!props.status) return null;
  const text = props.status === 'over' ? '已超15日时限' : props.status === 'near' ? '临近15日时限' : '时限内';
  const color = props.status === 'over' ? 'red' : props.status === 'near' ? 'gold' : 'green';
  return (
    <Tag color={color} data-testid="deadline" title={props.dueAt ? `应于 ${props.dueAt.slice(0, 10)} 前办结` : undefined}>
      {text}
    </Tag>
  );
}

export const methodLabel = (m: RepaymentMethod): string => METHOD_LABELS[m];

export const PAYEE_KINDS: Record<string, string> = { developer: '开发商（售房人）账户', own: '借款人本人账户', loan: '贷款账户' };

/** "5小时" / "2天3小时": how long an application has waited since it was submitted. */
export function waitedText(hours: number): string {
  if (hours < 1) return '不足1小时';
  if (hours < 24) return `${hours}小时`;
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  return h === 0 ? `${d}天` : `${d}天${h}小时`;
}

/** "360个月（30年）" */
export function termText(months: number): string {
  if (months % 12 === 0) return `${months}个月（${months / 12}年）`;
  return months > 12 ? `${months}个月（${Math.floor(months / 12)}年${months % 12}个月）` : `${months}个月`;
}

import { Tag, Tooltip } from 'antd';
import { chinaDateTime } from '../format';
import { DEADLINE, STATE_COLORS } from '../pages/withdrawal/labels';

/** 申请状态 as a coloured tag. */
export function AppStateTag(props: { state: string; testId?: string }) {
  return (
    <Tag color={STATE_COLORS[props.state] ?? 'blue'} data-testid={props.testId}>
      {props.state}
    </Tag>
  );
}

/** 时限: whether the 3-day decision limit is 正常, 临近 or 超时; nothing once the application is out of sign-off. */
export function DeadlineTag(props: { status: 'ok' | 'near' | 'over' | null; dueAt?: string; testId?: string }) {
  if (!props.status) return null;
  const d = DEADLINE[props.status];
  const tag = (
    <Tag color={d.color} data-testid={props.testId}>
      时限{d.text}
    </Tag>
  );
  return props.dueAt ? <Tooltip title={`须在 ${chinaDateTime(props.dueAt)} 前作出决定（受理之日起3日内）`}>{tag}</Tooltip> : tag;
}

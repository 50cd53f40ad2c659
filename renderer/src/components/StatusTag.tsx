import { Tag } from 'antd';

const COLORS: Record<string, string> = { 正常: 'green', 封存: 'orange', 销户: 'default', 注销: 'default' };

/** 账户状态 / 单位状态 as a coloured tag. */
export function StatusTag(props: { status: string }) {
  return <Tag color={COLORS[props.status] ?? 'blue'}>{props.status}</Tag>;
}

import { Descriptions } from 'antd';
import type { MemberDetail } from '../../../../shared/contract/dto';
import { Money } from '../../components/Money';
import { StatusTag } from '../../components/StatusTag';
import { monthLabel } from '../../format';

/** The ledger's facts of a member (or spouse) picked on the intake: the engine reads these, the clerk does not type them. */
export function MemberFacts(props: { m: MemberDetail; testId?: string }) {
  const { m } = props;
  return (
    <Descriptions
      data-testid={props.testId}
      size="small"
      column={{ xs: 1, md: 3 }}
      style={{ marginBottom: 8 }}
      items={[
        { key: 'acct', label: '个人账号', children: m.accountNo },
        { key: 'status', label: '账户状态', children: <StatusTag status={m.status} /> },
        { key: 'balance', label: '账户余额（元）', children: <Money fen={m.balanceFen} strong /> },
        { key: 'cont', label: '连续缴存', children: `${m.continuousMonths} 个月` },
        { key: 'last', label: '最近缴存', children: monthLabel(m.lastContributionMonth) },
        { key: 'emp', label: '所在单位', children: m.employer.name },
      ]}
    />
  );
}

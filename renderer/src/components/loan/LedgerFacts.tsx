import { Descriptions } from 'antd';
import type { Person } from '../../../../shared/rules/personSchema';
import { Money } from '../Money';

/** A member's facts as the books give them (rules.memberFacts): shown, not typed; the service re-reads them on save. */
export function LedgerFacts(props: { person: Person; testId?: string }) {
  const p = props.person;
  return (
    <Descriptions
      data-testid={props.testId}
      size="small"
      bordered
      column={{ xs: 1, md: 3 }}
      style={{ marginBottom: 16 }}
      items={[
        { key: 'status', label: '账户状态', children: p.accountStatus },
        { key: 'balance', label: '账户余额（元）', children: <Money fen={p.balanceFen} /> },
        { key: 'months', label: '连续缴存', children: `${p.continuousMonths} 个月` },
        { key: 'opened', label: '开户日期', children: p.openedDate ?? '—' },
        { key: 'ratio', label: '缴存比例', children: p.contributionRatioPercent ? `${p.contributionRatioPercent}%` : '—' },
        { key: 'id', label: '证件号码', children: p.idNumber ? `${p.idNumber.slice(0, 6)}********${p.idNumber.slice(-4)}` : '—' },
      ]}
    />
  );
}

import { Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { METHOD_LABELS, type RepaymentMethod, type ScheduleSummary } from '../../../../shared/loan/schedule';
import { Money } from '../../components/Money';

type Row = { key: string; label: string; cell: (s: ScheduleSummary) => ReactNode };

const money = (key: string) => (s: ScheduleSummary, fen: number | null) =>
  fen === null ? '—' : <Money fen={fen} strong={key === 'monthly'} testId={`calc-${s.method}-${key}`} />;

/** The rows of the seed calculators' table, in their order and words. */
const ROWS: Row[] = [
  {
    key: 'monthly',
    label: '每月还款金额（元）',
    cell: (s) => (
      <>
        {money('monthly')(s, s.monthlyPaymentFen)}
        {s.method === 'linear' && <span style={{ color: '#888' }}>（首月）</span>}
        {s.method === 'lump' && <span style={{ color: '#888' }}>（到期一次）</span>}
      </>
    ),
  },
  { key: 'decrease', label: '每月递减（元）', cell: (s) => money('decrease')(s, s.monthlyDecreaseFen) },
  { key: 'years', label: '按揭年数', cell: (s) => <span data-testid={`calc-${s.method}-years`}>{s.years}</span> },
  { key: 'interest', label: '利息总额（元）', cell: (s) => money('interest')(s, s.totalInterestFen) },
  { key: 'principal', label: '贷款金额（元）', cell: (s) => money('principal')(s, s.principalFen) },
  { key: 'total', label: '还款总额（元）', cell: (s) => money('total')(s, s.totalPaymentFen) },
];

/** 类型 | 等额本息 | 等额本金 (| 利随本清): the methods side by side, the chosen one marked. */
export function CalcResult(props: { summaries: ScheduleSummary[]; chosen: RepaymentMethod }) {
  const columns = [
    { title: '类型', dataIndex: 'label', width: 170 },
    ...props.summaries.map((s) => ({
      title: (
        <span>
          {METHOD_LABELS[s.method]}
          {s.method === props.chosen && (
            <Tag color="blue" style={{ marginLeft: 6 }}>
              所选
            </Tag>
          )}
        </span>
      ),
      key: s.method,
      align: 'right' as const,
      onCell: () => ({ style: s.method === props.chosen ? { background: '#f0f6ff' } : {} }),
      render: (_: unknown, r: Row) => r.cell(s),
    })),
  ];
  return <Table<Row> data-testid="calc-result" size="middle" bordered rowKey="key" pagination={false} columns={columns} dataSource={ROWS} />;
}

import { Flex, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Money } from '../Money';

export interface ScheduleRowLike {
  period: number;
  dueDate: string;
  paymentFen: number;
  principalFen: number;
  interestFen: number;
  remainingFen: number;
}

const money = (f: number) => <Money fen={f} />;

const COLUMNS = [
  { title: '期次', dataIndex: 'period', width: 70, align: 'center' as const },
  { title: '还款日期', dataIndex: 'dueDate', width: 120, render: (d: string) => d || '—' },
  { title: '月还款额（元）', dataIndex: 'paymentFen', width: 150, align: 'right' as const, render: money },
  { title: '本金（元）', dataIndex: 'principalFen', width: 150, align: 'right' as const, render: money },
  { title: '利息（元）', dataIndex: 'interestFen', width: 130, align: 'right' as const, render: money },
  { title: '剩余本金（元）', dataIndex: 'remainingFen', width: 160, align: 'right' as const, render: money },
];

/**
 * 还款计划表. A 30-year loan has 360 rows: the table is virtual (only the rows in view are in the DOM), so scrolling
 * stays smooth on a counter PC. Totals sit above, where they stay visible while the clerk scrolls.
 */
export function ScheduleTable(props: { rows: ScheduleRowLike[]; height?: number; testId?: string }) {
  const { rows } = props;
  const totals = useMemo(() => {
    let principal = 0;
    let interest = 0;
    for (const r of rows) {
      principal += r.principalFen;
      interest += r.interestFen;
    }
    return { principal, interest };
  }, [rows]);
  return (
    <div data-testid={props.testId ?? 'schedule'}>
      <Flex gap={24} wrap style={{ marginBottom: 8 }}>
        <Typography.Text data-testid="schedule-count">共 {rows.length} 期</Typography.Text>
        <Typography.Text>
          本金合计 <Money fen={totals.principal} /> 元
        </Typography.Text>
        <Typography.Text>
          利息合计 <Money fen={totals.interest} /> 元
        </Typography.Text>
        <Typography.Text>
          还款合计 <Money fen={totals.principal + totals.interest} strong /> 元
        </Typography.Text>
      </Flex>
      <Table<ScheduleRowLike>
        virtual
        size="small"
        bordered
        rowKey="period"
        columns={COLUMNS}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 780, y: props.height ?? 400 }}
      />
    </div>
  );
}

import { Table, Tag } from 'antd';
import type { LoanRepaymentDto } from '../../../../shared/contract/loanServicing';
import { Money } from '../Money';

const money = (f: number) => <Money fen={f} />;

/** 还款明细 (loan.repayments): one line per repayment, as posted. */
export function RepaymentsTable(props: { rows: LoanRepaymentDto[] }) {
  return (
    <Table<LoanRepaymentDto>
      data-testid="repayments"
      size="small"
      bordered
      rowKey="id"
      pagination={props.rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
      dataSource={props.rows}
      locale={{ emptyText: '尚无还款记录' }}
      scroll={{ x: 900 }}
      columns={[
        { title: '还款日期', dataIndex: 'date', width: 110 },
        {
          title: '类型',
          dataIndex: 'kindLabel',
          width: 130,
          render: (t: string, r) => (
            <>
              {t}
              {r.reversed && <Tag color="red">已冲正</Tag>}
            </>
          ),
        },
        { title: '期次', dataIndex: 'periods', width: 90, render: (p: number[]) => (p.length ? p.join('、') : '—') },
        { title: '还款金额（元）', dataIndex: 'amountFen', align: 'right', width: 130, render: (f: number) => <Money fen={f} strong /> },
        { title: '本金（元）', dataIndex: 'principalFen', align: 'right', width: 120, render: money },
        { title: '利息（元）', dataIndex: 'interestFen', align: 'right', width: 110, render: money },
        { title: '罚息（元）', dataIndex: 'penaltyFen', align: 'right', width: 100, render: money },
        { title: '还款来源', dataIndex: 'sourceLabel', width: 150 },
        { title: '凭证号', dataIndex: 'entryNo', width: 150 },
      ]}
    />
  );
}

import { Alert, Card, Empty, Select, Table, Tabs, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Statement, StatementLine } from '../../../shared/contract/dto';
import { api } from '../api';
import { monthLabel } from '../format';
import { Money } from './Money';

type Category = StatementLine['category'];

/**
 * 账户明细 as the mobile app shows it: one year at a time, 缴存 and 提取 in two tabs, each line with
 * 记账日期, 摘要 and a signed 发生额 — plus the running 余额 and 缴存月份 a clerk needs at the counter.
 */
export function StatementCard(props: { memberId: number }) {
  const [statement, setStatement] = useState<Statement | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [year, setYear] = useState<string | null>(null);
  const [tab, setTab] = useState<Category>('缴存');

  useEffect(() => {
    setStatement(null);
    setError(null);
    api('members.statement', { memberId: props.memberId }).then(
      (s) => {
        setStatement(s);
        setYear(s.years[0] ?? null);
      },
      (e: Error) => setError(e.message),
    );
  }, [props.memberId]);

  const ofYear = useMemo(
    () => (statement?.lines ?? []).filter((l) => year !== null && l.bookedDate.startsWith(year)),
    [statement, year],
  );
  const hasSupplementary = ofYear.some((l) => l.fund === 'supplementary');

  const table = (category: Category) => {
    const rows = ofYear.filter((l) => l.category === category);
    return (
      <Table<StatementLine>
        data-testid={`statement-${category}`}
        size="middle"
        rowKey={(l) => `${l.entryId}-${l.fund}`}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty description={`${year ?? ''}年无${category}记录`} /> }}
        columns={[
          { title: '记账日期', dataIndex: 'bookedDate', width: 120 },
          {
            title: '摘要',
            dataIndex: 'summary',
            render: (s: string, l) => (
              <>
                {s}
                {l.fund === 'supplementary' && (
                  <Tag color="purple" style={{ marginLeft: 8 }}>
                    补充公积金
                  </Tag>
                )}
              </>
            ),
          },
          { title: '缴存月份', dataIndex: 'month', width: 130, render: (m: string | null) => (m ? monthLabel(m) : '') },
          { title: '发生额（元）', dataIndex: 'amountFen', align: 'right', width: 160, render: (f: number) => <Money fen={f} signed /> },
          {
            title: hasSupplementary ? '余额（元，按资金）' : '余额（元）',
            dataIndex: 'balanceFen',
            align: 'right',
            width: 170,
            render: (f: number) => <Money fen={f} />,
          },
          { title: '凭证号', dataIndex: 'entryNo', width: 190, responsive: ['lg'] },
        ]}
      />
    );
  };

  const count = (c: Category) => ofYear.filter((l) => l.category === c).length;
  return (
    <Card
      title="账户明细"
      size="small"
      data-testid="statement-card"
      loading={!statement && !error}
      extra={
        statement && statement.years.length > 0 ? (
          <Select
            aria-label="年度"
            data-testid="statement-year"
            style={{ width: 120 }}
            value={year}
            onChange={setYear}
            options={statement.years.map((y) => ({ value: y, label: `${y}年` }))}
          />
        ) : null
      }
    >
      {error && <Alert type="error" showIcon title={error} />}
      {statement && statement.years.length === 0 && <Empty description="该账户尚无记账记录" />}
      {statement && statement.years.length > 0 && (
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as Category)}
          items={(['缴存', '提取'] as const).map((c) => ({ key: c, label: `${c}（${count(c)}）`, children: table(c) }))}
        />
      )}
    </Card>
  );
}

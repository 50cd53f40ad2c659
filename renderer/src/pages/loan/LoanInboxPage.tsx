import { Alert, Button, Card, Col, Empty, Row, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { InboxItem, LoanAppDto, LoanState } from '../../../../shared/contract/dto';
import { api } from '../../api';
import { DeadlineTag, LoanStateTag, waitedText } from '../../components/loan/labels';
import { LoanDecisionCard } from '../../components/loan/LoanDecisionCard';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { chinaDateTime } from '../../format';
import { navigate } from '../../router';

const STATES: LoanState[] = ['草稿', '待复核', '待审批', '已审批', '已签约', '已放款', '退回', '撤销'];
const newest = (i: InboxItem) => i.submittedAt ?? i.updatedAt;
/** One line per application: a wrapped account number reads as two numbers. */
const NOWRAP = <T extends object>(cols: T[]): T[] => cols.map((c) => ({ ...c, onHeaderCell: () => ({ style: { whiteSpace: 'nowrap' } }), onCell: () => ({ style: { whiteSpace: 'nowrap' } }) }));

/**
 * A list of loan applications with the selected one's stored decision beside it, so the reviewer reads the trace
 * before opening the file. Without a filter the service lists what waits for this operator's post.
 */
function LoanList(props: { title: string; sub: string }) {
    const [states, setStates] = useState<LoanState[]>([]);
  const [items, setItems] = useState<InboxItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [detail, setDetail] = useState<LoanAppDto | null>(null);

  const load = useCallback(() => {
    setItems(null);
    api('loan.list', states.length > 0 ? { states } : {}).then(
      (rows) => {
        const sorted = [...rows].sort((a, b) => newest(b).localeCompare(newest(a)) || b.id - a.id);
        setItems(sorted);
        setSelected((s) => (s !== null && sorted.some((r) => r.id === s) ? s : (sorted[0]?.id ?? null)));
      },
      (e: Error) => setError(e.message),
    );
  }, [states]);
  useEffect(load, [load]);

  useEffect(() => {
    setDetail(null);
    if (selected === null) return;
    let live = true;
    api('loan.get', { applicationId: selected }).then((d) => live && setDetail(d), (e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [selected]);

  return (
    <>
      <PageTitle
        title={props.title}
        sub={props.sub}
        extra={
          <Space>
            <Select<LoanState[]>
              mode="multiple"
              allowClear
              aria-label="状态"
              placeholder="按状态筛选（默认：待我办理）"
              style={{ minWidth: 260 }}
              value={states}
              onChange={setStates}
              options={STATES.map((s) => ({ value: s, label: s }))}
            />
            <Button onClick={load}>刷新</Button>
          </Space>
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xl={16}>
          <Card>
            <Table<InboxItem>
              scroll={{ x: 'max-content' }}
              data-testid="loan-inbox"
              size="middle"
              rowKey="id"
              loading={items === null}
              dataSource={items ?? []}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: <Empty description="没有待办理的贷款申请" /> }}
              onRow={(r) => ({ onClick: () => setSelected(r.id), style: { cursor: 'pointer', background: r.id === selected ? '#e6f4ff' : undefined } })}
              columns={NOWRAP([
                { title: '申请编号', dataIndex: 'appNo', render: (no: string, r) => <a href={`#/loan?id=${r.id}`} onClick={(e) => e.stopPropagation()}>{no}</a> },
                { title: '借款人', dataIndex: 'memberName', render: (n: string, r: InboxItem) => <span title={`个人账号 ${r.memberAccountNo}`}>{n}</span> },
                { title: '购房类型', dataIndex: 'caseName' },
                { title: '金额（元）', dataIndex: 'amountFen', align: 'right', render: (f: number | null) => (f === null ? '—' : <Money fen={f} />) },
                { title: '状态', dataIndex: 'state', render: (s: LoanState) => <LoanStateTag state={s} /> },
                { title: '提交时间', dataIndex: 'submittedAt', render: (t: string | null) => (t ? chinaDateTime(t).slice(5, 16) : '—') },
                { title: '已等待', dataIndex: 'waitedHours', render: (h: number, r) => (r.submittedAt ? waitedText(h) : '—') },
                { title: '时限', dataIndex: 'deadlineStatus', render: (s: InboxItem['deadlineStatus']) => <DeadlineTag status={s} /> },
                {
                  title: '政策审查',
                  dataIndex: 'eligible',
                  render: (e: boolean | null) => (e === null ? '—' : <Tag color={e ? 'green' : 'red'}>{e ? '符合' : '不符合'}</Tag>),
                },
              ])}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8} style={{ position: 'sticky', top: 16 }}>
          {selected === null ? (
            <Card>
              <Empty description="选择一笔申请查看审查过程" />
            </Card>
          ) : (
            <>
              <LoanDecisionCard title={detail ? `${detail.appNo} · ${detail.borrower.name}` : '审查结果'} decision={detail?.decision ?? null} pending={!detail} hint="载入中…" compact />
              <Button type="primary" block style={{ marginTop: 12 }} onClick={() => navigate(`/loan?id=${selected}`)} data-testid="open-app">
                打开申请办理
              </Button>
            </>
          )}
        </Col>
      </Row>
    </>
  );
}

/** 贷款审批: what waits for 复核 or 审批, newest first, with waiting time and the 15-day flag. */
export function LoanInboxPage() {
  return <LoanList title="贷款审批" sub="受理材料齐全后15日内办结" />;
}

/** The counter's own loan work: drafts, returns, approved loans waiting for the contract and the disbursement. */
export function LoanCounterListPage() {
  return <LoanList title="我的贷款申请" sub="草稿、退回、待签约和待放款的申请" />;
}

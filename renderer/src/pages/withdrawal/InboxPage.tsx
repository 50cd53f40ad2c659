import { Alert, Button, Card, Col, Empty, Row, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { InboxItem, WithdrawalAppDto } from '../../../../shared/contract/dto';
import { api } from '../../api';
import { AppStateTag, DeadlineTag } from '../../components/ApplicationTags';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { useSession } from '../../session';
import { ApplicationSummary } from './ApplicationSummary';
import { waited } from './labels';
import { StoredDecision } from './StoredDecision';
import { WithdrawalActions } from './WithdrawalActions';

/** What each post finds here; the service picks the states by the operator's role. */
const WHAT: Record<string, string> = {
  clerk: '草稿、退回、已审批待支付和冲正中的申请',
  reviewer: '待复核和冲正待复核的申请',
  approver: '待审批和冲正待审批的申请',
  admin: '复核、审批环节中的申请',
};

/**
 * 待办: the applications waiting for this post, newest first, with how long each has waited against the 3-day
 * limit. Selecting one shows its stored decision beside the list, and the sign-off buttons there.
 */
export function InboxPage() {
  const { operator } = useSession();
  const [items, setItems] = useState<InboxItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [app, setApp] = useState<WithdrawalAppDto | null>(null);

  const load = useCallback(() => {
    api('withdrawal.list', {}).then(
      (rows) => {
        setItems(rows);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(load, [load]);

  useEffect(() => {
    setApp(null);
    if (selected === null) return;
    api('withdrawal.get', { applicationId: selected }).then(setApp, (e: Error) => setError(e.message));
  }, [selected]);

  return (
    <>
      <PageTitle title="待办" sub={`${operator.roleLabel}岗位：${WHAT[operator.role] ?? ''}，最新的在前`} extra={<Button onClick={load}>刷新</Button>} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {/* antd paints each cell, so the selected row is marked on its cells. */}
      <style>{'.inbox-selected > td { background: #e6f4ff !important; }'}</style>
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xl={13}>
          <Table<InboxItem>
            data-testid="inbox"
            size="middle"
            rowKey="id"
            loading={items === null}
            dataSource={items ?? []}
            pagination={(items?.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            locale={{ emptyText: <Empty description="没有待办的申请" /> }}
            rowClassName={(r) => (r.id === selected ? 'inbox-selected' : '')}
            onRow={(r) => ({ onClick: () => setSelected(r.id), style: { cursor: 'pointer' } })}
            columns={[
              { title: '申请编号', dataIndex: 'appNo', width: 145, render: (no: string, r) => <a href={`#/withdrawal?id=${r.id}`} onClick={(e) => e.stopPropagation()}>{no}</a> },
              { title: '职工', dataIndex: 'memberName', width: 90, render: (n: string, r) => <span title={r.memberAccountNo}>{n}</span> },
              { title: '提取原因', dataIndex: 'caseName', ellipsis: true },
              { title: '金额（元）', dataIndex: 'amountFen', align: 'right', width: 110, render: (f: number | null) => (f === null ? '—' : <Money fen={f} />) },
              { title: '状态', dataIndex: 'state', width: 95, render: (s: string) => <AppStateTag state={s} /> },
              { title: '已等待', dataIndex: 'waitedHours', align: 'right', width: 80, render: (h: number) => waited(h) },
              { title: '时限', dataIndex: 'deadlineStatus', width: 90, render: (s: InboxItem['deadlineStatus']) => (s ? <DeadlineTag status={s} /> : '—') },
            ]}
          />
        </Col>
        <Col xs={24} xl={11}>
          {selected === null ? (
            <Card>
              <Empty description="点选左侧的申请，在此查看审查过程并办理" />
            </Card>
          ) : !app ? (
            <Card loading />
          ) : (
            <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="inbox-preview">
              <Card
                title={`${app.appNo} · ${app.member.name}`}
                extra={<a href={`#/withdrawal?id=${app.id}`}>申请详情</a>}
              >
                <ApplicationSummary app={app} brief />
                <div style={{ marginTop: 16 }}>
                  <WithdrawalActions
                    app={app}
                    onChanged={(a) => {
                      setApp(a);
                      load();
                    }}
                  />
                </div>
                {app.lastNote && <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>最近意见：{app.lastNote}</Typography.Paragraph>}
              </Card>
              <StoredDecision app={app} />
            </Space>
          )}
        </Col>
      </Row>
    </>
  );
}

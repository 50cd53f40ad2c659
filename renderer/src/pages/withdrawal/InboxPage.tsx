import { Alert, Button, Card, Col, Descriptions, Empty, Row, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { WithdrawalAppDto } from '../../../../shared/contract/dto';
import type { InboxEntry, InboxList } from '../../../../shared/contract/inbox';
import { api } from '../../api';
import { AppStateTag, DeadlineTag } from '../../components/ApplicationTags';
import { Money } from '../../components/Money';
import { PageTitle } from '../../components/PageTitle';
import { chinaDateTime } from '../../format';
import { useSession } from '../../session';
import { DraftsCard } from '../inbox/DraftsCard';
import { ApplicationSummary } from './ApplicationSummary';
import { waited } from './labels';
import { StoredDecision } from './StoredDecision';
import { WithdrawalActions } from './WithdrawalActions';

/** What each post finds here; the service picks the states by the operator's role. */
const WHAT: Record<string, string> = {
  clerk: '草稿、退回、已审批待支付（放款、签约）和冲正中的提取与贷款申请，以及您的表单草稿',
  reviewer: '待复核的提取与贷款申请（含冲正待复核）',
  approver: '待审批的提取与贷款申请（含冲正待审批）',
  admin: '复核、审批环节中的提取与贷款申请',
};

const keyOf = (r: InboxEntry) => `${r.kind}:${r.id}`;
const linkOf = (r: InboxEntry) => (r.kind === 'loan' ? `#/loan?id=${r.id}` : `#/withdrawal?id=${r.id}`);

/**
 * 待办: one list of everything waiting for the signed-in person — withdrawals and loans, the nearest decision
 * deadline first, with the hours waited — and the clerk's own drafts. Selecting a withdrawal shows its stored
 * decision and the sign-off buttons beside the list; a loan opens on its own page (贷款申请).
 */
export function InboxPage() {
  const { operator } = useSession();
  const [list, setList] = useState<InboxList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<InboxEntry | null>(null);
  const [app, setApp] = useState<WithdrawalAppDto | null>(null);

  const load = useCallback(() => {
    api('inbox.list', {}).then(
      (rows) => {
        setList(rows);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(load, [load]);

  useEffect(() => {
    setApp(null);
    if (selected?.kind !== 'withdrawal') return;
    api('withdrawal.get', { applicationId: selected.id }).then(setApp, (e: Error) => setError(e.message));
  }, [selected]);

  const items = list?.items ?? null;
  return (
    <>
      <PageTitle title="待办" sub={`${operator.roleLabel}岗位：${WHAT[operator.role] ?? ''}；临近时限的在前`} extra={<Button onClick={load}>刷新</Button>} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {list && list.drafts.length > 0 && <DraftsCard drafts={list.drafts} onChanged={load} />}
      {/* antd paints each cell, so the selected row is marked on its cells. */}
      <style>{'.inbox-selected > td { background: #e6f4ff !important; }'}</style>
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xxl={14}>
          <Table<InboxEntry>
            data-testid="inbox"
            size="small"
            rowKey={keyOf}
            loading={items === null}
            dataSource={items ?? []}
            pagination={(items?.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            locale={{ emptyText: <Empty description="没有待办的申请" /> }}
            rowClassName={(r) => (selected && keyOf(r) === keyOf(selected) ? 'inbox-selected' : '')}
            onRow={(r) => ({ onClick: () => setSelected(r), style: { cursor: 'pointer' } })}
            columns={[
              { title: '业务', dataIndex: 'kindLabel', width: 56, render: (k: string) => <Tag color={k === '贷款' ? 'purple' : 'blue'}>{k}</Tag> },
              { title: '申请编号', dataIndex: 'appNo', width: 140, render: (no: string, r) => <a href={linkOf(r)} onClick={(e) => e.stopPropagation()}>{no}</a> },
              { title: '职工', dataIndex: 'memberName', width: 80, render: (n: string, r) => <span title={r.memberAccountNo}>{n}</span> },
              { title: '事项', dataIndex: 'caseName', ellipsis: true, width: 160 },
              { title: '金额（元）', dataIndex: 'amountFen', align: 'right', width: 110, render: (f: number | null) => (f === null ? '—' : <Money fen={f} />) },
              { title: '状态', dataIndex: 'state', width: 90, render: (s: string) => <AppStateTag state={s} /> },
              { title: '已等待', dataIndex: 'waitedHours', align: 'right', width: 90, render: (h: number) => <span data-testid="inbox-waited">{waited(h)}</span> },
              {
                title: '决定时限',
                dataIndex: 'dueAt',
                width: 220,
                render: (due: string | null, r) =>
                  due ? (
                    <span data-testid="inbox-due" style={{ whiteSpace: 'nowrap' }}>
                      {chinaDateTime(due).slice(0, 16)} <DeadlineTag status={r.deadlineStatus} />
                    </span>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
          {list && (
            <Typography.Paragraph type="secondary" data-testid="inbox-limit-note" style={{ marginTop: 8, fontSize: 13 }}>
              {list.limitNote}
            </Typography.Paragraph>
          )}
        </Col>
        <Col xs={24} xxl={10}>
          {selected === null ? (
            <Card>
              <Empty description="点选左侧的申请，在此查看并办理" />
            </Card>
          ) : selected.kind === 'loan' ? (
            <Card data-testid="inbox-loan" title={`${selected.appNo} · ${selected.memberName}`} extra={<a href={linkOf(selected)}>贷款申请</a>}>
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'case', label: '购房类型', children: selected.caseName },
                  { key: 'amount', label: '申请金额', children: selected.amountFen === null ? '—' : <><Money fen={selected.amountFen} /> 元</> },
                  { key: 'state', label: '状态', children: <AppStateTag state={selected.state} /> },
                  { key: 'due', label: '决定时限', children: selected.dueAt ? `${chinaDateTime(selected.dueAt)}（受理之日起${selected.limitDays}日内）` : '—' },
                ]}
              />
              <Button type="primary" style={{ marginTop: 12 }} href={linkOf(selected)}>
                打开贷款申请办理
              </Button>
            </Card>
          ) : !app ? (
            <Card loading />
          ) : (
            <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="inbox-preview">
              <Card title={`${app.appNo} · ${app.member.name}`} extra={<a href={`#/withdrawal?id=${app.id}`}>申请详情</a>}>
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

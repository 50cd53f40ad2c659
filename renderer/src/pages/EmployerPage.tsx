import { Alert, Button, Card, Descriptions, Space, Table, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { EmployerPage as EmployerPageDto, RemittanceListItem } from '../../../shared/contract/calls';
import type { MemberListItem } from '../../../shared/contract/dto';
import { api } from '../api';
import { Money } from '../components/Money';
import { PageTitle } from '../components/PageTitle';
import { RemitPanel } from '../components/RemitPanel';
import { StatusTag } from '../components/StatusTag';
import { monthLabel, percent } from '../format';
import { can } from '../permissions';
import type { PageProps } from '../routes';
import { navigate } from '../router';
import { useSession } from '../session';

/** 单位详情: the employer, its members, its remittance history and — for those who may post — 汇缴 and 补缴. */
export function EmployerPage({ route }: PageProps) {
  const { operator } = useSession();
  const employerId = Number(route.params.get('id'));
  const [page, setPage] = useState<EmployerPageDto | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api('employers.get', { employerId }).then(setPage, (e: Error) => setError(e.message));
  }, [employerId]);
  useEffect(() => {
    setPage(null);
    setError(null);
    load();
  }, [load]);

  if (error) return <Alert type="error" showIcon title={error} action={<Button onClick={() => history.back()}>返回</Button>} />;
  if (!page) return <Card loading />;
  const e = page.employer;
  const mayRemit = can(operator.role, 'remit.post');

  const members = (
    <Table<MemberListItem>
      rowKey="id"
      size="middle"
      dataSource={page.members}
      pagination={page.members.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: '该单位尚无职工' }}
      onRow={(m) => ({ onClick: () => navigate(`/member?id=${m.id}`), style: { cursor: 'pointer' } })}
      columns={[
        { title: '个人账号', dataIndex: 'accountNo', width: 150 },
        {
          title: '职工姓名',
          dataIndex: 'name',
          render: (name: string, m) => (
            <a href={`#/member?id=${m.id}`} onClick={(ev) => ev.stopPropagation()}>
              {name}
            </a>
          ),
        },
        { title: '证件号码', dataIndex: 'idNumberMasked', width: 200 },
        { title: '账户状态', dataIndex: 'status', width: 100, render: (s: string) => <StatusTag status={s} /> },
        { title: '账户余额（元）', dataIndex: 'balanceFen', align: 'right', width: 160, render: (f: number) => <Money fen={f} /> },
      ]}
    />
  );

  const remittanceTable = (
    <Table<RemittanceListItem>
      data-testid="remittance-history"
      rowKey="remittanceId"
      size="middle"
      dataSource={page.remittances}
      pagination={false}
      locale={{ emptyText: '尚无缴存记录' }}
      columns={[
        { title: '缴存月份', dataIndex: 'month', width: 130, render: (m: string) => monthLabel(m) },
        { title: '类型', dataIndex: 'kind', width: 90, render: (k: string) => <Tag color={k === '汇缴' ? 'blue' : 'cyan'}>{k}</Tag> },
        { title: '人数', dataIndex: 'memberCount', align: 'right', width: 80 },
        { title: '金额（元）', dataIndex: 'totalFen', align: 'right', render: (f: number) => <Money fen={f} /> },
        { title: '凭证号', dataIndex: 'entryNo' },
        {
          title: '冲正',
          dataIndex: 'reversedBy',
          render: (r: string | null) => (r ? <Tag color="red">已冲正（{r}）</Tag> : ''),
        },
      ]}
    />
  );

  const tabs = [
    ...(mayRemit
      ? [
          { key: 'remit', label: '本月汇缴', children: <RemitPanel page={page} kind="汇缴" onPosted={load} /> },
          { key: 'backpay', label: '补缴', children: <RemitPanel page={page} kind="补缴" onPosted={load} /> },
        ]
      : []),
    { key: 'members', label: `单位职工（${page.members.length}）`, children: members },
    { key: 'history', label: `缴存记录（${page.remittances.length}）`, children: remittanceTable },
  ];

  return (
    <>
      <PageTitle
        title={
          <Space>
            <span data-testid="employer-name">{e.name}</span>
            <StatusTag status={e.status} />
            {e.custody && <Tag color="purple">托管专户</Tag>}
          </Space>
        }
        sub={`单位账号 ${e.accountNo}`}
        extra={
          <Space>
            {can(operator.role, 'members.open') && (
              <Button onClick={() => navigate(`/members/open?employerId=${e.id}`)}>为本单位职工开户</Button>
            )}
            <Button onClick={() => history.back()}>返回</Button>
          </Space>
        }
      />
      <Card title="单位信息" style={{ marginBottom: 16 }}>
        <Descriptions
          bordered
          size="middle"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'name', label: '单位名称', children: e.name },
            { key: 'acct', label: '单位账号', children: e.accountNo },
            { key: 'uscc', label: '统一社会信用代码', children: e.uscc },
            { key: 'district', label: '所属区县', children: e.district },
            { key: 'ratio', label: '缴存比例', children: `个人 ${percent(e.employeeRatioPercent)} / 单位 ${percent(e.employerRatioPercent)}` },
            {
              key: 'supp',
              label: '补充公积金比例',
              children: e.suppEmployeeRatioPercent === null ? '未缴存' : `个人 ${percent(e.suppEmployeeRatioPercent)} / 单位 ${percent(e.suppEmployerRatioPercent)}`,
            },
            { key: 'count', label: '在缴人数', children: `${e.memberCount} 人` },
            { key: 'contact', label: '经办人', children: e.contactName },
            { key: 'phone', label: '联系电话', children: e.contactPhone },
            { key: 'opened', label: '开户日期', children: e.openedDate },
            page.nextMonth
              ? { key: 'next', label: '待汇缴月份', children: <span data-testid="employer-next-month">{monthLabel(page.nextMonth)}</span> }
              : {
                  key: 'next',
                  label: '本月汇缴',
                  children: (
                    <span data-testid="employer-next-month">
                      {monthLabel(page.currentMonthRemitted!.month)}已入账（凭证号 {page.currentMonthRemitted!.entryNo}）
                    </span>
                  ),
                },
            { key: 'address', label: '单位地址', children: e.address || '—' },
          ]}
        />
      </Card>
      <Card>
        <Tabs items={tabs} />
      </Card>
    </>
  );
}

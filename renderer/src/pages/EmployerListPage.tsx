import { Alert, Button, Card, Input, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { EmployerDto } from '../../../shared/contract/dto';
import { api } from '../api';
import { PageTitle } from '../components/PageTitle';
import { StatusTag } from '../components/StatusTag';
import { percent } from '../format';
import { can } from '../permissions';
import type { PageProps } from '../routes';
import { navigate } from '../router';
import { useSession } from '../session';

/** 单位: search by 单位名称, 单位账号 or 统一社会信用代码; an empty query lists the first employers. */
export function EmployerListPage({ route }: PageProps) {
  const { operator } = useSession();
  const q = route.params.get('q') ?? '';
  const [text, setText] = useState(q);
  const [rows, setRows] = useState<EmployerDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setText(q);
    setError(null);
    let live = true;
    api('employers.search', { query: q }).then(
      (r) => live && setRows(r),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [q]);

  return (
    <>
      <PageTitle
        title="单位"
        extra={
          can(operator.role, 'employers.create') && (
            <Button type="primary" onClick={() => navigate('/employers/new')}>
              新增单位
            </Button>
          )
        }
      />
      <Card>
        <Input.Search
          aria-label="单位查询"
          data-testid="employer-search"
          size="large"
          autoFocus
          allowClear
          enterButton="查询"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="单位名称 / 单位账号 / 统一社会信用代码"
          onSearch={(v) => navigate(v.trim() ? `/employers?q=${encodeURIComponent(v.trim())}` : '/employers')}
          style={{ maxWidth: 640, marginBottom: 16 }}
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Table<EmployerDto>
          rowKey="id"
          size="middle"
          loading={!rows && !error}
          dataSource={rows ?? []}
          pagination={(rows?.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          locale={{ emptyText: q ? '未找到符合条件的单位' : '尚无单位' }}
          onRow={(e) => ({ onClick: () => navigate(`/employer?id=${e.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: '单位账号', dataIndex: 'accountNo', width: 150 },
            {
              title: '单位名称',
              dataIndex: 'name',
              render: (name: string, e) => (
                <a href={`#/employer?id=${e.id}`} onClick={(ev) => ev.stopPropagation()}>
                  {name}
                </a>
              ),
            },
            { title: '统一社会信用代码', dataIndex: 'uscc', width: 210 },
            { title: '所属区县', dataIndex: 'district', width: 110 },
            {
              title: '缴存比例（个人/单位）',
              key: 'ratio',
              width: 180,
              render: (_: unknown, e) => `${percent(e.employeeRatioPercent)} / ${percent(e.employerRatioPercent)}`,
            },
            { title: '在缴人数', dataIndex: 'memberCount', align: 'right', width: 100 },
            { title: '状态', dataIndex: 'status', width: 90, render: (s: string) => <StatusTag status={s} /> },
          ]}
        />
      </Card>
    </>
  );
}

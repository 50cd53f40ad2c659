import { Alert, Button, Card, Input, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { MemberListItem } from '../../../shared/contract/dto';
import { api } from '../api';
import { Money } from '../components/Money';
import { PageTitle } from '../components/PageTitle';
import { StatusTag } from '../components/StatusTag';
import { can } from '../permissions';
import type { PageProps } from '../routes';
import { navigate } from '../router';
import { useSession } from '../session';

/** 职工查询: the query lives in the address (#/members?q=…) so 返回 from a member's detail shows the same list. */
export function MemberSearchPage({ route }: PageProps) {
  const { operator } = useSession();
  const q = route.params.get('q') ?? '';
  const [text, setText] = useState(q);
  const [rows, setRows] = useState<MemberListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setText(q);
    setError(null);
    if (!q) {
      setRows(null);
      return;
    }
    let live = true;
    setLoading(true);
    api('members.search', { query: q, limit: 200 })
      .then(
        (r) => live && setRows(r),
        (e: Error) => live && setError(e.message),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [q]);

  const open = (m: MemberListItem) => navigate(`/member?id=${m.id}`);
  return (
    <>
      <PageTitle
        title="职工查询"
        extra={
          can(operator.role, 'members.open') && (
            <Button type="primary" onClick={() => navigate('/members/open')}>
              职工开户
            </Button>
          )
        }
      />
      <Card>
        <Input.Search
          aria-label="职工查询"
          data-testid="member-search"
          size="large"
          autoFocus
          allowClear
          enterButton="查询"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="职工姓名 / 证件号码（或后几位）/ 个人账号"
          loading={loading}
          onSearch={(v) => v.trim() && navigate(`/members?q=${encodeURIComponent(v.trim())}`)}
          style={{ maxWidth: 640, marginBottom: 16 }}
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        {rows && (
          <Typography.Paragraph type="secondary">
            “{q}”共找到 {rows.length} 名职工{rows.length >= 200 ? '（仅显示前200名，请输入更精确的条件）' : ''}
          </Typography.Paragraph>
        )}
        {rows && (
          <Table<MemberListItem>
            data-testid="member-results"
            rowKey="id"
            size="middle"
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            locale={{ emptyText: '未找到符合条件的职工' }}
            onRow={(m) => ({ onClick: () => open(m), style: { cursor: 'pointer' } })}
            columns={[
              { title: '个人账号', dataIndex: 'accountNo', width: 150 },
              {
                title: '职工姓名',
                dataIndex: 'name',
                // A real link, so Tab and Enter reach the detail without the mouse.
                render: (name: string, m) => (
                  <a href={`#/member?id=${m.id}`} onClick={(e) => e.stopPropagation()}>
                    {name}
                  </a>
                ),
              },
              { title: '证件号码', dataIndex: 'idNumberMasked', width: 200 },
              { title: '所在单位', dataIndex: 'employerName' },
              { title: '账户状态', dataIndex: 'status', width: 100, render: (s: string) => <StatusTag status={s} /> },
              { title: '账户余额（元）', dataIndex: 'balanceFen', align: 'right', width: 160, render: (f: number) => <Money fen={f} /> },
            ]}
          />
        )}
      </Card>
    </>
  );
}

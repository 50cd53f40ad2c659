import { Alert, Button, Card, Empty, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { InboxItem } from '../../../shared/contract/dto';
import { api } from '../api';
import { chinaDateTime } from '../format';
import { ALL_STATES } from '../pages/withdrawal/labels';
import { can } from '../permissions';
import { navigate } from '../router';
import { useSession } from '../session';
import { AppStateTag } from './ApplicationTags';
import { Money } from './Money';

/** 提取记录: every withdrawal application of the member, whatever its state, newest first, each to its details. */
export function WithdrawalRecordsCard(props: { memberId: number; canWithdraw: boolean }) {
  const { operator } = useSession();
  const [rows, setRows] = useState<InboxItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setRows(null);
    api('withdrawal.list', { memberId: props.memberId, states: [...ALL_STATES] }).then(setRows, (e: Error) => setError(e.message));
  }, [props.memberId]);

  return (
    <Card
      title="提取记录"
      style={{ marginBottom: 16 }}
      extra={
        props.canWithdraw && can(operator.role, 'withdrawal.create') ? (
          <Button type="primary" onClick={() => navigate(`/withdrawal/intake?memberId=${props.memberId}`)}>
            提取受理
          </Button>
        ) : null
      }
    >
      {error && <Alert type="error" showIcon title={error} />}
      <Table<InboxItem>
        data-testid="withdrawal-records"
        size="small"
        rowKey="id"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        pagination={(rows?.length ?? 0) > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty description="无提取申请" /> }}
        columns={[
          { title: '申请编号', dataIndex: 'appNo', render: (no: string, r) => <a href={`#/withdrawal?id=${r.id}`}>{no}</a> },
          { title: '提取原因', dataIndex: 'caseName', ellipsis: true },
          { title: '金额（元）', dataIndex: 'amountFen', align: 'right', render: (f: number | null) => (f === null ? '—' : <Money fen={f} />) },
          { title: '状态', dataIndex: 'state', render: (s: string) => <AppStateTag state={s} /> },
          { title: '最近办理', dataIndex: 'updatedAt', render: (t: string) => chinaDateTime(t) },
        ]}
      />
    </Card>
  );
}

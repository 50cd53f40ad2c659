import { Alert, Card, Empty, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { AppointmentDto } from '../../../shared/contract/dto';
import { api } from '../api';

const STATUS_COLORS: Record<AppointmentDto['status'], string> = { 已预约: 'blue', 已签到: 'gold', 已受理: 'green', 已取消: 'default' };

/** 预约记录: the member's own appointments (app or counter), newest first, each with what became of it. */
export function AppointmentHistoryCard(props: { memberId: number }) {
  const [rows, setRows] = useState<AppointmentDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setRows(null);
    setError(null);
    api('appointments.forMember', { memberId: props.memberId }).then(setRows, (e: Error) => setError(e.message));
  }, [props.memberId]);

  return (
    <Card title="预约记录" size="small" style={{ marginBottom: 16 }}>
      {error && <Alert type="error" showIcon title={error} />}
      <Table<AppointmentDto>
        data-testid="member-appointments"
        size="small"
        rowKey="id"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        pagination={(rows?.length ?? 0) > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty description="无预约记录" /> }}
        columns={[
          { title: '预约日期', dataIndex: 'date' },
          { title: '时段', dataIndex: 'slot' },
          { title: '业务类型', dataIndex: 'business', ellipsis: true },
          { title: '网点', dataIndex: 'branchCode' },
          { title: '来源', dataIndex: 'source' },
          { title: '状态', dataIndex: 'status', render: (s: AppointmentDto['status']) => <Tag color={STATUS_COLORS[s]}>{s}</Tag> },
          {
            title: '受理',
            dataIndex: 'applicationId',
            render: (id: number | null) => (id === null ? '—' : <a href={`#/withdrawal?id=${id}`}>查看申请</a>),
          },
        ]}
      />
    </Card>
  );
}

import { Alert, Card, Select, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AuditListItem } from '../../../../shared/contract/calls';
import { api } from '../../api';
import { PageTitle } from '../../components/PageTitle';
import { chinaDateTime } from '../../format';
import { actionLabel, detailText, recordLabel } from '../../../../shared/audit/labels';

/** 审计日志: the newest entries of the append-only, hash-chained log (账务核对 verifies the chain). */
export function AuditPage() {
  const [limit, setLimit] = useState(100);
  const [rows, setRows] = useState<AuditListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setRows(null);
    api('audit.list', { limit }).then(setRows, (e: Error) => setError(e.message));
  }, [limit]);

  return (
    <>
      <PageTitle
        title="审计日志"
        extra={
          <Select
            aria-label="显示条数"
            value={limit}
            onChange={setLimit}
            style={{ width: 140 }}
            options={[50, 100, 200, 500].map((n) => ({ value: n, label: `最近 ${n} 条` }))}
          />
        }
      />
      <Card>
        {error && <Alert type="error" showIcon title={error} />}
        <Table<AuditListItem>
          rowKey="id"
          size="small"
          loading={!rows && !error}
          dataSource={rows ?? []}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          columns={[
            { title: '序号', dataIndex: 'id', width: 80 },
            { title: '时间', dataIndex: 'at', width: 170, render: (t: string) => chinaDateTime(t) },
            { title: '操作员', dataIndex: 'operatorLogin', width: 110 },
            { title: '操作', dataIndex: 'action', width: 190, render: (a: string) => <span title={a} data-testid="audit-action">{actionLabel(a)}</span> },
            { title: '对象', key: 'record', width: 180, render: (_: unknown, r) => recordLabel(r.recordType, r.recordId) },
            {
              title: '详情',
              dataIndex: 'detail',
              render: (d: string) => {
                const text = detailText(d);
                return (
                  <Typography.Text type="secondary" ellipsis={{ tooltip: text }} style={{ maxWidth: 480 }}>
                    {text}
                  </Typography.Text>
                );
              },
            },
          ]}
        />
      </Card>
    </>
  );
}

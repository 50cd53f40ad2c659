import { Alert, Card, Descriptions, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { Branch, CenterConfig } from '../../../shared/centers';
import { api } from '../api';
import { PageTitle } from '../components/PageTitle';

/** 中心信息: the center's and every branch's address, hours and phone, as the applicant is told them. */
export function CenterInfoPage() {
  const [center, setCenter] = useState<CenterConfig | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api('center.info', {}).then(setCenter, (e: Error) => setError(e.message));
  }, []);

  return (
    <>
      <PageTitle title="中心信息" sub={center?.name} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card title={center?.name ?? '公积金中心'} loading={!center && !error} style={{ marginBottom: 16 }}>
        {center && (
          <Descriptions
            data-testid="center-info"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'address', label: '办公地址', children: center.address },
              { key: 'hotline', label: '服务热线', children: center.hotline },
              { key: 'hours', label: '办公时间', children: center.hours },
              {
                key: 'web',
                label: '官方网站',
                children: (
                  <a href={center.website} target="_blank" rel="noreferrer">
                    {center.website}
                  </a>
                ),
              },
            ]}
          />
        )}
      </Card>
      {center && (
        <Card title={`管理部、分中心（${center.branches.length} 个）`}>
          <Table<Branch>
            data-testid="branches"
            rowKey="code"
            size="middle"
            pagination={false}
            dataSource={center.branches}
            columns={[
              { title: '网点', dataIndex: 'name', width: 280 },
              { title: '地址', dataIndex: 'address' },
              { title: '办公时间', dataIndex: 'hours', width: 300 },
              { title: '电话', dataIndex: 'phone', width: 130, render: (p: string) => p || '—' },
              { title: '负责人', dataIndex: 'head', width: 100, render: (h?: string) => h ?? '—' },
            ]}
          />
        </Card>
      )}
    </>
  );
}

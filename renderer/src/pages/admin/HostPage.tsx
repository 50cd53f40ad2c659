import { Alert, App, Button, Card, Descriptions, Popconfirm, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { HostInfoDto, SessionListItem } from '../../../../shared/contract/host';
import { api, newKey } from '../../api';
import { PageTitle } from '../../components/PageTitle';
import { chinaDateTime } from '../../format';

/** 网点主机: this host's mode, address and certificate fingerprint, and the open sessions per person and terminal. */
export function HostPage() {
  const { message } = App.useApp();
  const [info, setInfo] = useState<HostInfoDto | null>(null);
  const [rows, setRows] = useState<SessionListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api('host.info', {}).then(setInfo, (e: Error) => setError(e.message));
    api('sessions.list', {}).then(setRows, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  const end = async (s: SessionListItem) => {
    try {
      await api('sessions.end', { sessionId: s.id, idempotencyKey: newKey('session-end') });
      message.success(`已结束 ${s.name} 在 ${s.terminal ?? '本机'} 的会话`);
      load();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <>
      <PageTitle title="网点主机" extra={<Button onClick={load}>刷新</Button>} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Card title="主机" style={{ marginBottom: 16 }} loading={!info && !error}>
        {info && (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="运行方式">
              <span data-testid="host-mode">{info.mode}</span>
            </Descriptions.Item>
            <Descriptions.Item label="监听地址">{info.listen ?? '仅本机'}</Descriptions.Item>
            <Descriptions.Item label="终端访问地址">{info.names.length ? info.names.join('、') : '—'}</Descriptions.Item>
            <Descriptions.Item label="证书指纹（SHA-256）">
              <Typography.Text code copyable={!!info.fingerprint} data-testid="host-fingerprint" style={{ wordBreak: 'break-all' }}>
                {info.fingerprint ?? '未启用 HTTPS'}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="启动时间">{chinaDateTime(info.startedAt)}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card title="已连接的终端与会话">
        <Table<SessionListItem>
          data-testid="host-sessions"
          rowKey="id"
          size="small"
          loading={!rows && !error}
          dataSource={rows ?? []}
          pagination={false}
          columns={[
            { title: '操作员', key: 'who', render: (_: unknown, r) => `${r.name}（${r.login}）` },
            { title: '岗位', dataIndex: 'roleLabel', width: 90 },
            { title: '终端', dataIndex: 'terminal', render: (t: string | null) => t ?? '本机' },
            { title: '地址', dataIndex: 'address', width: 150, render: (a: string | null) => a ?? '—' },
            { title: '登录时间', dataIndex: 'openedAt', width: 170, render: (t: string) => chinaDateTime(t) },
            { title: '最近活动', dataIndex: 'lastSeen', width: 170, render: (t: string) => chinaDateTime(t) },
            {
              title: '',
              key: 'end',
              width: 110,
              render: (_: unknown, r) =>
                r.current ? (
                  <Typography.Text type="secondary">当前会话</Typography.Text>
                ) : (
                  <Popconfirm title={`结束 ${r.name} 的会话？该操作员须重新登录`} okText="结束会话" cancelText="取消" onConfirm={() => end(r)}>
                    <Button size="small" danger>
                      结束会话
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}

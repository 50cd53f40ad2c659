import { Alert, App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { SyncStatusDto } from '../../../../shared/contract/sync';
import { api } from '../../api';
import { PageTitle } from '../../components/PageTitle';
import { chinaDateTime } from '../../format';
import { SyncFiles } from './SyncFiles';

/**
 * 中心同步: how far the center has acknowledged this branch's sealed changes, the last error and the next retry; the
 * center's changes applied here (down direction); joining and the file transfer (SyncFiles).
 */
export function SyncPage() {
  const { message } = App.useApp();
  const [s, setS] = useState<SyncStatusDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pushing, setPushing] = useState(false);

  const load = useCallback(() => {
    api('sync.status', {}).then(
      (r) => {
        setS(r);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(() => {
    load();
    const t = setInterval(load, 3000);
    return () => clearInterval(t);
  }, [load]);

  const pushNow = async () => {
    setPushing(true);
    try {
      const r = await api('sync.pushNow', {});
      setS(r);
      if (r.lastError) message.error(r.lastError);
      else message.success(`中心已确认到第${r.lastAcknowledged}批`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setPushing(false);
    }
  };

  const state = !s ? null : !s.joined ? (
    <Tag>未加入中心</Tag>
  ) : s.lastError ? (
    <Tag color="red">同步中断</Tag>
  ) : s.pendingSeals > 0 ? (
    <Tag color="blue">待同步</Tag>
  ) : (
    <Tag color="green">已同步</Tag>
  );

  return (
    <>
      <PageTitle
        title="中心同步"
        extra={
          <Space>
            <Button onClick={load}>刷新</Button>
            <Button type="primary" loading={pushing} disabled={!s?.running} onClick={pushNow} data-testid="sync-push-now">
              立即同步
            </Button>
          </Space>
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {s && s.joined && !s.centerUrl && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="入网文件没有中心地址：只能用U盘送批次文件（gjj sync export / gjj center import）。请中心用 gjj center enroll --url 重新签发入网文件。" />
      )}
      {s && s.joined && s.centerUrl && !s.running && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="本机不是网点主机，不在后台同步：由网点主机推送，或运行 gjj sync push。" />
      )}
      {s?.down.lastError && (
        <Alert type={s.down.stopped ? 'error' : 'warning'} showIcon style={{ marginBottom: 16 }} data-testid="sync-down-error" title={s.down.lastError}
          description={s.down.stopped ? '中心下发已停止（推送照常）：处理后按“立即同步”重试。' : s.down.nextRetryAt ? `将于 ${chinaDateTime(s.down.nextRetryAt)} 自动重试。` : undefined} />
      )}
      {s?.lastError && <Alert type="error" showIcon style={{ marginBottom: 16 }} data-testid="sync-error" title={s.lastError} description={s.nextRetryAt ? `将于 ${chinaDateTime(s.nextRetryAt)} 自动重试；网点业务照常办理，恢复后自动补传。` : undefined} />}
      <Card loading={!s && !error}>
        {s && (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="状态">{state}</Descriptions.Item>
            <Descriptions.Item label="本网点">{s.branch ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="中心地址">{s.centerUrl ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="本网点最新签封">第{s.lastSealLocal}批</Descriptions.Item>
            <Descriptions.Item label="中心已确认">
              <span data-testid="sync-acknowledged">第{s.lastAcknowledged}批</span>
            </Descriptions.Item>
            <Descriptions.Item label="待同步">
              <Typography.Text type={s.pendingSeals ? 'warning' : undefined} data-testid="sync-pending">
                {s.pendingSeals}批
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="最近尝试">{s.lastAttemptAt ? chinaDateTime(s.lastAttemptAt) : '—'}</Descriptions.Item>
            <Descriptions.Item label="最近成功">{s.lastSuccessAt ? chinaDateTime(s.lastSuccessAt) : '—'}</Descriptions.Item>
            <Descriptions.Item label="下次重试">{s.nextRetryAt ? chinaDateTime(s.nextRetryAt) : '—'}</Descriptions.Item>
            <Descriptions.Item label="中心下发">
              <span data-testid="sync-down-applied">已应用到中心第{s.down.lastApplied}号变更</span>
              {s.down.centerLatest !== null && `（中心最新第${s.down.centerLatest}号，待接收${s.down.pending}项）`}
              {s.down.stopped && <Tag color="red" style={{ marginLeft: 8 }}>已停止</Tag>}
            </Descriptions.Item>
            {s.down.held && <Descriptions.Item label="暂缓下发">{s.down.held}</Descriptions.Item>}
            <Descriptions.Item label="最近接收">{s.down.lastSuccessAt ? chinaDateTime(s.down.lastSuccessAt) : '—'}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <SyncFiles status={s} onChanged={load} />
    </>
  );
}

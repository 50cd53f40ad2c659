import { Alert, App, Button, Card, Descriptions, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { SyncApplyDto, SyncJoinDto, SyncStatusDto } from '../../../../shared/contract/sync';
import { api, newKey } from '../../api';

/** Saves text as a file through the browser's download (the desktop app asks where). */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads the chosen file in the renderer; it leaves the machine only as the call's content. */
const picker = (testId: string, label: string, onText: (text: string) => void, disabled = false) => (
  <span data-testid={`${testId}-zone`}>
    <Upload
      maxCount={1}
      showUploadList={false}
      disabled={disabled}
      beforeUpload={(file) => {
        void file.text().then(onText);
        return false;
      }}
    >
      <Button data-testid={testId} disabled={disabled}>
        {label}
      </Button>
    </Upload>
  </span>
);

/**
 * 入网与文件交换: the same steps as `gjj sync join / export / apply` for an administrator at the branch — join with
 * the center's enrollment file, the join receipt and the key fingerprint to read over the phone, the unsent batches
 * as a file for a USB stick when the line is down, and a center down file applied here.
 */
export function SyncFiles({ status, onChanged }: { status: SyncStatusDto | null; onChanged: () => void }) {
  const { message } = App.useApp();
  const [joined, setJoined] = useState<SyncJoinDto | null>(null);
  const [applied, setApplied] = useState<SyncApplyDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async <T,>(fn: () => Promise<T>, done: (r: T) => void) => {
    setBusy(true);
    setError(null);
    try {
      done(await fn());
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const join = (text: string) =>
    run(() => api('sync.join', { enrollment: text, idempotencyKey: newKey('sync-join') }), (r) => {
      setJoined(r);
      message.success(`已加入中心${r.centerId}，本网点：${r.branchName}（${r.branch}）`);
    });
  const receipt = () => run(() => api('sync.receipt', {}), (r) => download(r.receipt, r.fileName));
  const exportFile = () =>
    run(() => api('sync.exportFile', {}), (r) => {
      if (!r.written || !r.file) {
        message.info(`没有新内容：签封#${r.afterSeal}之后没有新的变更`);
        return;
      }
      download(r.file, r.fileName!);
      message.success(`已导出第${r.fromSeal}至${r.toSeal}批（${r.rows}条变更）：${r.fileName}`);
    });
  const apply = (text: string) =>
    run(() => api('sync.applyFile', { content: text, idempotencyKey: newKey('sync-apply') }), (r) => {
      setApplied(r);
      if (r.applied) message.success(r.message);
      else message.info(r.message);
    });

  const isJoined = !!status?.joined;
  return (
    <Card title="入网与文件交换" style={{ marginTop: 16 }} data-testid="sync-files">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="sync-file-error" />}
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="加入中心">
          {isJoined ? (
            <Typography.Text>已加入（{status?.branch}）</Typography.Text>
          ) : (
            <Space orientation="vertical">
              <Typography.Text type="secondary">选择中心签发的入网文件（gjj center enroll 写出）。加入后本网点生成签名密钥，并出具入网回执交中心登记。</Typography.Text>
              {picker('sync-join-file', '选择入网文件并加入…', (t) => void join(t), busy)}
            </Space>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="网点公钥指纹">
          <Space>
            <Typography.Text strong copyable={!!status?.branchKeyFingerprint} data-testid="sync-fingerprint">
              {joined?.fingerprint ?? status?.branchKeyFingerprint ?? '—'}
            </Typography.Text>
            <Button size="small" disabled={!isJoined || busy} onClick={() => void receipt()} data-testid="sync-receipt">
              下载入网回执
            </Button>
          </Space>
          <div>
            <Typography.Text type="secondary">中心登记入网回执（gjj center register）时显示同一指纹：请电话核对。</Typography.Text>
          </div>
        </Descriptions.Item>
        <Descriptions.Item label="送中心（U盘）">
          <Space orientation="vertical">
            <Button disabled={!isJoined || busy} onClick={() => void exportFile()} data-testid="sync-export">
              导出未送批次文件
            </Button>
            <Typography.Text type="secondary">线路中断时用：中心以 gjj center import 导入；已收到的批次只导入一次。</Typography.Text>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="中心下发文件">
          <Space orientation="vertical">
            {picker('sync-apply-file', '选择下发文件并应用…', (t) => void apply(t), !isJoined || busy)}
            <Typography.Text type="secondary">中心以 gjj center outbox 写出；核对中心签名和编号接续，每项只应用一次（在线时网点主机自动接收）。</Typography.Text>
          </Space>
        </Descriptions.Item>
      </Descriptions>
      {applied && (
        <Alert
          style={{ marginTop: 16 }}
          type={applied.applied ? 'success' : 'info'}
          showIcon
          data-testid="sync-apply-result"
          title={applied.message}
          description={applied.notes.length || applied.held ? <div>{[...applied.notes, ...(applied.held ? [applied.held] : [])].map((n) => <div key={n}>{n}</div>)}</div> : undefined}
        />
      )}
    </Card>
  );
}

import { Alert, App, Button, Card, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { PrivilegedChangeDto } from '../../../../shared/contract/privileged';
import { api, newKey } from '../../api';
import { chinaDateTime, paramValue } from '../../format';
import { useSession } from '../../session';

/** The waiting row in words: rates, 罚息 or the parameter and its value. */
function describe(r: PrivilegedChangeDto): string {
  const p = r.payload as Record<string, string | number | null>;
  const pct = (v: unknown) => (v === null || v === undefined || v === '' ? '按规则' : `${String(v)}%`);
  if (r.kind === 'loan_rate') return `首套 ${pct(p.firstUpTo5y)} / ${pct(p.firstOver5y)}；第二套 ${pct(p.secondUpTo5y)} / ${pct(p.secondOver5y)}（五年以下 / 五年以上）；依据：${String(p.source)}`;
  if (r.kind === 'deposit_rate') return `年利率 ${pct(p.annualRatePercent)}；依据：${String(p.source)}`;
  if (r.kind === 'penalty') return `罚息倍数 × ${String(p.multiplier)}，${String(p.dayBasis)} 天；依据：${String(p.source)}`;
  return `${String(p.paramId)} = ${paramValue(p.value)}；依据：${String(p.note)}`;
}

const STATE_COLORS: Record<PrivilegedChangeDto['state'], string> = { 待确认: 'orange', 已生效: 'green', 已拒绝: 'default' };

/** 补录申请: back-dated rows waiting for a second administrator, who confirms or refuses each (not their own). */
export function PendingChangesCard({ refreshKey, onDecided }: { refreshKey: number; onDecided: () => void }) {
  const { message } = App.useApp();
  const me = useSession().operator;
  const [rows, setRows] = useState<PrivilegedChangeDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<{ row: PrivilegedChangeDto; pass: boolean; key: string } | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    api('rates.pendingChanges', {}).then(setRows, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load, refreshKey]);

  const decide = async () => {
    if (!deciding) return;
    setBusy(true);
    try {
      await api('rates.decideChange', { requestId: deciding.row.id, pass: deciding.pass, ...(note.trim() ? { note: note.trim() } : {}), idempotencyKey: deciding.key });
      message.success(deciding.pass ? '已确认，本行自生效日期起执行' : '已拒绝');
      setDeciding(null);
      load();
      onDecided();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (rows !== null && rows.length === 0 && !error) return null;
  return (
    <Card title="补录申请（须另一位管理员确认）" style={{ marginBottom: 16 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<PrivilegedChangeDto>
        data-testid="pending-changes"
        rowKey="id"
        size="small"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        pagination={false}
        columns={[
          { title: '类别', dataIndex: 'kindLabel', width: 100 },
          { title: '生效日期', dataIndex: 'effectiveFrom', width: 110 },
          { title: '内容', key: 'payload', render: (_: unknown, r) => <span style={{ wordBreak: 'break-all' }}>{describe(r)}</span> },
          { title: '影响', key: 'effect', render: (_: unknown, r) => r.effect.summary },
          { title: '补录原因', dataIndex: 'reason' },
          { title: '申请', key: 'by', width: 150, render: (_: unknown, r) => `${r.requestedBy} · ${chinaDateTime(r.requestedAt)}` },
          {
            title: '状态',
            key: 'state',
            width: 170,
            render: (_: unknown, r) =>
              r.state !== '待确认' ? (
                <Space orientation="vertical" size={0}>
                  <Tag color={STATE_COLORS[r.state]}>{r.state}</Tag>
                  {r.decidedBy && <Typography.Text type="secondary">{`${r.decidedBy}${r.decisionNote ? `：${r.decisionNote}` : ''}`}</Typography.Text>}
                </Space>
              ) : r.requestedById === me.id ? (
                <Tag color="orange">待另一位管理员确认</Tag>
              ) : (
                <Space>
                  <Button size="small" type="primary" onClick={() => (setNote(''), setDeciding({ row: r, pass: true, key: newKey('change-ok') }))}>
                    确认
                  </Button>
                  <Button size="small" danger onClick={() => (setNote(''), setDeciding({ row: r, pass: false, key: newKey('change-no') }))}>
                    拒绝
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={deciding !== null}
        title={deciding?.pass ? '确认补录' : '拒绝补录'}
        okText={deciding?.pass ? '确认生效' : '拒绝'}
        okButtonProps={{ danger: !deciding?.pass, disabled: !deciding?.pass && !note.trim() }}
        confirmLoading={busy}
        onOk={decide}
        onCancel={() => setDeciding(null)}
      >
        {deciding && <Alert type="info" showIcon title={deciding.row.effect.summary} style={{ marginBottom: 12 }} />}
        <Input.TextArea aria-label="确认意见" placeholder={deciding?.pass ? '确认意见（可不填）' : '拒绝理由（必填）'} value={note} onChange={(e) => setNote(e.target.value)} maxLength={300} autoSize={{ minRows: 2 }} />
      </Modal>
    </Card>
  );
}

import { Alert, Button, Card, Empty, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { AppointmentDto } from '../../../../shared/contract/dto';
import type { CaseView } from '../../../../shared/rules';
import { api } from '../../api';
import { chinaToday } from '../../format';
import { can } from '../../permissions';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { useActionKeys } from '../withdrawal/useActionKeys';
import { AppointmentCreateModal } from './AppointmentCreateModal';
import { AppointmentImportModal } from './AppointmentImportModal';
import { intakeAddress } from './appointmentIntake';

const STATUS_COLORS: Record<AppointmentDto['status'], string> = { 已预约: 'blue', 已签到: 'gold', 已受理: 'green', 已取消: 'default' };

/** 今日预约 of the operator's branch: check the member in, and turn the visit into an intake. */
export function AppointmentsCard() {
  const { operator, center } = useSession();
  const [rows, setRows] = useState<AppointmentDto[] | null>(null);
  const [cases, setCases] = useState<CaseView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const { keyFor, done } = useActionKeys();
  const branch = center.branches.find((b) => b.code === operator.branchCode);
  const may = (call: Parameters<typeof can>[1]) => can(operator.role, call);

  const load = useCallback(() => {
    api('appointments.list', operator.branchCode ? { branchCode: operator.branchCode } : {}).then(setRows, (e: Error) => setError(e.message));
  }, [operator.branchCode]);
  useEffect(load, [load]);
  useEffect(() => {
    api('rules.cases', {}).then((c) => setCases(c.withdrawal), () => undefined);
  }, []);

  const checkIn = async (a: AppointmentDto) => {
    setBusy(a.id);
    setError(null);
    try {
      await api('appointments.checkIn', { appointmentId: a.id, idempotencyKey: keyFor(`checkin-${a.id}`) });
      done(`checkin-${a.id}`);
      load();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card
      title={`今日预约 · ${branch?.name ?? center.shortName}（${chinaToday()}）`}
      style={{ marginBottom: 24 }}
      extra={
        <Space>
          {may('appointments.create') && <Button onClick={() => setCreating(true)}>新增预约</Button>}
          {may('appointments.import') && <Button onClick={() => setImporting(true)}>导入预约</Button>}
        </Space>
      }
    >
      {error && <Alert type="error" showIcon closable onClose={() => setError(null)} title={error} style={{ marginBottom: 12 }} />}
      <Table<AppointmentDto>
        data-testid="appointments"
        size="middle"
        rowKey="id"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description="今天没有预约" /> }}
        columns={[
          { title: '时段', dataIndex: 'slot', width: 130 },
          { title: '姓名', dataIndex: 'name' },
          { title: '证件号码', dataIndex: 'idNumberMasked' },
          { title: '业务类型', dataIndex: 'business' },
          { title: '状态', dataIndex: 'status', render: (s: AppointmentDto['status']) => <Tag color={STATUS_COLORS[s]}>{s}</Tag> },
          { title: '来源', dataIndex: 'source', responsive: ['lg'] },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, a) => (
              <Space>
                {a.status === '已预约' && may('appointments.checkIn') && (
                  <Button size="small" loading={busy === a.id} onClick={() => void checkIn(a)}>
                    签到
                  </Button>
                )}
                {(a.status === '已预约' || a.status === '已签到') && may('withdrawal.create') && (
                  <Button size="small" type="primary" onClick={() => navigate(intakeAddress(a, cases))}>
                    受理
                  </Button>
                )}
                {a.applicationId !== null && <a href={`#/withdrawal?id=${a.applicationId}`}>查看申请</a>}
              </Space>
            ),
          },
        ]}
      />
      <AppointmentCreateModal
        open={creating}
        businessOptions={['租房提取', '购房提取', '还贷提取', '退休提取', '销户提取', ...cases.map((c) => c.name)]}
        onClose={() => setCreating(false)}
        onCreated={load}
      />
      <AppointmentImportModal open={importing} onClose={() => setImporting(false)} onImported={load} />
    </Card>
  );
}

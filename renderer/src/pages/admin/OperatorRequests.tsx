import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { OperatorListItem } from '../../../../shared/contract/calls';
import type { OperatorChangeRequestDto } from '../../../../shared/contract/operators';
import { ROLE_LABELS, ROLES, type Role } from '../../../../shared/roles';
import { api, newKey } from '../../api';
import { chinaDateTime } from '../../format';
import { FormModal, ReasonModal } from '../loan/ActionModals';

/** 待确认: new logins and role changes another administrator asked for; confirming applies them. */
export function PendingRequests(props: { rows: OperatorChangeRequestDto[]; me: string | null; onChanged: () => void }) {
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<OperatorChangeRequestDto | null>(null);
  const confirm = async (r: OperatorChangeRequestDto) => {
    setError(null);
    try {
      await api('users.confirm', { requestId: r.id, idempotencyKey: newKey('user-confirm') });
      message.success(`已确认：${r.kindLabel} ${r.login}（${r.roleLabel}）`);
      props.onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Card title="待确认的操作员变更（须另一名管理员确认）" data-testid="operator-requests">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<OperatorChangeRequestDto>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={props.rows}
        locale={{ emptyText: '没有待确认的变更' }}
        columns={[
          { title: '事项', dataIndex: 'kindLabel' },
          { title: '登录名', dataIndex: 'login' },
          { title: '姓名', dataIndex: 'name' },
          { title: '工号', dataIndex: 'staffNo' },
          { title: '岗位', render: (_, r) => (r.fromRoleLabel ? `${r.fromRoleLabel} → ${r.roleLabel}` : r.roleLabel) },
          { title: '申请人', render: (_, r) => `${r.requestedBy} ${chinaDateTime(r.requestedAt)}` },
          {
            title: '操作',
            render: (_, r) => (
              <Space>
                <Button size="small" type="primary" disabled={r.requestedBy === props.me} onClick={() => void confirm(r)}>
                  确认
                </Button>
                <Button size="small" danger onClick={() => setRejecting(r)}>
                  驳回
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {rejecting && (
        <ReasonModal
          title={`驳回：${rejecting.kindLabel} ${rejecting.login}`}
          field="note"
          label="驳回理由"
          okText="驳回"
          onClose={() => setRejecting(null)}
          send={async (note) => {
            await api('users.reject', { requestId: rejecting.id, note, idempotencyKey: newKey('user-reject') });
            props.onChanged();
          }}
        />
      )}
    </Card>
  );
}

export type OperatorAction = { kind: 'role' | 'disable' | 'reset'; row: OperatorListItem };

/** 调整岗位（待复核）, 停用, 重置密码 for one login. */
export function OperatorActionModal(props: { action: OperatorAction; onClose: () => void; onDone: (text: string) => void }) {
  const { kind, row } = props.action;
  if (kind === 'disable') {
    return (
      <ReasonModal
        title={`停用操作员 ${row.name}（${row.login}）`}
        field="reason"
        label="停用原因"
        okText="停用"
        onClose={props.onClose}
        send={async (reason) => {
          await api('users.disable', { operatorId: row.id, reason, idempotencyKey: newKey('user-disable') });
          props.onDone(`已停用 ${row.login}，其会话已结束`);
        }}
      />
    );
  }
  if (kind === 'reset') {
    return (
      <FormModal<{ password: string }>
        title={`重置密码：${row.name}（${row.login}）`}
        okText="重置"
        danger
        testId="reset-password"
        onClose={props.onClose}
        send={async (v) => {
          await api('users.resetPassword', { operatorId: row.id, password: v.password, idempotencyKey: newKey('user-reset') });
          props.onDone(`已重置 ${row.login} 的密码：下次登录须先修改密码`);
        }}
      >
        <Form.Item label="临时密码" name="password" rules={[{ required: true, message: '请填写临时密码' }]} extra="至少8位，须同时包含字母和数字；操作员登录后须立即修改">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </FormModal>
    );
  }
  return (
    <FormModal<{ role: Role }>
      title={`调整岗位：${row.name}（${row.login}，现为${row.roleLabel}）`}
      okText="提交待确认"
      testId="set-role"
      onClose={props.onClose}
      send={async (v) => {
        await api('users.setRole', { operatorId: row.id, role: v.role, idempotencyKey: newKey('user-role') });
        props.onDone(`已提交岗位调整：须另一名管理员确认后生效`);
      }}
    >
      <Form.Item label="新岗位" name="role" rules={[{ required: true, message: '请选择岗位' }]}>
        <Select options={ROLES.filter((r) => r !== row.role).map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
      </Form.Item>
    </FormModal>
  );
}

export function StatusTag(props: { row: OperatorListItem }) {
  const r = props.row;
  if (!r.active) return <Tag>停用</Tag>;
  if (r.lockedUntil) return <Tag color="red">锁定至{chinaDateTime(r.lockedUntil)}</Tag>;
  if (r.mustChangePassword) return <Tag color="orange">须改密码</Tag>;
  return <Tag color="green">启用</Tag>;
}

import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { OperatorListItem } from '../../../../shared/contract/calls';
import type { OperatorChangeRequestDto } from '../../../../shared/contract/operators';
import { ROLE_LABELS, ROLES, type Role } from '../../../../shared/roles';
import { api, newKey } from '../../api';
import { PageTitle } from '../../components/PageTitle';
import { applyError } from '../../forms';
import { OperatorActionModal, PendingRequests, StatusTag, type OperatorAction } from './OperatorRequests';

interface FormValues {
  login: string;
  name: string;
  staffNo: string;
  idNumber: string;
  role?: Role;
  password: string;
}

/**
 * 操作员: who may log in and in which post (岗位). Every login is a person (工号, 证件号码); a new login or a role
 * change waits until another administrator confirms it; 停用 and 重置密码 take effect at once.
 */
export function OperatorsPage() {
  const { message } = App.useApp();
  const [rows, setRows] = useState<OperatorListItem[] | null>(null);
  const [requests, setRequests] = useState<OperatorChangeRequestDto[]>([]);
  const [me, setMe] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [action, setAction] = useState<OperatorAction | null>(null);
  const [key, setKey] = useState(() => newKey('user-add'));
  const [form] = Form.useForm<FormValues>();

  const load = useCallback(() => {
    api('users.list', {}).then(setRows, (e: Error) => setError(e.message));
    api('users.requests', {}).then(setRequests, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    api('session.me', {}).then((o) => setMe(o.login), () => undefined);
  }, []);

  const submit = async (v: FormValues) => {
    setBusy(true);
    setFormError(null);
    try {
      const r = await api('users.add', { login: v.login, name: v.name, staffNo: v.staffNo, idNumber: v.idNumber, role: v.role as Role, password: v.password, idempotencyKey: key });
      message.success(`已提交新增操作员 ${r.name}（${r.login}，${r.roleLabel}）：须另一名管理员确认后生效`);
      form.resetFields();
      setKey(newKey('user-add'));
      load();
    } catch (e) {
      setFormError(applyError(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle title="操作员" />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <PendingRequests rows={requests} me={me} onChanged={load} />
            <Card title="操作员名单">
              {error && <Alert type="error" showIcon title={error} />}
              <Table<OperatorListItem>
                rowKey="id"
                size="middle"
                loading={!rows && !error}
                dataSource={rows ?? []}
                pagination={false}
                columns={[
                  { title: '工号', dataIndex: 'staffNo', render: (s: string | null) => s ?? '（未登记）' },
                  { title: '姓名', dataIndex: 'name' },
                  { title: '登录名', dataIndex: 'login' },
                  { title: '证件号码', dataIndex: 'idNumberMasked', render: (s: string | null) => s ?? '（未登记）' },
                  { title: '岗位', dataIndex: 'roleLabel', render: (r: string) => <Tag color="blue">{r}</Tag> },
                  { title: '状态', render: (_, r) => <StatusTag row={r} /> },
                  {
                    title: '操作',
                    render: (_, r) =>
                      r.active && r.login !== me ? (
                        <Space size={4}>
                          <Button size="small" onClick={() => setAction({ kind: 'role', row: r })}>
                            调整岗位
                          </Button>
                          <Button size="small" onClick={() => setAction({ kind: 'reset', row: r })}>
                            重置密码
                          </Button>
                          <Button size="small" danger onClick={() => setAction({ kind: 'disable', row: r })}>
                            停用
                          </Button>
                        </Space>
                      ) : null,
                  },
                ]}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="新增操作员（待复核）">
            {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
            <Form<FormValues> form={form} layout="vertical" onFinish={submit}>
              <Form.Item label="登录名" name="login" rules={[{ required: true, message: '请填写登录名' }]} extra="3至30位小写字母、数字，以字母开头">
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
                <Input />
              </Form.Item>
              <Form.Item label="工号" name="staffNo" rules={[{ required: true, whitespace: true, message: '请填写工号' }]}>
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item label="证件号码" name="idNumber" rules={[{ required: true, whitespace: true, message: '请填写证件号码' }]} extra="本人居民身份证号码；同一人的多个登录名须一致">
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item label="岗位角色" name="role" rules={[{ required: true, message: '请选择岗位角色' }]} extra="管理员不能同时担任经办、复核、审批岗位">
                <Select placeholder="请选择" options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
              </Form.Item>
              <Form.Item label="登录密码" name="password" rules={[{ required: true, message: '请填写登录密码' }]} extra="至少8位，须同时包含字母和数字">
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                提交待确认
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
      {action && (
        <OperatorActionModal
          action={action}
          onClose={() => setAction(null)}
          onDone={(text) => {
            message.success(text);
            load();
          }}
        />
      )}
    </>
  );
}

import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { OperatorListItem } from '../../../../shared/contract/calls';
import { ROLE_LABELS, ROLES, type Role } from '../../../../shared/roles';
import { api, newKey } from '../../api';
import { PageTitle } from '../../components/PageTitle';
import { chinaDateTime } from '../../format';
import { applyError } from '../../forms';

interface FormValues {
  login: string;
  name: string;
  role?: Role;
  password: string;
}

/** 操作员: who may log in and in which post (岗位). */
export function OperatorsPage() {
  const { message } = App.useApp();
  const [rows, setRows] = useState<OperatorListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(() => newKey('user-add'));
  const [form] = Form.useForm<FormValues>();

  const load = useCallback(() => {
    api('users.list', {}).then(setRows, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  const submit = async (v: FormValues) => {
    setBusy(true);
    setFormError(null);
    try {
      const op = await api('users.add', { login: v.login, name: v.name, role: v.role as Role, password: v.password, idempotencyKey: key });
      message.success(`已添加操作员 ${op.name}（${op.login}，${op.roleLabel}）`);
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
        <Col xs={24} xl={15}>
          <Card title="操作员名单">
            {error && <Alert type="error" showIcon title={error} />}
            <Table<OperatorListItem>
              rowKey="id"
              size="middle"
              loading={!rows && !error}
              dataSource={rows ?? []}
              pagination={false}
              columns={[
                { title: '登录名', dataIndex: 'login' },
                { title: '姓名', dataIndex: 'name' },
                { title: '岗位', dataIndex: 'roleLabel', render: (r: string) => <Tag color="blue">{r}</Tag> },
                { title: '网点', dataIndex: 'branchCode' },
                { title: '状态', dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
                { title: '创建时间', dataIndex: 'createdAt', render: (t: string) => chinaDateTime(t) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title="添加操作员">
            {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
            <Form<FormValues> form={form} layout="vertical" onFinish={submit}>
              <Form.Item label="登录名" name="login" rules={[{ required: true, message: '请填写登录名' }]} extra="3至30位小写字母、数字，以字母开头">
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
                <Input />
              </Form.Item>
              <Form.Item label="岗位角色" name="role" rules={[{ required: true, message: '请选择岗位角色' }]}>
                <Select placeholder="请选择" options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
              </Form.Item>
              <Form.Item label="登录密码" name="password" rules={[{ required: true, message: '请填写登录密码' }]} extra="至少8位，须同时包含字母和数字">
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                添加
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  );
}

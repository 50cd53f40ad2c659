import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { OperatorDto } from '../../../shared/contract/calls';
import { api, setToken } from '../api';
import { applyError } from '../forms';

interface Pending {
  token: string;
  operator: OperatorDto;
}

/** 登录; after an administrator reset the password, a new one is chosen here before anything else. */
export function LoginPage(props: { centerName: string; onLogin(token: string, op: OperatorDto): Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [changeForm] = Form.useForm();
  return (
    <div style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: '100vh', background: '#eef2f7' }}>
      <Card style={{ width: 400 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          公积金柜台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {props.centerName}
        </Typography.Paragraph>
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} showIcon data-testid="login-error" />}
        {pending ? (
          <Form
            form={changeForm}
            layout="vertical"
            data-testid="change-password"
            onFinish={async (v: { oldPassword: string; newPassword: string; confirm: string }) => {
              setBusy(true);
              setError(null);
              try {
                await api('session.changePassword', { oldPassword: v.oldPassword, newPassword: v.newPassword });
                await props.onLogin(pending.token, pending.operator);
              } catch (e) {
                setError(applyError(changeForm, e));
              } finally {
                setBusy(false);
              }
            }}
          >
            <Alert type="warning" showIcon title="管理员已重置您的密码，请先设置新密码" style={{ marginBottom: 16 }} />
            <Form.Item label="临时密码" name="oldPassword" rules={[{ required: true, message: '请填写临时密码' }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Form.Item label="新密码" name="newPassword" rules={[{ required: true, message: '请填写新密码' }]} extra="至少8位，须同时包含字母和数字">
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              label="确认新密码"
              name="confirm"
              dependencies={['newPassword']}
              rules={[
                { required: true, message: '请再次填写新密码' },
                ({ getFieldValue }) => ({
                  validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次填写的新密码不一致'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              修改密码并进入
            </Button>
          </Form>
        ) : (
          <Form
            layout="vertical"
            onFinish={async (v: { login: string; password: string }) => {
              setBusy(true);
              setError(null);
              try {
                const r = await api('session.login', v);
                if (r.mustChangePassword) {
                  setToken(r.token);
                  setPending({ token: r.token, operator: r.operator });
                } else {
                  await props.onLogin(r.token, r.operator);
                }
              } catch (e) {
                setError((e as Error).message);
              } finally {
                setBusy(false);
              }
            }}
          >
            <Form.Item label="登录名" name="login" rules={[{ required: true, message: '请填写登录名' }]}>
              <Input autoFocus autoComplete="username" />
            </Form.Item>
            <Form.Item label="密码" name="password" rules={[{ required: true, message: '请填写密码' }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              登录
            </Button>
          </Form>
        )}
      </Card>
    </div>
  );
}

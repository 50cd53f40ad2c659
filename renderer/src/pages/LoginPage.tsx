import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { OperatorDto } from '../../../shared/contract/calls';
import { api } from '../api';

export function LoginPage(props: { centerName: string; onLogin(token: string, op: OperatorDto): Promise<void> }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: '100vh', background: '#eef2f7' }}>
      <Card style={{ width: 400 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          公积金柜台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {props.centerName}
        </Typography.Paragraph>
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} showIcon />}
        <Form
          layout="vertical"
          onFinish={async (v: { login: string; password: string }) => {
            setBusy(true);
            setError(null);
            try {
              const r = await api('session.login', v);
              await props.onLogin(r.token, r.operator);
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
      </Card>
    </div>
  );
}

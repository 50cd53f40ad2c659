import { Alert, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api';
import { applyError } from '../forms';
import { navigate } from '../router';
import { shell } from '../shell';

/** First run: choose the center this database serves (once, for good) and create the first administrator. */
export function SetupPage(props: { onDone(): void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 48, background: '#eef2f7', minHeight: '100vh' }}>
      <Card style={{ width: 520 }}>
        <Typography.Title level={3}>初始化公积金柜台</Typography.Title>
        <Typography.Paragraph type="secondary">选择本机数据库服务的公积金中心（初始化后不可更改），并创建第一个管理员。</Typography.Paragraph>
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ center: 'yinchuan' }}
          onFinish={async (v) => {
            setError(null);
            try {
              await api('setup.init', v);
              props.onDone();
            } catch (e) {
              setError(applyError(form, e));
            }
          }}
        >
          <Form.Item label="公积金中心" name="center">
            <Radio.Group>
              <Radio.Button value="yinchuan">银川市公积金管理中心</Radio.Button>
              <Radio.Button value="urumqi">乌鲁木齐住房公积金管理中心</Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item label="管理员登录名" name="adminLogin" rules={[{ required: true, message: '请填写管理员登录名' }]}>
            <Input placeholder="如 admin" />
          </Form.Item>
          <Form.Item label="管理员姓名" name="adminName" rules={[{ required: true, message: '请填写管理员姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="管理员工号" name="adminStaffNo" rules={[{ required: true, message: '请填写管理员工号' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="管理员证件号码" name="adminIdNumber" rules={[{ required: true, message: '请填写管理员证件号码' }]} extra="本人居民身份证号码：操作员按人区分，四眼原则比较的是人而不是登录名">
            <Input />
          </Form.Item>
          <Form.Item label="管理员密码" name="adminPassword" rules={[{ required: true, message: '请填写管理员密码' }]} extra="至少8位，须同时包含字母和数字">
            <Input.Password />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            初始化
          </Button>
        </Form>
        {shell() && (
          <Typography.Paragraph style={{ marginTop: 16 }}>
            本机是柜台终端、账务在网点主机上？<Typography.Link onClick={() => navigate('/connection')}>连接网点主机</Typography.Link>
          </Typography.Paragraph>
        )}
      </Card>
    </div>
  );
}

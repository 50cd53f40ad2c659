import { Alert, Button, Card, Descriptions, Form, Input, Radio, Result, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, savedToken } from '../../api';
import { applyError } from '../../forms';
import { shell, type ConnectionMode, type ShellConfig } from '../../shell';

const MODES: { value: ConnectionMode; label: string; help: string }[] = [
  { value: 'standalone', label: '单机', help: '本机保存账务数据，只供本机使用（默认）。' },
  { value: 'host', label: '网点主机', help: '本机保存整个网点的账务数据，并在局域网上为各柜台终端提供服务。' },
  { value: 'terminal', label: '柜台终端', help: '本机不保存账务数据，每笔业务都通过加密连接交给网点主机办理。' },
];

/** AB:CD:… in groups of four bytes, eight groups, so two people can read it to each other group by group. */
const groups = (fp: string) => (fp.match(/(?:[0-9A-F]{2}:?){1,4}/g) ?? []).map((g) => g.replace(/:$/, '')).join('  ');

interface Values {
  mode: ConnectionMode;
  hostUrl?: string;
  fingerprint?: string;
  adminLogin?: string;
  adminPassword?: string;
}

/** 连接方式 / 配对: 单机, 网点主机, or 柜台终端 (主机地址 → 连接 → compare the fingerprint → 确认配对). Desktop only. */
export function ConnectionPage() {
  const bridge = shell();
  const [form] = Form.useForm<Values>();
  const [current, setCurrent] = useState<ShellConfig | null>(null);
  const [probed, setProbed] = useState<{ fingerprint: string; subject: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const mode = Form.useWatch('mode', form);

  useEffect(() => {
    void bridge?.getConfig().then((c) => {
      setCurrent(c);
      if (c) form.setFieldsValue({ mode: c.config.mode, hostUrl: c.config.hostUrl ?? '', fingerprint: c.config.fingerprint ?? '' });
    });
  }, [bridge, form]);

  if (!bridge) {
    return (
      <Card title="连接方式">
        <Typography.Paragraph>连接方式（单机、网点主机、柜台终端）只能在桌面程序中设置。浏览器直接使用提供本页面的服务。</Typography.Paragraph>
      </Card>
    );
  }
  if (saved) return <Result status="success" title="连接方式已保存" subTitle="程序正在重新启动……" />;

  const connect = async () => {
    setError(null);
    setProbed(null);
    form.setFields([{ name: 'hostUrl', errors: [] }]);
    setBusy(true);
    try {
      const r = await bridge.probe(form.getFieldValue('hostUrl') ?? '');
      if (!r.ok) return setError(applyError(form, new ApiError(r.error)));
      setProbed(r.data);
      form.setFieldsValue({ fingerprint: r.data.fingerprint });
    } finally {
      setBusy(false);
    }
  };

  const save = async (v: Values) => {
    setError(null);
    if (v.mode === 'terminal' && probed && v.fingerprint && v.fingerprint.replace(/[\s:]/g, '').toUpperCase() !== probed.fingerprint.replace(/:/g, '')) {
      form.setFields([{ name: 'fingerprint', errors: ['填写的指纹与该主机现在出示的证书不一致：请勿配对，联系管理员核对'] }]);
      return;
    }
    setBusy(true);
    try {
      const config = v.mode === 'terminal' ? { mode: v.mode, hostUrl: v.hostUrl ?? '', fingerprint: v.fingerprint ?? '' } : { mode: v.mode };
      const r = await bridge.setConfig({ config, token: savedToken(), ...(v.adminLogin ? { adminLogin: v.adminLogin, adminPassword: v.adminPassword ?? '' } : {}) });
      if (!r.ok) return setError(applyError(form, new ApiError(r.error)));
      setSaved(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="连接方式" style={{ maxWidth: 760 }} data-testid="connection-page">
      {current && (
        <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="当前">{current.labels[current.config.mode]}{current.exists ? '' : '（未设置，默认单机）'}</Descriptions.Item>
          {current.config.hostUrl && <Descriptions.Item label="网点主机">{current.config.hostUrl}</Descriptions.Item>}
          {current.config.fingerprint && (
            <Descriptions.Item label="已配对的证书指纹">
              <Typography.Text code>{current.config.fingerprint}</Typography.Text>
            </Descriptions.Item>
          )}
          <Descriptions.Item label="本机终端编号">{current.config.terminalId}</Descriptions.Item>
        </Descriptions>
      )}
      {current?.error && <Alert type="error" showIcon title={current.error} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ mode: 'standalone' }}>
        <Form.Item label="连接方式" name="mode" extra={MODES.find((m) => m.value === mode)?.help}>
          <Radio.Group optionType="button" options={MODES.map((m) => ({ value: m.value, label: m.label }))} />
        </Form.Item>
        {mode === 'terminal' && (
          <>
            <Form.Item label="主机地址" required>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="hostUrl" noStyle>
                  <Input placeholder="https://192.168.1.10:8443" aria-label="主机地址" />
                </Form.Item>
                <Button onClick={connect} loading={busy}>
                  连接
                </Button>
              </Space.Compact>
            </Form.Item>
            {probed && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title="请核对证书指纹"
                description={
                  <>
                    <div>该主机（{probed.subject || '未署名'}）出示的证书指纹：</div>
                    <Typography.Text code copyable={{ text: probed.fingerprint }} data-testid="probed-fingerprint" style={{ fontSize: 16 }}>
                      {groups(probed.fingerprint)}
                    </Typography.Text>
                    <div>与网点主机屏幕上显示的指纹逐组核对，完全一致才点“确认配对”。不一致说明连到的可能不是本网点的主机。</div>
                  </>
                }
              />
            )}
            <Form.Item label="证书指纹（SHA-256）" name="fingerprint" extra="点“连接”后自动填入；也可由管理员照网点主机屏幕输入">
              <Input.TextArea autoSize placeholder="AB:CD:…（64 位十六进制）" />
            </Form.Item>
            <Typography.Paragraph type="secondary">未以管理员身份登录时（如主机更换证书后重新配对），请填写网点主机的管理员登录名和密码：</Typography.Paragraph>
            <Space>
              <Form.Item label="管理员登录名" name="adminLogin">
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item label="管理员密码" name="adminPassword">
                <Input.Password autoComplete="off" />
              </Form.Item>
            </Space>
          </>
        )}
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {mode === 'terminal' ? '确认配对' : '保存并重新启动'}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

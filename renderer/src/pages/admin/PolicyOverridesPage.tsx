import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { ParamOverrideDto } from '../../../../shared/contract/calls';
import type { ParamInfo } from '../../../../shared/rules';
import { api, newKey } from '../../api';
import { PageTitle } from '../../components/PageTitle';
import { chinaDateTime, paramValue as valueText } from '../../format';
import { applyError } from '../../forms';
import type { ChangeEffectDto } from '../../../../shared/contract/privileged';
import { ChangeEffectModal } from './ChangeEffectModal';
import { PendingChangesCard } from './PendingChangesCard';

interface Values {
  paramId?: string;
  effectiveFrom?: Dayjs;
  valueJson: string;
  note: string;
}

/** Only the syntax is checked here; whether the value fits the parameter is the engine's to say (beside the field). */
const jsonRule = {
  validator: async (_: unknown, v: string | undefined) => {
    if (!v?.trim()) throw new Error('请填写参数值（JSON）');
    try {
      JSON.parse(v);
    } catch {
      throw new Error('不是有效的 JSON：数字如 1000，文字须加英文双引号如 "2"，列表如 ["rent","purchase"]');
    }
  },
};

/** 政策参数调整: a dated value that wins over the policy pack's from its effective date, with the reason. */
export function PolicyOverridesPage() {
  const { message } = App.useApp();
  const [params, setParams] = useState<ParamInfo[] | null>(null);
  const [rows, setRows] = useState<ParamOverrideDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(() => newKey('override'));
  const [form] = Form.useForm<Values>();
  const [pending, setPending] = useState<{ v: Values; effect: ChangeEffectDto } | null>(null);
  const [refresh, setRefresh] = useState(0);
  const paramId = Form.useWatch('paramId', form);
  const chosen = params?.find((p) => p.id === paramId);

  const load = useCallback(() => {
    api('policy.overrides', {}).then(setRows, (e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    load();
    api('rules.params', {}).then(setParams, (e: Error) => setError(e.message));
  }, [load]);

  const refused = (v: Values, e: unknown) => {
    // The service names `paramId` for any override it cannot read; a parameter picked from its own list is known,
    // so what it could not read is the value.
    const known = params?.some((p) => p.id === v.paramId) ?? false;
    setFormError(applyError(form, e, { value: 'valueJson', ...(known ? { paramId: 'valueJson' } : {}) }));
  };

  /** First the effect (applications in progress judged again), then the row; a back-dated one waits for a second administrator. */
  const submit = async (v: Values) => {
    setBusy(true);
    setFormError(null);
    try {
      setPending({ v, effect: await api('rates.previewEffect', { kind: 'override', effectiveFrom: v.effectiveFrom?.format('YYYY-MM-DD') ?? '', paramId: v.paramId ?? '' }) });
    } catch (e) {
      refused(v, e);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (backdateReason?: string) => {
    if (!pending) return;
    const { v, effect } = pending;
    setBusy(true);
    try {
      await api('policy.addOverride', {
        paramId: v.paramId ?? '',
        effectiveFrom: v.effectiveFrom?.format('YYYY-MM-DD') ?? '',
        value: JSON.parse(v.valueJson) as unknown,
        note: v.note,
        ...(backdateReason ? { backdateReason } : {}),
        idempotencyKey: key,
      });
      message.success(effect.backDated ? '已提交补录申请，待另一位管理员确认后生效' : '已添加参数调整');
      form.resetFields();
      setKey(newKey('override'));
      load();
      setRefresh((n) => n + 1);
    } catch (e) {
      refused(v, e);
    } finally {
      setPending(null);
      setBusy(false);
    }
  };

  const label = (id: string) => params?.find((p) => p.id === id)?.label ?? id;
  const latest = chosen?.series.at(-1);
  return (
    <>
      <PageTitle title="政策参数调整" sub="调整自生效日期起优先于政策原值；判定时按申请日取值" />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <PendingChangesCard refreshKey={refresh} onDecided={load} />
      <ChangeEffectModal effect={pending?.effect ?? null} busy={busy} onOk={confirm} onCancel={() => setPending(null)} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title="已有调整">
            <Table<ParamOverrideDto>
              data-testid="overrides"
              rowKey={(o) => `${o.paramId}@${o.effectiveFrom}`}
              size="small"
              loading={!rows && !error}
              dataSource={rows ?? []}
              pagination={false}
              locale={{ emptyText: '尚无调整，全部按政策原值执行' }}
              columns={[
                { title: '参数', dataIndex: 'paramId', render: (id: string) => (<><div>{label(id)}</div><Typography.Text code style={{ fontSize: 12 }}>{id}</Typography.Text></>) },
                { title: '生效日期', dataIndex: 'effectiveFrom', width: 110 },
                { title: '调整后取值', dataIndex: 'value', render: (v: unknown) => <Typography.Text code style={{ wordBreak: 'break-all' }}>{valueText(v)}</Typography.Text> },
                { title: '调整依据', dataIndex: 'note' },
                { title: '操作', key: 'by', width: 170, render: (_: unknown, o) => `${o.createdBy} · ${chinaDateTime(o.createdAt)}` },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title="新增参数调整">
            {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
            <Form<Values> form={form} layout="vertical" onFinish={submit}>
              <Form.Item label="政策参数" name="paramId" rules={[{ required: true, message: '请选择政策参数' }]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="按名称或编号查找"
                  loading={!params}
                  options={(params ?? []).map((p) => ({ value: p.id, label: `${p.label}（${p.id}）` }))}
                />
              </Form.Item>
              {latest && (
                <Alert
                  type="info"
                  style={{ marginBottom: 16 }}
                  title={`政策原值（${latest.effectiveFrom}起）：${valueText(latest.value)}`}
                  description={latest.source ? `依据：“${latest.source.clause}”` : undefined}
                />
              )}
              <Form.Item label="生效日期" name="effectiveFrom" rules={[{ required: true, message: '请选择生效日期' }]}>
                <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item label="调整后取值（JSON）" name="valueJson" rules={[jsonRule]} extra="格式与政策原值相同">
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} style={{ fontFamily: 'monospace' }} />
              </Form.Item>
              <Form.Item label="调整依据" name="note" rules={[{ required: true, whitespace: true, message: '请填写调整依据（文件名称、文号）' }]}>
                <Input.TextArea autoSize={{ minRows: 2 }} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                添加调整
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  );
}

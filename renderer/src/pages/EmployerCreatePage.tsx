import { Alert, App, Button, Card, Checkbox, DatePicker, Divider, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { checkUscc } from '../../../shared/uscc';
import { api, newKey } from '../api';
import { PageTitle } from '../components/PageTitle';
import { chinaToday } from '../format';
import { applyError } from '../forms';
import { useFormDraft } from '../drafts/useFormDraft';
import { latestLimits } from '../limits';
import { navigate } from '../router';
import { useSession } from '../session';

interface FormValues {
  name: string;
  uscc: string;
  usccConfirmed?: boolean;
  district?: string;
  employeeRatioPercent: string;
  employerRatioPercent: string;
  suppEmployeeRatioPercent?: string;
  suppEmployerRatioPercent?: string;
  contactName: string;
  contactPhone: string;
  address?: string;
  openedDate?: Dayjs;
  custody?: boolean;
}

const blankToNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/**
 * 新增单位. A credit code whose check character fails may still be genuine (early pilot codes), so the clerk
 * may confirm it against the business licence; a wrong length or character is never accepted.
 */
export function EmployerCreatePage() {
  const { center } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [key] = useState(() => newKey('employer-create'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const uscc = Form.useWatch('uscc', form) ?? '';
  const verdict = uscc.trim().length === 18 ? checkUscc(uscc) : null;
  const mayConfirm = verdict !== null && !verdict.ok && !verdict.fatal;
  const limits = latestLimits(center);
  const draft = useFormDraft({
    form: 'employers.create',
    scope: '',
    ready: true,
    values: () => form.getFieldsValue(true),
    restore: (v) => form.setFieldsValue(v as Partial<FormValues>),
    title: () => `新增单位 · ${(form.getFieldValue('name') as string | undefined)?.trim() || '（未填单位名称）'}`,
  });
  const ratioHint = limits ? `${limits.ratioMinPercent}%～${limits.ratioMaxPercent}%${limits.ratioWholeNumbers ? '，取整数' : ''}` : '';

  const submit = async (v: FormValues) => {
    setBusy(true);
    setError(null);
    try {
      const e = await api('employers.create', {
        name: v.name,
        uscc: v.uscc,
        usccConfirmed: mayConfirm && v.usccConfirmed === true,
        district: v.district ?? '',
        employeeRatioPercent: v.employeeRatioPercent ?? '',
        employerRatioPercent: v.employerRatioPercent ?? '',
        suppEmployeeRatioPercent: blankToNull(v.suppEmployeeRatioPercent),
        suppEmployerRatioPercent: blankToNull(v.suppEmployerRatioPercent),
        contactName: v.contactName,
        contactPhone: v.contactPhone,
        address: v.address ?? '',
        ...(v.openedDate ? { openedDate: v.openedDate.format('YYYY-MM-DD') } : {}),
        ...(v.custody ? { custody: true } : {}),
        idempotencyKey: key,
      });
      await draft.clear();
      message.success(`单位开户成功：${e.name}，单位账号 ${e.accountNo}`);
      navigate(`/employer?id=${e.id}`);
    } catch (e) {
      setError(applyError(form, e));
    } finally {
      setBusy(false);
    }
  };

  const ratio = (label: string, required: boolean) => [
    ...(required ? [{ required: true, message: `请填写${label}` }] : []),
    { pattern: /^\d{1,2}(\.\d{1,2})?$/, message: `${label}应为百分数，如 12 或 7.5` },
  ];

  return (
    <>
      <PageTitle title="新增单位" />
      <Card style={{ maxWidth: 860 }}>
        {draft.banner}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form<FormValues>
          form={form}
          layout="horizontal"
          labelCol={{ span: 6 }}
          wrapperCol={{ span: 16 }}
          initialValues={{ openedDate: dayjs(chinaToday()) }}
          onFinish={submit}
          onValuesChange={draft.touched}
        >
          <Form.Item label="单位名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}>
            <Input autoFocus maxLength={60} />
          </Form.Item>
          <Form.Item
            label="统一社会信用代码"
            name="uscc"
            normalize={(v: string) => v.toUpperCase()}
            validateTrigger={['onChange', 'onBlur']}
            rules={[
              { required: true, message: '请填写统一社会信用代码' },
              {
                validateTrigger: 'onBlur',
                validator: async (_: unknown, v: string | undefined) => {
                  const r = v?.trim() ? checkUscc(v) : null;
                  if (r && !r.ok && r.fatal) throw new Error(`统一社会信用代码${r.reason}`);
                },
              },
              {
                warningOnly: true,
                validator: async (_: unknown, v: string | undefined) => {
                  const r = v?.trim().length === 18 ? checkUscc(v) : null;
                  if (r && !r.ok && !r.fatal) throw new Error(`统一社会信用代码${r.reason}`);
                },
              },
            ]}
          >
            <Input maxLength={18} style={{ fontFamily: 'monospace' }} autoComplete="off" />
          </Form.Item>
          {mayConfirm && (
            <Form.Item
              name="usccConfirmed"
              valuePropName="checked"
              wrapperCol={{ offset: 6, span: 16 }}
              rules={[
                {
                  validator: async (_: unknown, checked: boolean | undefined) => {
                    if (!checked) throw new Error('校验码不符的代码须核对营业执照无误后勾选确认');
                  },
                },
              ]}
            >
              <Checkbox>已核对营业执照，确认代码无误</Checkbox>
            </Form.Item>
          )}
          {center.id === 'yinchuan' && (
            <Form.Item
              label="托管专户"
              name="custody"
              valuePropName="checked"
              extra="住房公积金托管专户的职工直接向中心及其分中心提出提取申请，转账支取凭证无需单位初审盖章（003 提取程序1）"
            >
              <Checkbox data-testid="employer-custody">住房公积金托管专户</Checkbox>
            </Form.Item>
          )}
          <Form.Item label="所属区县" name="district" rules={[{ required: true, message: '请选择所属区县' }]}>
            <Select style={{ maxWidth: 240 }} placeholder="请选择" options={center.districts.map((d) => ({ value: d, label: d }))} />
          </Form.Item>
          <Form.Item label="个人缴存比例" name="employeeRatioPercent" rules={ratio('个人缴存比例', true)} extra={ratioHint}>
            <Input suffix="%" inputMode="decimal" style={{ maxWidth: 160 }} />
          </Form.Item>
          <Form.Item label="单位缴存比例" name="employerRatioPercent" rules={ratio('单位缴存比例', true)}>
            <Input suffix="%" inputMode="decimal" style={{ maxWidth: 160 }} />
          </Form.Item>
          <Divider titlePlacement="start" plain>
            补充住房公积金（无则不填）
          </Divider>
          <Form.Item label="补充公积金个人比例" name="suppEmployeeRatioPercent" rules={ratio('补充公积金个人比例', false)}>
            <Input suffix="%" inputMode="decimal" style={{ maxWidth: 160 }} />
          </Form.Item>
          <Form.Item label="补充公积金单位比例" name="suppEmployerRatioPercent" rules={ratio('补充公积金单位比例', false)}>
            <Input suffix="%" inputMode="decimal" style={{ maxWidth: 160 }} />
          </Form.Item>
          <Divider />
          <Form.Item label="经办人" name="contactName" rules={[{ required: true, whitespace: true, message: '请填写经办人' }]}>
            <Input maxLength={30} style={{ maxWidth: 240 }} />
          </Form.Item>
          <Form.Item label="联系电话" name="contactPhone" rules={[{ required: true, whitespace: true, message: '请填写联系电话' }]}>
            <Input maxLength={20} style={{ maxWidth: 240 }} />
          </Form.Item>
          <Form.Item label="单位地址" name="address">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label="开户日期" name="openedDate">
            <DatePicker format="YYYY-MM-DD" allowClear={false} />
          </Form.Item>
          <Form.Item wrapperCol={{ offset: 6 }}>
            <Space>
              <Button type="primary" htmlType="submit" loading={busy}>
                保存
              </Button>
              <Button onClick={() => history.back()}>取消</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
    </>
  );
}

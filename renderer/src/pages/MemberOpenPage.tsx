import { Alert, Button, Card, DatePicker, Form, Input, Result, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { MemberDetail } from '../../../shared/contract/dto';
import { idFacts, idNumberError } from '../../../shared/idcard';
import { api, newKey } from '../api';
import { EmployerPicker } from '../components/EmployerPicker';
import { PageTitle } from '../components/PageTitle';
import { chinaToday, yuan, yuanRule, yuanToFen } from '../format';
import { latestLimits, lowerBoundText } from '../limits';
import { applyError } from '../forms';
import { useFormDraft } from '../drafts/useFormDraft';
import type { PageProps } from '../routes';
import { navigate } from '../router';
import { useSession } from '../session';

interface FormValues {
  name: string;
  idNumber: string;
  phone: string;
  employerId?: number;
  baseYuan: string;
  openedDate?: Dayjs;
}

const idChecks = [
  { required: true, message: '请填写证件号码' },
  {
    // While typing, judge only a complete number; on leaving the field, judge whatever is there.
    validateTrigger: 'onChange',
    validator: async (_: unknown, v: string | undefined) => {
      const err = v && v.trim().length >= 18 ? idNumberError(v) : null;
      if (err) throw new Error(`证件号码${err}`);
    },
  },
  {
    // The complete number is the rule above's; this one covers a number left short, so no message shows twice.
    validateTrigger: 'onBlur',
    validator: async (_: unknown, v: string | undefined) => {
      const err = v?.trim() && v.trim().length < 18 ? idNumberError(v) : null;
      if (err) throw new Error(`证件号码${err}`);
    },
  },
];

/** 职工开户. One idempotency key per opening of the form: a double click or a retry opens one account. */
export function MemberOpenPage({ route }: PageProps) {
  const { center } = useSession();
  const [form] = Form.useForm<FormValues>();
  const [key, setKey] = useState(() => newKey('member-open'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState<MemberDetail | null>(null);
  const idNumber = Form.useWatch('idNumber', form);
  const preselected = Number(route.params.get('employerId')) || undefined;
  const limits = latestLimits(center);

  const facts = idNumber && !idNumberError(idNumber) ? idFacts(idNumber) : null;
  const draft = useFormDraft({
    form: 'members.open',
    scope: '',
    ready: true,
    values: () => form.getFieldsValue(true),
    restore: (v) => form.setFieldsValue(v as Partial<FormValues>),
    title: () => `职工开户 · ${(form.getFieldValue('name') as string | undefined)?.trim() || '（未填姓名）'}`,
  });

  const submit = async (v: FormValues) => {
    const base = yuanToFen(v.baseYuan, '缴存基数');
    if ('error' in base) {
      form.setFields([{ name: 'baseYuan', errors: [base.error] }]);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const m = await api('members.open', {
        name: v.name,
        idNumber: v.idNumber,
        phone: v.phone,
        employerId: v.employerId as number,
        baseFen: base.fen,
        ...(v.openedDate ? { openedDate: v.openedDate.format('YYYY-MM-DD') } : {}),
        idempotencyKey: key,
      });
      setOpened(m);
      await draft.clear();
    } catch (e) {
      setError(applyError(form, e, { baseFen: 'baseYuan' }));
    } finally {
      setBusy(false);
    }
  };

  const again = () => {
    setOpened(null);
    setKey(newKey('member-open'));
    form.resetFields();
  };

  if (opened) {
    return (
      <Result
        status="success"
        title="开户成功"
        subTitle={`${opened.name}，个人账号 ${opened.accountNo}，所在单位 ${opened.employer.name}`}
        extra={[
          <Button type="primary" key="view" autoFocus onClick={() => navigate(`/member?id=${opened.id}`)}>
            查看职工
          </Button>,
          <Button key="again" onClick={again}>
            继续开户
          </Button>,
        ]}
      />
    );
  }

  return (
    <>
      <PageTitle title="职工开户" />
      <Card style={{ maxWidth: 760 }}>
        {draft.banner}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form<FormValues>
          form={form}
          layout="horizontal"
          labelCol={{ span: 5 }}
          wrapperCol={{ span: 17 }}
          initialValues={{ openedDate: dayjs(chinaToday()), employerId: preselected }}
          onFinish={submit}
          onValuesChange={draft.touched}
        >
          <Form.Item label="职工姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写职工姓名' }]}>
            <Input autoFocus maxLength={30} />
          </Form.Item>
          <Form.Item
            label="证件号码"
            name="idNumber"
            validateTrigger={['onChange', 'onBlur']}
            normalize={(v: string) => v.toUpperCase()}
            rules={idChecks}
            extra={facts ? `出生日期 ${facts.birthDate}，性别 ${facts.sex === 'M' ? '男' : '女'}` : '18位居民身份证号码'}
          >
            <Input maxLength={20} autoComplete="off" />
          </Form.Item>
          <Form.Item label="联系电话" name="phone" rules={[{ required: true, whitespace: true, message: '请填写联系电话' }]}>
            <Input maxLength={20} placeholder="手机号码或带区号的固定电话" />
          </Form.Item>
          <Form.Item label="所在单位" name="employerId" rules={[{ required: true, message: '请选择所在单位' }]}>
            <EmployerPicker />
          </Form.Item>
          <Form.Item
            label="缴存基数"
            name="baseYuan"
            required
            rules={[yuanRule('缴存基数')]}
            extra={limits && `${limits.year}基数上限 ${yuan(limits.baseUpperFen)} 元，下限 ${lowerBoundText(limits)} 元`}
          >
            <Input suffix="元" inputMode="decimal" style={{ maxWidth: 240 }} placeholder="如 6500" />
          </Form.Item>
          <Form.Item label="开户日期" name="openedDate">
            <DatePicker format="YYYY-MM-DD" allowClear={false} />
          </Form.Item>
          <Form.Item wrapperCol={{ offset: 5 }}>
            <Space>
              <Button type="primary" htmlType="submit" loading={busy}>
                开户
              </Button>
              <Button onClick={() => history.back()}>取消</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
    </>
  );
}

import { Alert, AutoComplete, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { AppointmentDto } from '../../../../shared/contract/dto';
import { api, newKey } from '../../api';
import { chinaToday } from '../../format';
import { applyError } from '../../forms';

interface Values {
  date?: Dayjs;
  slot?: string;
  business?: string;
  name?: string;
  idNumber?: string;
  phone?: string;
}

const SLOTS = ['09:00-10:00', '10:00-11:00', '11:00-12:00', '14:30-15:30', '15:30-16:30', '16:30-17:30'].map((value) => ({ value }));

/** 新增预约 at the counter (a phone call, a walk-in booking a later visit); the contract checks every field. */
export function AppointmentCreateModal(props: { open: boolean; businessOptions: string[]; onClose(): void; onCreated(a: AppointmentDto): void }) {
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(() => newKey('appointment'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!props.open) return;
    // Each opening is one booking: its own idempotency key.
    setKey(newKey('appointment'));
    setError(null);
  }, [props.open]);

  const ok = async () => {
    const v = form.getFieldsValue();
    setBusy(true);
    setError(null);
    try {
      const a = await api('appointments.create', {
        date: v.date?.format('YYYY-MM-DD') ?? '',
        slot: v.slot ?? '',
        business: v.business ?? '',
        name: v.name ?? '',
        idNumber: v.idNumber ?? '',
        phone: v.phone ?? '',
        idempotencyKey: key,
      });
      form.resetFields();
      props.onCreated(a);
      props.onClose();
    } catch (e) {
      setError(applyError(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={props.open} title="新增预约" okText="保存预约" cancelText="取消" confirmLoading={busy} onOk={() => void ok()} onCancel={props.onClose} forceRender>
      <Form<Values> form={form} layout="vertical" initialValues={{ date: dayjs(chinaToday()) }} autoComplete="off">
        <Form.Item label="预约日期" name="date">
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item label="预约时段" name="slot">
          <AutoComplete options={SLOTS} placeholder="如 09:00-10:00" />
        </Form.Item>
        <Form.Item label="业务类型" name="business">
          <AutoComplete options={props.businessOptions.map((value) => ({ value }))} placeholder="如 租房提取、退休提取" filterOption />
        </Form.Item>
        <Form.Item label="姓名" name="name">
          <Input />
        </Form.Item>
        <Form.Item label="证件号码" name="idNumber">
          <Input />
        </Form.Item>
        <Form.Item label="联系电话" name="phone">
          <Input />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

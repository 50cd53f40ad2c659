import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { applyError } from '../../forms';

/**
 * Asks for the words an action needs — 退回原因, 撤销原因, 冲正原因, 复核意见 — and shows the contract's refusal
 * beside the field it names (`note`, `reason`) or above the form.
 */
export function ReasonModal(props: {
  open: boolean;
  title: string;
  /** The contract's field: `note` for sign-offs, `reason` for 撤销 and 冲正. */
  field: 'note' | 'reason';
  label: string;
  placeholder?: string;
  okText: string;
  danger?: boolean;
  onSubmit(text: string): Promise<void>;
  onClose(): void;
}) {
  const [form] = Form.useForm<Record<string, string>>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (props.open) {
      form.resetFields();
      setError(null);
    }
  }, [props.open, form]);

  const ok = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(((form.getFieldValue(props.field) as string | undefined) ?? '').trim());
      props.onClose();
    } catch (e) {
      setError(applyError(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      cancelText="取消"
      okButtonProps={{ danger: props.danger, loading: busy }}
      onOk={() => void ok()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name={props.field} label={props.label}>
          <Input.TextArea rows={3} maxLength={300} showCount placeholder={props.placeholder} autoFocus />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

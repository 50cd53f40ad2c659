import { Button, Form, Modal, Typography, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { applyError } from '../../forms';

/**
 * A modal with one form that, once the call succeeds, shows what the service answered (the allocation, the new
 * schedule …) in place of the form: the clerk reads the result back to the member before closing. `send` throws
 * the contract error, which lands beside the field it names.
 */
export function ResultModal<V extends object, R>(props: {
  title: string;
  okText: string;
  testId: string;
  width?: number;
  danger?: boolean;
  initialValues?: Partial<V>;
  fieldMap?: Record<string, string>;
  send: (v: V) => Promise<R>;
  form: (form: FormInstance<V>) => ReactNode;
  result: (r: R) => ReactNode;
  /** Called when the modal closes; `changed` when the call went through, so the page reloads. */
  onClose: (changed: boolean) => void;
}) {
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ r: R } | null>(null);

  const ok = async () => {
    let v: V;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setDone({ r: await props.send(v) });
    } catch (e) {
      setError(applyError(form, e, props.fieldMap));
    } finally {
      setBusy(false);
    }
  };

  const close = () => props.onClose(done !== null);
  const footer = done
    ? [
        <Button key="done" type="primary" onClick={close} data-testid={`${props.testId}-done`}>
          完成
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={close}>
          取消
        </Button>,
        <Button key="ok" type="primary" danger={props.danger} loading={busy} onClick={() => void ok()} data-testid={`${props.testId}-ok`}>
          {props.okText}
        </Button>,
      ];
  return (
    <Modal open width={props.width ?? 560} title={props.title} footer={footer} onCancel={close} destroyOnHidden maskClosable={false}>
      {done ? (
        <div data-testid={`${props.testId}-result`}>{props.result(done.r)}</div>
      ) : (
        <Form form={form} layout="vertical" data-testid={props.testId} initialValues={props.initialValues}>
          {props.form(form)}
          {error && (
            <Typography.Text type="danger" data-testid={`${props.testId}-error`}>
              {error}
            </Typography.Text>
          )}
        </Form>
      )}
    </Modal>
  );
}

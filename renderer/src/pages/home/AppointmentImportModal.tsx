import { Alert, Button, Form, Input, Modal, Radio, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { api, newKey } from '../../api';
import { applyError } from '../../forms';

interface Values {
  format: 'csv' | 'json';
  content?: string;
}

const CSV_EXAMPLE = '日期,时段,业务类型,姓名,证件号码,联系电话\n2026-07-01,09:00-10:00,租房提取,马建国,640104198503121172,13995001234';

/**
 * 导入预约 from the mobile app's export or a spreadsheet: paste it or pick the file. Bad rows are skipped by the
 * service with a reason each, shown here; nothing is guessed.
 */
export function AppointmentImportModal(props: { open: boolean; onClose(): void; onImported(): void }) {
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(() => newKey('appointment-import'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ imported: number; skipped: string[] } | null>(null);

  useEffect(() => {
    if (!props.open) return;
    setKey(newKey('appointment-import'));
    setError(null);
    setResult(null);
  }, [props.open]);

  const run = async () => {
    const v = form.getFieldsValue();
    setBusy(true);
    setError(null);
    try {
      const r = await api('appointments.import', { format: v.format, content: v.content ?? '', idempotencyKey: key });
      setResult(r);
      // Another import from this window is another batch.
      setKey(newKey('appointment-import'));
      props.onImported();
    } catch (e) {
      setError(applyError(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title="导入预约"
      width={720}
      onCancel={props.onClose}
      forceRender
      footer={[
        <Button key="close" onClick={props.onClose}>
          关闭
        </Button>,
        <Button key="import" type="primary" loading={busy} onClick={() => void run()} data-testid="import-run">
          导入
        </Button>,
      ]}
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ format: 'csv' }}>
        <Form.Item label="格式" name="format">
          <Radio.Group
            optionType="button"
            options={[
              { label: 'CSV（表头：日期,时段,业务类型,姓名,证件号码,联系电话[,网点]）', value: 'csv' },
              { label: 'JSON 数组', value: 'json' },
            ]}
          />
        </Form.Item>
        <Upload
          accept=".csv,.json,.txt"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(file) => {
            // Read in the renderer; the file never leaves the machine except as the call's content.
            void file.text().then((text) => form.setFieldsValue({ content: text, format: file.name.toLowerCase().endsWith('.json') ? 'json' : 'csv' }));
            return false;
          }}
        >
          <Button style={{ marginBottom: 12 }}>选择文件…</Button>
        </Upload>
        <Form.Item label="导入内容" name="content" extra="也可直接粘贴">
          <Input.TextArea rows={8} placeholder={CSV_EXAMPLE} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
      {result && (
        <Alert
          data-testid="import-result"
          type={result.skipped.length ? 'warning' : 'success'}
          showIcon
          title={`已导入 ${result.imported} 条${result.skipped.length ? `，跳过 ${result.skipped.length} 条` : ''}`}
          description={
            result.skipped.length ? (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {result.skipped.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
    </Modal>
  );
}

import { Alert, Button, Space, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { openPdf, type OpenedPdf } from '../../pdf';

type PrintResult = { fileName: string; pdfBase64: string; reprint: boolean };

/**
 * One 打印 button for any print.* call: opens the PDF, and keeps a 下载 link because a pop-up blocker or a closed
 * window must not lose the form. The service's refusal is shown in its own words.
 */
export function PrintPdfButton(props: { label: ReactNode; print: () => Promise<PrintResult>; testId: string; type?: 'primary' | 'default' }) {
  const [busy, setBusy] = useState(false);
  const [printed, setPrinted] = useState<(OpenedPdf & { reprint: boolean }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => () => void (printed && URL.revokeObjectURL(printed.url)), [printed]);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await props.print();
      setPrinted({ ...openPdf(r.fileName, r.pdfBase64), reprint: r.reprint });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={4}>
      <Button type={props.type} loading={busy} onClick={() => void run()} data-testid={props.testId}>
        {props.label}
      </Button>
      {error && <Alert type="warning" showIcon title={error} data-testid={`${props.testId}-error`} />}
      {printed && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {printed.opened ? `已打开${printed.reprint ? '（补打）' : ''}；` : '浏览器阻止了新窗口；'}
          <a href={printed.url} download={printed.fileName} data-testid={`${props.testId}-download`}>
            下载
          </a>
        </Typography.Text>
      )}
    </Space>
  );
}

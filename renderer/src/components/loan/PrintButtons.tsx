import { Alert, Button, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { openPdf, type OpenedPdf } from '../../pdf';
import type { LoanForm } from './printableForms';

export type { LoanForm };

export const FORM_LABELS: Record<LoanForm, string> = { approval: '审批书', schedule: '还款计划表', notice: '一次性告知书', disbursement: '放款通知单' };

interface Printed extends OpenedPdf {
  form: LoanForm;
  reprint: boolean;
}

/** print.loan → a blob: URL the PDF viewer opens; the link stays for a download when a pop-up blocker says no. */
export async function printLoanForm(applicationId: number, form: LoanForm): Promise<Printed> {
  const { fileName, pdfBase64, reprint } = await api('print.loan', { applicationId, form });
  return { ...openPdf(fileName, pdfBase64), form, reprint };
}

/** 打印 buttons for one application; the service's refusal (e.g. a form not built yet) is shown as it says it. */
export function PrintButtons(props: { applicationId: number; forms: LoanForm[]; beforePrint?: () => Promise<number | null>; testId?: string }) {
  const [busy, setBusy] = useState<LoanForm | null>(null);
  const [printed, setPrinted] = useState<Printed | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => () => void (printed && URL.revokeObjectURL(printed.url)), [printed]);

  const print = async (form: LoanForm) => {
    setBusy(form);
    setError(null);
    try {
      // The intake page saves first, so the form prints what is on screen; it may answer with a new id.
      const id = props.beforePrint ? await props.beforePrint() : props.applicationId;
      if (id === null) return;
      setPrinted(await printLoanForm(id, form));
    } catch (e) {
      setError(`${FORM_LABELS[form]}：${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div data-testid={props.testId ?? 'print-buttons'}>
      <Space wrap>
        {props.forms.map((f) => (
          <Button key={f} loading={busy === f} onClick={() => void print(f)} data-testid={`print-${f}`}>
            打印{FORM_LABELS[f]}
          </Button>
        ))}
      </Space>
      {error && <Alert data-testid="print-error" type="warning" showIcon title={error} style={{ marginTop: 8 }} />}
      {printed && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">
            {printed.opened ? `已打开${FORM_LABELS[printed.form]}${printed.reprint ? '（补打）' : ''}；` : '浏览器阻止了新窗口；'}
          </Typography.Text>
          <a href={printed.url} download={printed.fileName} data-testid="print-download">
            下载 {printed.fileName}
          </a>
        </div>
      )}
    </div>
  );
}

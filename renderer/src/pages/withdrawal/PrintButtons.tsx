import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import type { WithdrawalAppDto } from '../../../../shared/contract/dto';
import { useSession } from '../../session';
import { formTitle, printWithdrawal, type PrintedForm, type WithdrawalForm } from './print';
import { PrintResult } from './PrintResult';

/**
 * The forms of a withdrawal, for every post: the center's own 凭证/审批表 once submitted, the 一次性告知书 while
 * materials are missing, the 支付回单 once paid. The service refuses a form the state does not allow.
 */
export function PrintButtons(props: { app: WithdrawalAppDto }) {
  const { center } = useSession();
  const a = props.app;
  const [busy, setBusy] = useState<WithdrawalForm | null>(null);
  const [printed, setPrinted] = useState<PrintedForm | null>(null);
  const [error, setError] = useState<string | null>(null);
  const voucherName = center.forms.withdrawalVoucher;

  const forms: { form: WithdrawalForm; show: boolean }[] = [
    { form: 'voucher', show: !['草稿', '退回', '撤销'].includes(a.state) && a.approvedFen !== null },
    { form: 'notice', show: ['草稿', '退回'].includes(a.state) && a.missingMaterials.length > 0 },
    { form: 'receipt', show: a.paidEntryNo !== null },
  ];
  const shown = forms.filter((f) => f.show);
  if (shown.length === 0) return null;

  const print = async (form: WithdrawalForm) => {
    setBusy(form);
    setError(null);
    try {
      setPrinted(await printWithdrawal(a.id, form));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div data-testid="print-buttons" style={{ marginTop: 16 }}>
      <Space wrap>
        {shown.map(({ form }) => (
          <Button key={form} data-testid={`print-${form}`} loading={busy === form} onClick={() => void print(form)}>
            打印{form === 'voucher' ? `《${voucherName}》` : formTitle(form, voucherName)}
          </Button>
        ))}
      </Space>
      {error && <Alert data-testid="print-error" type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {printed && <PrintResult printed={printed} title={formTitle(printed.form, voucherName)} />}
    </div>
  );
}

/** print.withdrawal: the PDF opens in its own window; a second print of the same form comes back marked 补打. */
import { api } from '../../api';
import { openPdf, type OpenedPdf } from '../../pdf';

export type WithdrawalForm = 'voucher' | 'notice' | 'receipt';

export interface PrintedForm extends OpenedPdf {
  form: WithdrawalForm;
  reprint: boolean;
}

export async function printWithdrawal(applicationId: number, form: WithdrawalForm): Promise<PrintedForm> {
  const r = await api('print.withdrawal', { applicationId, form });
  return { ...openPdf(r.fileName, r.pdfBase64), form, reprint: r.reprint };
}

export function formTitle(form: WithdrawalForm, voucherName: string): string {
  return form === 'voucher' ? voucherName : form === 'notice' ? '一次性告知书' : '提取支付回单';
}

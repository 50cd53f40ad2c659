/**
 * Withdrawal forms: the center's voucher/approval form, the 一次性告知书 and the payout receipt. Each layout lives in
 * its own file (withdrawalVoucher.ts, oneTimeNotice.ts, payoutReceipt.ts) and is built from the same DTO the screens
 * show, so paper and screen cannot disagree.
 *
 * Every print is logged in print_log before rendering: the first print of a form for an application is the
 * original, every later one is a 补打 (reprint) and says so on the paper. Logging first means even a print whose
 * rendering then fails counts — a second attempt is marked 补打 rather than risk two unmarked originals.
 */
import type { Operator, ServiceContext } from '../context';
import { nowIso, today } from '../context';
import { withdrawalDto } from '../withdrawal/queries';
import type { FormDocument, PrintEnv } from './formKit';
import { assertNoticePrintable, noticeDocument } from './oneTimeNotice';
import { assertReceiptPrintable, receiptDocument } from './payoutReceipt';
import { renderPdf } from './pdf';
import { assertVoucherPrintable, voucherDocument } from './withdrawalVoucher';
import type { WithdrawalAppDto } from '../../shared/contract/dto';

export type WithdrawalForm = 'voucher' | 'notice' | 'receipt';

export interface PrintedForm {
  fileName: string;
  pdfBase64: string;
  reprint: boolean;
}

const FORMS: Record<WithdrawalForm, { check(dto: WithdrawalAppDto, ctx: ServiceContext): void; layout(dto: WithdrawalAppDto, env: PrintEnv): FormDocument }> = {
  voucher: { check: (dto, ctx) => assertVoucherPrintable(dto, ctx.center.forms.withdrawalVoucher), layout: voucherDocument },
  notice: { check: assertNoticePrintable, layout: noticeDocument },
  receipt: { check: assertReceiptPrintable, layout: receiptDocument },
};

/**
 * Records one print and answers whether it is a reprint. One INSERT … SELECT decides and writes together, so two
 * counters printing the same form at once cannot both get an unmarked original. Loan forms log through here too
 * (their form names are per application, so a loan's 'notice' never meets a withdrawal's).
 */
export function logPrint(ctx: ServiceContext, by: Operator, applicationId: number, form: string, printedAt: string): boolean {
  // In a transaction of its own, like every write: the integrity seal covers it.
  const row = ctx.db.tx(() => ctx.db
    .prepare(
      `INSERT INTO print_log (application_id, form, printed_at, operator_id, reprint)
       SELECT ?, ?, ?, ?, EXISTS (SELECT 1 FROM print_log WHERE application_id = ? AND form = ?)
       RETURNING reprint`,
    )
    .get(applicationId, form, printedAt, by.id || null, applicationId, form)) as { reprint: number };
  return row.reprint === 1;
}

export async function printWithdrawalForm(ctx: ServiceContext, by: Operator, applicationId: number, form: WithdrawalForm, ruleIds?: boolean): Promise<PrintedForm> {
  const spec = FORMS[form];
  const dto = withdrawalDto(ctx, applicationId);
  // Refusals come before the log: a form that may not be printed leaves no trace and does not use up the original.
  spec.check(dto, ctx);
  const printedAt = nowIso(ctx);
  const reprint = logPrint(ctx, by, dto.id, form, printedAt);
  const env: PrintEnv = { center: ctx.center, operator: by, printedAt, today: today(ctx), reprint, ...(ruleIds ? { ruleIds } : {}) };
  const { title, doc } = spec.layout(dto, env);
  const pdf = await renderPdf(doc, { title: `${title} ${dto.appNo}`, subject: ctx.center.name });
  return { fileName: `${dto.appNo}-${title}.pdf`, pdfBase64: pdf.toString('base64'), reprint };
}

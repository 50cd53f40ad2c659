/**
 * Loan forms: the 审批书, the 还款计划表 and the loan 一次性告知书. Placeholder entry point until the layouts land.
 */
import { AppError } from '../../shared/errors';
import type { Operator, ServiceContext } from '../context';

export type LoanForm = 'approval' | 'schedule' | 'notice';

export async function printLoanForm(_ctx: ServiceContext, _by: Operator, _id: number, _form: LoanForm): Promise<{ fileName: string; pdfBase64: string; reprint: boolean }> {
  throw new AppError('INTERNAL', '贷款表单打印尚未接入');
}

/**
 * Loan forms: the center's 审批书 / 审批表 (loanApproval.ts), the 还款计划表 (repaymentSchedule.ts) and the loan
 * 一次性告知书 (loanNotice.ts). Each is built from the same LoanAppDto the screens show, plus the ledger's account
 * details of borrower and spouse and the repayment schedule, so paper and screen cannot disagree.
 *
 * Logging and 补打 work exactly as for withdrawals (withdrawalForms.ts): refusals first and unlogged, then one
 * INSERT … RETURNING that records the print and says whether it is the original, then the rendering.
 */
import type { LoanAppDto } from '../../shared/contract/dto';
import { AppError } from '../../shared/errors';
import { addMonthsClamped, buildSchedule, type RepaymentMethod } from '../../shared/loan/schedule';
import { getMember } from '../accounts/members';
import type { Operator, ServiceContext } from '../context';
import { nowIso, today } from '../context';
import { loanAppDto, loanSchedule } from '../loan/queries';
import { effectiveSchedule, loadFrozen, loadLoan, loadVersions } from '../loan/servicing/schedule';
import type { FormDocument, PrintEnv } from './formKit';
import { approvalDocument, assertApprovalPrintable } from './loanApproval';
import { assertLoanNoticePrintable, loanNoticeDocument } from './loanNotice';
import { renderPdf } from './pdf';
import { assertSchedulePrintable, scheduleDocument, type RepaymentPlan } from './repaymentSchedule';
import { logPrint, type PrintedForm } from './withdrawalForms';
import { assertDisbursementNoticePrintable, disbursementNoticeDocument } from './disbursementNotice';
import { notarisationStatus } from '../conditions/notarisation';

export type LoanForm = 'approval' | 'schedule' | 'notice' | 'disbursement';

/**
 * The schedule a loan form shows. After disbursement: the schedule in force — the frozen one, with every period
 * that a prepayment or repricing replaced taken from its later version — which is what the borrower owes now.
 * Before: the one the decision implies — the application's amount, the decision's rate, the stored term and method,
 * the first installment one month after today as disbursement would set it — flagged as a trial.
 */
export function repaymentPlan(ctx: ServiceContext, dto: LoanAppDto): RepaymentPlan {
  const loan = dto.loan;
  if (loan) {
    const record = loadLoan(ctx, loan.id);
    const frozen = loadFrozen(ctx, record);
    const versions = loadVersions(ctx, record, frozen);
    const latest = versions[versions.length - 1]!;
    if (latest.version > 1) {
      const rows = effectiveSchedule(record, frozen, versions).map((r) => ({ period: r.period, dueDate: r.dueDate, paymentFen: r.paymentFen, principalFen: r.principalFen, interestFen: r.interestFen, remainingFen: r.remainingFen }));
      return {
        trial: false,
        principalFen: loan.principalFen,
        annualRatePercent: latest.annualRatePercent,
        rateBasis: loan.rateBasis,
        months: rows.length,
        method: loan.method,
        firstDueDate: loan.firstDueDate,
        disbursedDate: loan.disbursedDate,
        contractNo: loan.contractNo,
        rows,
        revision: `第${latest.version}版，自第${latest.fromPeriod}期起，${latest.reason === 'reprice' ? '调整利率' : '提前还款'}后重算`,
      };
    }
    return {
      trial: false,
      principalFen: loan.principalFen,
      annualRatePercent: loan.annualRatePercent,
      rateBasis: loan.rateBasis,
      months: loan.months,
      method: loan.method,
      firstDueDate: loan.firstDueDate,
      disbursedDate: loan.disbursedDate,
      contractNo: loan.contractNo,
      rows: loanSchedule(ctx, loan.id),
    };
  }
  const rate = dto.decision?.rate;
  const terms = dto.facts.loanTerms as { months: number; method: RepaymentMethod } | undefined;
  if (!rate || !terms) throw new AppError('RULE', `申请${dto.appNo}没有适用的贷款利率或期限，无法计算还款计划`);
  const principalFen = dto.approvedFen ?? dto.requestedFen;
  const firstDueDate = addMonthsClamped(today(ctx), 1);
  const { rows } = buildSchedule({ principalFen, annualRatePercent: rate.annualRatePercent, months: terms.months, method: terms.method, firstDueDate });
  return {
    trial: true,
    principalFen,
    annualRatePercent: rate.annualRatePercent,
    rateBasis: rate.basis,
    months: terms.months,
    method: terms.method,
    firstDueDate,
    disbursedDate: null,
    contractNo: dto.contract?.contractNo ?? null,
    rows,
  };
}

/** Checks the form may be printed (throws RULE if not) and returns its layout, reading what the layout needs. */
function prepare(ctx: ServiceContext, dto: LoanAppDto, form: LoanForm): (env: PrintEnv) => FormDocument {
  switch (form) {
    case 'approval': {
      assertApprovalPrintable(dto, ctx.center.forms.loanApproval);
      // The DTO's spouse carries no account details; the archive copy shows both accounts the quota came from.
      const people = { borrower: getMember(ctx, dto.borrower.id), spouse: dto.spouse ? getMember(ctx, dto.spouse.id) : null };
      const plan = repaymentPlan(ctx, dto);
      return (env) => approvalDocument(dto, people, plan, env);
    }
    case 'schedule': {
      assertSchedulePrintable(dto);
      const plan = repaymentPlan(ctx, dto);
      return (env) => scheduleDocument(dto, plan, env);
    }
    case 'notice':
      assertLoanNoticePrintable(dto);
      return (env) => loanNoticeDocument(dto, env);
    case 'disbursement': {
      const notarisation = notarisationStatus(ctx, dto.id);
      assertDisbursementNoticePrintable(dto, notarisation);
      return (env) => disbursementNoticeDocument(dto, notarisation, env);
    }
    default:
      throw new AppError('BAD_INPUT', `没有这种贷款表单：${String(form)}`, 'form');
  }
}

export async function printLoanForm(ctx: ServiceContext, by: Operator, applicationId: number, form: LoanForm, ruleIds?: boolean): Promise<PrintedForm> {
  const dto = loanAppDto(ctx, applicationId);
  // Refusals come before the log: a form that may not be printed leaves no trace and does not use up the original.
  const layout = prepare(ctx, dto, form);
  const printedAt = nowIso(ctx);
  const reprint = logPrint(ctx, by, dto.id, form, printedAt);
  const env: PrintEnv = { center: ctx.center, operator: by, printedAt, today: today(ctx), reprint, ...(ruleIds ? { ruleIds } : {}) };
  const { title, doc } = layout(env);
  const pdf = await renderPdf(doc, { title: `${title} ${dto.appNo}`, subject: ctx.center.name });
  return { fileName: `${dto.appNo}-${title}.pdf`, pdfBase64: pdf.toString('base64'), reprint };
}

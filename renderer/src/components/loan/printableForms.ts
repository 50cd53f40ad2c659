import type { LoanAppDto } from '../../../../shared/contract/dto';

export type LoanForm = 'approval' | 'schedule' | 'notice' | 'disbursement';

/**
 * The loan forms the application's state allows, as the print service judges them (services/print/loanApproval.ts,
 * repaymentSchedule.ts, oneTimeNotice.ts): a button the service would refuse is not offered. The service still checks.
 */
export function printableLoanForms(app: Pick<LoanAppDto, 'state' | 'approvedFen' | 'decision' | 'loan' | 'missingMaterials'>): LoanForm[] {
  const forms: LoanForm[] = [];
  if (!['草稿', '退回', '撤销'].includes(app.state) && app.approvedFen !== null && app.decision) forms.push('approval');
  if (app.state !== '撤销' && (app.loan || app.decision?.rate)) forms.push('schedule');
  if (['草稿', '退回'].includes(app.state) && app.missingMaterials.length > 0) forms.push('notice');
  return forms;
}

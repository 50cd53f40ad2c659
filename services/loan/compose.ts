/**
 * A loan application's engine input, rebuilt from the ledger whenever it is judged: the borrower's and spouse's
 * balances and contribution history from the books, the rest as the clerk recorded it.
 */
import { AppError } from '../../shared/errors';
import type { LoanDecision } from '../../shared/rules';
import type { ServiceContext } from '../context';
import { today } from '../context';
import { memberFacts } from '../policy/facts';
import { decideLoan } from '../policy/decide';

const LEDGER_KEYS = ['center', 'kind', 'caseId', 'applicationDate', 'borrower', 'requestedFen', 'months', 'method', 'approval'] as const;

export function clerkLoanFacts(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  for (const k of LEDGER_KEYS) delete out[k];
  return out;
}

export interface LoanTerms {
  caseId: string;
  memberId: number;
  spouseMemberId: number | null;
  facts: Record<string, unknown>;
  requestedFen: number;
  months: number;
  method: 'annuity' | 'linear' | 'lump';
}

export function composeLoan(ctx: ServiceContext, t: LoanTerms, opts: { date?: string; approval?: { approvedDate: string; disbursementDate?: string } } = {}) {
  const date = opts.date ?? today(ctx);
  const application: Record<string, unknown> = {
    ...t.facts,
    center: ctx.center.id,
    kind: 'loan',
    caseId: t.caseId,
    applicationDate: date,
    borrower: { ...memberFacts(ctx, t.memberId), ...((t.facts.borrowerExtra as object | undefined) ?? {}) },
    requestedFen: t.requestedFen,
    months: t.months,
    method: t.method,
  };
  delete application.borrowerExtra;
  if (t.spouseMemberId !== null) {
    if (t.spouseMemberId === t.memberId) throw new AppError('BAD_INPUT', '配偶不能是借款人本人', 'spouseMemberId');
    application.spouse = { ...memberFacts(ctx, t.spouseMemberId), ...((t.facts.spouseExtra as object | undefined) ?? {}) };
    application.maritalStatus ??= 'married';
  }
  delete application.spouseExtra;
  if (opts.approval) application.approval = opts.approval;
  return { application, decision: decideLoan(ctx, application) as LoanDecision };
}

/**
 * A loan application's engine input, rebuilt from the ledger whenever it is judged: the borrower's and spouse's
 * balances and contribution history from the books, the rest as the clerk recorded it. The clerk's borrowerExtra /
 * spouseExtra add only document facts (services/policy/recordedFacts.ts); what the ledger knows always wins.
 */
import { AppError } from '../../shared/errors';
import type { LoanDecision } from '../../shared/rules';
import type { ServiceContext } from '../context';
import { today } from '../context';
import { memberFacts } from '../policy/facts';
import { decideLoan } from '../policy/decide';
import { withRecorded } from '../policy/recordedFacts';

const LEDGER_KEYS = ['center', 'kind', 'caseId', 'applicationDate', 'borrower', 'requestedFen', 'months', 'method', 'approval', 'recorded'] as const;

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
    borrower: withRecorded(memberFacts(ctx, t.memberId), t.facts.borrowerExtra),
    requestedFen: t.requestedFen,
    months: t.months,
    method: t.method,
  };
  delete application.borrowerExtra;
  if (t.spouseMemberId !== null) {
    if (t.spouseMemberId === t.memberId) throw new AppError('BAD_INPUT', '配偶不能是借款人本人', 'spouseMemberId');
    application.spouse = withRecorded(memberFacts(ctx, t.spouseMemberId), t.facts.spouseExtra);
    application.maritalStatus ??= 'married';
  } else {
    // No spouse on file: a spouse's facts are the ledger's or nothing (never typed in with a balance).
    delete application.spouse;
  }
  delete application.spouseExtra;
  if (opts.approval) application.approval = opts.approval;
  return { application, decision: decideLoan(ctx, application) as LoanDecision };
}

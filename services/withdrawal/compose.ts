/**
 * An application's engine input is rebuilt from the ledger every time it is judged (intake, submission, payout):
 * the member's and spouse's facts come from the books at that moment — balance, continuity, accrued interest —
 * and only what the clerk recorded is stored with the application.
 */
import type { WithdrawalDecision } from '../../shared/rules';
import { AppError } from '../../shared/errors';
import type { ServiceContext } from '../context';
import { today } from '../context';
import { memberFacts } from '../policy/facts';
import { decideWithdrawal } from '../policy/decide';
import { memberAccountId } from '../ledger/accounts';
import { accruedInterest } from '../interest/accrual';
import { withRecorded } from '../policy/recordedFacts';

/** Keys of the engine input the ledger supplies; the clerk's part may not set them. */
const LEDGER_KEYS = ['center', 'caseId', 'applicationDate', 'member'] as const;

export function clerkFacts(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  for (const k of LEDGER_KEYS) delete out[k];
  return out;
}

export function ledgerPerson(ctx: ServiceContext, memberId: number, date: string) {
  return { ...memberFacts(ctx, memberId), accruedInterestFen: interestTo(ctx, memberId, date)() };
}

/** The member's interest accrued to `date` (积数 method), as a reader: only the account-closing rules call it. */
function interestTo(ctx: ServiceContext, memberId: number, date: string): () => number {
  return () => {
    const accountId = memberAccountId(ctx, memberId, 'basic');
    return accountId ? accruedInterest(ctx, accountId, date).interestFen : 0;
  };
}

export interface Composed {
  /** The engine's input; its people's accruedInterestFen is 0 here: the engine reads the ledger's when a rule asks. */
  application: Record<string, unknown>;
  decision: WithdrawalDecision;
}

export function composeAndDecide(
  ctx: ServiceContext,
  args: { caseId: string; memberId: number; spouseMemberId: number | null; facts: Record<string, unknown>; requestedFen: number | null },
  date = today(ctx),
): Composed {
  const application: Record<string, unknown> = {
    ...args.facts,
    center: ctx.center.id,
    caseId: args.caseId,
    applicationDate: date,
    // What the counter records from papers (失信惩戒 check, loans at other centers) joins the ledger's facts.
    member: withRecorded(memberFacts(ctx, args.memberId), args.facts.memberExtra),
  };
  delete application.memberExtra;
  if (args.spouseMemberId !== null) {
    if (args.spouseMemberId === args.memberId) throw new AppError('BAD_INPUT', '配偶不能是职工本人', 'spouseMemberId');
    application.spouse = withRecorded(memberFacts(ctx, args.spouseMemberId), args.facts.spouseExtra);
    application.maritalStatus ??= 'married';
  } else if (args.facts.spouseExtra && application.spouse && typeof application.spouse === 'object') {
    application.spouse = { ...(application.spouse as Record<string, unknown>), ...(args.facts.spouseExtra as Record<string, unknown>) };
  }
  delete application.spouseExtra;
  if (args.requestedFen !== null) application.requestedFen = args.requestedFen;
  const accrued = { member: interestTo(ctx, args.memberId, date), ...(args.spouseMemberId !== null ? { spouse: interestTo(ctx, args.spouseMemberId, date) } : {}) };
  return { application, decision: decideWithdrawal(ctx, application, accrued) };
}

/**
 * The contract's way into the engine: the application must be for this database's center, and the engine gets
 * the center's dated data from the database (rate table, administrator overrides). Engine input errors become
 * BAD_INPUT errors naming the field under `application.`.
 */
import { AppError } from '../../shared/errors';
import type { LoanDecision, ParamOverride, WithdrawalDecision } from '../../shared/rules';
import { evaluateLoan, evaluateWithdrawal, listParams, RulesInputError, validateOverrides, type EvalOptions } from '../rules/engine';
import type { Operator, ServiceContext } from '../context';
import { addPolicyOverride, checkPolicyOverrideDate, loanRates, policyOverrides } from './tables';

export function evalOptions(ctx: ServiceContext): EvalOptions {
  return { rates: loanRates(ctx), overrides: policyOverrides(ctx).map(({ paramId, effectiveFrom, value, note }) => ({ paramId, effectiveFrom, value, note })) };
}

function checkCenter(ctx: ServiceContext, application: unknown): void {
  const center = (application as { center?: unknown } | null)?.center;
  if (center !== undefined && center !== ctx.center.id) {
    throw new AppError('BAD_INPUT', `公积金中心：本系统服务于${ctx.center.name}，不能审查其他中心的申请（${String(center)}）`, 'application.center');
  }
}

export function rulesError(e: unknown, prefix = 'application'): never {
  if (e instanceof RulesInputError) {
    const first = e.issues[0];
    throw new AppError('BAD_INPUT', first?.message ?? e.message, first ? `${prefix}.${first.path}` : prefix);
  }
  throw e;
}

/** `accruedInterest`: the ledger's interest for the member and spouse, read only if a rule needs it (engine.ts). */
export function decideWithdrawal(ctx: ServiceContext, application: unknown, accruedInterest?: EvalOptions['accruedInterest']): WithdrawalDecision {
  checkCenter(ctx, application);
  try {
    return evaluateWithdrawal(application, { ...evalOptions(ctx), ...(accruedInterest ? { accruedInterest } : {}) });
  } catch (e) {
    return rulesError(e);
  }
}

export function decideLoan(ctx: ServiceContext, application: unknown): LoanDecision {
  checkCenter(ctx, application);
  try {
    return evaluateLoan(application, evalOptions(ctx));
  } catch (e) {
    return rulesError(e);
  }
}

/** Validates the new override together with those already in force, then stores it. */
export function addOverride(ctx: ServiceContext, by: Operator, o: ParamOverride) {
  checkOverride(ctx, o);
  return addPolicyOverride(ctx, by, o);
}

/** The override's value against the pack's parameter schema, with those already in force; writes nothing. */
export function checkOverride(ctx: ServiceContext, o: ParamOverride): void {
  checkPolicyOverrideDate(ctx, o);
  const existing = evalOptions(ctx).overrides ?? [];
  const issues = validateOverrides(ctx.center.id, [...existing, o]);
  if (issues[0]) {
    // A known parameter with a bad value is the value's fault; an unknown parameter id is the id's.
    const known = listParams(ctx.center.id).some((p) => p.id === o.paramId);
    throw new AppError('BAD_INPUT', issues[0].message, known ? 'value' : 'paramId');
  }
}

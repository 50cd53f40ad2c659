/** Handlers of the conditions calls (shared/contract/conditions.ts); spread into services/api/handlers.ts. */
import type { CallName } from '../../shared/contract/calls';
import { conditionCalls } from '../../shared/contract/conditions';
import { AppError } from '../../shared/errors';
import type { Operator } from '../context';
import type { HandlerEnv, Handlers } from '../api/handlers';
import { restrictions, setRestriction, liftRestriction } from './restriction';
import { frozenFen, pledgesOf } from './pledges';
import { notarisationStatus, recordNotarisation } from './notarisation';
import { assessExcess, excessOf, payBackExcess } from './excess';
import { bookGuaranteeFee, guaranteeFeesOf } from './guaranteeFee';
import { recordDishonestCheck } from './dishonestRecorded';
import { withdrawalDto } from '../withdrawal/queries';

function ctxOf(env: HandlerEnv) {
  if (!env.app.ctx) throw new AppError('NOT_FOUND', '系统尚未初始化：请先选择公积金中心并创建管理员');
  return env.app.ctx;
}
function op(env: HandlerEnv): Operator {
  if (!env.operator) throw new AppError('NO_SESSION', '请先登录');
  return env.operator;
}

type Names = keyof typeof conditionCalls & CallName;

export const CONDITION_HANDLERS: Pick<Handlers, Names> = {
  'withdrawal.recordDishonestCheck': (env, i) =>
    withdrawalDto(ctxOf(env), recordDishonestCheck(ctxOf(env), op(env), i.applicationId, i.person, { source: i.source, result: i.result, ...(i.reference ? { reference: i.reference } : {}) })),
  'members.restrict': (env, i) => setRestriction(ctxOf(env), op(env), i.memberId, i.reason),
  'members.liftRestriction': (env, i) => liftRestriction(ctxOf(env), op(env), i.restrictionId, i.reason),
  'members.holds': (env, i) => ({
    restrictions: restrictions(ctxOf(env), i.memberId),
    pledges: pledgesOf(ctxOf(env), i.memberId),
    frozenFen: frozenFen(ctxOf(env), i.memberId),
    excess: excessOf(ctxOf(env), i.memberId),
  }),
  'loan.notarisation': (env, i) => notarisationStatus(ctxOf(env), i.applicationId),
  'loan.recordNotarisation': (env, { idempotencyKey: _k, applicationId, ...rest }) => recordNotarisation(ctxOf(env), op(env), applicationId, rest),
  'excess.assess': (env, i) => assessExcess(ctxOf(env), op(env), i.applicationId),
  'excess.payback': (env, i) => payBackExcess(ctxOf(env), op(env), i.paybackId, i.amountFen, i.idempotencyKey),
  'loan.guaranteeFee': (env, i) => bookGuaranteeFee(ctxOf(env), op(env), i),
  'loan.guaranteeFees': (env, i) => guaranteeFeesOf(ctxOf(env), i.loanId),
};

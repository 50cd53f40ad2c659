/**
 * 004 一、(一)申请人处于失信惩戒期内的,不可提取本人住房公积金 — enforced, not reminded: a 乌鲁木齐 withdrawal is approved
 * only once the 失信惩戒 query is recorded for the applicant, and for the spouse when the spouse's account is drawn
 * too (the rule uq.wd.spouse.include bars a listed spouse). The counter may take the application while the query is
 * pending; the clerk, the reviewer or the approver records the result on it later (`withdrawal.recordDishonestCheck`),
 * stamped with who and when from the session. A listed result makes the policy check fail: the application must be
 * returned. 死亡提取 is applied for by heirs: not applicable. 银川's texts have no such clause: nothing here applies.
 */
import type { ServiceContext, Operator } from '../context';
import { nowIso } from '../context';
import { AppError } from '../../shared/errors';
import { stampDishonestChecks } from '../policy/dishonestCheck';
import { composeAndDecide } from '../withdrawal/compose';
import { expectState, loadApp, transition, type AppRow } from '../withdrawal/store';

export type DishonestPerson = 'member' | 'spouse';
const ROOT: Record<DishonestPerson, 'memberExtra' | 'spouseExtra'> = { member: 'memberExtra', spouse: 'spouseExtra' };
const WHO: Record<DishonestPerson, string> = { member: '申请人', spouse: '配偶' };

/** Whose query an approval still waits for (empty when none, or when the center's texts do not ask for it). */
export function missingDishonestChecks(ctx: ServiceContext, row: AppRow): DishonestPerson[] {
  if (ctx.center.id !== 'urumqi' || row.kind !== 'withdrawal' || row.case_id === 'death') return [];
  const facts = JSON.parse(row.facts_json) as Record<string, { dishonestCheck?: unknown } | unknown>;
  const has = (p: DishonestPerson) => !!(facts[ROOT[p]] as { dishonestCheck?: unknown } | undefined)?.dishonestCheck;
  const people: DishonestPerson[] = facts.includeSpouse === true ? ['member', 'spouse'] : ['member'];
  return people.filter((p) => !has(p));
}

/** At approval, and at payment (an application approved before this was enforced): refused until it is recorded. */
export function assertDishonestChecked(ctx: ServiceContext, row: AppRow): void {
  const missing = missingDishonestChecks(ctx, row);
  if (missing.length === 0) return;
  throw new AppError(
    'RULE',
    `${row.state === '已审批' ? '支付' : '审批'}前须记录${missing.map((p) => WHO[p]).join('和')}的失信惩戒查询结果（004 一、(一)申请人处于失信惩戒期内的,不可提取本人住房公积金）：请在申请页“记录失信惩戒查询”`,
    'dishonestCheck',
  );
}

export interface DishonestCheckInput {
  source: string;
  result: 'clear' | 'listed';
  reference?: string;
}

/** Records the query on the application (its facts and decision), as evidence stamped by the service. */
export function recordDishonestCheck(ctx: ServiceContext, by: Operator, id: number, person: DishonestPerson, check: DishonestCheckInput): AppRow {
  const row = loadApp(ctx, id);
  if (row.kind !== 'withdrawal') throw new AppError('BAD_INPUT', '只有提取申请记录失信惩戒查询', 'applicationId');
  if (ctx.center.id !== 'urumqi') throw new AppError('BAD_INPUT', '本中心的提取政策没有失信惩戒查询的规定', 'applicationId');
  expectState(row, ['草稿', '退回', '待复核', '待审批', '已审批'], '记录失信惩戒查询');
  const stored = JSON.parse(row.facts_json) as Record<string, unknown>;
  if (person === 'spouse' && stored.includeSpouse !== true) throw new AppError('BAD_INPUT', '本申请未提取配偶账户，无需记录配偶的查询', 'person');
  const root = ROOT[person];
  const next = { ...stored, [root]: { ...((stored[root] as object | undefined) ?? {}), dishonestCheck: { source: check.source, result: check.result, ...(check.reference ? { reference: check.reference } : {}) } } };
  const facts = stampDishonestChecks(next, stored, by, nowIso(ctx));
  const { decision } = composeAndDecide(ctx, { caseId: row.case_id, memberId: row.member_id, spouseMemberId: row.spouse_member_id, facts, requestedFen: row.requested_fen });
  const said = `${WHO[person]}失信惩戒查询：${check.source}，${check.result === 'listed' ? '处于失信惩戒期' : '未列入'}${check.reference ? `，编号${check.reference}` : ''}`;
  transition(ctx, by, row, row.state, 'dishonest_check', { facts_json: JSON.stringify(facts) }, said, decision);
  return loadApp(ctx, id);
}

/**
 * 004 基本规定(三): 如存在套取住房公积金行为,中心可对申请人账户进行必要的限制 (rule uq.flow.accountRestriction).
 * An approver sets a restriction with a reason; it takes effect at once (it protects the fund) and blocks every
 * payout from the account (提取支付, 转出) until another person — four eyes, as for every sign-off here — lifts it
 * with a reason. Rows are kept; the lift fills its columns once (a trigger refuses anything else).
 */
import type { RestrictionDto } from '../../shared/contract/conditions';
import { AppError, badInput, notFound } from '../../shared/errors';
import { audit } from '../audit/log';
import type { Operator, ServiceContext } from '../context';
import { nowIso } from '../context';
import { getMember } from '../accounts/members';
import { expectOtherPerson } from '../withdrawal/store';
import { hasWorkflowRule, RULE_IDS } from './rules';

interface Row {
  id: number;
  member_id: number;
  reason: string;
  set_by: number;
  set_at: string;
  lifted_by: number | null;
  lifted_at: string | null;
  lift_reason: string | null;
  set_name: string;
  lifted_name: string | null;
}

const SELECT = `SELECT r.*, o.name AS set_name, l.name AS lifted_name FROM account_restrictions r
  JOIN operators o ON o.id = r.set_by LEFT JOIN operators l ON l.id = r.lifted_by`;

const dto = (r: Row): RestrictionDto => ({
  id: r.id,
  memberId: r.member_id,
  reason: r.reason,
  setBy: r.set_name,
  setAt: r.set_at,
  liftedBy: r.lifted_name,
  liftedAt: r.lifted_at,
  liftReason: r.lift_reason,
  active: r.lifted_at === null,
});

export function restrictions(ctx: ServiceContext, memberId: number): RestrictionDto[] {
  return (ctx.db.prepare(`${SELECT} WHERE r.member_id = ? ORDER BY r.id DESC`).all(memberId) as Row[]).map(dto);
}

export function activeRestriction(ctx: ServiceContext, memberId: number): RestrictionDto | null {
  const r = ctx.db.prepare(`${SELECT} WHERE r.member_id = ? AND r.lifted_at IS NULL ORDER BY r.id LIMIT 1`).get(memberId) as Row | undefined;
  return r ? dto(r) : null;
}

/** Every payout path calls this first. */
export function assertNotRestricted(ctx: ServiceContext, memberId: number, what: string): void {
  const r = activeRestriction(ctx, memberId);
  if (!r) return;
  const m = getMember(ctx, memberId);
  throw new AppError('RULE', `${m.name}（${m.accountNo}）的账户已被限制（${r.setAt.slice(0, 10)}，${r.setBy}：${r.reason}），不能办理${what}；须经审批岗解除限制后办理（004：中心可对申请人账户进行必要的限制）`);
}

const REASON_MIN = 4;

export function setRestriction(ctx: ServiceContext, by: Operator, memberId: number, reason: string): RestrictionDto {
  if (!hasWorkflowRule(ctx.center.id, RULE_IDS.restriction)) throw new AppError('RULE', '本中心政策原文没有账户限制的规定，不能设置');
  const m = getMember(ctx, memberId);
  if (reason.trim().length < REASON_MIN) throw badInput('reason', `限制原因：请写明调查事由（至少${REASON_MIN}个字）`);
  if (activeRestriction(ctx, memberId)) throw new AppError('CONFLICT', `${m.name}的账户已有未解除的限制`, 'memberId');
  const id = Number(
    ctx.db.prepare('INSERT INTO account_restrictions (member_id, reason, set_by, set_at) VALUES (?, ?, ?, ?)').run(memberId, reason.trim(), by.id, nowIso(ctx)).lastInsertRowid,
  );
  audit(ctx, { operator: by, action: 'members.restrict', recordType: 'member', recordId: memberId, detail: { restrictionId: id, reason: reason.trim() } });
  return dto(ctx.db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as Row);
}

export function liftRestriction(ctx: ServiceContext, by: Operator, restrictionId: number, reason: string): RestrictionDto {
  const r = ctx.db.prepare(`${SELECT} WHERE r.id = ?`).get(restrictionId) as Row | undefined;
  if (!r) throw notFound(`账户限制不存在：${restrictionId}`);
  if (r.lifted_at !== null) throw new AppError('CONFLICT', `该限制已于${r.lifted_at.slice(0, 10)}解除`, 'restrictionId');
  if (reason.trim().length < REASON_MIN) throw badInput('reason', `解除原因：请写明调查结论（至少${REASON_MIN}个字）`);
  expectOtherPerson(ctx, by, [r.set_by], '解除账户限制');
  ctx.db.prepare('UPDATE account_restrictions SET lifted_by = ?, lifted_at = ?, lift_reason = ? WHERE id = ?').run(by.id, nowIso(ctx), reason.trim(), restrictionId);
  audit(ctx, { operator: by, action: 'members.liftRestriction', recordType: 'member', recordId: r.member_id, detail: { restrictionId, reason: reason.trim() } });
  return dto(ctx.db.prepare(`${SELECT} WHERE r.id = ?`).get(restrictionId) as Row);
}

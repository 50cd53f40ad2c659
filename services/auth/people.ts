/**
 * Operators are people: a person is the 证件号码 recorded with each login (several logins may share one).
 * Operators from before 010_operator_people have none and count as a person of their own.
 */
import { idNumberError } from '../../shared/idcard';
import { AppError, badInput, conflict } from '../../shared/errors';
import { ROLE_LABELS, type Role } from '../../shared/roles';
import type { ServiceContext } from '../context';

export function personKeys(ctx: ServiceContext, operatorIds: number[]): Map<number, string> {
  const out = new Map<number, string>();
  const stmt = ctx.db.prepare('SELECT id_number FROM operators WHERE id = ?');
  for (const id of new Set(operatorIds)) {
    const row = stmt.get(id) as { id_number: string | null } | undefined;
    out.set(id, row?.id_number ?? `operator:${id}`);
  }
  return out;
}

export function samePerson(ctx: ServiceContext, a: number, b: number): boolean {
  if (a === b) return true;
  const keys = personKeys(ctx, [a, b]);
  return keys.get(a) === keys.get(b);
}

export function checkStaffNo(staffNo: string): string {
  const s = staffNo.trim();
  if (!/^[A-Za-z0-9-]{2,20}$/.test(s)) throw badInput('staffNo', '工号：须为2至20位字母、数字');
  return s;
}

export function checkIdNumber(raw: string): string {
  const id = raw.trim().toUpperCase();
  const err = idNumberError(id);
  if (err) throw badInput('idNumber', `证件号码${err}`);
  return id;
}

/**
 * What makes a login a person's: one 工号 per person and one person per 工号; an administrator holds no business
 * post (clerk, reviewer, approver) under another login at the same time. `exceptOperatorId` is the login whose
 * role is being changed.
 */
export function checkPersonRoles(
  ctx: ServiceContext,
  p: { staffNo: string; idNumber: string; role: Role; exceptOperatorId?: number },
): void {
  const others = (
    ctx.db.prepare('SELECT id, login, role, staff_no, id_number FROM operators WHERE active = 1 AND (staff_no = ? OR id_number = ?)').all(p.staffNo, p.idNumber) as Array<{
      id: number;
      login: string;
      role: Role;
      staff_no: string | null;
      id_number: string | null;
    }>
  ).filter((o) => o.id !== p.exceptOperatorId);
  for (const o of others) {
    if (o.staff_no === p.staffNo && o.id_number !== p.idNumber) throw conflict(`工号${p.staffNo}已属于另一名工作人员（登录名${o.login}）`, 'staffNo');
    if (o.id_number === p.idNumber && o.staff_no !== p.staffNo) throw conflict(`此证件号码的工作人员工号为${o.staff_no ?? '（未登记）'}，与填写的工号不一致`, 'staffNo');
    if ((o.role === 'admin') !== (p.role === 'admin')) {
      throw new AppError(
        'RULE',
        `管理员不能同时担任业务岗位：此人已有${ROLE_LABELS[o.role]}岗位的登录名${o.login}，不能再担任${ROLE_LABELS[p.role]}`,
        'role',
      );
    }
  }
}

import { randomBytes } from 'node:crypto';
import { AppError, badInput, conflict, notFound } from '../../shared/errors';
import { maskIdNumber } from '../../shared/idcard';
import { ROLE_LABELS, type Role } from '../../shared/roles';
import { audit } from '../audit/log';
import type { Operator, ServiceContext } from '../context';
import { nowIso } from '../context';
import { hashPassword, passwordProblem } from './passwords';
import { checkIdNumber, checkPersonRoles, checkStaffNo } from './people';

export interface OperatorRow {
  id: number;
  login: string;
  name: string;
  role: Role;
  password_hash: string;
  branch_code: string;
  active: number;
  created_at: string;
  staff_no: string | null;
  id_number: string | null;
  must_change_password: number;
  failed_logins: number;
  last_failed_at: string | null;
  locked_until: string | null;
}

export interface NewOperator {
  login: string;
  name: string;
  role: Role;
  staffNo: string;
  idNumber: string;
  password: string;
  branchCode?: string;
}

/** A new login checked against everything but the second administrator: password, branch, login, person. */
export function checkNewOperator(ctx: ServiceContext, input: NewOperator): Required<Omit<NewOperator, 'password'>> {
  const problem = passwordProblem(input.password);
  if (problem) throw badInput('password', `登录密码：${problem}`);
  const { password: _p, ...facts } = input;
  return checkOperatorFacts(ctx, facts);
}

/** Everything about a new login but its password (checked again when a second administrator confirms it). */
export function checkOperatorFacts(ctx: ServiceContext, input: Omit<NewOperator, 'password'>): Required<Omit<NewOperator, 'password'>> {
  const branchCode = input.branchCode ?? ctx.center.branches[0]!.code;
  if (!ctx.center.branches.some((b) => b.code === branchCode)) throw badInput('branchCode', `所属网点不存在：${branchCode}`);
  const staffNo = checkStaffNo(input.staffNo);
  const idNumber = checkIdNumber(input.idNumber);
  if (ctx.db.prepare('SELECT id FROM operators WHERE login = ?').get(input.login)) throw conflict(`登录名“${input.login}”已存在`, 'login');
  checkPersonRoles(ctx, { staffNo, idNumber, role: input.role });
  return { login: input.login, name: input.name, role: input.role, staffNo, idNumber, branchCode };
}

/** Writes a checked login (the password already hashed). */
export function insertOperator(
  ctx: ServiceContext,
  by: Pick<Operator, 'id' | 'login'>,
  o: Required<Omit<NewOperator, 'password'>>,
  passwordHash: string,
  detail: Record<string, unknown> = {},
): Operator {
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO operators (login, name, role, password_hash, branch_code, active, created_at, staff_no, id_number)
         VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)`,
      )
      .run(o.login, o.name, o.role, passwordHash, o.branchCode, nowIso(ctx), o.staffNo, o.idNumber).lastInsertRowid,
  );
  audit(ctx, { operator: by, action: 'operator.add', recordType: 'operator', recordId: id, detail: { login: o.login, role: o.role, staffNo: o.staffNo, idNumber: o.idNumber, branchCode: o.branchCode, ...detail } });
  return { id, login: o.login, name: o.name, role: o.role, branchCode: o.branchCode };
}

/**
 * Creates a login at once: only for the first administrator (setup.init) and the `gjj user add` command run by
 * whoever holds the data folder at installation. Through the contract a new login waits for a second administrator.
 */
export function addOperator(ctx: ServiceContext, by: Pick<Operator, 'id' | 'login'>, input: NewOperator): Operator {
  return ctx.db.tx(() => insertOperator(ctx, by, checkNewOperator(ctx, input), hashPassword(input.password)));
}

export function listOperators(ctx: ServiceContext) {
  const now = nowIso(ctx);
  return (ctx.db.prepare('SELECT * FROM operators ORDER BY id').all() as OperatorRow[]).map((r) => ({
    id: r.id,
    login: r.login,
    name: r.name,
    role: r.role,
    roleLabel: ROLE_LABELS[r.role],
    branchCode: r.branch_code,
    active: r.active === 1,
    createdAt: r.created_at,
    staffNo: r.staff_no,
    idNumberMasked: r.id_number ? maskIdNumber(r.id_number) : null,
    mustChangePassword: r.must_change_password === 1,
    lockedUntil: r.locked_until && r.locked_until > now ? r.locked_until : null,
  }));
}

export function loadOperatorRow(ctx: ServiceContext, operatorId: number): OperatorRow {
  const row = ctx.db.prepare('SELECT * FROM operators WHERE id = ?').get(operatorId) as OperatorRow | undefined;
  if (!row) throw notFound(`操作员不存在：${operatorId}`);
  return row;
}

export function activeAdmins(ctx: ServiceContext): number {
  return (ctx.db.prepare(`SELECT COUNT(*) AS n FROM operators WHERE role = 'admin' AND active = 1`).get() as { n: number }).n;
}

/** 停用: the login can no longer sign in and its open sessions end (the caller ends them). */
export function disableOperator(ctx: ServiceContext, by: Operator, operatorId: number, reason: string): OperatorRow {
  const row = loadOperatorRow(ctx, operatorId);
  if (row.id === by.id) throw new AppError('RULE', '不能停用自己的登录名', 'operatorId');
  if (row.active !== 1) throw conflict(`操作员${row.login}已停用`, 'operatorId');
  if (row.role === 'admin' && activeAdmins(ctx) <= 1) throw new AppError('RULE', '不能停用最后一名管理员', 'operatorId');
  if (reason.trim().length < 2) throw badInput('reason', '停用原因：请写明原因');
  ctx.db.prepare('UPDATE operators SET active = 0, disabled_at = ?, disabled_by = ? WHERE id = ?').run(nowIso(ctx), by.id, row.id);
  audit(ctx, { operator: by, action: 'operator.disable', recordType: 'operator', recordId: row.id, detail: { login: row.login, reason: reason.trim() } });
  return loadOperatorRow(ctx, row.id);
}

/** 重置密码: a temporary password the operator must change at the next login; clears a lockout. */
export function resetPassword(ctx: ServiceContext, by: Operator, operatorId: number, password: string): OperatorRow {
  const row = loadOperatorRow(ctx, operatorId);
  if (row.id === by.id) throw new AppError('RULE', '不能重置自己的密码：请在“修改密码”中修改', 'operatorId');
  const problem = passwordProblem(password);
  if (problem) throw badInput('password', `临时密码：${problem}`);
  ctx.db
    .prepare('UPDATE operators SET password_hash = ?, must_change_password = 1, failed_logins = 0, last_failed_at = NULL, locked_until = NULL WHERE id = ?')
    .run(hashPassword(password), row.id);
  audit(ctx, { operator: by, action: 'operator.reset_password', recordType: 'operator', recordId: row.id, detail: { login: row.login } });
  return loadOperatorRow(ctx, row.id);
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

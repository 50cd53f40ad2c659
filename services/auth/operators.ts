import { randomBytes } from 'node:crypto';
import { AppError, badInput, conflict } from '../../shared/errors';
import { ROLE_LABELS, type Role } from '../../shared/roles';
import { audit } from '../audit/log';
import type { Operator, ServiceContext } from '../context';
import { nowIso } from '../context';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';

interface OperatorRow {
  id: number;
  login: string;
  name: string;
  role: Role;
  password_hash: string;
  branch_code: string;
  active: number;
}

export function addOperator(
  ctx: ServiceContext,
  by: Operator,
  input: { login: string; name: string; role: Role; password: string; branchCode?: string },
): Operator {
  const problem = passwordProblem(input.password);
  if (problem) throw badInput('password', `登录密码：${problem}`);
  const branchCode = input.branchCode ?? ctx.center.branches[0]!.code;
  if (!ctx.center.branches.some((b) => b.code === branchCode)) throw badInput('branchCode', `所属网点不存在：${branchCode}`);
  return ctx.db.tx(() => {
    const dup = ctx.db.prepare('SELECT id FROM operators WHERE login = ?').get(input.login);
    if (dup) throw conflict(`登录名“${input.login}”已存在`, 'login');
    const id = Number(
      ctx.db
        .prepare('INSERT INTO operators (login, name, role, password_hash, branch_code, active, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)')
        .run(input.login, input.name, input.role, hashPassword(input.password), branchCode, nowIso(ctx)).lastInsertRowid,
    );
    audit(ctx, { operator: by, action: 'operator.add', recordType: 'operator', recordId: id, detail: { login: input.login, role: input.role, branchCode } });
    return { id, login: input.login, name: input.name, role: input.role, branchCode };
  });
}

export function listOperators(ctx: ServiceContext) {
  return (ctx.db.prepare('SELECT id, login, name, role, branch_code, active, created_at FROM operators ORDER BY id').all() as Array<
    Omit<OperatorRow, 'password_hash'> & { created_at: string }
  >).map((r) => ({
    id: r.id,
    login: r.login,
    name: r.name,
    role: r.role,
    roleLabel: ROLE_LABELS[r.role],
    branchCode: r.branch_code,
    active: r.active === 1,
    createdAt: r.created_at,
  }));
}

export function authenticate(ctx: ServiceContext, login: string, password: string): Operator {
  const row = ctx.db.prepare('SELECT * FROM operators WHERE login = ?').get(login) as OperatorRow | undefined;
  // The same message for an unknown login and a wrong password: the counter screen must not confirm logins.
  const ok = row !== undefined && row.active === 1 && verifyPassword(password, row.password_hash);
  audit(ctx, {
    operator: { id: row?.id ?? 0, login },
    action: ok ? 'session.login' : 'session.login_failed',
    recordType: 'operator',
    recordId: row?.id ?? login,
  });
  if (!ok) throw new AppError('NO_SESSION', '登录名或密码不正确', 'password');
  return { id: row.id, login: row.login, name: row.name, role: row.role, branchCode: row.branch_code };
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

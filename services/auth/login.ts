/**
 * Signing in: lockout after repeated wrong passwords (counted in the database, so a restart does not reset it),
 * an increasing wait between attempts (refused, never slept on), every failure audited, old hashes upgraded.
 */
import { AppError, badInput } from '../../shared/errors';
import { audit } from '../audit/log';
import type { Operator, ServiceContext } from '../context';
import { nowIso } from '../context';
import type { OperatorRow } from './operators';
import { hashPassword, needsRehash, passwordProblem, verifyPassword } from './passwords';
import { delaySeconds, loginPolicy } from './policy';

export interface LoginResult {
  operator: Operator;
  mustChangePassword: boolean;
}

function refused(message: string, retryAfterSeconds?: number): AppError {
  const err = new AppError('NO_SESSION', message, 'password');
  if (retryAfterSeconds !== undefined) err.retryAfterSeconds = retryAfterSeconds;
  return err;
}

export function authenticate(ctx: ServiceContext, login: string, password: string): LoginResult {
  const policy = loginPolicy(ctx.db);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const row = ctx.db.prepare('SELECT * FROM operators WHERE login = ?').get(login) as OperatorRow | undefined;
  const who = { id: row?.id ?? 0, login };
  const recordId = row?.id ?? login;

  if (row?.locked_until && row.locked_until > at) {
    const wait = Math.ceil((Date.parse(row.locked_until) - now.getTime()) / 1000);
    audit(ctx, { operator: who, action: 'session.login_refused', recordType: 'operator', recordId, detail: { reason: 'locked', lockedUntil: row.locked_until } });
    throw refused(`密码连续输错${policy.maxFailures}次，登录名已锁定，请${Math.ceil(wait / 60)}分钟后再试或请管理员重置密码`, wait);
  }
  if (row && row.failed_logins > 0 && row.last_failed_at) {
    const until = Date.parse(row.last_failed_at) + delaySeconds(row.failed_logins) * 1000;
    if (now.getTime() < until) {
      const wait = Math.ceil((until - now.getTime()) / 1000);
      audit(ctx, { operator: who, action: 'session.login_refused', recordType: 'operator', recordId, detail: { reason: 'delay', failures: row.failed_logins } });
      throw refused(`密码错误次数较多，请${wait}秒后再试`, wait);
    }
  }

  // The same message for an unknown login, a disabled one and a wrong password: the screen must not confirm logins.
  const ok = row !== undefined && row.active === 1 && verifyPassword(password, row.password_hash);
  if (!ok) {
    let lockedUntil: string | null = null;
    let failures = 0;
    ctx.db.tx(() => {
      if (row) {
        failures = row.failed_logins + 1;
        if (failures >= policy.maxFailures) lockedUntil = new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString();
        ctx.db
          .prepare('UPDATE operators SET failed_logins = ?, last_failed_at = ?, locked_until = ? WHERE id = ?')
          .run(lockedUntil ? 0 : failures, at, lockedUntil, row.id);
      }
      audit(ctx, { operator: who, action: 'session.login_failed', recordType: 'operator', recordId, detail: { failures, ...(lockedUntil ? { lockedUntil } : {}) } });
    });
    if (lockedUntil) throw refused(`密码连续输错${policy.maxFailures}次，登录名已锁定${policy.lockMinutes}分钟`, policy.lockMinutes * 60);
    const wait = delaySeconds(failures);
    throw refused('登录名或密码不正确', wait > 0 ? wait : undefined);
  }

  const rehash = needsRehash(row.password_hash);
  ctx.db.tx(() => {
    ctx.db
      .prepare('UPDATE operators SET failed_logins = 0, last_failed_at = NULL, locked_until = NULL, password_hash = ? WHERE id = ?')
      .run(rehash ? hashPassword(password) : row.password_hash, row.id);
    audit(ctx, { operator: who, action: 'session.login', recordType: 'operator', recordId: row.id, detail: rehash ? { rehashed: true } : {} });
  });
  return {
    operator: { id: row.id, login: row.login, name: row.name, role: row.role, branchCode: row.branch_code },
    mustChangePassword: row.must_change_password === 1,
  };
}

/** 修改密码: the operator's own, with the current one; clears the must-change flag a reset set. */
export function changeOwnPassword(ctx: ServiceContext, by: Operator, oldPassword: string, newPassword: string): void {
  const row = ctx.db.prepare('SELECT password_hash FROM operators WHERE id = ?').get(by.id) as { password_hash: string } | undefined;
  if (!row || !verifyPassword(oldPassword, row.password_hash)) throw badInput('oldPassword', '原密码不正确');
  const problem = passwordProblem(newPassword);
  if (problem) throw badInput('newPassword', `新密码：${problem}`);
  if (newPassword === oldPassword) throw badInput('newPassword', '新密码不能与原密码相同');
  ctx.db.prepare('UPDATE operators SET password_hash = ?, must_change_password = 0 WHERE id = ?').run(hashPassword(newPassword), by.id);
  audit(ctx, { operator: by, action: 'operator.change_password', recordType: 'operator', recordId: by.id, detail: { at: nowIso(ctx) } });
}

/**
 * Who may change 连接方式: anyone while nothing has been chosen yet (a fresh machine, or a damaged terminal.json),
 * or while the local ledger has no administrator yet; afterwards an administrator — proven by a session token the
 * current transport accepts as role admin, or, to re-pair a 柜台终端 whose host is gone or shows another
 * certificate, by an administrator's login on the host being paired (through the new pin). Pure Node.
 */
import type { CallResult } from '../shared/errors';
import { validateConfig, type TerminalConfig } from './terminalConfig';

export interface ChangeRequest {
  config: unknown;
  token?: string | null;
  /** Re-pairing: an administrator of the 网点主机 being paired. */
  adminLogin?: string;
  adminPassword?: string;
}

export interface ChangeDeps {
  current: { config: TerminalConfig; exists: boolean; error?: string };
  /** session.me through the transport in force. */
  me(token: string): Promise<CallResult<unknown>>;
  /** setup.status through the transport in force (only asked in 单机 / 网点主机). */
  localInitialised(): Promise<boolean>;
  /** session.login on the target host through the new pin; logs out again. */
  loginOnTarget(target: TerminalConfig, login: string, password: string): Promise<CallResult<unknown>>;
}

const roleOf = (r: CallResult<unknown>): unknown => (r.ok ? ((r.data as { role?: unknown; operator?: { role?: unknown } }).role ?? (r.data as { operator?: { role?: unknown } }).operator?.role) : undefined);

export async function decideConfigChange(req: ChangeRequest, deps: ChangeDeps): Promise<CallResult<TerminalConfig>> {
  const checked = validateConfig(req.config, deps.current.config.terminalId);
  if (!checked.ok) return { ok: false, error: { code: 'BAD_INPUT', message: checked.message, field: checked.field } };
  const target = checked.config;
  if (!deps.current.exists || deps.current.error) return { ok: true, data: target };
  if (deps.current.config.mode !== 'terminal' && !(await deps.localInitialised().catch(() => true))) return { ok: true, data: target };
  if (req.token) {
    const me = await deps.me(req.token);
    if (roleOf(me) === 'admin') return { ok: true, data: target };
  }
  if (target.mode === 'terminal' && req.adminLogin && req.adminPassword) {
    const login = await deps.loginOnTarget(target, req.adminLogin, req.adminPassword);
    if (!login.ok) return { ok: false, error: { ...login.error, field: login.error.code === 'NO_SESSION' || login.error.code === 'BAD_INPUT' ? 'adminPassword' : login.error.field } };
    if (roleOf(login) === 'admin') return { ok: true, data: target };
    return { ok: false, error: { code: 'FORBIDDEN', message: '该登录名不是网点主机的管理员，不能配对本机', field: 'adminLogin' } };
  }
  return { ok: false, error: { code: 'FORBIDDEN', message: '只有管理员可以更改连接方式：请以管理员身份登录后再改；重新配对柜台终端时可填写网点主机的管理员登录名和密码' } };
}

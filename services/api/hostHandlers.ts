/**
 * The branch host's administrator calls: host.info (mode, listen address, certificate fingerprint) and the open
 * sessions per person and terminal (sessions.list / sessions.end). Sessions live in memory (services/auth/sessions.ts).
 */
import { AppError } from '../../shared/errors';
import { ROLE_LABELS } from '../../shared/roles';
import type { HostInfoDto, SessionListItem } from '../../shared/contract/host';
import { audit } from '../audit/log';
import type { Operator } from '../context';
import type { Handlers, HandlerEnv } from './handlers';

function needCtx(env: HandlerEnv) {
  if (!env.app.ctx) throw new AppError('NOT_FOUND', '系统尚未初始化：请先选择公积金中心并创建管理员');
  return env.app.ctx;
}

function needOperator(env: HandlerEnv): Operator {
  if (!env.operator) throw new AppError('NO_SESSION', '请先登录');
  return env.operator;
}

export const HOST_HANDLERS: Pick<Handlers, 'host.info' | 'sessions.list' | 'sessions.end'> = {
  'host.info': (env): HostInfoDto =>
    env.app.host ?? {
      mode: '单机',
      fingerprint: null,
      listen: null,
      names: [],
      startedAt: new Date(env.app.clock.now().getTime() - Math.round(process.uptime() * 1000)).toISOString(),
    },
  'sessions.list': (env): SessionListItem[] => {
    const db = env.app.db;
    const current = env.token ? env.app.sessions.resolveId(env.token) : null;
    return env.app.sessions.list().map((s) => {
      const o = db.prepare('SELECT login, name FROM operators WHERE id = ?').get(s.operatorId) as { login: string; name: string } | undefined;
      return {
        id: s.id,
        operatorId: s.operatorId,
        login: o?.login ?? '',
        name: o?.name ?? '',
        role: s.role,
        roleLabel: ROLE_LABELS[s.role],
        terminal: s.terminal,
        address: s.address,
        userAgent: s.userAgent,
        openedAt: new Date(s.openedAt).toISOString(),
        lastSeen: new Date(s.lastSeen).toISOString(),
        current: s.id === current,
      };
    });
  },
  'sessions.end': (env, input) => {
    const ended = env.app.sessions.end(input.sessionId);
    if (!ended) throw new AppError('NOT_FOUND', '该会话已结束或已过期', 'sessionId');
    audit(needCtx(env), {
      operator: needOperator(env),
      action: 'session.end',
      recordType: 'operator',
      recordId: ended.operatorId,
      detail: { terminal: ended.terminal, address: ended.address },
    });
    return { ended: true };
  },
};

/**
 * The one dispatcher every transport runs (Electron IPC via the backend process, the local HTTP server, the
 * tests): unknown call → UNKNOWN_CALL; payload checked against the call's zod schema → BAD_INPUT naming the
 * field; session resolved → NO_SESSION; role checked → FORBIDDEN; only then the handler. A write call runs in one
 * SQLite transaction together with its idempotency record: the same key and payload return the first result, the
 * same key with another payload is refused. The caller's key is namespaced to the operator (`c:<id>:<key>`) before the
 * handler sees it, so no caller reaches a system key (`sys:…`) or another operator's key. Nothing is written when any step fails.
 */
import { createHash } from 'node:crypto';
import { maskDetail } from '../audit/log';
import { ZodError } from 'zod';
import { calls, isCallName, PUBLIC, type CallName } from '../../shared/contract/calls';
import { AppError, busyError, type CallResult } from '../../shared/errors';
import { ROLE_LABELS } from '../../shared/roles';
import { FIELD_LABELS } from '../../shared/contract/labels';
import { callerKey } from '../ledger/keys';
import { handlers, type HandlerEnv } from './handlers';
import { redactedJson } from './redact';
import { isBatchCall } from '../batch/jobs';
import type { AppState } from './state';
import type { ClientInfo } from '../auth/sessions';

const MUST_CHANGE_ALLOWED = new Set<CallName>(['session.changePassword', 'session.logout', 'session.me', 'center.info']);

export interface CallRequest {
  call: string;
  input?: unknown;
  token?: string | null;
  /** Filled by the transport (the HTTP host): the terminal id header, the remote address, the user agent. */
  client?: ClientInfo;
}

export function zodToAppError(err: ZodError): AppError {
  const issue = err.issues[0]!;
  const field = issue.path.map(String).join('.');
  const last = String(issue.path[issue.path.length - 1] ?? '');
  const label = FIELD_LABELS[last];
  // Our field builders put the label into the message; zod's own messages (wrong type …) get it prefixed.
  const message = label && !issue.message.includes(label) ? `${label}：${issue.message}` : issue.message;
  return new AppError('BAD_INPUT', message, field || undefined);
}

/**
 * What the idempotency record remembers of a request. Secrets (passwords) are left out: an unsalted hash of a
 * password in an append-only table would be a gift to anyone holding the file.
 */
function requestHash(name: string, input: Record<string, unknown>): string {
  const { idempotencyKey: _k, ...rest } = input;
  return createHash('sha256').update(name).update(JSON.stringify(maskDetail(rest))).digest('hex');
}

function failure(req: CallRequest, err: unknown): CallResult<never> {
  if (err instanceof AppError) return { ok: false, error: err.toShape() };
  if (err instanceof ZodError) return { ok: false, error: zodToAppError(err).toShape() };
  // Another writer holds the database: nothing was written (the transaction never began or rolled back).
  const busy = busyError(err);
  if (busy) return { ok: false, error: busy.toShape() };
  // An unexpected failure: the transaction has rolled back; say so without leaking internals to the screen.
  console.error(`[gjj] ${req.call} failed:`, err);
  return { ok: false, error: { code: 'INTERNAL', message: '系统内部错误，本次操作未生效，请联系管理员' } };
}

/**
 * Synchronous dispatch: every call but the read-only ones that finish asynchronously (PDF rendering), which
 * transports reach through dispatchAsync. Writes are always synchronous, inside one transaction.
 */
export function dispatch(app: AppState, req: CallRequest): CallResult<unknown> {
  try {
    const data = run(app, req);
    if (data instanceof Promise) {
      data.catch(() => undefined);
      throw new AppError('INTERNAL', `${req.call} 须通过异步通道调用`);
    }
    return { ok: true, data };
  } catch (err) {
    return failure(req, err);
  }
}

/** What the transports run: like dispatch, and also awaits calls that read first and then render. */
export async function dispatchAsync(app: AppState, req: CallRequest): Promise<CallResult<unknown>> {
  try {
    return { ok: true, data: await run(app, req) };
  } catch (err) {
    return failure(req, err);
  }
}

function run(app: AppState, req: CallRequest): unknown {
  if (typeof req.call !== 'string' || !isCallName(req.call)) {
    throw new AppError('UNKNOWN_CALL', `未知的调用：${String(req.call)}`);
  }
  const name: CallName = req.call;
  const def = calls[name];
  const session = app.sessions.resolve(req.token ?? null, req.client);
  const operator = session?.operator ?? null;
  if (def.roles !== PUBLIC) {
    if (!operator) throw new AppError('NO_SESSION', '登录已失效，请重新登录');
    // After a password reset, nothing but choosing a new password (or leaving) until it is done.
    if (session?.mustChangePassword && !MUST_CHANGE_ALLOWED.has(name)) {
      throw new AppError('FORBIDDEN', '管理员已重置您的密码：请先修改密码再办理业务');
    }
    if (!def.roles.includes(operator.role)) {
      const allowed = def.roles.map((r) => ROLE_LABELS[r]).join('、');
      throw new AppError('FORBIDDEN', `当前岗位（${ROLE_LABELS[operator.role]}）无权办理此业务，需${allowed}岗位`);
    }
  }
  const parsed = def.input.parse(req.input ?? {}) as Record<string, unknown>;
  const env: HandlerEnv = { app, operator, token: req.token ?? null, client: req.client ?? {} };
  const handler = handlers[name] as (env: HandlerEnv, input: unknown) => unknown;
  // Reads need no transaction: the process is single-threaded and better-sqlite3 synchronous, so no write
  // can interleave with a read; a read that audits (login) opens its own.
  if (!def.write || !('idempotencyKey' in parsed)) return def.write ? app.db.tx(() => handler(env, parsed)) : handler(env, parsed);

  // The caller's key is scoped to the operator before anything uses it (services/ledger/keys.ts).
  const key = callerKey(operator?.id, String(parsed.idempotencyKey));
  const hash = requestHash(name, parsed);
  const scoped = { ...parsed, idempotencyKey: key };
  // A long batch on a host: in the batch worker, its result recorded under the key when it ends (services/batch).
  if (def.batch && app.batches && app.ctx && isBatchCall(name) && app.batches.wants(app.ctx, name, scoped)) {
    const prior = priorResult(app, key, name, hash);
    if (prior.found) return prior.result;
    const by = operator!;
    return app.batches.start(name, key, hash, scoped, by).then((result) => {
      app.db.tx(() => {
        if (!priorResult(app, key, name, hash).found) recordCommand(app, key, name, hash, result, by.id);
      });
      return result;
    });
  }
  return app.db.tx(() => {
    const prior = priorResult(app, key, name, hash);
    if (prior.found) return prior.result;
    const result = handler(env, scoped);
    if (result instanceof Promise) throw new AppError('INTERNAL', `${name} 是写操作，不能异步完成`);
    recordCommand(app, key, name, hash, result, operator?.id ?? null);
    return result;
  });
}

/** The first result stored under this key; refused when the key was used for a different request. */
function priorResult(app: AppState, key: string, name: string, hash: string): { found: false } | { found: true; result: unknown } {
  const prior = app.db.prepare('SELECT action, request_hash, result_json FROM commands WHERE idempotency_key = ?').get(key) as
    | { action: string; request_hash: string; result_json: string }
    | undefined;
  if (!prior) return { found: false };
  if (prior.action !== name || prior.request_hash !== hash) {
    throw new AppError('CONFLICT', '业务流水号已用于另一笔内容不同的业务，请重新打开表单后再提交');
  }
  return { found: true, result: JSON.parse(prior.result_json) as unknown };
}

function recordCommand(app: AppState, key: string, name: string, hash: string, result: unknown, operatorId: number | null): void {
  app.db
    .prepare('INSERT INTO commands (idempotency_key, action, request_hash, result_json, operator_id, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    // The stored copy has ID numbers masked (personal data stays in members only); see redact.ts.
    .run(key, name, hash, redactedJson(result), operatorId, app.clock.now().toISOString());
}

/**
 * The renderer's one way to the services: `api(name, input)`, typed from the shared contract.
 * In Electron the preload exposes `window.gjj.call`; in a browser (npm run web) the same call goes to
 * POST /api/call on the local server. The session token is kept in memory only.
 */
import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import type { AppErrorShape, CallResult } from '../../shared/errors';
import { withBusyRetry } from './busyRetry';

declare global {
  interface Window {
    gjj?: { call(name: string, input: unknown, token: string | null): Promise<CallResult<unknown>> };
  }
}

export class ApiError extends Error implements AppErrorShape {
  code: AppErrorShape['code'];
  field?: string;
  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.code = shape.code;
    if (shape.field) this.field = shape.field;
  }
}

let token: string | null = null;
let onSessionLost: () => void = () => {};

export function setToken(t: string | null): void {
  token = t;
}
export function onSessionExpired(fn: () => void): void {
  onSessionLost = fn;
}

async function transport(name: string, input: unknown): Promise<CallResult<unknown>> {
  if (window.gjj) return window.gjj.call(name, input, token);
  const res = await fetch('/api/call', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ call: name, input }),
  });
  return (await res.json()) as CallResult<unknown>;
}

export async function api<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  let result: CallResult<unknown>;
  try {
    result = await withBusyRetry(() => transport(name, input));
  } catch {
    throw new ApiError({ code: 'INTERNAL', message: '无法连接业务服务，请检查程序是否在运行' });
  }
  if (!result.ok) {
    if (result.error.code === 'NO_SESSION' && name !== 'session.login') onSessionLost();
    throw new ApiError(result.error);
  }
  return result.data as CallOutput<N>;
}

/** A fresh idempotency key per form opening: resubmitting the same form cannot post twice. */
export function newKey(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

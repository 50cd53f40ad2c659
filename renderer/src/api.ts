/**
 * The renderer's one way to the services: `api(name, input)`, typed from the shared contract.
 * In Electron the preload exposes `window.gjj.call`; in a browser (npm run web) the same call goes to
 * POST /api/call on the local server. The session token is kept per tab (sessionStorage), so F5 or a renderer
 * reload keeps the clerk logged in (App restores it with session.me) while closing the tab or window ends it.
 * The browser sends a terminal id (X-GJJ-Terminal, made once and kept in localStorage); in Electron the main
 * process adds its own from terminal.json.
 */
import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import type { AppErrorShape, CallResult } from '../../shared/errors';
import { withBusyRetry } from './busyRetry';
import { connectionHooks } from './connection';

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

const TOKEN_KEY = 'gjj.session';
const TERMINAL_KEY = 'gjj.terminalId';

function stored(storage: 'sessionStorage' | 'localStorage', key: string): string | null {
  try {
    return window[storage].getItem(key);
  } catch {
    return null;
  }
}

let token: string | null = stored('sessionStorage', TOKEN_KEY);
let onSessionLost: () => void = () => {};

export function setToken(t: string | null): void {
  token = t;
  try {
    if (t) sessionStorage.setItem(TOKEN_KEY, t);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    /* storage unavailable: memory only */
  }
}
/** The token this tab had before a reload, to be checked with session.me. */
export function savedToken(): string | null {
  return token;
}

export function terminalId(): string {
  let id = stored('localStorage', TERMINAL_KEY);
  if (!id) {
    id = `W-${crypto.randomUUID()}`;
    try {
      localStorage.setItem(TERMINAL_KEY, id);
    } catch {
      /* memory only */
    }
  }
  return id;
}
export function onSessionExpired(fn: () => void): void {
  onSessionLost = fn;
}

async function transport(name: string, input: unknown): Promise<CallResult<unknown>> {
  if (window.gjj) return window.gjj.call(name, input, token);
  let res: Response;
  try {
    res = await fetch('/api/call', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-GJJ-Terminal': terminalId(), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ call: name, input }),
    });
  } catch {
    // No answer at all (server stopped, network down, connection reset): the same request may be sent again.
    return { ok: false, error: { code: 'HOST_UNREACHABLE', retryable: true, message: `无法连接网点主机 ${window.location.host}：网络不通或主机程序未运行，已保留您填写的内容，稍后自动重试` } };
  }
  return (await res.json()) as CallResult<unknown>;
}

export async function api<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  let result: CallResult<unknown>;
  try {
    result = await withBusyRetry(() => transport(name, input), undefined, undefined, connectionHooks);
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

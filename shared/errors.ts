/** Typed errors that cross the contract. Every message is Chinese and, for bad input, names the field. */
export type ErrorCode =
  | 'BAD_INPUT'
  | 'UNKNOWN_CALL'
  | 'NO_SESSION'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RULE'
  | 'BUSY'
  | 'INTERNAL'
  // 柜台终端 → 网点主机: the host cannot be reached (retryable), or presents another certificate than the pinned one.
  | 'HOST_UNREACHABLE'
  | 'HOST_CERT_CHANGED';

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  /** Dotted path of the input field the error concerns, so the form can show it beside that field. */
  field?: string;
  /** For a refused login: seconds until the next attempt is accepted. */
  retryAfterSeconds?: number;
  /** True when the same request (same idempotency key) may simply be sent again a moment later. */
  retryable?: boolean;
}

export class AppError extends Error implements AppErrorShape {
  readonly code: ErrorCode;
  readonly field?: string;
  retryAfterSeconds?: number;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }
  toShape(): AppErrorShape {
    const shape: AppErrorShape =
      this.field === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, field: this.field };
    if (this.code === 'BUSY') shape.retryable = true;
    return this.retryAfterSeconds === undefined ? shape : { ...shape, retryAfterSeconds: this.retryAfterSeconds };
  }
}

export const BUSY_MESSAGE = '系统正忙，请稍后重试';

/**
 * SQLite lock contention (another connection or process holds the write lock past our busy timeout) as the
 * retryable BUSY error; null for anything else. Duck-typed on better-sqlite3's SqliteError so shared/ stays
 * free of the native module.
 */
export function busyError(err: unknown): AppError | null {
  const code = err instanceof Error ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code) ? new AppError('BUSY', BUSY_MESSAGE) : null;
}

export const badInput = (field: string, message: string) => new AppError('BAD_INPUT', message, field);
export const notFound = (message: string) => new AppError('NOT_FOUND', message);
export const conflict = (message: string, field?: string) => new AppError('CONFLICT', message, field);

export type CallResult<T> = { ok: true; data: T } | { ok: false; error: AppErrorShape };

/**
 * What the center's routes share (services/center/http.ts, adminRoutes.ts): the answer shape
 * `{ ok: true, data }` / `{ ok: false, error: { code, message } }`, the body reader with a size cap, and the one queue
 * that applies batches one at a time.
 */
import type { IncomingMessage } from 'node:http';
import { AppError } from '../../shared/errors';
import type { CenterStore } from './store';

export type Reply = { status: number; body: unknown };
/** What every route may use besides the store: the center's folder (its signing key) and the admin token. */
export interface CenterServerEnv {
  cdir: string;
  adminToken: string;
}
export type Route = (store: CenterStore, req: IncomingMessage, url: URL, log: (line: string) => void, env: CenterServerEnv) => Promise<Reply>;

export const ok = (data: unknown): Reply => ({ status: 200, body: { ok: true, data } });
export const fail = (status: number, code: string, message: string, extra: Record<string, unknown> = {}): Reply => ({ status, body: { ok: false, error: { code, message }, ...extra } });

/** An AppError as an answer (a refusal: 409 / 400 / 404), anything else as 500. */
export function failWith(err: unknown, extra: Record<string, unknown> = {}): Reply {
  const e = err instanceof AppError ? err : new AppError('INTERNAL', err instanceof Error ? err.message : String(err));
  const status = e.code === 'INTERNAL' ? 500 : e.code === 'NOT_FOUND' ? 404 : e.code === 'BAD_INPUT' ? 400 : e.code === 'FORBIDDEN' ? 403 : 409;
  return fail(status, e.code, e.message, extra);
}

export function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((ok, bad) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        bad(new AppError('BAD_INPUT', `批次过大（超过${Math.round(max / 1048576)} MB）：请分批推送`));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', bad);
  });
}

let queue: Promise<unknown> = Promise.resolve();
/** Batches (pushed, imported) and other writes of the center are applied one at a time. */
export function serially<T>(fn: () => Promise<T>): Promise<T> {
  const next = queue.then(fn, fn);
  queue = next.catch(() => undefined);
  return next;
}

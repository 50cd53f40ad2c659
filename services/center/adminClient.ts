/**
 * `gjj center …` while `gjj center serve` owns the embedded database: the command goes through the running
 * server's admin routes (services/center/adminRoutes.ts) instead of failing BUSY. The serving process writes
 * CDIR/center.serve.json (0600: pid, port, a random admin token) when it listens and removes it when it stops; a
 * command finds it, checks the pid is alive, and calls https://127.0.0.1:PORT (or the listening address) with the
 * token, pinned to CDIR's own certificate. No file, a dead pid, or GJJ_CENTER_DATABASE_URL (an external server is
 * shared anyway): the command opens the database itself, as before.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, type ErrorCode } from '../../shared/errors';
import { fingerprintOf, TLS_CERT_FILE } from '../http/tls';
import { centerClient } from '../branch/centerClient';

export const SERVE_FILE = 'center.serve.json';

export interface ServeRecord {
  pid: number;
  host: string;
  port: number;
  token: string;
  startedAt: string;
}

export function newAdminToken(): string {
  return randomBytes(24).toString('base64url');
}

export function writeServeRecord(cdir: string, r: ServeRecord): void {
  writeFileSync(join(cdir, SERVE_FILE), `${JSON.stringify(r)}\n`, { mode: 0o600 });
}

/** Removes the record if it is this process's (a newer server's record is left alone). */
export function removeServeRecord(cdir: string, pid = process.pid): void {
  const r = readServeRecord(cdir);
  if (r && r.pid === pid) rmSync(join(cdir, SERVE_FILE), { force: true });
}

function readServeRecord(cdir: string): ServeRecord | null {
  const f = join(cdir, SERVE_FILE);
  if (!existsSync(f)) return null;
  try {
    return JSON.parse(readFileSync(f, 'utf8')) as ServeRecord;
  } catch {
    return null;
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
};

/** A live pid that is still a gjj process (not a pid the system reused after a kill -9). */
function isServing(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !alive(pid)) return false;
  try {
    return /gjj|center/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true; // not Linux: trust the live pid
  }
}

/** The running center that owns CDIR's embedded database, or null (run locally). */
export function runningCenter(cdir: string): ServeRecord | null {
  if (process.env.GJJ_CENTER_DATABASE_URL) return null;
  const r = readServeRecord(cdir);
  return r && isServing(r.pid) ? r : null;
}

/** One admin call to the running center; the answer's data, or its refusal as an AppError (same code, same message). */
export async function adminCall<T>(cdir: string, r: ServeRecord, method: 'GET' | 'POST', path: string, body?: string): Promise<T> {
  const host = r.host === '0.0.0.0' ? '127.0.0.1' : r.host === '::' ? '::1' : r.host;
  const url = `https://${host.includes(':') ? `[${host}]` : host}:${r.port}`;
  const fp = fingerprintOf(readFileSync(join(cdir, TLS_CERT_FILE), 'utf8'));
  const client = centerClient(url, fp, { headers: { Authorization: `Bearer ${r.token}` } });
  let a;
  try {
    a = method === 'GET' ? await client.get<T>(path) : await client.post<T>(path, body ?? '');
  } catch (err) {
    throw new AppError('BUSY', `中心服务（PID ${r.pid}）正在运行，但经其管理接口办理未成功：${err instanceof Error ? err.message : String(err)}`);
  }
  if (!a.ok) throw new AppError((a.error?.code ?? 'INTERNAL') as ErrorCode, a.error?.message ?? `中心管理接口 HTTP ${a.status}`);
  return a.data as T;
}

/**
 * Login and session limits. The defaults are the issue's: 5 wrong passwords lock a login for 15 minutes, sessions
 * end after 30 idle minutes and 12 hours in all. A center may change them with rows in `meta`
 * (auth.maxFailures, auth.lockMinutes, auth.idleMinutes, auth.absoluteHours).
 */
import type { Db } from '../../db/connection';

export interface LoginPolicy {
  maxFailures: number;
  lockMinutes: number;
  idleMinutes: number;
  absoluteHours: number;
}

export const LOGIN_POLICY: LoginPolicy = { maxFailures: 5, lockMinutes: 15, idleMinutes: 30, absoluteHours: 12 };

export function loginPolicy(db: Db): LoginPolicy {
  const rows = db.prepare(`SELECT key, value FROM meta WHERE key LIKE 'auth.%'`).all() as Array<{ key: string; value: string }>;
  const out = { ...LOGIN_POLICY };
  for (const r of rows) {
    const k = r.key.slice(5) as keyof LoginPolicy;
    const v = Number(r.value);
    if (k in out && Number.isFinite(v) && v > 0) out[k] = v;
  }
  return out;
}

/**
 * The wait before the next attempt after `failures` consecutive wrong passwords (below the lockout): none after
 * the first, then 1, 2, 4 … seconds. Attempts inside the wait are refused, not slept on.
 */
export function delaySeconds(failures: number): number {
  return failures < 2 ? 0 : Math.min(2 ** (failures - 2), 60);
}

/**
 * Sessions live in the backend's memory only: restarting the app logs everyone out, which a counter expects.
 * A session ends after 30 idle minutes or 12 hours in all (services/auth/policy.ts), and at once when its operator
 * is disabled or changes role: every resolve re-reads the operator's row (one prepared statement).
 */
import type { Operator } from '../context';
import { newToken } from './operators';
import { LOGIN_POLICY, type LoginPolicy } from './policy';

export interface SessionOperator {
  operator: Operator;
  active: boolean;
  mustChangePassword: boolean;
}

export interface ResolvedSession {
  operator: Operator;
  mustChangePassword: boolean;
}

interface Entry {
  operatorId: number;
  role: Operator['role'];
  openedAt: number;
  lastSeen: number;
}

export class Sessions {
  private readonly byToken = new Map<string, Entry>();
  constructor(
    private readonly now: () => number = Date.now,
    private readonly load: (operatorId: number) => SessionOperator | null = () => null,
    private readonly limits: Pick<LoginPolicy, 'idleMinutes' | 'absoluteHours'> = LOGIN_POLICY,
  ) {}

  open(operator: Operator): string {
    const token = newToken();
    const t = this.now();
    this.byToken.set(token, { operatorId: operator.id, role: operator.role, openedAt: t, lastSeen: t });
    return token;
  }

  resolve(token: string | undefined | null): ResolvedSession | null {
    if (!token) return null;
    const s = this.byToken.get(token);
    if (!s) return null;
    const t = this.now();
    if (t - s.lastSeen > this.limits.idleMinutes * 60_000 || t - s.openedAt > this.limits.absoluteHours * 3_600_000) {
      this.byToken.delete(token);
      return null;
    }
    const current = this.load(s.operatorId);
    if (!current || !current.active || current.operator.role !== s.role) {
      this.byToken.delete(token);
      return null;
    }
    s.lastSeen = t;
    return { operator: current.operator, mustChangePassword: current.mustChangePassword };
  }

  close(token: string): void {
    this.byToken.delete(token);
  }

  /** Ends every open session of one operator (disabled, role changed, password reset). */
  endFor(operatorId: number): number {
    let n = 0;
    for (const [token, s] of this.byToken) {
      if (s.operatorId === operatorId) {
        this.byToken.delete(token);
        n++;
      }
    }
    return n;
  }
}

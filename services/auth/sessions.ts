/**
 * Sessions live in the backend's memory only: restarting the app logs everyone out, which a counter expects.
 * A session ends after 30 idle minutes or 12 hours in all (services/auth/policy.ts), and at once when its operator
 * is disabled or changes role: every resolve re-reads the operator's row (one prepared statement).
 * Sessions are per person and per terminal: on a branch host each session records the terminal id the client sent
 * (X-GJJ-Terminal), its address and user agent; a token presented from another terminal is refused. An
 * administrator lists them and ends one at once (sessions.list / sessions.end), by its public id, never the token.
 */
import type { Operator } from '../context';
import { randomBytes } from 'node:crypto';
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

/** What the transport knows about the client: its terminal id (branch host), address and user agent. */
export interface ClientInfo {
  terminal?: string;
  address?: string;
  userAgent?: string;
}

export interface SessionInfo {
  id: string;
  operatorId: number;
  role: Operator['role'];
  terminal: string | null;
  address: string | null;
  userAgent: string | null;
  openedAt: number;
  lastSeen: number;
}

type Entry = SessionInfo;

export class Sessions {
  private readonly byToken = new Map<string, Entry>();
  constructor(
    private readonly now: () => number = Date.now,
    private readonly load: (operatorId: number) => SessionOperator | null = () => null,
    private readonly limits: Pick<LoginPolicy, 'idleMinutes' | 'absoluteHours'> = LOGIN_POLICY,
  ) {}

  open(operator: Operator, client: ClientInfo = {}): string {
    const token = newToken();
    const t = this.now();
    this.byToken.set(token, {
      id: randomBytes(9).toString('base64url'),
      operatorId: operator.id,
      role: operator.role,
      terminal: client.terminal ?? null,
      address: client.address ?? null,
      userAgent: client.userAgent ?? null,
      openedAt: t,
      lastSeen: t,
    });
    return token;
  }

  resolve(token: string | undefined | null, client: ClientInfo = {}): ResolvedSession | null {
    if (!token) return null;
    const s = this.byToken.get(token);
    if (!s) return null;
    // A session opened at one terminal is not usable from another (a token copied off a counter PC).
    if (s.terminal !== null && client.terminal !== s.terminal) return null;
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
    if (client.address) s.address = client.address;
    const operator = s.terminal !== null ? { ...current.operator, terminal: s.terminal } : current.operator;
    return { operator, mustChangePassword: current.mustChangePassword };
  }

  close(token: string): void {
    this.byToken.delete(token);
  }

  /** The open sessions (expired ones dropped first), oldest first. */
  list(): SessionInfo[] {
    const t = this.now();
    const out: SessionInfo[] = [];
    for (const [token, s] of this.byToken) {
      if (t - s.lastSeen > this.limits.idleMinutes * 60_000 || t - s.openedAt > this.limits.absoluteHours * 3_600_000) this.byToken.delete(token);
      else out.push({ ...s });
    }
    return out.sort((a, b) => a.openedAt - b.openedAt);
  }

  /** The public id of the session behind a token (no expiry check: the dispatcher resolved it just before). */
  resolveId(token: string): string | null {
    return this.byToken.get(token)?.id ?? null;
  }

  /** Ends one session by its public id; the session's operator must sign in again. */
  end(id: string): SessionInfo | null {
    for (const [token, s] of this.byToken) {
      if (s.id === id) {
        this.byToken.delete(token);
        return { ...s };
      }
    }
    return null;
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

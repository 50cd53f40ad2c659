/** Sessions live in the backend's memory only: restarting the app logs everyone out, which a counter expects. */
import type { Operator } from '../context';
import { newToken } from './operators';

const IDLE_MS = 8 * 60 * 60 * 1000;

export class Sessions {
  private readonly byToken = new Map<string, { operator: Operator; lastSeen: number }>();
  constructor(private readonly now: () => number = Date.now) {}

  open(operator: Operator): string {
    const token = newToken();
    this.byToken.set(token, { operator, lastSeen: this.now() });
    return token;
  }

  resolve(token: string | undefined | null): Operator | null {
    if (!token) return null;
    const s = this.byToken.get(token);
    if (!s) return null;
    if (this.now() - s.lastSeen > IDLE_MS) {
      this.byToken.delete(token);
      return null;
    }
    s.lastSeen = this.now();
    return s.operator;
  }

  close(token: string): void {
    this.byToken.delete(token);
  }
}

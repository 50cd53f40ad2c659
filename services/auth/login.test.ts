import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch';
import { harness, PASSWORD, type Harness } from '../testing/harness';

let h: Harness;
beforeEach(() => (h = harness()));
afterEach(() => h.close());

const login = (password: string, as = 'clerk') => dispatch(h.app, { call: 'session.login', input: { login: as, password } });
const audits = (action: string) => (h.app.db.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number }).n;

describe('lockout after wrong passwords', () => {
  it('locks a login for 15 minutes after 5 wrong passwords; the 6th attempt is refused even with the right password', () => {
    const failedBefore = audits('session.login_failed');
    let t = Date.parse('2026-06-15T02:00:00Z');
    for (let i = 1; i <= 5; i++) {
      t += 60_000; // past any wait between attempts
      h.clock.set(new Date(t).toISOString());
      const r = login('Wrong2026x');
      expect(r.ok).toBe(false);
      if (!r.ok && i === 5) {
        expect(r.error.message).toContain('已锁定15分钟');
        expect(r.error.retryAfterSeconds).toBe(900);
      }
    }
    expect(audits('session.login_failed') - failedBefore).toBe(5);
    h.clock.set(new Date(t + 14 * 60_000).toISOString());
    const sixth = login(PASSWORD);
    expect(sixth.ok).toBe(false);
    if (!sixth.ok) {
      expect(sixth.error.code).toBe('NO_SESSION');
      expect(sixth.error.message).toContain('已锁定');
      expect(sixth.error.retryAfterSeconds).toBe(60);
    }
    expect(audits('session.login_refused')).toBe(1);
    // The lock is in the database: it holds for another backend reading the same file.
    expect((h.app.db.prepare('SELECT locked_until FROM operators WHERE login = ?').get('clerk') as { locked_until: string }).locked_until).toBe(new Date(t + 15 * 60_000).toISOString());
    h.clock.set(new Date(t + 15 * 60_000 + 1000).toISOString());
    expect(login(PASSWORD).ok).toBe(true);
    expect((h.app.db.prepare('SELECT failed_logins, locked_until FROM operators WHERE login = ?').get('clerk') as object)).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('refuses attempts inside an increasing wait instead of sleeping, and audits them', () => {
    expect(login('Wrong2026x').ok).toBe(false); // 1st: no wait yet
    const second = login('Wrong2026x'); // at once: allowed, 2 failures → 1 s wait
    expect(!second.ok && second.error.retryAfterSeconds).toBe(1);
    const early = login(PASSWORD); // same instant: refused, not counted as a failure
    expect(early.ok === false && early.error.message).toBe('密码错误次数较多，请1秒后再试');
    h.clock.set('2026-06-15T02:00:01Z');
    const third = login('Wrong2026x');
    expect(!third.ok && third.error.retryAfterSeconds).toBe(2);
    h.clock.set('2026-06-15T02:00:02Z');
    expect(login(PASSWORD).ok).toBe(false); // still inside the 2 s wait
    h.clock.set('2026-06-15T02:00:03Z');
    expect(login(PASSWORD).ok).toBe(true);
    expect(audits('session.login_refused')).toBe(2);
  });

  it('audits a failure for an unknown login with the same message', () => {
    const r = dispatch(h.app, { call: 'session.login', input: { login: 'nobody', password: 'Wrong2026x' } });
    expect(r.ok === false && r.error.message).toBe('登录名或密码不正确');
    const row = h.app.db.prepare(`SELECT operator_login, record_id FROM audit_log WHERE action = 'session.login_failed' ORDER BY id DESC LIMIT 1`).get();
    expect(row).toEqual({ operator_login: 'nobody', record_id: 'nobody' });
  });
});

describe('session lifetime', () => {
  it('ends a session after 30 idle minutes', () => {
    h.clock.set('2026-06-15T02:29:00Z');
    expect(h.call('session.me', {}).login).toBe('clerk'); // 29 minutes: still alive, and now touched
    h.clock.set('2026-06-15T02:58:59Z');
    expect(h.call('session.me', {}).login).toBe('clerk');
    h.clock.set('2026-06-15T03:29:00Z');
    expect(h.fail('session.me', {}).code).toBe('NO_SESSION');
  });

  it('ends a session 12 hours after login however busy it is', () => {
    let t = Date.parse('2026-06-15T02:00:00Z');
    for (let i = 0; i < 12 * 3; i++) {
      t += 20 * 60_000;
      h.clock.set(new Date(t).toISOString());
      expect(h.call('session.me', {}).login).toBe('clerk');
    }
    h.clock.set(new Date(t + 20 * 60_000).toISOString()); // 12 h 20 min after login
    expect(h.fail('session.me', {}).code).toBe('NO_SESSION');
  });
});

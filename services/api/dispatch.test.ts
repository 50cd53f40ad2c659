import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from './dispatch';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';

let h: Harness;
beforeEach(() => (h = harness('yinchuan')));
afterEach(() => h.close());

const count = (table: string) => (h.app.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('contract dispatcher', () => {
  it('refuses an unknown call with a typed Chinese error', () => {
    const r = dispatch(h.app, { call: 'members.delete', input: {}, token: h.tokens.clerk });
    expect(r).toEqual({ ok: false, error: { code: 'UNKNOWN_CALL', message: '未知的调用：members.delete' } });
  });

  it('refuses a call without a session, and with a stale token', () => {
    expect(h.fail('members.search', { query: '张' }, null).code).toBe('NO_SESSION');
    const r = dispatch(h.app, { call: 'members.search', input: { query: '张' }, token: 'forged-token' });
    expect(r.ok === false && r.error.message).toBe('登录已失效，请重新登录');
  });

  it('checks the role before the service runs', () => {
    const before = count('employers');
    const err = h.fail('employers.create', { name: 'x' }, 'reviewer');
    expect(err.code).toBe('FORBIDDEN');
    expect(err.message).toContain('复核');
    expect(count('employers')).toBe(before);
    expect(h.fail('users.add', {}, 'clerk').code).toBe('FORBIDDEN');
    expect(h.fail('ledger.check', {}, 'approver').code).toBe('FORBIDDEN');
  });

  it('names the field of a malformed payload in Chinese and writes nothing', () => {
    const e = newEmployer(h);
    const members = count('members');
    const audits = count('audit_log');
    const err = h.fail('members.open', { name: '李四', idNumber: '110105194912310021', phone: '13800000000', employerId: e.id, baseFen: 500000, idempotencyKey: h.key() });
    expect(err).toMatchObject({ code: 'BAD_INPUT', field: 'idNumber' });
    expect(err.message).toBe('证件号码校验码不正确，请核对号码');
    const typeErr = h.fail('members.open', { name: '李四', idNumber: '11010519491231002X', phone: '13800000000', employerId: e.id, baseFen: '5000', idempotencyKey: h.key() });
    expect(typeErr).toMatchObject({ code: 'BAD_INPUT', field: 'baseFen' });
    expect(typeErr.message).toContain('缴存基数');
    expect(count('members')).toBe(members);
    expect(count('audit_log')).toBe(audits);
  });

  it('a service refusal names its field too (base below the district lower bound)', () => {
    const e = newEmployer(h, { district: '永宁县' });
    const err = h.fail('members.open', { name: '李四', idNumber: '11010519491231002X', phone: '13800000000', employerId: e.id, baseFen: 183999, idempotencyKey: h.key() });
    expect(err).toMatchObject({ code: 'BAD_INPUT', field: 'baseFen' });
    expect(err.message).toContain('（永宁县）下限1840.00元');
  });

  it('replays a write with the same idempotency key, refuses the key with another payload', () => {
    const e = newEmployer(h);
    const input = { name: '王五', idNumber: '34052419800101001X', phone: '13800000000', employerId: e.id, baseFen: 500000, idempotencyKey: 'open-wangwu-0001' };
    const a = h.call('members.open', input);
    const b = h.call('members.open', input);
    expect(b.id).toBe(a.id);
    expect(count('members')).toBe(1);
    const err = h.fail('members.open', { ...input, name: '王六' });
    expect(err.code).toBe('CONFLICT');
  });

  it('returns INTERNAL, not a stack trace, when something unexpected breaks — and rolls back', () => {
    const e = newEmployer(h);
    const m = newMember(h, e.id);
    h.app.db.sqlite.exec('DROP TABLE remittances');
    const err = h.fail('remit.post', { employerId: e.id, month: '2026-05', idempotencyKey: h.key() });
    expect(err.code).toBe('INTERNAL');
    expect(err.message).toContain('未生效');
    expect(h.call('members.get', { memberId: m.id }).balanceFen).toBe(0);
  });

  it('masks ID numbers in search results and in the audit log', () => {
    const e = newEmployer(h);
    newMember(h, e.id, { name: '赵六', idNumber: '11010519491231002X' });
    const [row] = h.call('members.search', { query: '赵六' });
    expect(row!.idNumberMasked).toBe('110105********002X');
    expect(JSON.stringify(row)).not.toContain('11010519491231002X');
    const audit = h.app.db.prepare(`SELECT detail FROM audit_log WHERE action = 'member.open'`).all() as Array<{ detail: string }>;
    expect(audit.map((a) => a.detail).join()).toContain('110105********002X');
    expect(audit.map((a) => a.detail).join()).not.toContain('11010519491231002X');
  });

  it('never stores or logs a password in clear', () => {
    const rows = h.app.db.prepare('SELECT password_hash FROM operators').all() as Array<{ password_hash: string }>;
    for (const r of rows) expect(r.password_hash).toMatch(/^scrypt\$\d+\$8\$1\$/); // the shipped N is proved in services/auth/passwords.test.ts
    const logs = (h.app.db.prepare('SELECT detail FROM audit_log').all() as Array<{ detail: string }>).map((r) => r.detail).join();
    expect(logs).not.toContain('Counter2026');
    expect(h.fail('session.login', { login: 'clerk', password: 'wrong-pass1' }, null).message).toBe('登录名或密码不正确');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { personId, staffNo } from '../testing/staff';
import { addLogin, harness, PASSWORD, type Harness } from '../testing/harness';

let h: Harness;
beforeEach(() => (h = harness()));
afterEach(() => h.close());

const operatorId = (login: string) => (h.app.db.prepare('SELECT id FROM operators WHERE login = ?').get(login) as { id: number } | undefined)?.id;
const newClerk = (person = 20, login = 'wang2') => ({ login, name: '王新', role: 'clerk' as const, staffNo: staffNo(person), idNumber: personId(person), password: PASSWORD, idempotencyKey: h.key() });
const actions = () => (h.app.db.prepare('SELECT action FROM audit_log ORDER BY id').all() as Array<{ action: string }>).map((r) => r.action);

describe('operators are people', () => {
  it('a new login waits for a second administrator; the requester cannot confirm it', () => {
    const req = h.call('users.add', newClerk(), 'admin');
    expect(req).toMatchObject({ status: '待确认', kind: 'add', login: 'wang2', roleLabel: '经办', staffNo: 'GH0020', requestedBy: 'admin' });
    expect(req.idNumberMasked).toMatch(/^640104\*{8}\d{3}[\dX]$/);
    expect(operatorId('wang2')).toBeUndefined();
    expect(h.fail('session.login', { login: 'wang2', password: PASSWORD }, null).code).toBe('NO_SESSION');
    expect(h.call('users.requests', {}, 'admin').map((r) => r.id)).toEqual([req.id]);

    const own = h.fail('users.confirm', { requestId: req.id, idempotencyKey: h.key() }, 'admin');
    expect(own.code).toBe('FORBIDDEN');
    expect(own.message).toContain('另一名管理员');
    expect(operatorId('wang2')).toBeUndefined();

    const done = h.call('users.confirm', { requestId: req.id, idempotencyKey: h.key() }, 'admin2');
    expect(done).toMatchObject({ status: '已确认', decidedBy: 'admin2' });
    expect(h.call('session.login', { login: 'wang2', password: PASSWORD }, null).operator.role).toBe('clerk');
    expect(actions()).toEqual(expect.arrayContaining(['operator.request_add', 'operator.add', 'operator.request_confirm']));
    expect(h.call('users.requests', {}, 'admin')).toEqual([]);
  });

  it('another login of the requesting administrator (same person) cannot confirm either', () => {
    addLogin(h, 'admin1b', 'admin', 1, '管理员');
    const req = h.call('users.add', newClerk(), 'admin');
    expect(h.fail('users.confirm', { requestId: req.id, idempotencyKey: h.key() }, 'admin1b').code).toBe('FORBIDDEN');
  });

  it('a rejected request creates nothing', () => {
    const req = h.call('users.add', newClerk(), 'admin');
    expect(h.call('users.reject', { requestId: req.id, note: '工号有误', idempotencyKey: h.key() }, 'admin2').status).toBe('已驳回');
    expect(h.fail('users.confirm', { requestId: req.id, idempotencyKey: h.key() }, 'admin2').code).toBe('CONFLICT');
    expect(operatorId('wang2')).toBeUndefined();
  });

  it('an administrator cannot hold a business post, under any login', () => {
    const err = h.fail('users.add', { ...newClerk(1, 'adminclerk'), name: '管理员' }, 'admin');
    expect(err.code).toBe('RULE');
    expect(err.message).toContain('管理员不能同时担任业务岗位');
    // and a clerk (person 3) cannot be given an administrator login
    expect(h.fail('users.add', { ...newClerk(3, 'clerkadmin'), role: 'admin' }, 'admin').code).toBe('RULE');
    // nor can a clerk whose person holds another login become admin by a role change, when confirmed later
    addLogin(h, 'clerk3b', 'reviewer', 3);
    expect(h.fail('users.setRole', { operatorId: operatorId('clerk3b')!, role: 'admin', idempotencyKey: h.key() }, 'admin').code).toBe('RULE');
    // one person may hold several business posts
    expect(h.call('session.me', {}, 'clerk3b').role).toBe('reviewer');
  });

  it('one 工号 per person and one person per 工号', () => {
    const taken = h.fail('users.add', { ...newClerk(20), staffNo: staffNo(3) }, 'admin');
    expect(taken).toMatchObject({ code: 'CONFLICT', field: 'staffNo' });
    const other = h.fail('users.add', { ...newClerk(3), staffNo: 'GH9999' }, 'admin');
    expect(other).toMatchObject({ code: 'CONFLICT', field: 'staffNo' });
    expect(h.fail('users.add', { ...newClerk(), idNumber: '110105194912310021' }, 'admin')).toMatchObject({ code: 'BAD_INPUT', field: 'idNumber' });
  });

  it('never returns or logs a full 证件号码', () => {
    h.call('users.add', newClerk(), 'admin');
    const full = personId(20);
    const list = JSON.stringify(h.call('users.list', {}, 'admin'));
    expect(list).toContain('GH0003');
    expect(list).not.toContain(personId(3));
    expect(JSON.stringify(h.call('users.requests', {}, 'admin'))).not.toContain(full);
    const logs = (h.app.db.prepare('SELECT detail FROM audit_log').all() as Array<{ detail: string }>).map((r) => r.detail).join();
    expect(logs).not.toContain(full);
    expect(logs).not.toContain(personId(3));
    const results = (h.app.db.prepare('SELECT result_json FROM commands').all() as Array<{ result_json: string }>).map((r) => r.result_json).join();
    expect(results).not.toContain(full);
  });
});

describe('role changes, disabling and password resets reach live sessions', () => {
  it('a role change waits for the second administrator, then ends the live session at once', () => {
    const id = operatorId('clerk2')!;
    const req = h.call('users.setRole', { operatorId: id, role: 'reviewer', idempotencyKey: h.key() }, 'admin');
    expect(req).toMatchObject({ kind: 'role', fromRoleLabel: '经办', roleLabel: '复核' });
    expect(h.call('session.me', {}, 'clerk2').role).toBe('clerk'); // nothing changed yet
    expect(h.fail('users.confirm', { requestId: req.id, idempotencyKey: h.key() }, 'admin').code).toBe('FORBIDDEN');
    h.call('users.confirm', { requestId: req.id, idempotencyKey: h.key() }, 'admin2');
    expect(h.fail('session.me', {}, 'clerk2').code).toBe('NO_SESSION');
    expect(h.call('session.login', { login: 'clerk2', password: PASSWORD }, null).operator.role).toBe('reviewer');
    expect(actions()).toContain('operator.role_change');
  });

  it('a role changed behind the dispatcher (another process) ends the session on its next call', () => {
    h.app.db.prepare(`UPDATE operators SET role = 'admin' WHERE login = 'clerk'`).run();
    expect(h.fail('users.list', {}, 'clerk').code).toBe('NO_SESSION');
  });

  it('disabling ends the session and refuses the login', () => {
    const id = operatorId('clerk2')!;
    const row = h.call('users.disable', { operatorId: id, reason: '调离', idempotencyKey: h.key() }, 'admin');
    expect(row.active).toBe(false);
    expect(h.fail('session.me', {}, 'clerk2').code).toBe('NO_SESSION');
    expect(h.fail('session.login', { login: 'clerk2', password: PASSWORD }, null).message).toBe('登录名或密码不正确');
    expect(h.fail('users.disable', { operatorId: operatorId('admin')!, reason: '测试', idempotencyKey: h.key() }, 'admin').message).toContain('不能停用自己');
    expect(actions()).toContain('operator.disable');
  });

  it('a reset password ends the session and must be changed before anything else', () => {
    const id = operatorId('clerk')!;
    const row = h.call('users.resetPassword', { operatorId: id, password: 'Temp2026ab', idempotencyKey: h.key() }, 'admin');
    expect(row.mustChangePassword).toBe(true);
    expect(h.fail('session.me', {}, 'clerk').code).toBe('NO_SESSION');
    expect(h.fail('session.login', { login: 'clerk', password: PASSWORD }, null).code).toBe('NO_SESSION');
    const r = h.call('session.login', { login: 'clerk', password: 'Temp2026ab' }, null);
    expect(r.mustChangePassword).toBe(true);
    h.tokens.clerk = r.token;
    const blocked = h.fail('members.search', { query: '张' }, 'clerk');
    expect(blocked.code).toBe('FORBIDDEN');
    expect(blocked.message).toContain('请先修改密码');
    expect(h.fail('session.changePassword', { oldPassword: 'Temp2026ab', newPassword: 'Temp2026ab' }, 'clerk').field).toBe('newPassword');
    h.call('session.changePassword', { oldPassword: 'Temp2026ab', newPassword: 'Mine2026xy' }, 'clerk');
    expect(h.call('members.search', { query: '张' }, 'clerk')).toEqual([]);
    expect(h.call('session.login', { login: 'clerk', password: 'Mine2026xy' }, null).mustChangePassword).toBe(false);
    expect(actions()).toEqual(expect.arrayContaining(['operator.reset_password', 'operator.change_password']));
  });
});

/**
 * Test harness: a fresh data folder per test, a frozen clock, deterministic idempotency keys, and a `call`
 * helper that goes through the real dispatcher (schemas, sessions, roles) exactly as the renderer does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CenterId } from '../../shared/centers';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import type { AppErrorShape } from '../../shared/errors';
import type { Role } from '../../shared/roles';
import { fixedClock } from '../context';
import { dispatch, dispatchAsync } from '../api/dispatch';
import { openAppState, type AppState } from '../api/state';
import { makeIdNumber } from '../../shared/idcard';
import { makeUscc } from '../../shared/uscc';
import { addStaffDirect, personId, staffNo, TEST_ADMIN } from './staff';

export const PASSWORD = 'Counter2026';

export interface Harness {
  app: AppState;
  dir: string;
  clock: ReturnType<typeof fixedClock>;
  tokens: Record<string, string>;
  key(): string;
  call<N extends CallName>(name: N, input: CallInput<N>, as?: string | null): CallOutput<N>;
  fail<N extends CallName>(name: N, input: unknown, as?: string | null): AppErrorShape;
  /** For the calls that finish asynchronously (printing). */
  callAsync<N extends CallName>(name: N, input: CallInput<N>, as?: string | null): Promise<CallOutput<N>>;
  /** Moves the frozen clock and logs everyone in again (sessions expire after 30 idle minutes, 12 hours in all). */
  at(iso: string): void;
  close(): void;
}

export function harness(center: CenterId = 'yinchuan', at = '2026-06-15T02:00:00Z'): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'gjj-test-'));
  const clock = fixedClock(at);
  const app = openAppState(dir, clock);
  let n = 0;
  const tokens: Record<string, string> = {};
  const raw = (name: string, input: unknown, as: string | null | undefined) =>
    dispatch(app, { call: name, input, token: as === null ? null : tokens[as ?? 'clerk'] });
  const h: Harness = {
    app,
    dir,
    clock,
    tokens,
    key: () => `test-key-${String(++n).padStart(6, '0')}`,
    call(name, input, as) {
      const r = raw(name, input, as);
      if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
      return r.data as never;
    },
    async callAsync(name, input, as) {
      const r = await dispatchAsync(app, { call: name, input, token: as === null ? null : tokens[as ?? 'clerk'] });
      if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
      return r.data as never;
    },
    fail(name, input, as) {
      const r = raw(name, input, as);
      if (r.ok) throw new Error(`${name} unexpectedly succeeded`);
      return r.error;
    },
    at(iso) {
      clock.set(iso);
      for (const login of Object.keys(tokens)) tokens[login] = h.call('session.login', { login, password: PASSWORD }, null).token;
    },
    close() {
      app.db.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(`${dir}.key`, { force: true });
    },
  };
  const init = dispatch(app, { call: 'setup.init', input: { center, adminLogin: 'admin', adminName: '管理员', adminPassword: PASSWORD, ...TEST_ADMIN } });
  if (!init.ok) throw new Error(init.error.message);
  // A second administrator (another person), created as at installation, confirms what `admin` requests.
  addStaffDirect(app, 2, 'admin2', '孙管理', 'admin', PASSWORD);
  for (const login of ['admin', 'admin2']) tokens[login] = h.call('session.login', { login, password: PASSWORD }, null).token;
  // Every business login is a different person (persons 3 …).
  const staff: Array<[string, string, Role]> = [
    ['clerk', '王经办', 'clerk'],
    ['clerk2', '李经办', 'clerk'],
    ['reviewer', '赵复核', 'reviewer'],
    ['approver', '钱审批', 'approver'],
  ];
  staff.forEach(([login, name, role], i) => {
    const req = h.call('users.add', { login, name, role, staffNo: staffNo(i + 3), idNumber: personId(i + 3), password: PASSWORD, idempotencyKey: h.key() }, 'admin');
    h.call('users.confirm', { requestId: req.id, idempotencyKey: h.key() }, 'admin2');
    tokens[login] = h.call('session.login', { login, password: PASSWORD }, null).token;
  });
  return h;
}

let usccSeq = 1000;
export function newEmployer(h: Harness, over: Partial<CallInput<'employers.create'>> = {}) {
  const district = h.app.ctx!.center.districts[0]!;
  return h.call('employers.create', {
    name: '宁夏测试科技有限公司',
    uscc: makeUscc(`91640100MA7${String(++usccSeq).padStart(6, '0')}`),
    district,
    employeeRatioPercent: '12',
    employerRatioPercent: '12',
    contactName: '张会计',
    contactPhone: '0951-5012345',
    openedDate: '2020-01-01',
    idempotencyKey: h.key(),
    ...over,
  });
}

let idSeq = 100;
export function newMember(h: Harness, employerId: number, over: Partial<CallInput<'members.open'>> = {}) {
  return h.call('members.open', {
    name: '张三',
    idNumber: makeIdNumber('640104', '19900615', ++idSeq),
    phone: '13895001234',
    employerId,
    baseFen: 500000,
    openedDate: '2020-01-01',
    idempotencyKey: h.key(),
    ...over,
  });
}

/**
 * Another login for test person `person` (1 = admin, 2 = admin2, 3 = clerk, 4 = clerk2, 5 = reviewer, 6 = approver,
 * or a new one), requested by admin and confirmed by admin2, then logged in under `tokens[login]`.
 */
export function addLogin(h: Harness, login: string, role: Role, person: number, name = '测试员') {
  const req = h.call('users.add', { login, name, role, staffNo: staffNo(person), idNumber: personId(person), password: PASSWORD, idempotencyKey: h.key() }, 'admin');
  h.call('users.confirm', { requestId: req.id, idempotencyKey: h.key() }, 'admin2');
  h.tokens[login] = h.call('session.login', { login, password: PASSWORD }, null).token;
  return req;
}

/** The second administrator (a different person): the harness already has one, logged in as `admin2`. */
export function secondAdmin(h: Harness, login = 'admin2'): string {
  if (!h.tokens[login]) throw new Error(`harness has no second administrator ${login}`);
  return login;
}

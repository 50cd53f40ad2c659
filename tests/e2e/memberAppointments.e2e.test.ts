/**
 * The member page in Chromium: the member's own 预约记录 lists the appointments booked for them (000 "预约记录"查询),
 * newest first, and nobody else's. Screenshot: test-output/e2e/member-appointments.png.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import { makeIdNumber } from '../../shared/idcard';
import { makeUscc } from '../../shared/uscc';
import { dispatch } from '../../services/api/dispatch';
import { openAppState, type AppState } from '../../services/api/state';
import type { HttpTransport } from '../../services/http/server';
import { addStaffDirect, TEST_ADMIN } from '../../services/testing/staff';
import { serveUi, shot, signIn, stopUi } from './support';

const PASSWORD = 'Counter2026';
let dir: string;
let app: AppState;
let server: HttpTransport;
let browser: Browser;
let key = 0;
let memberId = 0;

function call<N extends CallName>(name: N, input: CallInput<N>, token: string | null): CallOutput<N> {
  const r = dispatch(app, { call: name, input, token });
  if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
  return r.data as CallOutput<N>;
}

describe('member page: 预约记录 (Chromium)', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gjj-e2e-'));
    app = openAppState(dir);
    const init = dispatch(app, { call: 'setup.init', input: { center: 'yinchuan', adminLogin: 'admin', adminName: '系统管理员', adminPassword: PASSWORD, ...TEST_ADMIN } });
    if (!init.ok) throw new Error(init.error.message);
    addStaffDirect(app, 3, 'clerk', '周晓明', 'clerk', PASSWORD);
    const token = call('session.login', { login: 'clerk', password: PASSWORD }, null).token;
    const e = call('employers.create', {
      name: '银川市人才服务中心',
      uscc: makeUscc('91640100MA76E2X4Q'),
      district: '金凤区',
      employeeRatioPercent: '12',
      employerRatioPercent: '12',
      contactName: '张丽华',
      contactPhone: '0951-5012345',
      idempotencyKey: `e2e-appt-${String(++key).padStart(4, "0")}`,
    }, token);
    const idNumber = makeIdNumber('640104', '19850312', 117);
    memberId = call('members.open', { name: '马建国', idNumber, phone: '13895001234', employerId: e.id, baseFen: 650000, idempotencyKey: `e2e-appt-${String(++key).padStart(4, "0")}` }, token).id;
    for (const [date, slot, business] of [['2025-03-02', '09:00-09:30', '租房提取'], ['2025-04-10', '14:00-14:30', '退休提取']] as const) {
      call('appointments.create', { date, slot, business, name: '马建国', idNumber, phone: '13895001234', idempotencyKey: `e2e-appt-${String(++key).padStart(4, "0")}` }, token);
    }
    // Somebody else's appointment the same day: not on 马建国's page.
    call('appointments.create', { date: '2025-04-10', slot: '15:00-15:30', business: '租房提取', name: '孙八', idNumber: makeIdNumber('640104', '19800101', 119), phone: '13895001299', idempotencyKey: `e2e-appt-${String(++key).padStart(4, "0")}` }, token);
    ({ server, browser } = await serveUi(app));
  });

  afterAll(async () => {
    await stopUi(browser, server);
    app?.db.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the member’s appointments, newest first, and only theirs', { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, server.url, 'clerk', PASSWORD);
    await page.getByTestId('operator-name').getByText('周晓明').waitFor();
    await page.goto(`${server.url}#/member?id=${memberId}`);
    const table = page.getByTestId('member-appointments');
    await table.getByText('14:00-14:30').waitFor();
    const rows = table.locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBe(2);
    expect(await rows.first().innerText()).toContain('2025-04-10');
    expect(await rows.nth(1).innerText()).toContain('2025-03-02');
    expect(await table.getByText('15:00-15:30').count()).toBe(0);
    await shot(page, 'member-appointments.png');
    expect(pageErrors).toEqual([]);
  });
});

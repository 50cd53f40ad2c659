/**
 * End to end in a real Chromium through the HTTP transport (what `npm run web` serves): a clerk logs in, finds a
 * member, reads the 账户明细, posts the employer's month and sees the new balance; an invalid 开户 shows the
 * Chinese error beside its field and writes nothing. Data is set up through the real dispatcher, on the system
 * clock, so "this month" is the month the test runs in. Screenshots go to test-output/e2e/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import { addMonthsToMonth, chinaDate, monthOf } from '../../shared/dates';
import { makeIdNumber, maskIdNumber } from '../../shared/idcard';
import { formatYuanGrouped, toChineseUpper } from '../../shared/money';
import { makeUscc } from '../../shared/uscc';
import { dispatch, dispatchAsync } from '../../services/api/dispatch';
import { openAppState, type AppState } from '../../services/api/state';
import { addStaffDirect, TEST_ADMIN } from '../../services/testing/staff';
import { startHttpTransport, type HttpTransport } from '../../services/http/server';
import { launchChromium, SHOTS, STATIC_DIR, waitCall } from './support';

const PASSWORD = 'Counter2026';

const thisMonth = monthOf(chinaDate(new Date()));
const pastMonths = [addMonthsToMonth(thisMonth, -2), addMonthsToMonth(thisMonth, -1)];
const openedDate = `${Number(thisMonth.slice(0, 4)) - 1}-03-01`;

// Bases at 12% + 12%, rounded to the yuan: 6500 → 780 + 780; 8200 → 984 + 984; 4800 → 576 + 576.
const MEMBERS = [
  { name: '马建国', idNumber: makeIdNumber('640104', '19850312', 117), baseFen: 650000, monthlyFen: 156000 },
  { name: '李秀兰', idNumber: makeIdNumber('640106', '19900726', 226), baseFen: 820000, monthlyFen: 196800 },
  { name: '王海燕', idNumber: makeIdNumber('640121', '19930105', 248), baseFen: 480000, monthlyFen: 115200 },
];
const EMPLOYER_MONTHLY_FEN = MEMBERS.reduce((s, m) => s + m.monthlyFen, 0);
const subject = MEMBERS[0]!;

let dir: string;
let app: AppState;
let server: HttpTransport;
let browser: Browser;
let adminToken: string;
let key = 0;

function call<N extends CallName>(name: N, input: CallInput<N>, token: string | null = adminToken): CallOutput<N> {
  const r = dispatch(app, { call: name, input, token });
  if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
  return r.data as CallOutput<N>;
}
const nextKey = () => `e2e-setup-${String(++key).padStart(4, '0')}`;


/** The validation message antd shows under the form item whose label is `label`. */
function fieldError(page: Page, label: string) {
  // Messages on their way out (antd animates them) are not what the clerk reads.
  return page
    .locator('.ant-form-item')
    .filter({ has: page.getByLabel(label, { exact: true }) })
    .locator('.ant-form-item-explain-error:not(.ant-form-show-help-item-leave)');
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
}

describe('foundation end to end (Chromium)', () => {
  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, 'index.html'))) {
      throw new Error(`找不到已构建的界面 ${STATIC_DIR}/index.html：请先运行 npx electron-vite build（npm test 会先构建）`);
    }
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'gjj-e2e-'));
    app = openAppState(dir);

    const init = dispatch(app, { call: 'setup.init', input: { center: 'yinchuan', adminLogin: 'admin', adminName: '系统管理员', adminPassword: PASSWORD, ...TEST_ADMIN } });
    if (!init.ok) throw new Error(init.error.message);
    adminToken = call('session.login', { login: 'admin', password: PASSWORD }, null).token;
    addStaffDirect(app, 3, 'clerk', '周晓明', 'clerk', PASSWORD);

    const employer = call('employers.create', {
      name: '宁夏贺兰山数据科技有限公司',
      uscc: makeUscc('91640100MA76E2X3Q'),
      district: '金凤区',
      employeeRatioPercent: '12',
      employerRatioPercent: '12',
      contactName: '张丽华',
      contactPhone: '0951-5012345',
      address: '银川市金凤区北京中路168号',
      openedDate: '2020-01-06',
      idempotencyKey: nextKey(),
    });
    for (const m of MEMBERS) {
      call('members.open', { name: m.name, idNumber: m.idNumber, phone: '13895001234', employerId: employer.id, baseFen: m.baseFen, openedDate, idempotencyKey: nextKey() });
    }
    for (const month of pastMonths) call('remit.post', { employerId: employer.id, month, idempotencyKey: nextKey() });

    server = await startHttpTransport(app, { staticDir: STATIC_DIR });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    app?.db.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('logs in, finds a member, reads the account detail, posts the month and shows the new balance', { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    // 登录
    await page.goto(server.url);
    await page.getByLabel('登录名').waitFor();
    await shot(page, '01-login.png');
    await page.getByLabel('登录名').fill('clerk');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('operator-name').getByText('周晓明').waitFor();
    await shot(page, '02-home.png');

    // 首页的查询框已获得焦点：直接输入姓名回车
    const searched = waitCall(page, 'members.search');
    await page.keyboard.type(subject.name);
    await page.keyboard.press('Enter');
    await searched;
    const results = page.getByTestId('member-results');
    await results.getByRole('link', { name: subject.name }).waitFor();
    const resultText = await results.innerText();
    expect(resultText).toContain(maskIdNumber(subject.idNumber));
    expect(resultText).not.toContain(subject.idNumber);
    expect(resultText).toContain('宁夏贺兰山数据科技有限公司');
    await shot(page, '03-search.png');

    // 职工详情与账户明细：两个已汇缴月份
    const statement = waitCall(page, 'members.statement');
    await results.getByRole('link', { name: subject.name }).click();
    await statement;
    await page.getByTestId('member-id-number').getByText(subject.idNumber).waitFor();
    expect(await page.getByTestId('member-balance').innerText()).toBe(formatYuanGrouped(2 * subject.monthlyFen));
    const deposits = page.getByTestId('statement-缴存').locator('tbody tr.ant-table-row');
    await deposits.first().waitFor();
    expect(await deposits.count()).toBe(2);
    for (const row of await deposits.all()) {
      const text = await row.innerText();
      expect(text).toContain('汇缴');
      expect(text).toContain(`+${formatYuanGrouped(subject.monthlyFen)}`);
    }
    const depositText = await page.getByTestId('statement-缴存').innerText();
    for (const m of pastMonths) expect(depositText).toContain(`${m.slice(0, 4)}年${Number(m.slice(5))}月`);
    await shot(page, '04-member.png');

    // 单位：预览并确认本月汇缴
    const employerLoaded = waitCall(page, 'employers.get');
    await page.getByTestId('member-employer').click();
    await employerLoaded;
    await page.getByTestId('employer-name').waitFor();
    const previewed = waitCall(page, 'remit.preview');
    await page.getByRole('button', { name: /预\s*览/ }).click();
    const preview = (await (await previewed).json()) as { ok: boolean; data: CallOutput<'remit.preview'> };
    expect(preview.ok).toBe(true);
    expect(preview.data.month).toBe(thisMonth);
    expect(preview.data.memberCount).toBe(3);
    expect(await page.getByTestId('preview-total').innerText()).toBe(formatYuanGrouped(EMPLOYER_MONTHLY_FEN));
    await shot(page, '05-remit-preview.png');

    const posted = waitCall(page, 'remit.post');
    await page.getByRole('button', { name: /确认入账/ }).click();
    const post = (await (await posted).json()) as { ok: boolean; data: CallOutput<'remit.post'> };
    expect(post.ok).toBe(true);
    await page.getByTestId('remit-entry-no').getByText(post.data.entryNo).waitFor();
    expect(await page.getByTestId('remit-total').innerText()).toContain(formatYuanGrouped(EMPLOYER_MONTHLY_FEN));
    expect(await page.getByTestId('remit-total-upper').innerText()).toBe(`人民币${toChineseUpper(EMPLOYER_MONTHLY_FEN)}`);
    await shot(page, '06-remit-posted.png');
    // The employer's details now say this month is posted, with its voucher — not still 待汇缴.
    await expect.poll(() => page.getByTestId('employer-next-month').innerText()).toContain(`已入账（凭证号 ${post.data.entryNo}）`);

    // 回到职工：余额增加一个月，明细多一笔本月汇缴
    await page.getByRole('tab', { name: /单位职工/ }).click();
    const memberAgain = waitCall(page, 'members.statement');
    await page.getByRole('link', { name: subject.name }).click();
    await memberAgain;
    await page.getByTestId('member-balance').getByText(formatYuanGrouped(3 * subject.monthlyFen)).waitFor();
    await deposits.nth(2).waitFor();
    expect(await deposits.count()).toBe(3);
    expect(await deposits.first().innerText()).toContain(post.data.entryNo);
    await shot(page, '07-member-after.png');

    // 缴存计算器
    await page.getByRole('menuitem', { name: '缴存计算器' }).click();
    await page.getByLabel('缴存基数').fill('6500');
    const calculated = waitCall(page, 'calc.contribution');
    await page.keyboard.press('Enter');
    await calculated;
    await page.getByTestId('calc-total').getByText('1,560.00').waitFor();
    expect(await page.getByTestId('calc-employee').innerText()).toBe('780.00');
    await shot(page, '08-calculator.png');

    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('开户 with a bad 证件号码 or 缴存基数 shows the error beside the field and opens nothing', { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    let openCalls = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/call') && (r.postDataJSON() as { call?: string } | null)?.call === 'members.open') openCalls++;
    });
    await page.goto(server.url);
    await page.getByLabel('登录名').fill('clerk');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('operator-name').waitFor();
    await page.getByRole('menuitem', { name: '职工' }).click();
    await page.getByRole('button', { name: '职工开户' }).click();

    const valid = makeIdNumber('640104', '19961120', 135);
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '1' ? '2' : '1');
    await page.getByLabel('职工姓名').fill('赵文博');
    await page.getByLabel('证件号码').fill(wrongCheck);
    await page.getByLabel('联系电话').fill('13995112233');
    const employers = waitCall(page, 'employers.search');
    await page.getByLabel('所在单位').click();
    await page.getByLabel('所在单位').fill('贺兰山');
    await employers;
    await page.locator('.ant-select-item-option').filter({ hasText: '贺兰山' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // closes the list and moves on, as a clerk would
    await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
    await page.getByLabel('缴存基数').fill('6500');
    await page.getByRole('button', { name: /开\s*户/ }).click();
    await fieldError(page, '证件号码').getByText('证件号码校验码不正确，请核对号码').waitFor();
    await shot(page, '09-open-bad-id.png');
    expect(openCalls).toBe(0);

    // The ID is fixed, but the base is below 金凤区's lower bound: the service refuses, beside 缴存基数.
    await page.getByLabel('证件号码').fill(valid);
    await page.getByLabel('缴存基数').fill('1000');
    const refused = waitCall(page, 'members.open');
    await page.getByRole('button', { name: /开\s*户/ }).click();
    const r = (await (await refused).json()) as { ok: boolean; error: { field: string; message: string } };
    expect(r.ok).toBe(false);
    expect(r.error.field).toBe('baseFen');
    await fieldError(page, '缴存基数').getByText(r.error.message).waitFor();
    expect(r.error.message).toContain('低于');
    expect(await fieldError(page, '证件号码').count()).toBe(0);
    await shot(page, '10-open-bad-base.png');

    expect(call('members.search', { query: '赵文博' })).toEqual([]);
    expect(call('members.search', { query: valid })).toEqual([]);
    // On the host the check runs in a worker thread: through the asynchronous channel, as the transports call it.
    expect(await dispatchAsync(app, { call: 'ledger.check', input: {}, token: adminToken })).toMatchObject({ ok: true, data: { ok: true, firstViolation: null } });
    await page.close();
  });
  it('a password reset by the administrator must be changed at login before anything else', { timeout: 60_000 }, async () => {
    const temp = addStaffDirect(app, 4, 'temp', '刘临时', 'clerk', PASSWORD);
    call('users.resetPassword', { operatorId: temp.id, password: 'Temp2026ab', idempotencyKey: nextKey() });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await page.goto(server.url);
    await page.getByLabel('登录名').fill('temp');
    await page.getByLabel('密码').fill('Temp2026ab');
    await page.keyboard.press('Enter');
    await page.getByText('管理员已重置您的密码，请先设置新密码').waitFor();
    await page.getByLabel('临时密码').fill('Temp2026ab');
    await page.getByLabel('新密码', { exact: true }).fill('Mine2026xy');
    await page.getByLabel('确认新密码').fill('Mine2026xy');
    await page.getByRole('button', { name: '修改密码并进入' }).click();
    await page.getByTestId('operator-name').getByText('刘临时').waitFor();
    expect(call('session.login', { login: 'temp', password: 'Mine2026xy' }, null).mustChangePassword).toBe(false);
    await page.close();
  });
});

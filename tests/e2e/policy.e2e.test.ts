/**
 * 政策审查 end to end in Chromium, for 乌鲁木齐: a clerk picks 提取 → 无房租赁住房自住 and a member with a balance,
 * fills the rent facts and watches the panel say 符合条件 with the maximum — then moves the lease's signing date
 * back beyond a year and sees 不符合条件 with the failing rule's message, with no button pressed. The clerk opens
 * the 办事指南 for rent and prints it (a real PDF comes back); an administrator posts a notice the clerk then
 * reads in 资讯. Data is set up through the real dispatcher, dated by the system clock, as in foundation.e2e.
 * Screenshots: test-output/e2e/policy-*.png.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dayjs from 'dayjs';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import { addMonthsToMonth, chinaDate, monthOf } from '../../shared/dates';
import { makeIdNumber } from '../../shared/idcard';
import { formatYuanGrouped, toChineseUpper } from '../../shared/money';
import { makeUscc } from '../../shared/uscc';
import { dispatch } from '../../services/api/dispatch';
import { openAppState, type AppState } from '../../services/api/state';
import { addStaffDirect, TEST_ADMIN } from '../../services/testing/staff';
import { startHttpTransport, type HttpTransport } from '../../services/http/server';
import { launchChromium, shot, SHOTS, STATIC_DIR, typeDate, waitCall } from './support';

const PASSWORD = 'Counter2026';

const today = chinaDate(new Date());
const thisMonth = monthOf(today);
const MONTHS = 10;
const openedDate = `${addMonthsToMonth(thisMonth, -MONTHS - 1)}-01`;
const day = (n: number, unit: 'day' | 'month' | 'year') => dayjs(today).subtract(n, unit).format('YYYY-MM-DD');

// 8,000.00 at 12% + 12%, rounded to the yuan: 960 + 960 a month.
const TENANT = { name: '阿依古丽·买买提', idNumber: makeIdNumber('650102', '19910618', 224), baseFen: 800000, monthlyFen: 192000 };
const ANNUAL_RENT_FEN = 3_000_000;
const NOTICE_TITLE = '关于调整租房提取办理时间的公告';

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
const nextKey = () => `e2e-policy-${String(++key).padStart(4, '0')}`;



async function login(page: Page, login: string): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('登录名').fill(login);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByTestId('operator-name').waitFor();
}

/** A validation message antd shows under a form item (not one on its way out). */
function fieldError(page: Page, message: string) {
  return page.locator('.ant-form-item-explain-error:not(.ant-form-show-help-item-leave)').getByText(message, { exact: true });
}

/** The form item whose label is exactly `label`. */
function formItem(page: Page, label: string) {
  return page.locator('.ant-form-item').filter({ has: page.locator('label').getByText(label, { exact: true }) });
}

describe('policy end to end (Chromium, 乌鲁木齐)', () => {
  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, 'index.html'))) {
      throw new Error(`找不到已构建的界面 ${STATIC_DIR}/index.html：请先运行 npx electron-vite build（npm test 会先构建）`);
    }
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'gjj-e2e-policy-'));
    app = openAppState(dir);

    const init = dispatch(app, { call: 'setup.init', input: { center: 'urumqi', adminLogin: 'admin', adminName: '系统管理员', adminPassword: PASSWORD, ...TEST_ADMIN } });
    if (!init.ok) throw new Error(init.error.message);
    adminToken = call('session.login', { login: 'admin', password: PASSWORD }, null).token;
    addStaffDirect(app, 3, 'clerk', '古丽娜尔', 'clerk', PASSWORD);

    const employer = call('employers.create', {
      name: '新疆天山云数据科技有限公司',
      uscc: makeUscc('91650100MA77F3Y4R'),
      district: '天山区',
      employeeRatioPercent: '12',
      employerRatioPercent: '12',
      contactName: '王丽',
      contactPhone: '0991-2812345',
      address: '乌鲁木齐市天山区光明路88号',
      openedDate: '2020-01-06',
      idempotencyKey: nextKey(),
    });
    call('members.open', { ...TENANT, phone: '13999112345', employerId: employer.id, openedDate, idempotencyKey: nextKey() });
    for (let i = MONTHS; i >= 1; i--) call('remit.post', { employerId: employer.id, month: addMonthsToMonth(thisMonth, -i), idempotencyKey: nextKey() });

    server = await startHttpTransport(app, { staticDir: STATIC_DIR });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    app?.db.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('judges a rent withdrawal live, prints its guide, and shows an administrator’s notice to the clerk', { timeout: 150_000 }, async () => {
    const balanceFen = MONTHS * TENANT.monthlyFen;
    // Each housing withdrawal leaves 10 元 in the account; the year's rent is the other cap.
    const expectedMaxFen = Math.min(ANNUAL_RENT_FEN, balanceFen - 1000);

    // Tall enough that the sticky panel shows the whole trace in a screenshot.
    const context = await browser.newContext({ viewport: { width: 1440, height: 1300 }, locale: 'zh-CN' });
    const page = await context.newPage();
    // 打印 opens the PDF in a window of its own; the test reads the PDF from the response instead.
    page.on('popup', (p) => void p.close());
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await login(page, 'clerk');
    const casesLoaded = waitCall(page, 'rules.cases');
    await page.getByRole('menuitem', { name: '政策审查' }).click();
    await casesLoaded;
    await page.getByTestId('decision-panel').getByText('请选择提取原因').waitFor();
    await shot(page, 'policy-01-start.png');

    // 提取 → 无房租赁住房自住
    await page.getByLabel('提取原因').click();
    await page.getByLabel('提取原因').fill('租赁');
    await page.locator('.ant-select-item-option').filter({ hasText: '无房租赁住房自住' }).click();
    await page.getByTestId('case-facts').waitFor();

    // The member, with the ledger's facts
    const searched = waitCall(page, 'members.search');
    await page.getByLabel('选择职工').fill('阿依古丽');
    await searched;
    const facts = waitCall(page, 'rules.memberFacts');
    await page.locator('.ant-select-item-option').filter({ hasText: '阿依古丽·买买提' }).click();
    await facts;
    await expect.poll(() => page.getByLabel('职工账户余额', { exact: true }).inputValue()).toBe((balanceFen / 100).toFixed(2));

    // The rent facts, as on the lease and the no-home certificate
    await page.getByLabel('年房租总额', { exact: true }).fill(String(ANNUAL_RENT_FEN / 100));
    await typeDate(page, '《房屋租赁合同》签订日期', day(3, 'month'));
    await formItem(page, '本人或配偶在缴存城市有自有住房').getByText('否', { exact: true }).click();
    await typeDate(page, '无房证明出具日期', day(5, 'day'));
    await page.getByLabel('存在真实的租房行为', { exact: true }).click();

    const panel = page.getByTestId('decision-panel');
    await panel.getByTestId('verdict').getByText('符合条件', { exact: true }).waitFor();
    await expect.poll(() => panel.getByTestId('max-amount').innerText()).toBe(formatYuanGrouped(expectedMaxFen));
    expect(await panel.getByTestId('max-amount-upper').innerText()).toBe(`人民币${toChineseUpper(expectedMaxFen)}`);
    expect(await panel.getByTestId('rule-uq.wd.rent.contract1y').getAttribute('data-outcome')).toBe('passed');
    expect(await panel.getByTestId('materials').innerText()).toContain('《房屋租赁合同》');
    // The verdict cites in plain words, as the prints do: the document's title and the clause number, no internal
    // rule id and no seed file name.
    await panel.getByTestId('rule-uq.wd.rent.contract1y').locator('strong').first().hover();
    await expect.poll(() => page.getByTestId('source-note').first().innerText()).toContain('依据：《乌鲁木齐市公积金管理中心公积金业务指南》第121段第4条');
    const verdictText = await panel.innerText();
    expect(verdictText).not.toMatch(/\buq\.[a-z]/);
    expect(verdictText).not.toContain('.txt');
    expect(await page.getByTestId('source-note').first().innerText()).not.toContain('.txt');
    await page.mouse.move(0, 0);
    await shot(page, 'policy-02-rent-eligible.png');

    // An incomplete loan record: the engine names the field, and the message shows beside it
    const refused = waitCall(page, 'rules.evaluateWithdrawal');
    // The first 添加一项 is the member's 住房公积金贷款记录 (the member's card comes before the case's facts).
    await page.getByRole('button', { name: '添加一项' }).first().click();
    const bad = (await (await refused).json()) as { ok: boolean; error: { field: string; message: string } };
    expect(bad.ok).toBe(false);
    expect(bad.error.field).toMatch(/^application\.member\.loans\.0\./);
    await fieldError(page, bad.error.message).waitFor();
    await shot(page, 'policy-02b-field-error.png');
    const again = waitCall(page, 'rules.evaluateWithdrawal');
    await page.getByRole('button', { name: '删除' }).click();
    await again;
    await panel.getByTestId('verdict').getByText('符合条件', { exact: true }).waitFor();

    // The lease signed more than a year before the application: the panel turns, live
    const rejudged = waitCall(page, 'rules.evaluateWithdrawal');
    await typeDate(page, '《房屋租赁合同》签订日期', dayjs(day(1, 'year')).subtract(10, 'day').format('YYYY-MM-DD'));
    await rejudged;
    await panel.getByTestId('verdict').getByText('不符合条件', { exact: true }).waitFor();
    const failing = panel.getByTestId('rule-uq.wd.rent.contract1y');
    expect(await failing.getAttribute('data-outcome')).toBe('failed');
    const message = await failing.getByTestId('rule-message').innerText();
    expect(message).toContain('不在1年内');
    await expect.poll(() => panel.innerText()).toContain(message);
    expect(await page.getByRole('button', { name: /提\s*交|判\s*定|计\s*算/ }).count()).toBe(0);
    await shot(page, 'policy-03-rent-refused.png');
    await panel.screenshot({ path: join(SHOTS, 'policy-03b-refused-panel.png'), animations: 'disabled' });

    // A loan tried with the example: quota limits, rate and monthly payment from the engine
    await page.getByTestId('kind').getByText('贷款', { exact: true }).click();
    await page.getByLabel('购房类型').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '购买商品房' }).click();
    // Without the picked member the example brings its own borrower and spouse.
    await page.getByTestId('pick-person').hover();
    await page.getByTestId('pick-person').locator('.ant-select-clear').click();
    const loanJudged = waitCall(page, 'rules.evaluateLoan');
    await page.getByTestId('load-example').click();
    await loanJudged;
    await panel.getByTestId('verdict').getByText('符合条件', { exact: true }).waitFor();
    expect(await panel.getByTestId('quota-limits').locator('tr').filter({ hasText: '起约束作用' }).count()).toBeGreaterThan(0);
    expect(await panel.getByTestId('loan-rate').innerText()).toMatch(/年利率 \d+\.\d+%/);
    await panel.getByTestId('monthly-payment').waitFor();
    await shot(page, 'policy-04-loan-example.png');
    await panel.screenshot({ path: join(SHOTS, 'policy-04b-loan-panel.png'), animations: 'disabled' });

    // 办事指南 for rent, and its PDF
    const guidesLoaded = waitCall(page, 'rules.guides');
    await page.getByRole('menuitem', { name: '办事指南' }).click();
    await guidesLoaded;
    await page.getByTestId('guide-list').getByText('无房租赁住房自住', { exact: true }).click();
    const materials = page.getByTestId('guide-materials');
    await materials.getByText('《房屋租赁合同》', { exact: true }).waitFor();
    expect(await materials.innerText()).toContain('提取人身份证');
    await shot(page, 'policy-05-guide-rent.png');
    const printed = waitCall(page, 'print.guide');
    await page.getByRole('button', { name: /打\s*印/ }).click();
    const pdf = (await (await printed).json()) as { ok: boolean; data: CallOutput<'print.guide'> };
    expect(pdf.ok).toBe(true);
    expect(pdf.data.fileName).toContain('无房租赁住房自住');
    expect(Buffer.from(pdf.data.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.getByTestId('guide-download').waitFor();

    // 中心信息: the 11 管理部/分中心
    await page.getByRole('menuitem', { name: '更多' }).hover();
    await page.getByRole('menuitem', { name: '中心信息' }).click();
    await page.getByTestId('branches').getByText('铁路局分中心').waitFor();
    expect(await page.getByTestId('branches').locator('tbody tr.ant-table-row').count()).toBe(11);
    await shot(page, 'policy-06-center.png');

    // An administrator posts a notice …
    const adminPage = await context.newPage();
    adminPage.on('pageerror', (e) => pageErrors.push(e.message));
    await login(adminPage, 'admin');
    await adminPage.getByRole('menuitem', { name: '资讯' }).click();
    await adminPage.getByRole('button', { name: '发布资讯' }).click();
    await adminPage.getByLabel('标题').fill(NOTICE_TITLE);
    await adminPage.getByLabel('正文').fill('自下月起，租房提取可在各管理部柜台及“手机公积金”APP办理。\n请携带身份证、无房证明和《房屋租赁合同》。');
    const posted = waitCall(adminPage, 'notices.post');
    await adminPage.getByRole('button', { name: /发\s*布/ }).last().click();
    expect(((await (await posted).json()) as { ok: boolean }).ok).toBe(true);
    await adminPage.locator('.ant-modal').waitFor({ state: 'hidden' });
    await adminPage.getByTestId('notices').getByText(NOTICE_TITLE).waitFor();
    await shot(adminPage, 'policy-07-admin-notice.png');

    // 政策参数调整: JSON syntax is checked here, the value against the parameter's schema by the server
    const paramsLoaded = waitCall(adminPage, 'rules.params');
    await adminPage.evaluate(() => (window.location.hash = '#/admin/policy'));
    await paramsLoaded;
    await adminPage.getByLabel('政策参数').fill('uq.wd.keepMinFen');
    await adminPage.locator('.ant-select-item-option').filter({ hasText: 'uq.wd.keepMinFen' }).click();
    await typeDate(adminPage, '生效日期', day(-1, 'month'));
    await adminPage.getByLabel('调整后取值（JSON）').fill('十元');
    await adminPage.getByLabel('调整依据').fill('测试：格式错误的取值');
    await adminPage.getByRole('button', { name: '添加调整' }).click();
    await fieldError(adminPage, '不是有效的 JSON：数字如 1000，文字须加英文双引号如 "2"，列表如 ["rent","purchase"]').waitFor();
    await adminPage.getByLabel('调整后取值（JSON）').fill('"十元"');
    // The effect first (applications in progress judged again), then the row.
    const preview = waitCall(adminPage, 'rates.previewEffect');
    await adminPage.getByRole('button', { name: '添加调整' }).click();
    expect(((await (await preview).json()) as { ok: boolean; data: { backDated: boolean } }).data.backDated).toBe(false);
    await adminPage.getByTestId('change-effect').getByText(/件在办申请/).waitFor();
    await shot(adminPage, 'policy-08a-admin-override-effect.png');
    const overrideRefused = waitCall(adminPage, 'policy.addOverride');
    await adminPage.getByRole('button', { name: '确认添加' }).click();
    const o = (await (await overrideRefused).json()) as { ok: boolean; error: { field: string; message: string } };
    expect(o.ok).toBe(false);
    expect(o.error.message).toContain('取值');
    await formItem(adminPage, '调整后取值（JSON）').locator('.ant-form-item-explain-error').getByText(o.error.message).waitFor();
    await shot(adminPage, 'policy-08-admin-override-refused.png');

    await adminPage.evaluate(() => (window.location.hash = '#/admin/rates'));
    await adminPage.getByTestId('loan-rates').getByText('2025-05-08').waitFor();
    await shot(adminPage, 'policy-09-admin-rates.png');
    // A new deposit rate, dated before today: bounded (0–10 % a year) at once; then its effect (accounts with a
    // balance), 补录原因, and it waits for a second administrator.
    const depositCard = adminPage.locator('.ant-card').filter({ hasText: '新增存款利率' });
    const depositDate = depositCard.locator('.ant-picker input');
    await depositDate.click();
    await depositDate.fill(day(1, 'day'));
    await depositDate.press('Enter');
    await depositCard.getByLabel('存款年利率').fill('15');
    await depositCard.locator('textarea').fill('测试：存款利率调整');
    await depositCard.getByRole('button', { name: '添 加' }).click();
    await depositCard.getByText('应在0%至10%之间（年利率），收到 15%').waitFor();
    await depositCard.getByLabel('存款年利率').fill('1.25');
    const depositPreview = waitCall(adminPage, 'rates.previewEffect');
    await depositCard.getByRole('button', { name: '添 加' }).click();
    const dp = ((await (await depositPreview).json()) as { data: { accounts: number; backDated: boolean } }).data;
    expect(dp.backDated).toBe(true);
    expect(dp.accounts).toBeGreaterThan(0);
    await adminPage.getByTestId('change-effect').getByText(/个有余额的职工账户/).waitFor();
    await adminPage.getByLabel('补录原因').fill('测试：文件送达晚于生效日期');
    await shot(adminPage, 'policy-09a-admin-deposit-effect.png');
    const requested = waitCall(adminPage, 'rates.addDeposit');
    await adminPage.getByRole('button', { name: '提交补录申请' }).click();
    expect(((await (await requested).json()) as { ok: boolean }).ok).toBe(true);
    await adminPage.getByTestId('pending-changes').getByText('待另一位管理员确认').waitFor();
    await shot(adminPage, 'policy-09b-admin-pending-change.png');
    await adminPage.close();

    // … and the clerk reads it in 资讯
    const noticesLoaded = waitCall(page, 'notices.list');
    await page.getByRole('menuitem', { name: '资讯' }).click();
    await noticesLoaded;
    await page.getByTestId('notices').getByText(NOTICE_TITLE).waitFor();
    expect(await page.getByRole('button', { name: '发布资讯' }).count()).toBe(0);
    await shot(page, 'policy-10-clerk-notices.png');

    // 政策规则: searchable, each rule with its clause
    await page.getByRole('menuitem', { name: '更多' }).hover();
    await page.getByRole('menuitem', { name: '政策规则' }).click();
    await page.getByLabel('搜索规则').fill('租赁合同');
    await page.getByTestId('rules').getByText('uq.wd.rent.contract1y').waitFor();
    await shot(page, 'policy-11-rules.png');

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

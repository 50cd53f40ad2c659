/**
 * 提取 end to end in Chromium, for 银川: the clerk sees the member's appointment on the home page, checks them in
 * and opens the intake from it; then enters a rent withdrawal by hand — member, case, facts — watches the live
 * panel say 符合条件 with its maximum, cannot submit while a material is unticked (the reason is on screen), saves
 * the draft and prints the 一次性告知书, ticks the materials and submits. A reviewer and an approver, each in a
 * browser context of their own (their own session), find it in 待办 with the trace beside it and sign off; the
 * reviewer is never offered 审批通过. The clerk pays: the voucher number and the amount in words show, the
 * 支付回单 comes back as a PDF and again as a 补打, and the member's 账户明细 shows 部分提取 under 提取.
 * Data is set up through the real dispatcher on the system clock, as in foundation.e2e.
 * Screenshots: test-output/e2e/withdrawal-*.png.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import { addMonthsToMonth, chinaDate, monthOf } from '../../shared/dates';
import { makeIdNumber, maskIdNumber } from '../../shared/idcard';
import { formatYuanGrouped, toChineseUpper } from '../../shared/money';
import { makeUscc } from '../../shared/uscc';
import { dispatch } from '../../services/api/dispatch';
import { openAppState, type AppState } from '../../services/api/state';
import { addStaffDirect, TEST_ADMIN } from '../../services/testing/staff';
import { startHttpTransport, type HttpTransport } from '../../services/http/server';
import { clickForCall, launchChromium, SHOTS, STATIC_DIR, waitCall, shot } from './support';

const PASSWORD = 'Counter2026';

const today = chinaDate(new Date());
const thisMonth = monthOf(today);
const MONTHS = 12;
const openedDate = `${addMonthsToMonth(thisMonth, -MONTHS - 1)}-01`;

// Base 10,000.00 at 12% + 12%: 2,400.00 a month, 28,800.00 after a year.
const MEMBER = { name: '马建国', idNumber: makeIdNumber('640104', '19850312', 117), baseFen: 1_000_000 };
// Rent 36,000.00 a year against a family income of 100,000.00: the part above 15% is 21,000.00 (yc.wd.rent.cap15).
const RENT_YUAN = '36000';
const INCOME_YUAN = '100000';
const MAX_FEN = 2_100_000;
const REQUESTED_FEN = 2_000_000;
const OPERATORS = { clerk: '王经办', reviewer: '赵复核', approver: '钱审批' } as const;

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
const nextKey = () => `e2e-wd-${String(++key).padStart(4, '0')}`;

async function okData<T>(pending: Promise<Response>): Promise<T> {
  const body = (await (await pending).json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(`call refused: ${body.error?.message}`);
  return body.data;
}


async function openSession(who: keyof typeof OPERATORS, errors: string[]): Promise<{ context: BrowserContext; page: Page }> {
  // A context of its own: its own cookies and storage, so each post signs in as itself.
  const context = await browser.newContext({ viewport: { width: 1440, height: 1100 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${who}: ${e.message}`));
  // 打印 opens the PDF in a window of its own; the test reads the PDF from the response instead.
  page.on('popup', (p) => void p.close());
  await login(page, who);
  return { context, page };
}

async function login(page: Page, name: keyof typeof OPERATORS): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('登录名').fill(name);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByTestId('operator-name').getByText(OPERATORS[name]).waitFor();
}

/** Picks from an antd Select by typing into it, as the clerk does. */
async function choose(page: Page, label: string, typed: string, option: string, searchCall?: CallName): Promise<void> {
  const searched = searchCall ? waitCall(page, searchCall) : null;
  await page.getByLabel(label, { exact: true }).fill(typed);
  await searched;
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** A 2-character antd button label is spaced ("支 付"); match it either way. */
const spaced = (text: string) => new RegExp(`^${[...text].join('\\s*')}$`);

describe('withdrawal end to end (Chromium, 银川)', () => {
  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, 'index.html'))) {
      throw new Error(`找不到已构建的界面 ${STATIC_DIR}/index.html：请先运行 npx electron-vite build（npm test 会先构建）`);
    }
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'gjj-e2e-wd-'));
    app = openAppState(dir);

    const init = dispatch(app, { call: 'setup.init', input: { center: 'yinchuan', adminLogin: 'admin', adminName: '系统管理员', adminPassword: PASSWORD, ...TEST_ADMIN } });
    if (!init.ok) throw new Error(init.error.message);
    adminToken = call('session.login', { login: 'admin', password: PASSWORD }, null).token;
    Object.entries(OPERATORS).forEach(([login, name], i) => addStaffDirect(app, i + 3, login, name, login as 'clerk' | 'reviewer' | 'approver', PASSWORD));
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
    call('members.open', { ...MEMBER, phone: '13895001234', employerId: employer.id, openedDate, idempotencyKey: nextKey() });
    for (let i = MONTHS; i >= 1; i--) call('remit.post', { employerId: employer.id, month: addMonthsToMonth(thisMonth, -i), idempotencyKey: nextKey() });
    // Booked in the mobile app for today (the 预约记录): the clerk's home page lists it.
    call('appointments.create', { date: today, slot: '09:00-10:00', business: '租房提取', name: MEMBER.name, idNumber: MEMBER.idNumber, phone: '13895001234', idempotencyKey: nextKey() });

    server = await startHttpTransport(app, { staticDir: STATIC_DIR });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    app?.db.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('takes a rent withdrawal from the appointment through intake, review, approval and payout', { timeout: 90_000 }, async () => {
    const errors: string[] = [];
    const balanceFen = MONTHS * 240_000;

    // ── 经办: today's appointment on the home page, checked in and turned into an intake ──
    const clerk = await openSession('clerk', errors);
    let page = clerk.page;
    const appointments = page.getByTestId('appointments');
    await appointments.getByText(MEMBER.name).waitFor();
    const row = appointments.locator('tr.ant-table-row').filter({ hasText: MEMBER.name });
    expect(await row.innerText()).toContain(maskIdNumber(MEMBER.idNumber));
    expect(await row.innerText()).not.toContain(MEMBER.idNumber);
    const checkedIn = waitCall(page, 'appointments.checkIn');
    await row.getByRole('button', { name: spaced('签到') }).click();
    await okData(checkedIn);
    await row.getByText('已签到').waitFor();

    // 导入预约: a good row is taken, a bad ID number is skipped with its reason.
    const good = makeIdNumber('640106', '19600726', 226);
    const bad = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    await page.getByRole('button', { name: '导入预约' }).click();
    const importer = page.locator('.ant-modal').filter({ hasText: '导入内容' });
    await importer.getByLabel('导入内容').fill(
      `日期,时段,业务类型,姓名,证件号码,联系电话\n${today},14:30-15:30,退休提取,李秀兰,${good},13895004321\n${today},15:30-16:30,购房提取,王海燕,${bad},13895005678`,
    );
    // The modal has just opened: a click lost while it settles is pressed again (same idempotency key).
    const imported = clickForCall(page, importer.getByTestId('import-run'), 'appointments.import');
    expect(await okData<CallOutput<'appointments.import'>>(imported)).toMatchObject({ imported: 1, skipped: [expect.stringContaining('第2条')] });
    await importer.getByTestId('import-result').getByText('已导入 1 条，跳过 1 条').waitFor();
    await shot(page, 'withdrawal-01b-import.png');
    await importer.getByRole('button', { name: '关 闭' }).click();
    await appointments.getByText('李秀兰').waitFor();

    // 新增预约 at the counter: the contract's refusal shows beside 证件号码, then the corrected booking is listed.
    await page.getByRole('button', { name: '新增预约' }).click();
    const booking = page.locator('.ant-modal').filter({ hasText: '预约时段' });
    await booking.getByLabel('预约时段').fill('16:30-17:30');
    await booking.getByLabel('业务类型').fill('购房提取');
    await booking.getByLabel('姓名').fill('王海燕');
    await booking.getByLabel('证件号码').fill(bad);
    await booking.getByLabel('联系电话').fill('13895005678');
    const refusedBooking = clickForCall(page, booking.getByRole('button', { name: '保存预约' }), 'appointments.create');
    const refusal = (await (await refusedBooking).json()) as { ok: boolean; error: { field: string; message: string } };
    expect(refusal).toMatchObject({ ok: false, error: { field: 'idNumber' } });
    await booking.locator('.ant-form-item-explain-error').getByText(refusal.error.message).waitFor();
    await booking.getByLabel('证件号码').fill(makeIdNumber('640121', '19930105', 248));
    const booked = clickForCall(page, booking.getByRole('button', { name: '保存预约' }), 'appointments.create');
    await okData(booked);
    await appointments.getByText('王海燕').waitFor();
    await shot(page, 'withdrawal-01-home-appointments.png');
    await row.getByRole('button', { name: spaced('受理') }).click();
    await page.getByTestId('intake-member').getByText('28,800.00').waitFor();
    expect(await page.getByTestId('case-select').innerText()).toContain('房租支出超出家庭工资收入15%');
    await page.getByTestId('decision-panel').getByTestId('verdict').waitFor();

    // ── 经办: a fresh intake from the menu, filled by hand ──
    await page.getByRole('menuitem', { name: '提取受理' }).click();
    await page.getByTestId('decision-panel').getByText('请选择职工').waitFor();
    await choose(page, '职工', MEMBER.name, MEMBER.name, 'members.search');
    await page.getByTestId('intake-member').getByText(formatYuanGrouped(balanceFen)).waitFor();
    await choose(page, '提取原因', '房租', '房租支出超出家庭工资收入15%');
    await page.getByTestId('case-facts').waitFor();
    await page.getByLabel('年房租总额', { exact: true }).fill(RENT_YUAN);
    await page.getByLabel('家庭年工资收入', { exact: true }).fill(INCOME_YUAN);
    await page.getByLabel('租住公有住房', { exact: true }).click();
    await page.getByLabel('申请提取金额', { exact: true }).fill(String(REQUESTED_FEN / 100));

    const panel = page.getByTestId('decision-panel');
    await panel.getByTestId('verdict').getByText('符合条件', { exact: true }).waitFor();
    await expect.poll(() => panel.getByTestId('max-amount').innerText()).toBe(formatYuanGrouped(MAX_FEN));
    expect(await panel.getByTestId('max-amount-upper').innerText()).toBe(`人民币${toChineseUpper(MAX_FEN)}`);
    expect(await panel.getByTestId('rule-yc.wd.rent.over15').getAttribute('data-outcome')).toBe('passed');

    // The contract's message shows beside the field it names (payee.bankName), and nothing is saved.
    const unsaved = waitCall(page, 'withdrawal.create');
    await page.getByTestId('save-draft').click();
    const noBank = (await (await unsaved).json()) as { ok: boolean; error: { field: string; message: string } };
    expect(noBank).toMatchObject({ ok: false, error: { field: 'payee.bankName' } });
    await page.getByTestId('payee-card').locator('.ant-form-item-explain-error').getByText(noBank.error.message).waitFor();
    await page.getByLabel('开户银行', { exact: true }).fill('中国建设银行银川分行');
    await page.getByLabel('账号', { exact: true }).fill('6217000010012345678');
    expect(await page.getByLabel('户名', { exact: true }).inputValue()).toBe(MEMBER.name);

    // Refusal: nothing ticked, no submission — the button is disabled and says why.
    const checklist = page.getByTestId('materials-checklist');
    const boxes = checklist.locator('input[type="checkbox"]');
    await expect.poll(() => boxes.count()).toBe(3);
    const submit = page.getByTestId('submit');
    expect(await submit.isDisabled()).toBe(true);
    expect(await page.getByTestId('submit-blocked').innerText()).toContain('3项材料未收');

    // Saved as a draft with materials missing: the 一次性告知书 prints.
    const created = waitCall(page, 'withdrawal.create');
    await page.getByTestId('save-draft').click();
    const draft = await okData<CallOutput<'withdrawal.create'>>(created);
    expect(draft.state).toBe('草稿');
    expect(draft.missingMaterials).toHaveLength(3);
    await page.getByTestId('intake-saved').getByText(draft.appNo).waitFor();
    const notice = waitCall(page, 'print.withdrawal');
    await page.getByTestId('print-notice').click();
    const noticePdf = (await (await notice).json()) as { ok: boolean; data: CallOutput<'print.withdrawal'>; error?: { message: string } };
    if (noticePdf.ok) {
      expect(Buffer.from(noticePdf.data.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await page.getByTestId('print-download').waitFor();
    }

    // Two of three ticked: still refused, with the count.
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await expect.poll(() => page.getByTestId('submit-blocked').innerText()).toContain('1项材料未收');
    expect(await submit.isDisabled()).toBe(true);
    await shot(page, 'withdrawal-02-intake-material-missing.png');

    await boxes.nth(2).check();
    await expect.poll(() => submit.isDisabled()).toBe(false);
    await shot(page, 'withdrawal-03-intake-ready.png');
    const updated = waitCall(page, 'withdrawal.update');
    const submitted = waitCall(page, 'withdrawal.submit');
    await submit.click();
    expect((await okData<CallOutput<'withdrawal.update'>>(updated)).missingMaterials).toEqual([]);
    const sent = await okData<CallOutput<'withdrawal.submit'>>(submitted);
    expect(sent).toMatchObject({ state: '待复核', approvedFen: REQUESTED_FEN });
    await page.getByTestId('app-state').getByText('待复核').waitFor();
    await page.getByTestId('deadline').getByText('时限正常').waitFor();
    await shot(page, 'withdrawal-04-detail-submitted.png');
    await page.getByRole('button', { name: spaced('退出') }).click();
    await page.getByLabel('登录名').waitFor();

    // ── 复核: in 待办 with the trace beside it; 审批通过 is never offered to this post ──
    const reviewer = await openSession('reviewer', errors);
    page = reviewer.page;
    let listed = waitCall(page, 'inbox.list');
    await page.getByRole('menuitem', { name: '待办' }).click();
    await listed;
    let got = waitCall(page, 'withdrawal.get');
    await page.getByTestId('inbox').locator('tr.ant-table-row').filter({ hasText: sent.appNo }).click();
    await got;
    const preview = page.getByTestId('inbox-preview');
    expect(await preview.getByTestId('rule-yc.wd.rent.cap15').getAttribute('data-outcome')).toBe('passed');
    expect(await preview.getByTestId('stored-materials').innerText()).toContain('公有住房的租赁合同');
    expect(await page.getByRole('button', { name: '审批通过' }).count()).toBe(0);
    await shot(page, 'withdrawal-05-reviewer-inbox.png');
    await preview.getByRole('button', { name: '复核通过' }).click();
    const reviewed = clickForCall(page, page.locator('.ant-modal').getByRole('button', { name: '复核通过' }), 'withdrawal.review');
    expect((await okData<CallOutput<'withdrawal.review'>>(reviewed)).state).toBe('待审批');
    await preview.getByTestId('summary-state').getByText('待审批').waitFor();
    expect(await page.getByRole('button', { name: '审批通过' }).count()).toBe(0);
    await reviewer.context.close();

    // ── 审批 ──
    const approver = await openSession('approver', errors);
    page = approver.page;
    listed = waitCall(page, 'inbox.list');
    await page.getByRole('menuitem', { name: '待办' }).click();
    await listed;
    got = waitCall(page, 'withdrawal.get');
    await page.getByTestId('inbox').locator('tr.ant-table-row').filter({ hasText: sent.appNo }).click();
    await got;
    await page.getByTestId('inbox-preview').getByTestId('trace').waitFor();
    await shot(page, 'withdrawal-06-approver-inbox.png');
    await page.getByTestId('inbox-preview').getByRole('button', { name: '审批通过' }).click();
    const approved = clickForCall(page, page.locator('.ant-modal').getByRole('button', { name: '审批通过' }), 'withdrawal.approve');
    expect((await okData<CallOutput<'withdrawal.approve'>>(approved)).state).toBe('已审批');
    await page.getByTestId('inbox-preview').getByTestId('summary-state').getByText('已审批').waitFor();
    await approver.context.close();

    // ── 经办: payout, the voucher number, the receipt and its 补打 ──
    page = clerk.page;
    await login(page, 'clerk');
    listed = waitCall(page, 'inbox.list');
    await page.getByRole('menuitem', { name: '待办' }).click();
    await listed;
    await page.getByTestId('inbox').getByRole('link', { name: sent.appNo }).click();
    await page.getByTestId('app-state').getByText('已审批').waitFor();
    await page.getByTestId('pay').click();
    // The popconfirm has just opened; the action's key (useActionKeys) stays the same if the click must be pressed again.
    const paying = clickForCall(page, page.locator('.ant-popconfirm').getByRole('button', { name: '确认支付' }), 'withdrawal.pay');
    const paid = await okData<CallOutput<'withdrawal.pay'>>(paying);
    expect(paid).toMatchObject({ state: '已支付', paidAmountFen: REQUESTED_FEN });
    await page.getByTestId('paid-entry-no').getByText(paid.paidEntryNo!).waitFor();
    expect(await page.getByTestId('paid-amount-upper').innerText()).toBe(`人民币${toChineseUpper(REQUESTED_FEN)}`);
    expect(await page.getByTestId('sign-offs').innerText()).toContain(OPERATORS.reviewer);

    let printing = waitCall(page, 'print.withdrawal');
    await page.getByTestId('print-receipt').click();
    const receipt = (await (await printing).json()) as { ok: boolean; data: CallOutput<'print.withdrawal'>; error?: { message: string } };
    if (receipt.ok) {
      expect(Buffer.from(receipt.data.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(receipt.data.reprint).toBe(false);
      await page.getByTestId('print-download').waitFor();
      printing = waitCall(page, 'print.withdrawal');
      await page.getByTestId('print-receipt').click();
      const again = (await (await printing).json()) as { ok: boolean; data: CallOutput<'print.withdrawal'> };
      expect(again.ok && again.data.reprint).toBe(true);
      await page.getByTestId('print-reprint').getByText('补打').waitFor();
    } else {
      // The forms are another helper's; until they are in, the refusal must at least be shown, in Chinese.
      await page.getByTestId('print-error').getByText(receipt.error!.message).waitFor();
    }
    await shot(page, 'withdrawal-07-paid.png');

    // ── 账户明细: 部分提取 under 提取, and the application under 提取记录 ──
    await page.getByTestId('summary-member').click();
    await page.getByTestId('member-balance').getByText(formatYuanGrouped(balanceFen - REQUESTED_FEN)).waitFor();
    await page.getByRole('tab', { name: /提取/ }).click();
    const line = page.getByTestId('statement-提取').locator('tr.ant-table-row').first();
    await line.getByText('部分提取').waitFor();
    expect(await line.innerText()).toContain(`-${formatYuanGrouped(REQUESTED_FEN)}`);
    expect(await page.getByTestId('withdrawal-records').innerText()).toContain(sent.appNo);
    await shot(page, 'withdrawal-08-member-statement.png');

    expect(errors).toEqual([]);
    await clerk.context.close();
  });
});

/**
 * Seed conditions the workflow enforces (issue 13 part B), end to end in Chromium, for 乌鲁木齐: on a member's page an
 * approver restricts the account during an investigation (reason), another approver lifts it (four eyes); the
 * clerk pays back an excess withdrawal assessed on the member (补缴). Data is set up through the real dispatcher,
 * dated by the system clock. Screenshots: test-output/e2e/conditions-*.png.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import { addMonthsToMonth, chinaDate, monthOf } from '../../shared/dates';
import { makeIdNumber } from '../../shared/idcard';
import { makeUscc } from '../../shared/uscc';
import { dispatch } from '../../services/api/dispatch';
import { openAppState, type AppState } from '../../services/api/state';
import { addStaffDirect, TEST_ADMIN } from '../../services/testing/staff';
import { startHttpTransport, type HttpTransport } from '../../services/http/server';
import { clickForCall, launchChromium, SHOTS, signIn, STATIC_DIR, shot } from './support';
import { ago, INTAKE, setUpLoanData, type LoanData } from './loanData';

const PASSWORD = 'Counter2026';
const thisMonth = monthOf(chinaDate(new Date()));

let dir: string;
let app: AppState;
let server: HttpTransport;
let browser: Browser;
let memberId: number;
let paybackId: number;
let key = 0;

function call<N extends CallName>(name: N, input: CallInput<N>, login = 'admin'): CallOutput<N> {
  const t = dispatch(app, { call: 'session.login', input: { login, password: PASSWORD } });
  if (!t.ok) throw new Error(t.error.message);
  const r = dispatch(app, { call: name, input, token: (t.data as CallOutput<'session.login'>).token });
  if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
  return r.data as CallOutput<N>;
}
const nextKey = () => `e2e-conditions-${String(++key).padStart(4, '0')}`;

const login = (page: Page, login_: string) => signIn(page, server.url, login_, PASSWORD);

async function memberPage(login_: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1300 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await login(page, login_);
  await page.goto(`${server.url}#/member?id=${memberId}`);
  await page.getByTestId('member-holds').waitFor();
  return { context, page, errors };
}

describe('workflow conditions end to end (Chromium, 乌鲁木齐)', () => {
  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, 'index.html'))) throw new Error(`找不到已构建的界面 ${STATIC_DIR}/index.html：请先运行 npx electron-vite build`);
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'gjj-e2e-conditions-'));
    app = openAppState(dir);
    const init = dispatch(app, { call: 'setup.init', input: { center: 'urumqi', adminLogin: 'admin', adminName: '系统管理员', adminPassword: PASSWORD, ...TEST_ADMIN } });
    if (!init.ok) throw new Error(init.error.message);
    addStaffDirect(app, 3, 'clerk', '古丽娜尔', 'clerk', PASSWORD);
    addStaffDirect(app, 4, 'approver', '钱审批', 'approver', PASSWORD);
    addStaffDirect(app, 5, 'approver2', '孙审批', 'approver', PASSWORD);
    addStaffDirect(app, 6, 'reviewer', '赵复核', 'reviewer', PASSWORD);
    const employer = call('employers.create', {
      name: '新疆天山云数据科技有限公司',
      uscc: makeUscc('91650100MA77F3Y4R'),
      district: '天山区',
      employeeRatioPercent: '12',
      employerRatioPercent: '12',
      contactName: '王丽',
      contactPhone: '0991-2812345',
      openedDate: '2020-01-06',
      idempotencyKey: nextKey(),
    });
    memberId = call('members.open', { name: '马建国', idNumber: makeIdNumber('650102', '19880412', 31), phone: '13999112345', baseFen: 800_000, employerId: employer.id, openedDate: `${addMonthsToMonth(thisMonth, -4)}-01`, idempotencyKey: nextKey() }).id;
    for (let i = 3; i >= 1; i--) call('remit.post', { employerId: employer.id, month: addMonthsToMonth(thisMonth, -i), idempotencyKey: nextKey() });
    // An excess owed back, as excess.assess leaves it (the assessment itself is covered in services/conditions/excess.test.ts).
    const loanAppId = Number(
      app.db
        .prepare(`INSERT INTO applications (app_no, kind, case_id, member_id, state, version, facts_json, requested_fen, payee_json, materials_json, branch_code, created_by, created_at, updated_at)
                  VALUES ('DK-E2E-0001', 'loan', 'commodity', ?, '草稿', 1, '{}', 20000000, '{}', '{}', (SELECT branch_code FROM operators WHERE login = 'clerk'), (SELECT id FROM operators WHERE login = 'clerk'), ?, ?)`)
        .run(memberId, new Date().toISOString(), new Date().toISOString()).lastInsertRowid,
    );
    paybackId = Number(
      app.db
        .prepare(`INSERT INTO excess_paybacks (member_id, loan_application_id, due_fen, withdrawn_fen, created_by, created_at) VALUES (?, ?, 123456, 500000, (SELECT id FROM operators WHERE login = 'clerk'), ?)`)
        .run(memberId, loanAppId, new Date().toISOString()).lastInsertRowid,
    );
    server = await startHttpTransport(app, { staticDir: STATIC_DIR });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    app?.db.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('an approver restricts the account with a reason; another approver lifts it', { timeout: 120_000 }, async () => {
    const a = await memberPage('approver');
    await a.page.getByTestId('restriction-set').click();
    await a.page.getByTestId('restrict-modal').getByLabel('限制原因').fill('多次变更婚姻关系购房，正在进行真实性调查');
    const set = await clickForCall(a.page, a.page.getByTestId('restrict-modal-ok'), 'members.restrict');
    expect(((await set.json()) as { ok: boolean }).ok).toBe(true);
    await a.page.getByTestId('restrict-modal-done').click();
    await expect.poll(() => a.page.getByTestId('restriction-active').textContent()).toContain('账户已限制：多次变更婚姻关系购房');
    await shot(a.page, 'conditions-01-restricted.png');
    // The same approver may not lift it: the service says so in the dialog.
    await a.page.getByTestId('restriction-lift').click();
    await a.page.getByTestId('lift-modal').getByLabel('解除原因').fill('调查结束，未发现套取行为');
    await clickForCall(a.page, a.page.getByTestId('lift-modal-ok'), 'members.liftRestriction');
    await expect.poll(() => a.page.getByTestId('lift-modal-error').textContent()).toContain('四眼原则');
    await a.context.close();

    const b = await memberPage('approver2');
    await b.page.getByTestId('restriction-lift').click();
    await b.page.getByTestId('lift-modal').getByLabel('解除原因').fill('调查结束，未发现套取行为');
    const lifted = await clickForCall(b.page, b.page.getByTestId('lift-modal-ok'), 'members.liftRestriction');
    expect(((await lifted.json()) as { ok: boolean }).ok).toBe(true);
    await b.page.getByTestId('lift-modal-done').click();
    await expect.poll(() => b.page.getByTestId('restriction-history').textContent()).toContain('孙审批解除（调查结束，未发现套取行为）');
    await expect(b.page.getByTestId('restriction-active').count()).resolves.toBe(0);
    await shot(b.page, 'conditions-02-lifted.png');
    expect([...a.errors, ...b.errors]).toEqual([]);
    await b.context.close();
  });

  it('the clerk pays back the excess withdrawal owed', { timeout: 120_000 }, async () => {
    const c = await memberPage('clerk');
    await expect(c.page.getByTestId('restriction-set').count()).resolves.toBe(0);
    await c.page.getByTestId(`excess-payback-${paybackId}`).click();
    await c.page.getByTestId('payback-modal').getByLabel('补缴金额').fill('1234.56');
    const paid = await clickForCall(c.page, c.page.getByTestId('payback-modal-ok'), 'excess.payback');
    const body = (await paid.json()) as { ok: boolean; data: CallOutput<'excess.payback'> };
    expect(body.ok).toBe(true);
    expect(body.data.outstandingFen).toBe(0);
    await c.page.getByTestId('payback-result').waitFor();
    await c.page.getByTestId('payback-modal-done').click();
    await expect.poll(async () => ((await c.page.getByTestId(`excess-${paybackId}`).textContent()) ?? '').replace(/\s+/g, '')).toContain('尚欠0.00');
    await shot(c.page, 'conditions-03-payback.png');
    expect(c.errors).toEqual([]);
    await c.context.close();
  });

  it('the approver records the 失信惩戒 query the approval waits for, and then approves', { timeout: 120_000 }, async () => {
    const body = {
      caseId: 'purchase',
      spouseMemberId: null,
      facts: { maritalStatus: 'single', house: { houseId: '乌房预售2026-000777', type: 'new', residential: true, priceFen: 85_000_000, contractDate: ago(20, 'day'), developerFiled: true } },
      requestedFen: 100_000,
      payee: { kind: 'developer' as const, bankName: '中国银行乌鲁木齐新华北路支行', accountNo: '107654321000123', accountName: '新疆天山房地产开发有限公司' },
    };
    const draft = call('withdrawal.create', { memberId, ...body, materialsSeen: [], idempotencyKey: nextKey() }, 'clerk');
    const ready = call('withdrawal.update', { applicationId: draft.id, version: draft.version, ...body, materialsSeen: draft.materials.map((m) => m.id), idempotencyKey: nextKey() }, 'clerk');
    call('withdrawal.submit', { applicationId: ready.id, idempotencyKey: nextKey() }, 'clerk');
    call('withdrawal.review', { applicationId: ready.id, pass: true, idempotencyKey: nextKey() }, 'reviewer');
    const context = await browser.newContext({ viewport: { width: 1440, height: 1300 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await login(page, 'approver');
    await page.goto(`${server.url}#/withdrawal?id=${ready.id}`);
    const missing = page.getByTestId('dishonest-missing');
    await expect.poll(() => missing.textContent()).toContain('审批前须记录申请人的失信惩戒查询结果');
    await shot(page, 'conditions-05-dishonest-missing.png');
    await page.getByTestId('dishonest-record-member').click();
    const modal = page.getByTestId('dishonest-modal');
    await modal.getByLabel('查询来源').fill('全国法院失信被执行人名单');
    await modal.getByLabel('查询记录编号').fill('SX-2026-0777');
    const rec = await clickForCall(page, page.getByTestId('dishonest-modal-ok'), 'withdrawal.recordDishonestCheck');
    expect(((await rec.json()) as { ok: boolean }).ok).toBe(true);
    await expect.poll(() => page.getByTestId('dishonest-recorded-member').textContent()).toContain('全国法院失信被执行人名单，未列入，编号 SX-2026-0777（钱审批（approver）');
    expect(await missing.count()).toBe(0);
    await shot(page, 'conditions-06-dishonest-recorded.png');
    expect(call('withdrawal.approve', { applicationId: ready.id, pass: true, idempotencyKey: nextKey() }, 'approver').state).toBe('已审批');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('贷款公证 and the 放款通知单 end to end (Chromium, 银川)', () => {
  let data: LoanData;
  let ycServer: HttpTransport;
  let ycBrowser: Browser;
  let appId: number;

  beforeAll(async () => {
    data = setUpLoanData();
    // A single (未婚) borrower's loan, signed and ready to disburse, through the dispatcher as each operator.
    let n = 0;
    const as = (login: string) => {
      const t = dispatch(data.app, { call: 'session.login', input: { login, password: PASSWORD } });
      if (!t.ok) throw new Error(t.error.message);
      const token = (t.data as CallOutput<'session.login'>).token;
      return <N extends CallName>(name: N, input: CallInput<N>): CallOutput<N> => {
        const r = dispatch(data.app, { call: name, input, token });
        if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
        return r.data as CallOutput<N>;
      };
    };
    const key = () => `e2e-notary-${++n}`;
    const credit = { credit: { reportDate: INTAKE.creditDate, maxConsecutiveOverdue5y: 0, totalOverdue5y: 0 } };
    const facts = {
      maritalStatus: 'single',
      borrowerExtra: credit,
      familyMonthlyIncomeFen: 2_000_000,
      house: { priceFen: 60_000_000, areaSqm: '98.5', contractDate: ago(2, 'month'), contractRegistered: true, downPaymentInvoice: true, borrowerIsBuyer: true },
      downPaymentFen: 30_000_000,
      stableIncome: true,
      goodCredit: true,
      incomeCertDate: INTAKE.incomeCertDate,
    };
    const terms = { caseId: 'commodity', spouseMemberId: null, facts, requestedFen: 20_000_000, months: 120, method: 'annuity' as const, payee: { kind: 'developer' as const, ...INTAKE.payee } };
    const clerk = as('clerk');
    const draft = clerk('loan.create', { memberId: data.borrowerId, ...terms, materialsSeen: [], idempotencyKey: key() });
    const ready = clerk('loan.update', { applicationId: draft.id, version: draft.version, ...terms, materialsSeen: draft.materials.map((m) => m.id), idempotencyKey: key() });
    clerk('loan.submit', { applicationId: ready.id, idempotencyKey: key() });
    as('reviewer')('loan.review', { applicationId: ready.id, pass: true, idempotencyKey: key() });
    as('approver')('loan.approve', { applicationId: ready.id, pass: true, idempotencyKey: key() });
    clerk('loan.sign', { applicationId: ready.id, contractNo: 'YC-GJJ-2026-000777', mortgageRegNo: INTAKE.mortgageRegNo, idempotencyKey: key() });
    appId = ready.id;
    ycServer = await startHttpTransport(data.app, { staticDir: STATIC_DIR });
    ycBrowser = await launchChromium();
  });

  afterAll(async () => {
    await ycBrowser?.close();
    await ycServer?.close();
    data?.app.db.close();
    if (data?.dir) rmSync(data.dir, { recursive: true, force: true });
  });

  it('the clerk records the notarisation on the loan page; the 放款通知单 is then offered and prints', { timeout: 120_000 }, async () => {
    const context = await ycBrowser.newContext({ viewport: { width: 1440, height: 1300 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('popup', (p) => void p.close());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(ycServer.url);
    await page.getByLabel('登录名').fill('clerk');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('operator-name').waitFor();
    await page.goto(`${ycServer.url}#/loan?id=${appId}`);
    await expect.poll(() => page.getByTestId('notarisation-status').textContent()).toContain('借款人属于未婚情形');
    await expect(page.getByTestId('disbursement-print-buttons').count()).resolves.toBe(0);
    await page.getByTestId('notarisation-record').click();
    await page.getByTestId('notarisation-modal').getByLabel('公证书编号').fill('（2026）宁银证字第1234号');
    const rec = await clickForCall(page, page.getByTestId('notarisation-modal-ok'), 'loan.recordNotarisation');
    expect(((await rec.json()) as { ok: boolean }).ok).toBe(true);
    await page.getByTestId('notarisation-modal-done').click();
    await expect.poll(() => page.getByTestId('notarisation-status').textContent()).toContain('贷款公证已登记：银川市公证处 （2026）宁银证字第1234号');
    const printed = await clickForCall(page, page.getByTestId('print-disbursement'), 'print.loan');
    expect(((await printed.json()) as { ok: boolean }).ok).toBe(true);
    await shot(page, 'conditions-04-notarised.png');
    expect(errors).toEqual([]);
    await context.close();
  });
});

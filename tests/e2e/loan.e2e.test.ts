/**
 * 贷款 end to end in Chromium, for 银川. The calculator by amount (100万元, 3.1%, 30年 → 4,270.16 a month; 等额本金
 * falls by 7.18) and by area (8,500 元/m² × 89.75 m², 30% down → 534,012.50), its 360-row schedule scrolled to the
 * end in a virtual table. Then a commodity-home loan: the clerk enters it and watches the live panel name the
 * binding limit, submits; a reviewer and an approver sign off in browsers of their own; the clerk records the
 * contract and disburses; the member page shows 贷款进度 complete and 还款情况 with 贷款余额 = principal; the
 * 审批书 prints as a PDF if that form is built yet. Screenshots: test-output/e2e/loan-*.png.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../shared/contract/calls';
import { formatYuanGrouped } from '../../shared/money';
import { startHttpTransport, type HttpTransport } from '../../services/http/server';
import { BORROWER, INTAKE, PASSWORD, SPOUSE, setUpLoanData, type LoanData } from './loanData';
import { chooseOption, clickForCall, launchChromium, shot, SHOTS, STATIC_DIR, typeDate, waitCall } from './support';


let data: LoanData;
let server: HttpTransport;
let browser: Browser;



async function newPage(login: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1300 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // 打印 opens the PDF in a window of its own; the test reads the PDF from the response instead.
  page.on('popup', (p) => void p.close());
  await page.goto(server.url);
  await signIn(page, login);
  return { context, page, errors };
}

async function signIn(page: Page, login: string): Promise<void> {
  await page.getByLabel('登录名').fill(login);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByTestId('operator-name').waitFor();
}

async function menu(page: Page, item: string): Promise<void> {
  await page.getByRole('menuitem', { name: '贷款', exact: true }).hover();
  await page.getByRole('menuitem', { name: item }).click();
}

async function pickMember(page: Page, label: string, name: string): Promise<void> {
  const searched = waitCall(page, 'members.search');
  await page.getByLabel(label, { exact: true }).fill(name);
  await searched;
  const facts = waitCall(page, 'rules.memberFacts');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).click();
  await facts;
}

const text = (l: Locator) => l.innerText();

describe('loan end to end (Chromium, 银川)', () => {
  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, 'index.html'))) throw new Error(`找不到已构建的界面 ${STATIC_DIR}/index.html：请先运行 npx electron-vite build`);
    mkdirSync(SHOTS, { recursive: true });
    data = setUpLoanData();
    server = await startHttpTransport(data.app, { staticDir: STATIC_DIR });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    data?.app.db.close();
    if (data?.dir) rmSync(data.dir, { recursive: true, force: true });
  });

  it('calculates by amount and by area, with a virtual 360-row schedule', { timeout: 45_000 }, async () => {
    const { context, page, errors } = await newPage('clerk');
    const ratesLoaded = waitCall(page, 'rates.list');
    await menu(page, '贷款计算器');
    await ratesLoaded;

    await page.getByLabel('贷款金额', { exact: true }).fill('100');
    await page.getByLabel('年利率', { exact: true }).fill('3.1');
    expect(await page.getByLabel('贷款期限', { exact: true }).inputValue()).toBe('30');
    await expect.poll(() => text(page.getByTestId('calc-annuity-monthly'))).toBe('4,270.16');
    expect(await text(page.getByTestId('calc-linear-decrease'))).toBe('7.18');
    expect(await text(page.getByTestId('calc-annuity-principal'))).toBe('1,000,000.00');
    expect(await text(page.getByTestId('calc-annuity-years'))).toBe('30');
    expect(await page.getByTestId('calc-warning').count()).toBe(0);
    await shot(page, 'loan-01-calc-amount.png');

    // 999,999 万元 at 31 %: computed, but each implausible input is called out.
    await page.getByLabel('贷款金额', { exact: true }).fill('999999');
    await page.getByLabel('年利率', { exact: true }).fill('31');
    await expect.poll(() => page.getByTestId('calc-warning').count()).toBe(2);
    await shot(page, 'loan-01b-calc-implausible.png');
    await page.getByLabel('贷款金额', { exact: true }).fill('100');
    await page.getByLabel('年利率', { exact: true }).fill('3.1');
    await expect.poll(() => page.getByTestId('calc-warning').count()).toBe(0);

    // 360 periods, but only the rows in view are in the DOM; the wheel brings period 360 into view.
    const schedule = page.getByTestId('schedule');
    expect(await text(schedule.getByTestId('schedule-count'))).toBe('共 360 期');
    expect(await schedule.locator('.ant-table-row').count()).toBeLessThan(60);
    const last = schedule.locator('.ant-table-row').filter({ has: page.locator('.ant-table-cell').getByText('360', { exact: true }) });
    await schedule.locator('.ant-table-tbody-virtual-holder').hover();
    await expect
      .poll(async () => {
        await page.mouse.wheel(0, 6000);
        return last.isVisible();
      }, { timeout: 15_000 })
      .toBe(true);
    expect(await text(last)).toMatch(/0\.00\s*$/);
    expect(await schedule.locator('.ant-table-row').count()).toBeLessThan(60);
    await schedule.screenshot({ path: join(SHOTS, 'loan-02-calc-schedule-end.png'), animations: 'disabled' });

    await page.getByRole('tab', { name: '按面积计算' }).click();
    await page.getByLabel('平米价格', { exact: true }).fill('8500');
    await page.getByLabel('房屋面积', { exact: true }).fill('89.75');
    await expect.poll(() => text(page.getByTestId('calc-area-loan'))).toBe('534,012.50');
    expect(await text(page.getByTestId('calc-area-price'))).toBe('762,875.00');
    expect(await text(page.getByTestId('calc-annuity-principal'))).toBe('534,012.50');
    await shot(page, 'loan-03-calc-area.png');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('takes a commodity-home loan from intake through two sign-offs to disbursement and the member page', { timeout: 90_000 }, async () => {
    const clerk = await newPage('clerk');
    const page = clerk.page;
    const casesLoaded = waitCall(page, 'rules.cases');
    await menu(page, '贷款受理');
    await casesLoaded;
    const panel = page.getByTestId('decision-panel');
    await panel.getByText('请选择购房类型').waitFor();

    await chooseOption(page, '购房类型', /^商品房$/);
    await pickMember(page, '借款人', BORROWER.name);
    await page.getByTestId('borrower-ledger').getByText('14,400.00').waitFor();
    const borrowerCard = page.getByTestId('intake-borrower');
    await typeDate(borrowerCard, '出具日期', INTAKE.creditDate);
    await borrowerCard.getByLabel('五年内最长连续逾期期数', { exact: true }).fill('0');
    await borrowerCard.getByLabel('五年内累计逾期期数', { exact: true }).fill('0');

    // 婚姻状况 is asked, never assumed: until it is chosen the engine is not asked.
    await panel.getByText('请选择婚姻状况').waitFor();
    await chooseOption(page, '婚姻状况', '已婚');
    await pickMember(page, '配偶（本中心缴存职工，可不选）', SPOUSE.name);
    const spouseCard = page.getByTestId('intake-spouse');
    await spouseCard.getByTestId('spouse-ledger').waitFor();
    await typeDate(spouseCard, '出具日期', INTAKE.creditDate);
    await spouseCard.getByLabel('五年内最长连续逾期期数', { exact: true }).fill('0');
    await spouseCard.getByLabel('五年内累计逾期期数', { exact: true }).fill('0');

    const facts = page.getByTestId('intake-facts');
    await facts.getByLabel('购房总价或工程预算总价', { exact: true }).fill(INTAKE.priceYuan);
    await typeDate(facts, '购房合同签订日期', INTAKE.contractDate);
    for (const sw of ['借款人是买受人（购房人）或房屋所有权人', '购房合同已经房屋产权管理部门备案', '有首付款发票', '有长期稳定的经济收入，具有偿还贷款本息的能力', '信用良好']) {
      await facts.getByLabel(sw, { exact: true }).click();
    }
    await facts.getByLabel('已付首付款', { exact: true }).fill(INTAKE.downPaymentYuan);
    await typeDate(facts, '单位收入证明（审批书盖章）日期', INTAKE.incomeCertDate);
    await facts.getByLabel('家庭月收入', { exact: true }).fill(INTAKE.incomeYuan);

    const terms = page.getByTestId('intake-terms');
    await terms.getByLabel('申请贷款金额', { exact: true }).fill(INTAKE.requestedYuan);
    await terms.getByLabel('贷款期限（月）', { exact: true }).fill(String(INTAKE.months));
    const payee = page.getByTestId('intake-payee');
    await payee.getByLabel('收款开户银行', { exact: true }).fill(INTAKE.payee.bankName);
    // A contract error lands beside the field it names.
    await payee.getByLabel('收款账号', { exact: true }).fill('123');
    await payee.getByLabel('收款户名', { exact: true }).fill(INTAKE.payee.accountName);

    // The live panel: eligible, the quota with every limit and the binding one marked, the rate and its basis.
    await panel.getByTestId('verdict').getByText('符合条件', { exact: true }).waitFor();
    await expect.poll(() => text(panel.getByTestId('max-amount'))).toBe(formatYuanGrouped(INTAKE.quotaFen));
    const limits = panel.getByTestId('quota-limits');
    const binding = limits.locator('tr[data-binding="true"]');
    expect(await binding.count()).toBe(1);
    expect(await text(binding)).toContain('房屋总价值的80%');
    expect(await text(binding)).toContain('起约束作用');
    expect(await limits.locator('tr[data-binding="false"]').count()).toBe(2);
    expect(await text(panel.getByTestId('loan-rate'))).toContain('2.60%');
    await panel.getByTestId('monthly-payment').waitFor();
    const boxes = panel.getByTestId('materials').locator('input[type=checkbox]');
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
    // The panel scrolls on its own beside the form; shown from its top, as the clerk first reads it.
    await panel.evaluate((el) => el.parentElement!.scrollTo(0, 0));
    await shot(page, 'loan-04-intake.png');
    await page.screenshot({ path: join(SHOTS, 'loan-04b-intake-panel.png'), animations: 'disabled' });

    const refused = waitCall(page, 'loan.create');
    await page.getByTestId('save-draft').click();
    const bad = (await (await refused).json()) as { ok: boolean; error: { field: string; message: string } };
    expect(bad.ok).toBe(false);
    expect(bad.error.field).toBe('payee.accountNo');
    await payee.locator('.ant-form-item-explain-error').getByText(bad.error.message).waitFor();
    await payee.screenshot({ path: join(SHOTS, 'loan-04c-field-error.png'), animations: 'disabled' });
    await payee.getByLabel('收款账号', { exact: true }).fill(INTAKE.payee.accountNo);
    const created = waitCall(page, 'loan.create');
    await page.getByTestId('save-draft').click();
    expect(((await (await created).json()) as { ok: boolean }).ok).toBe(true);

    // The draft reopens as it was saved: the window reloaded (the session survives F5, kept per tab), the address
    // keeps the application, its facts come back into the form and are judged again.
    const reopened = waitCall(page, 'loan.get');
    await page.reload();
    await reopened;
    expect(await page.getByLabel('登录名').count()).toBe(0);
    await expect.poll(() => facts.getByLabel('购房总价或工程预算总价', { exact: true }).inputValue()).toBe('600000.00');
    await page.getByTestId('pick-spouse').getByText(SPOUSE.name).waitFor();
    await panel.getByTestId('verdict').getByText('符合条件', { exact: true }).waitFor();
    expect(await panel.getByTestId('materials').locator('input[type=checkbox]:checked').count()).toBe(await boxes.count());

    const submitted = waitCall(page, 'loan.submit');
    await page.getByTestId('submit-review').click();
    const sub = (await (await submitted).json()) as { ok: boolean; data: CallOutput<'loan.submit'>; error?: { message: string } };
    expect(sub.ok, sub.error?.message).toBe(true);
    const appNo = sub.data.appNo;
    await page.getByTestId('loan-state').getByText('待复核').waitFor();
    expect(await text(page.getByTestId('approved-amount'))).toBe(formatYuanGrouped(INTAKE.principalFen));
    await shot(page, 'loan-05-submitted.png');

    // 复核 and 审批, each by another person in a browser of their own.
    for (const [login, button, next] of [['reviewer', 'review-pass', '待审批'], ['approver', 'approve-pass', '已审批']] as const) {
      const signer = await newPage(login);
      const listed = waitCall(signer.page, 'loan.list');
      await menu(signer.page, '贷款审批');
      await listed;
      const row = signer.page.getByTestId('loan-inbox').locator('tr').filter({ hasText: appNo });
      await row.waitFor();
      expect(await text(row)).toContain('时限内');
      await signer.page.getByTestId('decision-panel').getByText(appNo).waitFor();
      await signer.page.getByTestId('decision-panel').getByTestId('verdict').waitFor();
      if (login === 'reviewer') await shot(signer.page, 'loan-06-inbox.png');
      await signer.page.getByTestId('open-app').click();
      // The sign-off goes through a confirm dialog: 退回 needs a written reason, 通过 takes an optional opinion.
      const step = login === 'reviewer' ? '复核' : '审批';
      const opinion = login === 'reviewer' ? '材料齐全，收入证明属实，同意提交审批' : '同意按核定金额贷款';
      await signer.page.getByTestId(button).click();
      const dialog = signer.page.locator('.ant-modal').filter({ has: signer.page.getByTestId('signoff-modal') });
      await expect.poll(() => dialog.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
      if (login === 'reviewer') {
        let sent = 0;
        const count = (r: { url(): string; postDataJSON(): unknown }) => {
          if (r.url().endsWith('/api/call') && (r.postDataJSON() as { call?: string } | null)?.call === 'loan.review') sent += 1;
        };
        signer.page.on('request', count);
        await dialog.getByTestId('signoff-choice').getByText('退回', { exact: true }).click();
        await signer.page.getByTestId('signoff-modal-ok').click();
        await dialog.locator('.ant-form-item-explain-error').getByText('请写明退回原因（至少2个字）').waitFor();
        await dialog.screenshot({ path: join(SHOTS, 'loan-06b-review-return-blocked.png'), animations: 'disabled' });
        expect(sent).toBe(0);
        expect(await text(signer.page.getByTestId('loan-state'))).toContain('待复核');
        signer.page.off('request', count);
        await dialog.getByTestId('signoff-choice').getByText('复核通过', { exact: true }).click();
      }
      await dialog.getByLabel(`${step}意见（可不填）`).fill(opinion);
      if (login === 'reviewer') await dialog.screenshot({ path: join(SHOTS, 'loan-06c-review-confirm.png'), animations: 'disabled' });
      const signed = clickForCall(signer.page, signer.page.getByTestId('signoff-modal-ok'), login === 'reviewer' ? 'loan.review' : 'loan.approve');
      const signedOut = (await (await signed).json()) as { ok: boolean; data?: CallOutput<'loan.review'>; error?: { message: string } };
      expect(signedOut.ok, signedOut.error?.message).toBe(true);
      await signer.page.getByTestId('loan-state').getByText(next).waitFor();
      // The opinion is on the application's event and in its timeline.
      expect(signedOut.data!.events.at(-1)!.note).toBe(opinion);
      await signer.page.getByTestId('events').getByTestId('event-note').getByText(opinion).waitFor();
      // Only what the post may do: no clerk buttons for a reviewer or an approver.
      expect(await signer.page.getByTestId('disburse').count()).toBe(0);
      if (login === 'approver') await shot(signer.page, 'loan-07-approved.png');
      expect(signer.errors).toEqual([]);
      await signer.context.close();
    }

    // The clerk finds the approved application in 我的贷款申请, records the contract and disburses.
    await page.evaluate(() => (window.location.hash = '#/loans/counter'));
    await page.getByTestId('loan-inbox').getByRole('link', { name: appNo }).click();
    await page.getByTestId('loan-state').getByText('已审批').waitFor();
    await page.getByTestId('sign').click();
    const signForm = page.getByTestId('sign-modal');
    await signForm.getByLabel('借款合同编号').fill(INTAKE.contractNo);
    await signForm.getByLabel('抵押登记证明号').fill(INTAKE.mortgageRegNo);
    const signedContract = (await (await clickForCall(page, page.getByTestId('sign-modal-ok'), 'loan.sign')).json()) as { ok: boolean; error?: { message: string } };
    expect(signedContract.ok, signedContract.error?.message).toBe(true);
    await page.getByTestId('loan-state').getByText('已签约').waitFor();
    await page.getByTestId('disburse').click();
    expect(await text(page.getByTestId('disburse-contract'))).toBe(INTAKE.contractNo);
    await page.getByTestId('disburse-monthly').waitFor();
    const modal = page.locator('.ant-modal').filter({ has: page.getByTestId('disburse-modal') });
    await expect.poll(() => modal.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await modal.screenshot({ path: join(SHOTS, 'loan-08-disburse-confirm.png'), animations: 'disabled' });
    const dis = (await (await clickForCall(page, page.getByTestId('disburse-modal-ok'), 'loan.disburse')).json()) as { ok: boolean; data: CallOutput<'loan.disburse'> };
    expect(dis.ok).toBe(true);
    expect(dis.data.state).toBe('已放款');
    await page.getByTestId('loan-state').getByText('已放款').waitFor();
    await expect.poll(() => text(page.getByTestId('schedule-count'))).toBe(`共 ${INTAKE.months} 期`);
    expect(await text(page.getByTestId('loan-balance'))).toBe(formatYuanGrouped(INTAKE.principalFen));
    await shot(page, 'loan-09-disbursed.png');
    // What the state no longer allows is not offered: no 一次性告知书 once the loan is disbursed.
    await page.getByTestId('print-approval').waitFor();
    expect(await page.getByTestId('print-notice').count()).toBe(0);

    // 审批书: a PDF when the form is built; until then the service's own words, shown to the clerk.
    const printed = waitCall(page, 'print.loan');
    await page.getByTestId('print-approval').click();
    const pdf = (await (await printed).json()) as { ok: boolean; data?: CallOutput<'print.loan'>; error?: { message: string } };
    if (pdf.ok) {
      expect(Buffer.from(pdf.data!.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await page.getByTestId('print-download').waitFor();
    } else {
      console.info(`审批书尚未接入打印：${pdf.error?.message}`);
      await page.getByTestId('print-error').getByText(pdf.error!.message, { exact: false }).waitFor();
    }
    await page.getByTestId('print-buttons').screenshot({ path: join(SHOTS, 'loan-09b-print-approval.png'), animations: 'disabled' });

    // The member page: 贷款进度 complete, 还款情况 with the whole principal outstanding, 还款明细.
    await page.evaluate((id) => (window.location.hash = `#/member?id=${id}`), data.borrowerId);
    const card = page.getByTestId('member-loans');
    await card.getByTestId('loan-balance').waitFor();
    expect(await card.locator('.ant-steps-item-finish').count()).toBe(5);
    expect(await card.locator('.ant-steps-item-title').allInnerTexts()).toEqual(['受理', '复核', '审批', '签订合同及抵押登记', '放款']);
    expect(await text(card.getByTestId('loan-balance'))).toBe(formatYuanGrouped(INTAKE.principalFen));
    expect(await text(card.getByTestId('loan-total'))).toBe(formatYuanGrouped(INTAKE.principalFen));
    expect(await text(card.getByTestId('loan-contract-no'))).toBe(INTAKE.contractNo);
    expect(await text(card.getByTestId('loan-current-period'))).toContain('第 1 期');
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: join(SHOTS, 'loan-10-member-loans.png'), animations: 'disabled' });
    await card.getByTestId('repayment-detail').click();
    await expect.poll(() => text(page.locator('.ant-modal').getByTestId('schedule-count'))).toBe(`共 ${INTAKE.months} 期`);
    await page.locator('.ant-modal').screenshot({ path: join(SHOTS, 'loan-11-member-schedule.png'), animations: 'disabled' });

    expect(clerk.errors).toEqual([]);
    await clerk.context.close();
  });
});

/**
 * 异地缴存职工（本中心无账户）的贷款受理 in Chromium, for 银川 (issue 13): the clerk chooses the borrower type, types the
 * borrower's identity and what the other center's 缴存证明 states; the live panel judges with the 异地贷款限额 (50万) and
 * the certificate's one-month validity; an ID number already registered here is refused beside the field; the saved
 * application's borrower is a sealed zero-balance account under 异地缴存职工（中心代管）. Screenshot:
 * test-output/e2e/loan-remote-01-intake.png.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../shared/idcard';
import { addMonths } from '../../services/rules/dates';
import type { HttpTransport } from '../../services/http/server';
import { ago, today, BORROWER, INTAKE, PASSWORD, setUpLoanData, type LoanData } from './loanData';
import { chooseOption, clickForCall, serveUi, shot, SHOTS, signIn, stopUi, typeDate, waitCall } from './support';

let data: LoanData;
let server: HttpTransport;
let browser: Browser;
const REMOTE_ID = makeIdNumber('640202', '19870315', 17);
// The earliest certificate date still valid today (the rule's own month arithmetic: at a month's end no date is exactly a month back).
const LAST_VALID = (() => {
  let d = ago(1, 'month');
  while (addMonths(d, 1) < today) d = dayAfter(d);
  return d;
})();

describe('loan intake for a borrower with no account here (Chromium, 银川)', () => {
  beforeAll(async () => {
    data = setUpLoanData();
    ({ server, browser } = await serveUi(data.app));
  });

  afterAll(async () => {
    await stopUi(browser, server);
    data?.app.db.close();
    if (data?.dir) rmSync(data.dir, { recursive: true, force: true });
  });

  it('takes the borrower and the certificate, judges with the 异地 cap, refuses an ID registered here beside the field', { timeout: 90_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1300 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, server.url, 'clerk', PASSWORD);
    const casesLoaded = waitCall(page, 'rules.cases');
    await page.getByRole('menuitem', { name: '贷款', exact: true }).hover();
    await page.getByRole('menuitem', { name: '贷款受理' }).click();
    await casesLoaded;
    const panel = page.getByTestId('decision-panel');

    await chooseOption(page, '购房类型', /^商品房$/);
    const borrowerCard = page.getByTestId('intake-borrower');
    await borrowerCard.getByText('异地缴存职工（本中心无账户）', { exact: true }).click();
    await panel.getByText('请填写借款人身份和缴存证明载明的各项').waitFor();
    // First an ID number that has an account here (the existing way must be used).
    await borrowerCard.getByLabel('借款人姓名', { exact: true }).fill('王海东');
    await borrowerCard.getByLabel('借款人证件号码', { exact: true }).fill(BORROWER.idNumber);
    await borrowerCard.getByLabel('借款人联系电话', { exact: true }).fill('13909520001');
    await borrowerCard.getByLabel('缴存地公积金中心', { exact: true }).fill('石嘴山住房公积金管理中心');
    await typeDate(borrowerCard, '缴存证明出具日期', LAST_VALID);
    await typeDate(borrowerCard, '提取协议日期', ago(3, 'day'));
    await typeDate(borrowerCard, '开户日期', ago(40, 'month'));
    await borrowerCard.getByLabel('月缴存额', { exact: true }).fill('1920');
    await borrowerCard.getByLabel('缴存基数', { exact: true }).fill('8000');
    await borrowerCard.getByLabel('连续缴存月数', { exact: true }).fill('36');
    await borrowerCard.getByLabel('账户余额', { exact: true }).fill('30000');
    await typeDate(borrowerCard, '出具日期', INTAKE.creditDate);
    await borrowerCard.getByLabel('五年内最长连续逾期期数', { exact: true }).fill('0');
    await borrowerCard.getByLabel('五年内累计逾期期数', { exact: true }).fill('0');
    await chooseOption(page, '婚姻状况', '未婚');

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
    await terms.getByLabel('申请贷款金额', { exact: true }).fill('250000');
    await terms.getByLabel('贷款期限（月）', { exact: true }).fill('240');
    const payee = page.getByTestId('intake-payee');
    await payee.getByLabel('收款开户银行', { exact: true }).fill(INTAKE.payee.bankName);
    await payee.getByLabel('收款账号', { exact: true }).fill(INTAKE.payee.accountNo);
    await payee.getByLabel('收款户名', { exact: true }).fill(INTAKE.payee.accountName);

    // The live panel: the certificate of exactly one month ago still valid, the 异地贷款限额 of 50万.
    await panel.getByTestId('verdict').getByText('符合条件', { exact: true }).waitFor({ timeout: 15_000 }).catch(async (e: unknown) => {
      await shot(page, 'loan-remote-failed.png');
      throw e;
    });
    await panel.getByTestId('quota-limits').getByText('异地贷款限额').waitFor();
    expect(await panel.getByTestId('quota-limits').innerText()).toContain('500,000.00');
    await typeDate(borrowerCard, '缴存证明出具日期', dayBefore(LAST_VALID));
    await panel.getByText(/缴存证明.*已失效/).first().waitFor();
    await typeDate(borrowerCard, '缴存证明出具日期', LAST_VALID);
    await panel.getByTestId('verdict').getByText('符合条件', { exact: true }).waitFor();

    const refused = await clickForCall(page, page.getByTestId('save-draft'), 'loan.createRemote');
    const bad = (await refused.json()) as { ok: boolean; error: { field: string; message: string } };
    expect(bad).toMatchObject({ ok: false, error: { field: 'borrower.idNumber' } });
    expect(bad.error.message).toContain('已在本中心开户');
    await borrowerCard.locator('.ant-form-item-explain-error').getByText(bad.error.message).waitFor();
    await borrowerCard.screenshot({ path: join(SHOTS, 'loan-remote-00-registered-here.png'), animations: 'disabled' });

    await borrowerCard.getByLabel('借款人证件号码', { exact: true }).fill(REMOTE_ID);
    const boxes = panel.getByTestId('materials').locator('input[type=checkbox]');
    await panel.getByTestId('materials').getByText('异地', { exact: false }).first().waitFor();
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
    await panel.evaluate((el) => el.parentElement!.scrollTo(0, 0));
    await shot(page, 'loan-remote-01-intake.png');
    const created = await clickForCall(page, page.getByTestId('save-draft'), 'loan.createRemote');
    const ok = (await created.json()) as { ok: boolean; data: { id: number; borrower: { id: number } } };
    expect(ok.ok).toBe(true);
    const m = data.app.db.prepare('SELECT m.status, e.name, e.remote_custody FROM members m JOIN employers e ON e.id = m.employer_id WHERE m.id = ?').get(ok.data.borrower.id);
    expect(m).toEqual({ status: '封存', name: '异地缴存职工（中心代管）', remote_custody: 1 });
    expect(data.app.db.prepare('SELECT center_name, continuous_months, base_fen FROM remote_certificates').all()).toEqual([{ center_name: '石嘴山住房公积金管理中心', continuous_months: 36, base_fen: 800_000 }]);
    // Saved: the page goes on with the borrower's account; the verdict stands.
    await panel.getByTestId('verdict').getByText('符合条件', { exact: true }).waitFor();
    expect(await borrowerCard.getByTestId('recorded-certificate').innerText()).toContain('石嘴山住房公积金管理中心');
    await page.getByTestId('pick-borrower').getByText('王海东').waitFor();
    await shot(page, 'loan-remote-02-saved.png');
    expect(errors).toEqual([]);
    await context.close();
  });
});

function shiftDay(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function dayBefore(date: string): string {
  return shiftDay(date, -1);
}
function dayAfter(date: string): string {
  return shiftDay(date, 1);
}

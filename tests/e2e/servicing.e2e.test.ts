/**
 * 贷款贷后与账务 end to end in Chromium, for 银川. A couple's 300,000.00 loan over 240 months is taken to
 * disbursement through the dispatcher (the loan e2e covers those screens); then the clerk, on the member page, reads
 * 还款情况, posts a 还款 and reads the service's allocation and the 还款明细 line, makes a partial 提前还款 keeping
 * the installment and sees the shorter term, prints 缴存证明 (a PDF); 日结 shows the day tied (已核对) with the
 * 还款 among the business types; the admin runs 年终结息 for the last settlement year, twice (the second posts
 * nothing). Screenshots: test-output/e2e/servicing-*.png.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Locator, type Page, type Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import { formatYuanGrouped } from '../../shared/money';
import { dispatch } from '../../services/api/dispatch';
import { startHttpTransport, type HttpTransport } from '../../services/http/server';
import { ago, INTAKE, PASSWORD, setUpLoanData, today, type LoanData } from './loanData';
import { clickForCall, launchChromium, SHOTS, STATIC_DIR, waitCall, shot } from './support';


let data: LoanData;
let server: HttpTransport;
let browser: Browser;

/** Calls as one operator, through the dispatcher with that operator's own session. */
function as(login: string) {
  const r = dispatch(data.app, { call: 'session.login', input: { login, password: PASSWORD } });
  if (!r.ok) throw new Error(r.error.message);
  const token = (r.data as CallOutput<'session.login'>).token;
  return <N extends CallName>(name: N, input: CallInput<N>): CallOutput<N> => {
    const res = dispatch(data.app, { call: name, input, token });
    if (!res.ok) throw new Error(`${name}: ${res.error.message}`);
    return res.data as CallOutput<N>;
  };
}

/** The loan e2e's commodity-home case, facts dated from today, disbursed today. */
function disburseLoan(): void {
  let n = 0;
  const key = () => `e2e-servicing-${++n}`;
  const clerk = as('clerk');
  const credit = { credit: { reportDate: INTAKE.creditDate, maxConsecutiveOverdue5y: 0, totalOverdue5y: 0 } };
  const facts = {
    maritalStatus: 'married',
    borrowerExtra: credit,
    spouseExtra: credit,
    familyMonthlyIncomeFen: 2_000_000,
    house: { priceFen: 60_000_000, areaSqm: '98.5', contractDate: ago(2, 'month'), contractRegistered: true, downPaymentInvoice: true, borrowerIsBuyer: true },
    downPaymentFen: 30_000_000,
    stableIncome: true,
    goodCredit: true,
    incomeCertDate: INTAKE.incomeCertDate,
  };
  const terms = { caseId: 'commodity', spouseMemberId: data.spouseId, facts, requestedFen: INTAKE.principalFen, months: INTAKE.months, method: 'annuity' as const, payee: { kind: 'developer' as const, ...INTAKE.payee } };
  const draft = clerk('loan.create', { memberId: data.borrowerId, ...terms, materialsSeen: [], idempotencyKey: key() });
  const app = clerk('loan.update', { applicationId: draft.id, version: draft.version, ...terms, materialsSeen: draft.materials.map((m) => m.id), idempotencyKey: key() });
  clerk('loan.submit', { applicationId: app.id, idempotencyKey: key() });
  as('reviewer')('loan.review', { applicationId: app.id, pass: true, idempotencyKey: key() });
  as('approver')('loan.approve', { applicationId: app.id, pass: true, idempotencyKey: key() });
  clerk('loan.sign', { applicationId: app.id, contractNo: INTAKE.contractNo, mortgageRegNo: INTAKE.mortgageRegNo, idempotencyKey: key() });
  clerk('loan.disburse', { applicationId: app.id, idempotencyKey: key() });
}


async function result<N extends CallName>(pending: Promise<Response>): Promise<CallOutput<N>> {
  const body = (await (await pending).json()) as { ok: boolean; data: CallOutput<N>; error?: { message: string } };
  expect(body.ok, body.error?.message).toBe(true);
  return body.data;
}


/** A modal's screenshot once its opening animation has finished. */
async function modalShot(page: Page, testId: string, name: string): Promise<void> {
  const modal = page.locator('.ant-modal').filter({ has: page.getByTestId(testId) });
  await expect.poll(() => modal.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
  await modal.screenshot({ path: join(SHOTS, name), animations: 'disabled' });
}

async function newPage(login: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1300 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // 打印 opens the PDF in a window of its own; the test reads the PDF from the response instead.
  page.on('popup', (p) => void p.close());
  await page.goto(server.url);
  await page.getByLabel('登录名').fill(login);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByTestId('operator-name').waitFor();
  return { context, page, errors };
}

const text = (l: Locator) => l.innerText();

describe('loan servicing and the day’s ledger end to end (Chromium, 银川)', () => {
  beforeAll(async () => {
    if (!existsSync(join(STATIC_DIR, 'index.html'))) throw new Error(`找不到已构建的界面 ${STATIC_DIR}/index.html：请先运行 npx electron-vite build`);
    mkdirSync(SHOTS, { recursive: true });
    data = setUpLoanData();
    disburseLoan();
    server = await startHttpTransport(data.app, { staticDir: STATIC_DIR });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    data?.app.db.close();
    if (data?.dir) rmSync(data.dir, { recursive: true, force: true });
  });

  it('the clerk repays, prepays keeping the installment, prints 缴存证明 and closes the day', { timeout: 60_000 }, async () => {
    const { context, page, errors } = await newPage('clerk');
    const statusLoaded = waitCall(page, 'loan.status');
    await page.evaluate((id) => (window.location.hash = `#/member?id=${id}`), data.borrowerId);
    const status = await result<'loan.status'>(statusLoaded);
    const card = page.getByTestId('member-loans');
    await card.getByTestId('loan-balance').waitFor();
    expect(await text(card.getByTestId('loan-balance'))).toBe(formatYuanGrouped(INTAKE.principalFen));
    expect(await text(card.getByTestId('loan-current-period'))).toBe(`第 1 期 / 共 ${INTAKE.months} 期`);
    expect(await text(card.getByTestId('loan-overdue'))).toContain('当前 0 期');
    expect(await text(card.getByTestId('loan-next-due'))).toContain(formatYuanGrouped(status.nextDue!.owedFen));
    await page.getByTestId('account-servicing').getByText('开户以来无封存').waitFor();
    await shot(page, 'servicing-01-member.png');

    // 还款: the amount owed for period 1 is offered; the split is the service's, shown as it answered.
    await card.getByTestId('loan-repay').click();
    const repayForm = page.getByTestId('repay-modal');
    expect(await repayForm.getByLabel('还款金额').inputValue()).toBe(formatYuanGrouped(status.nextDue!.owedFen).replace(/,/g, ''));
    const repay = await result<'loan.repay'>(clickForCall(page, page.getByTestId('repay-modal-ok'), 'loan.repay'));
    const shown = page.getByTestId('repay-modal-result');
    await shown.getByTestId('repay-allocation').waitFor();
    expect(await text(shown.getByTestId('repay-principal'))).toBe(formatYuanGrouped(repay.repayment.principalFen));
    expect(await text(shown.getByTestId('repay-interest'))).toBe(formatYuanGrouped(repay.repayment.interestFen));
    expect(await text(shown.getByTestId('repay-balance'))).toBe(formatYuanGrouped(repay.balanceFen));
    expect(await text(shown.getByTestId('repay-allocation').locator('tbody tr').first())).toContain('第 1 期');
    await modalShot(page, 'repay-modal-result', 'servicing-02-repay-allocation.png');
    const reloaded = waitCall(page, 'loan.repayments');
    await page.getByTestId('repay-modal-done').click();
    await reloaded;
    const line = card.getByTestId('repayments').locator('tbody tr').filter({ hasText: repay.repayment.entryNo });
    await line.waitFor();
    expect(await text(line)).toContain(today);
    expect(await text(line)).toContain('正常还款');
    expect(await text(line)).toContain(formatYuanGrouped(repay.repayment.amountFen));
    expect(await text(card.getByTestId('loan-balance'))).toBe(formatYuanGrouped(repay.balanceFen));

    // 提前还款, part of the principal, keeping the installment: the term shortens, the installment stays.
    await card.getByTestId('loan-prepay').click();
    const prepayForm = page.getByTestId('prepay-modal');
    await prepayForm.getByLabel('提前归还本金').fill('100000');
    await prepayForm.getByLabel('保持月供（期限缩短）').check();
    // 试算 first: nothing is posted until the clerk confirms the new installment, term and interest saved.
    const preview = await result<'loan.prepayPreview'>(clickForCall(page, page.getByTestId('prepay-modal-ok'), 'loan.prepayPreview'));
    const dialog = page.getByTestId('prepay-confirm');
    await dialog.waitFor();
    // 保持月供: the installment in force stays; only the last period pays less.
    expect(preview.installmentFen).toBe(preview.before.installmentFen);
    expect(preview.months).toBeLessThan(preview.before.months);
    expect(preview.interestSavedFen).toBeGreaterThan(0);
    expect(await text(dialog.getByTestId('prepay-preview-installment'))).toContain(`${formatYuanGrouped(preview.before.installmentFen)} → ${formatYuanGrouped(preview.installmentFen)}`);
    expect(await text(dialog.getByTestId('prepay-preview-months'))).toContain(`${preview.before.months} 期 → ${preview.months} 期（至 ${preview.lastDueDate}）`);
    expect(await text(dialog.getByTestId('prepay-preview-saved'))).toBe(formatYuanGrouped(preview.interestSavedFen));
    expect(await text(dialog.getByTestId('prepay-preview-amount'))).toBe(formatYuanGrouped(preview.amountFen));
    await page.screenshot({ path: join(SHOTS, 'servicing-03a-prepay-preview.png'), animations: 'disabled' });
    const prepay = await result<'loan.prepay'>(clickForCall(page, page.getByTestId('prepay-confirm-ok'), 'loan.prepay'));
    expect(prepay.after!.keep).toBe('installment');
    expect(prepay.after!.months).toBe(preview.months);
    expect(prepay.after!.installmentFen).toBe(preview.installmentFen);
    expect(prepay.balanceFen).toBe(preview.balanceAfterFen);
    const after = page.getByTestId('prepay-after');
    expect(await text(after.getByTestId('prepay-months'))).toContain(`${prepay.before!.months} 期 → ${prepay.after!.months} 期`);
    expect(await text(after.getByTestId('prepay-installment'))).toContain(formatYuanGrouped(prepay.after!.installmentFen));
    await modalShot(page, 'prepay-modal-result', 'servicing-03-prepay.png');
    const again = waitCall(page, 'loan.status');
    await page.getByTestId('prepay-modal-done').click();
    const now = await result<'loan.status'>(again);
    await expect.poll(() => text(card.getByTestId('loan-balance'))).toBe(formatYuanGrouped(prepay.balanceFen));
    expect(await text(card.getByTestId('loan-current-period'))).toBe(`第 ${now.currentPeriod} 期 / 共 ${now.totalPeriods} 期`);
    expect(now.totalPeriods).toBe(prepay.after!.fromPeriod - 1 + prepay.after!.months);
    await card.getByTestId('repayments').locator('tbody tr').filter({ hasText: '部分提前还款' }).waitFor();

    // 缴存证明: a PDF from print.member.
    const printed = waitCall(page, 'print.member');
    await page.getByTestId('print-certificate').click();
    const pdf = await result<'print.member'>(printed);
    expect(Buffer.from(pdf.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.getByTestId('print-certificate-download').waitFor();
    await shot(page, 'servicing-04-member-after.png');

    // 日结: today's entries tie to the ledger; the 还款 is among the business types.
    const daily = waitCall(page, 'ledger.daily');
    await page.getByRole('menuitem', { name: '日结' }).click();
    const journal = await result<'ledger.daily'>(daily);
    expect(journal.ties).toBe(true);
    await expect.poll(() => text(page.getByTestId('daily-ties'))).toBe('已核对');
    const repayRow = page.getByTestId('daily-by-type').locator('tbody tr').filter({ hasText: '贷款还款' });
    expect(await text(repayRow)).toContain(formatYuanGrouped(repay.repayment.amountFen));
    await page.getByTestId('daily-by-type').locator('tbody tr').filter({ hasText: '提前还款' }).waitFor();
    expect(await text(page.getByTestId('daily-debit'))).toBe(formatYuanGrouped(journal.totalDebitFen));
    await shot(page, 'servicing-05-daily.png');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('the admin runs 年终结息 for the last settlement year, and a second run posts nothing', { timeout: 30_000 }, async () => {
    const { context, page, errors } = await newPage('admin');
    // The admin's menu overflows into "…" at this width; the address is the sure way in.
    await page.evaluate(() => (window.location.hash = '#/admin/interest'));
    const card = page.getByTestId('year-end');
    const year = Number(await card.getByLabel('结息年度').inputValue());
    expect(`${year}-06-30` <= today).toBe(true);
    const ran = waitCall(page, 'interest.yearEnd');
    await page.getByTestId('run-year-end').click();
    // It runs in the host's batch worker: the page shows where it is and says the other counters go on.
    const bar = card.getByTestId('batch-progress');
    await bar.waitFor();
    expect(await text(bar)).toMatch(/其他柜台可照常办理业务/);
    await shot(page, 'servicing-06a-year-end-progress.png');
    const first = await result<'interest.yearEnd'>(ran);
    await bar.waitFor({ state: 'detached' });
    expect(first.alreadyRun).toBe(false);
    const shown = card.getByTestId('year-end-result');
    await shown.getByText(`${year}年度结息完成`).waitFor();
    expect(await text(shown.getByTestId('year-end-accounts'))).toBe(`${first.accounts} 户`);
    expect(await text(shown.getByTestId('year-end-total'))).toBe(formatYuanGrouped(first.totalFen));
    await shot(page, 'servicing-06-year-end.png');

    const rerun = waitCall(page, 'interest.yearEnd');
    await page.getByTestId('run-year-end').click();
    expect((await result<'interest.yearEnd'>(rerun)).alreadyRun).toBe(true);
    await card.getByText(`${year}年度已结息，未重复记账`).waitFor();
    await shot(page, 'servicing-07-year-end-again.png');
    expect(errors).toEqual([]);
    await context.close();
  });
});

/**
 * 担保服务费 (004 担保方式1, uq.flow.guaranteeFee) on the loan page, end to end in Chromium (乌鲁木齐): a clerk opens a
 * disbursed loan guaranteed by a guarantee company, enters the company and the amount, confirms the summary, and
 * the booked fee shows on the loan; an approver (not among the call's roles) sees the fees but no button. Data is
 * set up through the real dispatcher on the services' test harness (frozen clock). Screenshots: test-output/e2e/guarantee-fee-*.png.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpTransport } from '../../services/http/server';
import { household, signedLoan, UQ_LOAN_FACTS } from '../../services/conditions/conditionsFixture';
import type { Harness } from '../../services/testing/harness';
import { PASSWORD } from '../../services/testing/harness';
import { addStaffDirect } from '../../services/testing/staff';
import { clickForCall, serveUi, shot, signIn, stopUi } from './support';

let h: Harness;
let server: HttpTransport;
let browser: Browser;
let appId: number;

async function loanPage(login: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1300 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, server.url, login, PASSWORD);
  await page.goto(`${server.url}#/loan?id=${appId}`);
  await page.getByTestId('guarantee-fee-card').waitFor();
  return { context, page, errors };
}

describe('担保服务费 on the loan page (Chromium, 乌鲁木齐)', () => {
  beforeAll(async () => {
    const r = household('urumqi', ['马建国', '李秀兰']);
    h = r.h;
    const [b, s] = r.members as [typeof r.members[0], typeof r.members[0]];
    const app = signedLoan(h, { memberId: b.id, spouseMemberId: s.id, facts: { ...UQ_LOAN_FACTS, guarantee: { type: 'company' } }, requestedFen: 20_000_000 }, 'UQ-2026-DB09');
    h.call('loan.disburse', { applicationId: app.id, idempotencyKey: h.key() });
    appId = app.id;
    addStaffDirect(h.app, 20, 'feeclerk', '古丽娜尔', 'clerk', PASSWORD);
    addStaffDirect(h.app, 21, 'feeapprover', '孙审批', 'approver', PASSWORD);
    ({ server, browser } = await serveUi(h.app));
  });

  afterAll(async () => {
    await stopUi(browser, server);
    h?.close();
  });

  it('the clerk books the fee after confirming company and amount; the fee shows on the loan; an approver has no button', { timeout: 120_000 }, async () => {
    const c = await loanPage('feeclerk');
    await expect.poll(() => c.page.getByTestId('guarantee-fee-card').textContent()).toContain('尚未支付担保服务费');
    await c.page.getByTestId('guarantee-fee-open').click();
    const modal = c.page.getByTestId('guarantee-fee-modal');
    await modal.getByLabel('担保公司').fill('新疆住房置业担保有限公司');
    await modal.getByLabel('担保服务费（元）').fill('1234.56');
    await c.page.getByTestId('guarantee-fee-next').click();
    await expect.poll(() => c.page.getByTestId('guarantee-fee-summary').textContent()).toContain('壹仟贰佰叁拾肆元伍角陆分');
    await shot(c.page, 'guarantee-fee-01-confirm.png');
    const booked = await clickForCall(c.page, c.page.getByTestId('guarantee-fee-confirm'), 'loan.guaranteeFee');
    const body = (await booked.json()) as { ok: boolean; data: { entryNo: string; amountFen: number } };
    expect(body.ok).toBe(true);
    expect(body.data.amountFen).toBe(123_456);
    await expect.poll(() => c.page.getByTestId('guarantee-fee-result').textContent()).toContain(body.data.entryNo);
    await c.page.getByTestId('guarantee-fee-done').click();
    await expect.poll(async () => ((await c.page.getByTestId('guarantee-fee-list').textContent()) ?? '').replace(/\s+/g, '')).toContain(`${body.data.entryNo}新疆住房置业担保有限公司1,234.56古丽娜尔`);
    await shot(c.page, 'guarantee-fee-02-booked.png');
    expect(c.errors).toEqual([]);
    await c.context.close();

    const a = await loanPage('feeapprover');
    await expect.poll(() => a.page.getByTestId('guarantee-fee-list').textContent()).toContain('新疆住房置业担保有限公司');
    await expect(a.page.getByTestId('guarantee-fee-open').count()).resolves.toBe(0);
    expect(a.errors).toEqual([]);
    await a.context.close();
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
/**
 * Loan servicing, with hand-worked figures. Every loan here goes through the real flow (intake, three sign-offs,
 * contract, disbursement) at 银川 on 2026-06-25: 24,000.00 over 24 months 等额本息 at 2.10% (2025-05-08 row, first
 * home, five years or less), first installment due 2026-07-25.
 *
 * The schedule code's convention (shared/loan/schedule.ts): monthly rate r = 2.10% ÷ 12 = 0.00175 exactly; each
 * period's interest = outstanding × r rounded half-up to the fen; the installment P·r·(1+r)^n / ((1+r)^n − 1) rounded
 * half-up once; the last period takes what principal remains.
 *   (1.00175)^24 = 1.0428562; installment = 24,000 × 0.00175 × 1.0428562 / 0.0428562 = 1,022.02
 *   period 1: interest 24,000.00 × 0.00175 = 42.00, principal 980.02, remaining 23,019.98
 *   period 2: interest 23,019.98 × 0.00175 = 40.28 (40.284965), principal 981.74, remaining 22,038.24
 *   period 3: interest 22,038.24 × 0.00175 = 38.57 (38.56692)
 *   after period 6 the schedule leaves 18,094.09.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PENALTY_SETTINGS } from '../../../shared/rates/penaltyRates';
import { harness, type Harness } from '../../testing/harness';
import { contributingCouple, disbursedLoan as disbursedLoanFixture, YC_COMMODITY_FACTS } from '../../testing/loanFixture';
import { penaltyAccrued } from './penalty';
import { allocate, type Bucket } from './allocate';
import { firstPeriodOnOrAfter } from './reprice';
import { shorterTerm } from './prepay';
import { repayLoan } from './repay';
import { SYSTEM_OPERATOR } from '../../context';
import { enableBatchWorker } from '../../api/state';
import { checkLedger } from '../../ledger/check';
import { dispatchAsync } from '../../api/dispatch';
import { renderSettlementCertificate } from '../../print/settlementCertificate';
import { pdfText } from '../../testing/pdf';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

/** Borrower and spouse with 14,400.00 each (six months × 2,400.00), and a disbursed loan. */
function disbursedLoan(requestedFen = 2_400_000, months = 24, method: 'annuity' | 'lump' = 'annuity') {
  const hh = (h = harness('yinchuan', '2026-01-05T02:00:00Z'));
  const { b, s } = contributingCouple(hh);
  const { loan } = disbursedLoanFixture(hh, { memberId: b.id, spouseMemberId: s.id, facts: YC_COMMODITY_FACTS, requestedFen, months, method }, 'YC-GJJ-2026-000777');
  return { h: hh, loan, b, s, loanId: loan.id };
}

const at = (hh: Harness, date: string) => hh.at(`${date}T02:00:00Z`);
// The service itself: on a harness with a batch worker, `ledger.check` answers asynchronously (in a worker thread).
const checkOk = (hh: Harness) => expect(checkLedger(hh.app.ctx!)).toMatchObject({ ok: true, firstViolation: null });
/** Pays installments on their due dates from the bank (straight to the service: logging in again each day is slow). */
function payOnDueDates(hh: Harness, loanId: number, dates: string[], amountFen = 102_202) {
  for (const d of dates) {
    hh.clock.set(`${d}T02:00:00Z`);
    repayLoan(hh.app.ctx!, SYSTEM_OPERATOR, { loanId, amountFen, source: 'bank', idempotencyKey: hh.key() });
  }
  if (dates.length) at(hh, dates.at(-1)!);
}

describe('disbursed loan schedule', () => {
  it('matches the hand-worked first rows', () => {
    const { h, loanId, loan } = disbursedLoan();
    expect(loan).toMatchObject({ principalFen: 2_400_000, annualRatePercent: '2.10', monthlyPaymentFen: 102_202, firstDueDate: '2026-07-25' });
    const rows = h.call('loan.schedule', { loanId });
    expect(rows.slice(0, 3).map((r) => [r.principalFen, r.interestFen, r.remainingFen])).toEqual([
      [98_002, 4_200, 2_301_998],
      [98_174, 4_028, 2_203_824],
      [98_345, 3_857, 2_105_479],
    ]);
    expect(rows[5]!.remainingFen).toBe(1_809_409);
  });
});

describe('repayment: overdue, penalty, allocation interest first', () => {
  it('charges 罚息 for 10 days, pays penalty then interest first, clears the arrears and records the overdue term', () => {
    const { h, loanId, b } = disbursedLoan();
    // Nothing paid on 2026-07-25. On 2026-08-04 installment 1 is 10 days overdue (07-25 → 08-04, 算头不算尾):
    // 罚息 = (980.02 + 42.00) × 2.10% × 1.5 ÷ 360 × 10 = 1,022.02 × 0.0000875 × 10 = 0.8942675 → 0.89
    at(h, '2026-08-04');
    const st = h.call('loan.status', { loanId });
    expect(st.overdue).toMatchObject({ termsNow: 1, days: 10, principalFen: 98_002, interestFen: 4_200, penaltyFen: 89, oldestDueDate: '2026-07-25', cumulative: 1, maxConsecutive: 1 });
    expect(st.arrearsFen).toBe(102_202 + 89);
    expect(st.installments[0]!.state).toBe('逾期');
    expect(st.credit).toMatchObject({ status: 'unpaid', overdueNow: true, totalOverdueTerms: 1 });
    // A partial payment of 30.00: penalty 0.89 first, then 29.11 of the 42.00 interest, no principal.
    const r1 = h.call('loan.repay', { loanId, amountFen: 3_000, source: 'bank', idempotencyKey: 'repay-partial-0001' });
    expect(r1.repayment).toMatchObject({ penaltyFen: 89, interestFen: 2_911, principalFen: 0, allocations: [{ period: 1, penaltyFen: 89, interestFen: 2_911, principalFen: 0 }] });
    expect(r1.balanceFen).toBe(2_400_000);
    // The same key again posts nothing new.
    expect(h.call('loan.repay', { loanId, amountFen: 3_000, source: 'bank', idempotencyKey: 'repay-partial-0001' }).repayment.id).toBe(r1.repayment.id);
    checkOk(h);
    // On 2026-08-14: 10 more days on 1,022.02 − 29.11 = 992.91 still overdue:
    // (1,022.02 × 10 + 992.91 × 10) × 2.10% × 1.5 ÷ 360 = 20,149.30 × 0.0000875 = 1.76306 → 1.76 accrued, 0.89 paid → 0.87
    at(h, '2026-08-14');
    const st2 = h.call('loan.status', { loanId });
    expect(st2.overdue).toMatchObject({ termsNow: 1, days: 20, penaltyFen: 87, interestFen: 1_289, principalFen: 98_002 });
    // More than what is due through the next installment is refused: that is a prepayment.
    expect(h.fail('loan.repay', { loanId, amountFen: 99_378 + 102_202 + 1, source: 'bank', idempotencyKey: h.key() }).message).toContain('提前还款');
    // Clear it: 0.87 + 12.89 + 980.02 = 993.78.
    const r2 = h.call('loan.repay', { loanId, amountFen: 99_378, source: 'bank', idempotencyKey: h.key() });
    expect(r2.repayment).toMatchObject({ penaltyFen: 87, interestFen: 1_289, principalFen: 98_002 });
    const st3 = h.call('loan.status', { loanId });
    expect(st3.overdue).toMatchObject({ termsNow: 0, penaltyFen: 0, cumulative: 1, maxConsecutive: 1 });
    expect(st3.installments[0]).toMatchObject({ state: '已还清', paidOffDate: '2026-08-14', wasOverdue: true, paidPenaltyFen: 176 });
    expect(st3).toMatchObject({ currentPeriod: 2, paidPeriods: 1, repaidInterestFen: 4_200, repaidPenaltyFen: 176, repaidPrincipalFen: 98_002, balanceFen: 2_301_998 });
    // The credit record the engine reads: one overdue term, cleared on 2026-08-14.
    const facts = h.call('rules.memberFacts', { memberId: b.id });
    expect(facts.loans).toEqual([
      expect.objectContaining({ loanId: 'YC-GJJ-2026-000777', status: 'unpaid', role: 'borrower', overdueNow: false, maxConsecutiveOverdue: 1, totalOverdueTerms: 1, lastOverdueClearedDate: '2026-08-14' }),
    ]);
    expect(h.call('members.loans', { memberId: b.id })[0]!.repaidInterestFen).toBe(4_200);
    checkOk(h);
  });

  it('委托提取: installment 2 from the borrower’s fund account, on the due date, no penalty', () => {
    const { h, loanId, b } = disbursedLoan();
    payOnDueDates(h, loanId, ['2026-07-25']);
    at(h, '2026-08-25');
    const before = h.call('members.get', { memberId: b.id }).balanceFen;
    const r = h.call('loan.repay', { loanId, amountFen: 102_202, source: 'fund', idempotencyKey: h.key() });
    expect(r.repayment).toMatchObject({ source: 'fund', principalFen: 98_174, interestFen: 4_028, penaltyFen: 0, periods: [2] });
    expect(h.call('members.get', { memberId: b.id }).balanceFen).toBe(before - 102_202);
    const st = h.call('loan.status', { loanId });
    expect(st).toMatchObject({ currentPeriod: 3, paidPeriods: 2, nextDue: { period: 3, dueDate: '2026-09-25', owedFen: 102_202 } });
    expect(st.overdue.cumulative).toBe(0);
    expect(h.call('loan.repayments', { loanId }).map((x) => [x.date, x.amountFen, x.principalFen, x.interestFen])).toEqual([
      ['2026-07-25', 102_202, 98_002, 4_200],
      ['2026-08-25', 102_202, 98_174, 4_028],
    ]);
    checkOk(h);
  });
});

describe('prepayment', () => {
  it('full: remaining principal plus interest to the month of settlement, then 已结清', async () => {
    const { h, loanId, b } = disbursedLoan();
    payOnDueDates(h, loanId, ['2026-07-25', '2026-08-25']);
    // 2026-09-10 lies inside installment 3's month (08-25 → 09-25): interest to this month on 22,038.24 is
    // 22,038.24 × 2.10% ÷ 12 = 38.56692 → 38.57 (= installment 3's scheduled interest); nothing after.
    at(h, '2026-09-10');
    const r = h.call('loan.prepay', { loanId, kind: 'full', keep: 'term', idempotencyKey: h.key() });
    expect(r).toMatchObject({ kind: 'full', settled: true, balanceFen: 0, monthInterestFen: 3_857, repayment: { principalFen: 2_203_824, interestFen: 3_857, amountFen: 2_207_681 } });
    const st = h.call('loan.status', { loanId });
    expect(st).toMatchObject({ status: '已结清', settledDate: '2026-09-10', totalPeriods: 2, repaidPrincipalFen: 2_400_000, repaidInterestFen: 4_200 + 4_028 + 3_857 });
    expect(st.credit).toMatchObject({ status: 'settled', settledDate: '2026-09-10', overdueNow: false });
    expect(h.call('rules.memberFacts', { memberId: b.id }).loans[0]).toMatchObject({ status: 'settled', settledDate: '2026-09-10' });
    expect(h.call('loan.settlement', { loanId })).toMatchObject({ contractNo: 'YC-GJJ-2026-000777', settledDate: '2026-09-10', repaidPrincipalFen: 2_400_000, borrowerName: '马建国' });
    expect(h.fail('loan.repay', { loanId, amountFen: 100, source: 'bank', idempotencyKey: h.key() }).message).toContain('已于2026-09-10结清');
    checkOk(h);
    const ctx = h.app.ctx!;
    const pdf = await renderSettlementCertificate(h.call('loan.settlement', { loanId }), { center: ctx.center, operator: SYSTEM_OPERATOR, printedAt: '2026-09-10T02:00:00.000Z', today: '2026-09-10', reprint: false });
    expect(Buffer.from(pdf.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('partial, keep the term: 10,000.00 principal, installment recomputed on 12,038.24 over the 22 remaining periods', () => {
    const { h, loanId } = disbursedLoan();
    payOnDueDates(h, loanId, ['2026-07-25', '2026-08-25']);
    at(h, '2026-09-10');
    expect(h.fail('loan.prepay', { loanId, kind: 'partial', amountFen: 1_000_000, idempotencyKey: h.key() }).field).toBe('keep');
    // Interest to the month on the prepaid part: 10,000 × 0.00175 = 17.50. Remaining 22,038.24 − 10,000 = 12,038.24.
    // Keep term, n = 22: (1.00175)^22 = 1.0392158; 12,038.24 × 0.00175 × 1.0392158 / 0.0392158 = 558.27.
    // Installment 3: interest 12,038.24 × 0.00175 = 21.07 (21.06692), principal 537.20.
    const r = h.call('loan.prepay', { loanId, kind: 'partial', amountFen: 1_000_000, keep: 'term', idempotencyKey: h.key() });
    expect(r).toMatchObject({ settled: false, balanceFen: 1_203_824, monthInterestFen: 1_750, repayment: { principalFen: 1_000_000, interestFen: 1_750, amountFen: 1_001_750 } });
    expect(r.before).toEqual({ fromPeriod: 3, months: 22, installmentFen: 102_202, annualRatePercent: '2.10' });
    expect(r.after).toMatchObject({ version: 2, fromPeriod: 3, reason: 'prepay_partial', keep: 'term', basePrincipalFen: 1_203_824, months: 22, installmentFen: 55_827, totalInterestFen: 24_377 });
    const st = h.call('loan.status', { loanId });
    expect(st).toMatchObject({ totalPeriods: 24, currentInstallmentFen: 55_827, nextDue: { period: 3, dueDate: '2026-09-25', owedFen: 55_827 } });
    expect(st.installments[2]).toMatchObject({ period: 3, version: 2, principalFen: 53_720, interestFen: 2_107, remainingFen: 1_150_104 });
    expect(st.installments.slice(2).reduce((t, i) => t + i.principalFen, 0)).toBe(1_203_824);
    expect(st.versions.map((v) => v.version)).toEqual([1, 2]);
    // The frozen schedule is untouched.
    expect(h.call('loan.schedule', { loanId })[2]!.paymentFen).toBe(102_202);
    checkOk(h);
  });

  it('partial, keep the installment (保持月供): 1,022.02 stays, the term shortens to 12 periods, the last pays the rest', async () => {
    const { h, loanId } = disbursedLoan();
    payOnDueDates(h, loanId, ['2026-07-25', '2026-08-25']);
    at(h, '2026-09-10');
    // 保持月供 = keep the installment and shorten the term: the borrower goes on paying 1,022.02 every month; only the
    // last period pays less (what remains). Not a new, lower installment over a whole number of periods (the old code
    // gave 1,014.63 = the annuity of 12,038.24 over 12 periods: that is neither 保持月供 nor 保持期限).
    // By hand on 12,038.24 at r = 0.00175, interest = outstanding × r half-up, principal = 1,022.02 − interest:
    //   p3   12,038.24 × r = 21.07 (21.066920)  principal 1,000.95 → 11,037.29
    //   p4   11,037.29 × r = 19.32 (19.315258)  principal 1,002.70 → 10,034.59
    //   p5   10,034.59 × r = 17.56 (17.560533)  principal 1,004.46 →  9,030.13
    //   p6    9,030.13 × r = 15.80 (15.802728)  principal 1,006.22 →  8,023.91
    //   p7    8,023.91 × r = 14.04 (14.041843)  principal 1,007.98 →  7,015.93
    //   p8    7,015.93 × r = 12.28 (12.277878)  principal 1,009.74 →  6,006.19
    //   p9    6,006.19 × r = 10.51 (10.510833)  principal 1,011.51 →  4,994.68
    //   p10   4,994.68 × r =  8.74 (8.740690)   principal 1,013.28 →  3,981.40
    //   p11   3,981.40 × r =  6.97 (6.967450)   principal 1,015.05 →  2,966.35
    //   p12   2,966.35 × r =  5.19 (5.191113)   principal 1,016.83 →  1,949.52
    //   p13   1,949.52 × r =  3.41 (3.411660)   principal 1,018.61 →    930.91
    //   p14     930.91 × r =  1.63 (1.629093);  930.91 + 1.63 = 932.54 ≤ 1,022.02, so p14 is the last and pays 932.54.
    // Interest 21.07 + 19.32 + 17.56 + 15.80 + 14.04 + 12.28 + 10.51 + 8.74 + 6.97 + 5.19 + 3.41 + 1.63 = 136.52;
    // Check: 11 × 1,022.02 + 932.54 = 11,242.22 + 932.54 = 12,174.76 = 12,038.24 + 136.52.
    // The preview (提前还款试算) gives the same figures and writes nothing. Interest saved: the schedule in force still
    // had 22 periods' interest to charge from period 3 (the sum of its rows 3…24), less the new 136.52 and this
    // month's 17.50 on the prepaid 10,000.
    const entriesBefore = (h.app.db.prepare('SELECT COUNT(*) AS n FROM journal_entries').get() as { n: number }).n;
    const scheduled = h.call('loan.status', { loanId }).installments.slice(2).reduce((t, i) => t + i.interestFen, 0);
    const preview = h.call('loan.prepayPreview', { loanId, kind: 'partial', amountFen: 1_000_000, keep: 'installment' });
    expect(preview).toMatchObject({
      principalFen: 1_000_000,
      monthInterestFen: 1_750,
      amountFen: 1_001_750,
      balanceBeforeFen: 2_203_824,
      balanceAfterFen: 1_203_824,
      before: { fromPeriod: 3, months: 22, installmentFen: 102_202 },
      fromPeriod: 3,
      installmentFen: 102_202,
      months: 12,
      lastPaymentFen: 93_254,
      lastDueDate: '2027-08-25',
      newInterestFen: 13_652,
      interestSavedFen: scheduled - 13_652 - 1_750,
    });
    expect(preview.interestSavedFen).toBeGreaterThan(0);
    expect((h.app.db.prepare('SELECT COUNT(*) AS n FROM journal_entries').get() as { n: number }).n).toBe(entriesBefore);
    expect(h.fail('loan.prepayPreview', { loanId, kind: 'partial', amountFen: 1_000_000 }).field).toBe('keep');
    const r = h.call('loan.prepay', { loanId, kind: 'partial', amountFen: 1_000_000, keep: 'installment', idempotencyKey: h.key() });
    expect(r.after).toMatchObject({ keep: 'installment', months: 12, installmentFen: 102_202, totalInterestFen: 13_652 });
    const kept = h.call('loan.status', { loanId }).installments.slice(2);
    expect(kept.slice(0, -1).every((i) => i.paymentFen === 102_202)).toBe(true);
    expect(kept.map((i) => i.remainingFen)).toEqual([1_103_729, 1_003_459, 903_013, 802_391, 701_593, 600_619, 499_468, 398_140, 296_635, 194_952, 93_091, 0]);
    expect(kept.at(-1)).toMatchObject({ paymentFen: 93_254, principalFen: 93_091, interestFen: 163 });
    // A prepayment changed the schedule: the generic 冲正 refuses it rather than leave the new version behind.
    const prepayEntry = (h.app.db.prepare('SELECT id FROM journal_entries WHERE entry_no = ?').get(r.repayment.entryNo) as { id: number }).id;
    expect(h.fail('ledger.reverse', { entryId: prepayEntry, reason: '录入错误', idempotencyKey: h.key() }, 'reviewer').message).toContain('提前还款已改变贷款的还款计划');
    const st = h.call('loan.status', { loanId });
    expect(st.totalPeriods).toBe(14);
    expect(st.installments.at(-1)).toMatchObject({ period: 14, dueDate: '2027-08-25', principalFen: 93_091, interestFen: 163, remainingFen: 0 });
    expect(st.installments[2]).toMatchObject({ paymentFen: 102_202, interestFen: 2_107, principalFen: 100_095 });
    // The 还款计划表 printed now is the schedule in force: 14 periods, the new version from period 3.
    const appId = (h.app.db.prepare('SELECT application_id FROM loans WHERE id = ?').get(loanId) as { application_id: number }).application_id;
    const pdf = await h.callAsync('print.loan', { applicationId: appId, form: 'schedule' });
    const file = join(__dirname, '../../../test-output/print/schedule-after-prepay.pdf');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, Buffer.from(pdf.pdfBase64, 'base64'));
    const text = await pdfText(file);
    expect(text.replace(/\s+/g, '')).toContain('第2版，自第3期起，提前还款后重算');
    expect(text).toMatch(/\b14\s+2027-08-25/);
    expect(text).not.toMatch(/\b15\s+2027-09-25/);
    // Repaying the new schedule to the end settles the loan.
    for (const i of st.installments.slice(2)) payOnDueDates(h, loanId, [i.dueDate], i.paymentFen);
    expect(h.call('loan.status', { loanId })).toMatchObject({ status: '已结清', settledDate: '2027-08-25', balanceFen: 0 });
    checkOk(h);
  });

  it('refuses a prepayment while an installment is overdue', () => {
    const { h, loanId } = disbursedLoan();
    at(h, '2026-08-01');
    expect(h.fail('loan.prepay', { loanId, kind: 'full', idempotencyKey: h.key() }).message).toContain('请先办理还款');
  });
});

describe('repricing across 1 January', () => {
  it('moves a loan over a year to the new rate from the January installment; a second run changes nothing', () => {
    const { h, loanId } = disbursedLoan();
    payOnDueDates(h, loanId, ['2026-07-25', '2026-08-25', '2026-09-25']);
    // A national rate cut effective 2026-10-01 (announced before it, entered on 2026-09-28): 五年以下 1.85%.
    at(h, '2026-09-28');
    h.call('rates.addLoan', { effectiveFrom: '2026-10-01', firstUpTo5y: '1.85', firstOver5y: '2.35', secondUpTo5y: '2.275', secondOver5y: '2.825', source: '测试：2026年10月1日下调', idempotencyKey: h.key() }, 'admin');
    at(h, '2026-12-20');
    expect(h.fail('loan.reprice', { asOf: '2026-12-20', idempotencyKey: h.key() }, 'clerk').code).toBe('FORBIDDEN');
    // From 2027-01-01, i.e. from installment 7 (due 2027-01-25). The schedule leaves 18,094.09 after period 6 and
    // 18 periods. r = 1.85% ÷ 12 = 0.0015416667; (1 + r)^18 = 1.0281166;
    // 18,094.09 × 0.0015416667 × 1.0281166 / 0.0281166 = 27.895055 × 36.566 = 1,020.01 (was 1,022.02).
    // Installment 7: interest 18,094.09 × 0.0015416667 = 27.90 (27.895055), principal 992.11.
    const r = h.call('loan.reprice', { asOf: '2026-12-20', idempotencyKey: h.key() }, 'admin');
    expect(r.passes).toEqual([{ effectiveDate: '2027-01-01', rateRowFrom: '2026-10-01', changed: 1 }]);
    expect(r.changes).toEqual([
      { loanId, effectiveDate: '2027-01-01', contractNo: 'YC-GJJ-2026-000777', fromPeriod: 7, dueDate: '2027-01-25', oldRatePercent: '2.10', newRatePercent: '1.85', remainingPrincipalFen: 1_809_409, months: 18, oldInstallmentFen: 102_202, newInstallmentFen: 102_001 },
    ]);
    const st = h.call('loan.status', { loanId, asOf: '2027-01-10' });
    expect(st.installments[5]).toMatchObject({ period: 6, annualRatePercent: '2.10', paymentFen: 102_202 });
    expect(st.installments[6]).toMatchObject({ period: 7, annualRatePercent: '1.85', interestFen: 2_790, principalFen: 99_211, paymentFen: 102_001, version: 2 });
    expect(st.installments.at(-1)).toMatchObject({ period: 24, paymentFen: 102_007, remainingFen: 0 });
    const again = h.call('loan.reprice', { asOf: '2026-12-21', idempotencyKey: h.key() }, 'admin');
    expect(again).toMatchObject({ changed: 0, alreadyCurrent: 1, passes: [] });
    checkOk(h);
  });

  it('on a host 调息 runs in the batch worker: the same change, progress by repricing day, recorded under the key', async () => {
    const { h, loanId } = disbursedLoan();
    payOnDueDates(h, loanId, ['2026-07-25', '2026-08-25', '2026-09-25']);
    at(h, '2026-09-28');
    h.call('rates.addLoan', { effectiveFrom: '2026-10-01', firstUpTo5y: '1.85', firstOver5y: '2.35', secondUpTo5y: '2.275', secondOver5y: '2.825', source: '测试：2026年10月1日下调', idempotencyKey: h.key() }, 'admin');
    at(h, '2026-12-20');
    const runner = enableBatchWorker(h.app);
    try {
      const r = await dispatchAsync(h.app, { call: 'loan.reprice', input: { asOf: '2026-12-20', idempotencyKey: 'reprice-worker' }, token: h.tokens.admin! });
      expect(r).toMatchObject({ ok: true, data: { changed: 1, passes: [{ effectiveDate: '2027-01-01', changed: 1 }], changes: [{ loanId, fromPeriod: 7, newInstallmentFen: 102_001 }] } });
      expect(runner.progress()[0]).toMatchObject({ label: '贷款调息', outcome: 'done', phase: '2027-01-01调整（第5/5次）', done: 1, total: 1 });
      expect(h.call('loan.status', { loanId, asOf: '2027-01-10' }).installments[6]).toMatchObject({ period: 7, paymentFen: 102_001, version: 2 });
      checkOk(h);
    } finally {
      await runner.close();
    }
  });

  it('a one-year loan (利随本清) keeps the contract rate; prepaid in full it pays interest for the months begun', () => {
    const { h, loanId } = disbursedLoan(1_200_000, 12, 'lump');
    at(h, '2026-09-28');
    h.call('rates.addLoan', { effectiveFrom: '2026-10-01', firstUpTo5y: '1.85', firstOver5y: '2.35', secondUpTo5y: '2.275', secondOver5y: '2.825', source: '测试', idempotencyKey: h.key() }, 'admin');
    const r = h.call('loan.reprice', { asOf: '2026-12-20', idempotencyKey: h.key() }, 'admin');
    expect(r).toMatchObject({ changed: 0, keptShort: 1, examined: 1 });
    expect(h.call('loan.status', { loanId, asOf: '2027-01-10' }).currentRatePercent).toBe('2.10');
    // Disbursed 2026-06-25, settled 2027-01-10: months begun 06-25, 07-25, … 12-25 → 7;
    // 12,000.00 × 2.10% ÷ 12 × 7 = 147.00 (the contract's lump interest would be 12 months: 252.00).
    at(h, '2027-01-10');
    const r2 = h.call('loan.prepay', { loanId, kind: 'full', idempotencyKey: h.key() });
    expect(r2.repayment).toMatchObject({ principalFen: 1_200_000, interestFen: 14_700 });
    expect(r2.settled).toBe(true);
    checkOk(h);
  });
});

describe('pure parts', () => {
  it('penalty follows payments and a change of the setting mid-way', () => {
    // 1,000.00 overdue at 3.00% from 2026-03-10; 500.00 paid on 03-20; setting 1.3 ÷ 365 from 03-25; as of 04-01:
    // 100,000 × 10 × 3% × 1.5 ÷ 360 = 125.00 fen; 50,000 × 5 × 3% × 1.5 ÷ 360 = 31.25; 50,000 × 7 × 3% × 1.3 ÷ 365 = 37.397…
    // total 193.647 fen → 1.94 yuan
    const settings = [...PENALTY_SETTINGS, { effectiveFrom: '2026-03-25', multiplier: '1.3', dayBasis: 365 as const, source: '测试' }];
    const r = penaltyAccrued({ dueDate: '2026-03-10', paymentFen: 100_000, annualRatePercent: '3.00', payments: [{ date: '2026-03-20', principalFen: 50_000, interestFen: 0 }], asOf: '2026-04-01', settings });
    expect(r.fen).toBe(194);
    expect(r.segments.map((s) => [s.from, s.days, s.overdueFen, s.multiplier])).toEqual([
      ['2026-03-10', 10, 100_000, '1.5'],
      ['2026-03-20', 5, 50_000, '1.5'],
      ['2026-03-25', 7, 50_000, '1.3'],
    ]);
    expect(penaltyAccrued({ dueDate: '2026-03-10', paymentFen: 100_000, annualRatePercent: '3.00', payments: [{ date: '2026-03-10', principalFen: 90_000, interestFen: 10_000 }], asOf: '2026-04-01', settings }).fen).toBe(0);
  });

  it('allocation strategies by name', () => {
    const buckets: Bucket[] = [
      { period: 1, kind: 'penalty', owedFen: 10, advance: false },
      { period: 1, kind: 'interest', owedFen: 100, advance: false },
      { period: 1, kind: 'principal', owedFen: 900, advance: false },
      { period: 2, kind: 'penalty', owedFen: 5, advance: false },
      { period: 2, kind: 'interest', owedFen: 90, advance: false },
      { period: 2, kind: 'principal', owedFen: 910, advance: false },
    ];
    expect(allocate(buckets, 200, 'byInstallment')).toEqual([{ period: 1, penaltyFen: 10, interestFen: 100, principalFen: 90 }]);
    expect(allocate(buckets, 200, 'byKind')).toEqual([
      { period: 1, penaltyFen: 10, interestFen: 100, principalFen: 0 },
      { period: 2, penaltyFen: 5, interestFen: 85, principalFen: 0 },
    ]);
  });

  it('the first installment on or after 1 January, and the shorter term', () => {
    expect(firstPeriodOnOrAfter('2026-07-25', '2027-01-01')).toBe(7);
    expect(firstPeriodOnOrAfter('2026-07-31', '2027-01-01')).toBe(7);
    expect(firstPeriodOnOrAfter('2027-03-01', '2027-01-01')).toBe(1);
    expect(firstPeriodOnOrAfter('2026-01-01', '2027-01-01')).toBe(13);
    expect(shorterTerm(1_203_824, '2.10', 22, 'annuity', 102_202, 0)).toBe(12);
    expect(shorterTerm(1_000_000, '2.10', 30, 'linear', 0, 100_000)).toBe(10);
  });
});

/**
 * The printed loan forms, from real loans taken through the dispatcher (intake → 复核 → 审批 → 签约 → 放款): the text
 * extracted (services/testing/pdf.ts) must carry both spouses' names and full IDs on the 审批书, the amount in figures and 大写, the
 * rate, term, monthly payment, the binding quota limit, the rule clauses and the sign-offs; the 还款计划表 must carry
 * every period, its header on every page and totals equal to the sums; a second print says 补打. Page 1 (and the
 * schedule's last page) is rendered to PNG under test-output/print for a person to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoanAppDto } from '../../shared/contract/dto';
import { makeIdNumber } from '../../shared/idcard';
import { dispatchAsync } from '../api/dispatch';
import { harness, type Harness } from '../testing/harness';
import { contributingCouple, LOAN_CREDIT, SELLER_PAYEE, YC_COMMODITY_FACTS } from '../testing/loanFixture';
import { pdfPageCount, pdfText, pdfToPng } from '../testing/pdf';
import { clauseNumber } from '../../shared/rules/citations';

const OUT = join(__dirname, '../../test-output/print');

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

type LoanForm = 'approval' | 'schedule' | 'notice';

interface Printed {
  reprint: boolean;
  fileName: string;
  text: string;
  /** The text without any whitespace, for phrases a table cell may have wrapped. */
  flat: string;
  pages: number;
  /** Each page's text (pages end with a form feed, as with pdftotext). */
  pageTexts: string[];
  /** `flat` without the vertical section captions (借/款/人, 依/据 …) that the layout puts at the start of lines. */
  body: string;
}

async function print(hh: Harness, applicationId: number, form: LoanForm, file: string, as = 'clerk'): Promise<Printed> {
  const r = await hh.callAsync('print.loan', { applicationId, form }, as);
  mkdirSync(OUT, { recursive: true });
  const pdf = join(OUT, `${file}.pdf`);
  writeFileSync(pdf, Buffer.from(r.pdfBase64, 'base64'));
  const text = await pdfText(pdf);
  const pages = await pdfPageCount(pdf);
  await pdfToPng(pdf, 1, join(OUT, `${file}.png`), 70);
  if (pages > 1) await pdfToPng(pdf, pages, join(OUT, `${file}-last.png`), 70);
  const pageTexts = text.split('\f').slice(0, pages);
  const body = text
    .split('\n')
    .map((l) => l.replace(/^\s*[\u4e00-\u9fff]\s{3,}(?=\S)/, ''))
    .join('')
    .replace(/\s+/g, '');
  return { reprint: r.reprint, fileName: r.fileName, text, flat: text.replace(/\s+/g, ''), pages, pageTexts, body };
}

async function printError(hh: Harness, applicationId: number, form: LoanForm) {
  const r = await dispatchAsync(hh.app, { call: 'print.loan', input: { applicationId, form }, token: hh.tokens.clerk! });
  if (r.ok) throw new Error('print unexpectedly succeeded');
  return r.error;
}

function printLog(hh: Harness, id: number) {
  return (hh.app.db.prepare('SELECT form, reprint FROM print_log WHERE application_id = ? ORDER BY id').all(id) as Array<{ form: string; reprint: number }>).map(
    (r) => `${r.form}:${r.reprint}`,
  );
}

const CREDIT = LOAN_CREDIT;
const SELLER = SELLER_PAYEE;

/**
 * Borrower and spouse at one employer, six months each at base 10,000.00 × (12% + 12%) = 2,400.00 a month, remitted
 * on the 20th: 14,400.00 each by 2026-06-25 10:00 Beijing, when the clock stops.
 */
function couple(center: 'yinchuan' | 'urumqi', borrowerId: string, spouseId: string) {
  h = harness(center, '2026-01-05T02:00:00Z');
  const { b, s } = contributingCouple(h, { borrowerId, spouseId, spousePhone: '13709512345' });
  return { b, s, hh: h };
}

function intake(hh: Harness, memberId: number, spouseId: number, facts: Record<string, unknown>, requestedFen: number, seen: 'none' | 'all', payee = SELLER): LoanAppDto {
  const base = { caseId: 'commodity', spouseMemberId: spouseId, facts, requestedFen, months: 360, method: 'annuity' as const, payee };
  const draft = hh.call('loan.create', { memberId, ...base, materialsSeen: [], idempotencyKey: hh.key() });
  if (seen === 'none') return draft;
  return hh.call('loan.update', { applicationId: draft.id, version: draft.version, ...base, materialsSeen: draft.materials.map((m) => m.id), idempotencyKey: hh.key() });
}

const YC_FACTS = YC_COMMODITY_FACTS;

describe('银川 commodity-home loan: notice, 审批书, 还款计划表 (trial and frozen)', () => {
  it('prints each form at its stage, with 补打 on the second print', async () => {
    const bId = makeIdNumber('640104', '19880412', 31);
    const sId = makeIdNumber('640104', '19900907', 42);
    const { b, s, hh } = couple('yinchuan', bId, sId);

    // A draft with nothing seen: the notice lists every material; the 审批书 is refused and leaves no trace.
    const draft = intake(hh, b.id, s.id, YC_FACTS, 30_000_000, 'none');
    expect(draft.state).toBe('草稿');
    const early = await printError(hh, draft.id, 'approval');
    expect(early.code).toBe('RULE');
    expect(early.message).toContain('提交复核后');
    expect(early.message).toContain('银川住房公积金贷款审批书');
    expect(printLog(hh, draft.id)).toEqual([]);

    const notice = await print(hh, draft.id, 'notice', 'yc-loan-notice');
    expect(notice.reprint).toBe(false);
    expect(notice.pages).toBe(1);
    expect(notice.text).toContain('住房公积金业务一次性告知书');
    expect(notice.flat).toContain('住房公积金贷款——商品房');
    expect(notice.flat).toContain('经审查，你提交的住房公积金贷款申请需补交或修改的材料如下：');
    expect(notice.text).toContain('马建国');
    expect(notice.text).toContain('640104********' + bId.slice(-4));
    expect(notice.text).not.toContain(bId);
    // Every missing material, numbered 1..n (a long one wraps, and its number sits centered beside it).
    for (const [i, m] of draft.missingMaterials.entries()) {
      expect(notice.flat.replace(/\d/g, '')).toContain(m.replace(/\s+/g, '').replace(/\d/g, ''));
      expect(notice.text).toMatch(new RegExp(`\\n\\s+${i + 1}\\s`));
    }
    expect(notice.flat).toContain(`以上共${draft.missingMaterials.length}项`);

    // All materials seen; submitted at 10:00, reviewed 11:30, approved 14:05 (Beijing).
    const ready = hh.call('loan.update', {
      applicationId: draft.id,
      version: draft.version,
      caseId: 'commodity',
      spouseMemberId: s.id,
      facts: YC_FACTS,
      requestedFen: 30_000_000,
      months: 360,
      method: 'annuity',
      payee: SELLER,
      materialsSeen: draft.materials.map((m) => m.id),
      idempotencyKey: hh.key(),
    });
    expect((await printError(hh, ready.id, 'notice')).message).toContain('材料已收齐');
    hh.call('loan.submit', { applicationId: ready.id, idempotencyKey: hh.key() });
    hh.at('2026-06-25T03:30:00Z');
    hh.call('loan.review', { applicationId: ready.id, pass: true, idempotencyKey: hh.key() }, 'reviewer');
    hh.at('2026-06-25T06:05:00Z');
    const approved = hh.call('loan.approve', { applicationId: ready.id, pass: true, idempotencyKey: hh.key() }, 'approver');
    expect(approved.state).toBe('已审批');
    expect(approved.approvedFen).toBe(30_000_000);

    const a = await print(hh, approved.id, 'approval', 'yc-loan-approval');
    expect(a.reprint).toBe(false);
    expect(a.pages).toBe(1); // one A4 sheet
    expect(a.text).not.toContain('补打');
    expect(a.text).toContain('银川市公积金管理中心');
    expect(a.text).toContain('银川住房公积金贷款审批书');
    expect(a.text).toContain(approved.appNo);
    expect(a.text).toContain('马建国');
    expect(a.text).toContain('李秀兰');
    // Full IDs of both spouses on the archive copy, and the birth dates they encode.
    expect(a.text).toContain(bId);
    expect(a.text).toContain(sId);
    expect(a.text).toContain('1988年04月12日');
    expect(a.text).toContain('1990年09月07日');
    expect(a.text).toContain('已婚');
    expect(a.text).toContain('13895001234');
    expect(a.text).toContain('13709512345');
    expect(a.text).toContain(b.accountNo);
    expect(a.text).toContain(s.accountNo);
    expect(a.text).toMatch(/家庭收入\s+¥20,000\.00\/月/);
    expect(a.text).toMatch(/缴存基数\s+¥10,000\.00/);
    expect(a.text).toContain('¥2,400.00（12%+12%）');
    expect(a.text).toMatch(/连续缴存\s+6个月（至2026年06月）/);
    expect(a.text).toMatch(/账户余额\s+¥14,400\.00/);
    // The house and down payment: 300,000 of 600,000 is 50.00%; the minimum is 20% = 120,000.
    expect(a.text).toContain('商品房');
    expect(a.text).toMatch(/房屋总价\s+¥600,000\.00/);
    expect(a.text).toContain('98.5平方米');
    expect(a.text).toContain('¥300,000.00（50.00%）');
    expect(a.text).toMatch(/最低首付\s+¥120,000\.00/);
    expect(a.flat).toContain('宁夏塞上房地产开发有限公司');
    // The loan: 300,000.00 = 叁拾万元整; 360 months; 2.60%; 等额本息 installment
    // 300,000 × r(1+r)^360 / ((1+r)^360 − 1) with r = 0.026/12 = 1,201.0191… → 1,201.02.
    expect(a.text).toMatch(/核定金额\s+¥300,000\.00/);
    expect(a.flat).toContain('人民币叁拾万元整');
    expect(a.text).toContain('360个月（30年）');
    expect(a.text).toMatch(/年利率\s+2\.60%/);
    expect(a.flat).toContain('2025-05-08起首套住房五年以上2.60%');
    expect(a.text).toContain('等额本息');
    expect(a.text).toMatch(/月还款额\s+¥1,201\.02/);
    // The quota: 80% × 600,000 = 480,000 binds (20 × 28,800 = 576,000; cap 700,000).
    expect(a.text).toContain('可贷额度（取以上最低者）¥480,000.00；申请金额 ¥300,000.00');
    expect(a.text).toMatch(/★\s*房屋总价值的80%\s+¥480,000\.00\s+第156段\s+控制额度/);
    expect(a.text).toMatch(/缴存余额的20倍\s+¥576,000\.00/);
    expect(a.text).toMatch(/夫妻双方均正常缴存限额\s+¥700,000\.00/);
    expect((a.text.match(/控制额度/g) ?? []).length).toBe(1);
    // Rule basis: every passed clause by its Chinese title and clause number, none of the not-applicable ones, the
    // policy document by its official title; no internal rule id and no seed file name anywhere on the sheet.
    const passed = approved.decision!.trace.filter((t) => t.outcome === 'passed');
    expect(passed.length).toBeGreaterThan(10);
    for (const t of passed) expect(a.body).toContain(`${t.title.replace(/\s+/g, '')}（${clauseNumber(t.ruleId)}）`);
    expect(a.body).toContain('开立缴存账户满6个月（第101段第1条）');
    expect(a.flat).toContain('依据文件：《银川市公积金管理中心公积金业务指南》；政策日期');
    expect(a.text).not.toMatch(/\byc\.[a-z]/);
    expect(a.text).not.toContain('003_e326aac3299acd42');
    expect(a.text).not.toContain('.txt');
    expect(a.flat).not.toContain('附：规则编号');
    // Sign-offs with names and Beijing times; the contract number is not yet known.
    expect(a.text).toContain('经办人：王经办');
    expect(a.text).toContain('2026-06-25 10:00');
    expect(a.text).toContain('复核人：赵复核');
    expect(a.text).toContain('2026-06-25 11:30');
    expect(a.text).toContain('审批人：钱审批');
    expect(a.text).toContain('2026-06-25 14:05');
    expect(a.flat).toContain('（签约后填写）');
    expect(a.text).toContain('借款人签字');
    expect(a.text).toContain('配偶签字');
    expect(a.text).not.toContain('担保方式'); // 银川 records no guarantee

    // Before disbursement: the trial schedule, first due one month after today (2026-07-25).
    const trial = await print(hh, approved.id, 'schedule', 'yc-loan-schedule-trial');
    expect(trial.reprint).toBe(false);
    expect(trial.flat).toContain('住房公积金贷款还款计划表（试算）');
    expect(trial.text).toContain('尚未放款（试算）');
    expect(trial.text).toMatch(/\n\s*1\s+2026-07-25\s+1,201\.02\s+551\.02\s+650\.00\s+299,448\.98\n/);

    // Sign, disburse on 2026-06-26: the frozen schedule starts 2026-07-26.
    hh.call('loan.sign', { applicationId: approved.id, contractNo: 'YC-GJJ-2026-000123', mortgageRegNo: '宁(2026)银川市不动产证明第0012345号', idempotencyKey: hh.key() });
    hh.at('2026-06-26T02:00:00Z');
    const done = hh.call('loan.disburse', { applicationId: approved.id, idempotencyKey: hh.key() });
    expect(done.state).toBe('已放款');
    const rows = hh.call('loan.schedule', { loanId: done.loan!.id });
    expect(rows).toHaveLength(360);

    const sched = await print(hh, done.id, 'schedule', 'yc-loan-schedule');
    expect(sched.reprint).toBe(true); // the trial was the original
    expect(sched.flat).toContain('住房公积金贷款还款计划表（补打）');
    expect(sched.text).not.toContain('试算');
    expect(sched.text).toContain('YC-GJJ-2026-000123');
    expect(sched.text).toContain('2026年06月26日'); // 放款日期
    expect(sched.text).toContain('2026年07月26日'); // 首次还款日
    expect(sched.text).toContain('640104********' + bId.slice(-4));
    expect(sched.text).not.toContain(bId);
    // Every period is a row: period, due date, payment, principal, interest, remaining, exactly as frozen.
    for (const r of rows) {
      const f = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).replace(/\./g, '\\.');
      expect(sched.text).toMatch(new RegExp(`\\n\\s*${r.period}\\s+${r.dueDate}\\s+${f(r.paymentFen)}\\s+${f(r.principalFen)}\\s+${f(r.interestFen)}\\s+${f(r.remainingFen)}\\n`));
    }
    expect(rows[359]!.dueDate).toBe('2056-06-26');
    // The header row on every page, page numbers on every page.
    expect(sched.pages).toBeGreaterThanOrEqual(6);
    const headerCount = (sched.text.match(/期次\s+还款日期\s+月还款额（元）\s+归还本金（元）\s+归还利息（元）\s+剩余本金（元）/g) ?? []).length;
    expect(headerCount).toBe(sched.pages);
    for (const [i, p] of sched.pageTexts.entries()) {
      expect(p).toMatch(/期次\s+还款日期/);
      expect(p).toContain(`第 ${i + 1} 页，共 ${sched.pages} 页`);
      expect(p).toMatch(/补\s*打/);
    }
    // Totals equal the sums: the principal exactly the loan.
    const sum = (k: 'paymentFen' | 'principalFen' | 'interestFen') => rows.reduce((t, r) => t + r[k], 0);
    expect(sum('principalFen')).toBe(30_000_000);
    const g = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    expect(sched.text).toContain(`还款总额 ${g(sum('paymentFen'))}`);
    expect(sched.text).toContain('本金合计 ¥300,000.00');
    expect(sched.text).toContain(`利息合计 ${g(sum('interestFen'))}`);
    expect(sched.text).toMatch(new RegExp(`合计（360期）\\s+${g(sum('paymentFen')).slice(1).replace(/\./g, '\\.')}\\s+300,000\\.00\\s+${g(sum('interestFen')).slice(1).replace(/\./g, '\\.')}`));

    // The 审批书 again: now a 补打 with the contract and mortgage numbers.
    const again = await print(hh, done.id, 'approval', 'yc-loan-approval-reprint', 'clerk2');
    expect(again.reprint).toBe(true);
    expect(again.pages).toBe(1);
    expect(again.flat).toContain('银川住房公积金贷款审批书（补打）');
    expect(again.text).toMatch(/补\s*打\s+补打时间 2026-06-26 10:00/);
    expect(again.fileName).toContain('补打');
    expect(again.text).toContain('YC-GJJ-2026-000123');
    expect(again.flat).toContain('宁(2026)银川市不动产证明第0012345号');
    expect(again.text).toMatch(/月还款额\s+¥1,201\.02/);

    expect(printLog(hh, done.id)).toEqual(['notice:0', 'approval:0', 'schedule:0', 'schedule:1', 'approval:1']);
    expect((await printError(hh, done.id, 'notice')).message).toContain('草稿或退回');
  }, 150_000); // a dozen PDFs rendered and read back: about 30 s on a loaded 2-core machine
});

describe('the loan forms follow the facts entered', () => {
  it('a single applicant\'s 一次性告知书 asks for no spouse documents', async () => {
    const { b, hh } = couple('yinchuan', makeIdNumber('640104', '19880412', 31), makeIdNumber('640104', '19900907', 42));
    const { spouseExtra: _s, ...facts } = { ...YC_FACTS, maritalStatus: 'single' };
    const draft = hh.call('loan.create', { memberId: b.id, caseId: 'commodity', spouseMemberId: null, facts, requestedFen: 20_000_000, months: 360, method: 'annuity', payee: SELLER, materialsSeen: [], idempotencyKey: hh.key() });
    expect(draft.missingMaterials.length).toBeGreaterThan(3);
    const notice = await print(hh, draft.id, 'notice', 'yc-loan-notice-single');
    expect(notice.flat).toContain('申请人的有效身份证');
    expect(notice.flat).toContain('申请人户口薄');
    expect(notice.flat).toContain('本人个人征信报告');
    expect(notice.flat).not.toMatch(/配偶|夫妻/);
    expect(notice.flat).toContain(`以上共${draft.missingMaterials.length}项`);
  });

  it('the 复核 and 审批 opinions reach the timeline and the 审批书', async () => {
    const { b, s, hh } = couple('yinchuan', makeIdNumber('640104', '19880412', 31), makeIdNumber('640104', '19900907', 42));
    const ready = intake(hh, b.id, s.id, YC_FACTS, 30_000_000, 'all');
    hh.call('loan.submit', { applicationId: ready.id, idempotencyKey: hh.key() });
    hh.call('loan.review', { applicationId: ready.id, pass: true, note: '材料齐全，收入证明属实', idempotencyKey: hh.key() }, 'reviewer');
    const approved = hh.call('loan.approve', { applicationId: ready.id, pass: true, note: '同意按核定金额贷款', idempotencyKey: hh.key() }, 'approver');
    expect(approved.events.filter((e) => e.action === 'review' || e.action === 'approve').map((e) => e.note)).toEqual(['材料齐全，收入证明属实', '同意按核定金额贷款']);
    const a = await print(hh, approved.id, 'approval', 'yc-loan-approval-opinions');
    expect(a.pages).toBe(1);
    expect(a.flat).toContain('意见：材料齐全，收入证明属实');
    expect(a.flat).toContain('意见：同意按核定金额贷款');
  });
});

describe('乌鲁木齐 loan with a property guarantee', () => {
  it('prints the 住房公积金贷款审批表 with the guarantee and the balance limit binding', async () => {
    const bId = makeIdNumber('650102', '19880412', 31);
    const sId = makeIdNumber('650102', '19900907', 42);
    const { b, s, hh } = couple('urumqi', bId, sId);
    const facts = {
      maritalStatus: 'married',
      borrowerExtra: CREDIT,
      spouseExtra: CREDIT,
      spouseCoApplicant: true,
      familyMonthlyIncomeFen: 2_000_000,
      house: { priceFen: 60_000_000, areaSqm: '105.2', contractDate: '2026-05-01', contractRegistered: true, downPaymentInvoice: true, borrowerIsBuyer: true },
      downPaymentFen: 30_000_000,
      guarantee: { type: 'property', properties: [{ appraisalFen: 50_000_000, buildYear: 2012 }] },
      stableIncome: true,
      goodCredit: true,
    };
    const seller = { kind: 'developer' as const, bankName: '中国建设银行股份有限公司乌鲁木齐分行', accountNo: '65050161234500001234', accountName: '新疆天山房地产开发有限公司' };
    const app = intake(hh, b.id, s.id, facts, 20_000_000, 'all', seller);
    expect(app.decision!.eligible).toBe(true);
    hh.call('loan.submit', { applicationId: app.id, idempotencyKey: hh.key() });
    hh.call('loan.review', { applicationId: app.id, pass: true, idempotencyKey: hh.key() }, 'reviewer');
    const submittedOnly = await print(hh, app.id, 'approval', 'uq-loan-approval-reviewed');
    expect(submittedOnly.text).toContain('复核人：赵复核');
    expect(submittedOnly.text).toMatch(/审批人：＿+/);

    const approved = hh.call('loan.approve', { applicationId: app.id, pass: true, idempotencyKey: hh.key() }, 'approver');
    const a = await print(hh, approved.id, 'approval', 'uq-loan-approval');
    expect(a.reprint).toBe(true);
    expect(a.pages).toBe(1);
    expect(a.text).toContain('乌鲁木齐住房公积金管理中心');
    expect(a.flat).toContain('住房公积金贷款审批表（补打）');
    expect(a.text).toContain(bId);
    expect(a.text).toContain(sId);
    expect(a.text).toMatch(/共同申请\s+是/);
    // 200,000.00 = 贰拾万元整; 2.60% over 360 months: 200,000 × r(1+r)^360/((1+r)^360 − 1) = 800.679… → 800.68.
    expect(a.text).toMatch(/核定金额\s+¥200,000\.00/);
    expect(a.flat).toContain('人民币贰拾万元整');
    expect(a.text).toMatch(/月还款额\s+¥800\.68/);
    // 10 × (14,400 + 14,400) = 288,000 binds (cap 700,000; price − down payment 300,000).
    expect(a.text).toMatch(/★\s*公积金余额的10倍\s+¥288,000\.00\s+第269段第2条\s+控制额度/);
    expect(a.text).toContain('可贷额度（取以上最低者）¥288,000.00');
    expect(a.flat).toContain('担保方式房产抵押：抵押房产1套，评估价值合计¥500,000.00（2012年建）');
    expect(a.body).toContain(`${approved.decision!.trace.find((t) => t.ruleId === 'uq.loan.guarantee.property')!.title.replace(/\s+/g, '')}（第211段第3条）`);
    expect(a.flat).toContain('《乌鲁木齐市公积金管理中心公积金业务指南》');
    expect(a.text).not.toMatch(/\buq\.[a-z]/);
    expect(a.text).not.toContain('004_5b427291c04fb79d');
    for (const name of ['经办人：王经办', '复核人：赵复核', '审批人：钱审批']) expect(a.text).toContain(name);

    const trial = await print(hh, approved.id, 'schedule', 'uq-loan-schedule-trial');
    expect(trial.flat).toContain('住房公积金贷款还款计划表（试算）');
    expect(trial.text).toMatch(/\n\s*1\s+2026-07-25\s+800\.68\s+367\.35\s+433\.33\s+199,632\.65\n/);
    expect(trial.text).toContain('本金合计 ¥200,000.00');

    hh.call('loan.cancel', { applicationId: approved.id, reason: '借款人放弃贷款', idempotencyKey: hh.key() });
    const refused = await printError(hh, approved.id, 'approval');
    expect(refused.message).toContain('撤销');
    expect((await printError(hh, approved.id, 'schedule')).message).toContain('已撤销');
  });
});

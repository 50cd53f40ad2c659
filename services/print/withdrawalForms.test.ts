/**
 * The printed withdrawal forms, from real applications taken through the dispatcher: the text extracted (services/testing/pdf.ts)
 * must carry the name, the ID (full on the center's archive copy, masked on what the applicant takes home), the
 * amounts in figures and 大写, the rule clauses and the three sign-offs; the second print of a form says 补打.
 * Page 1 of each PDF is also rendered to PNG under test-output/print for a person to look at.
 */
import { recordClearCheck } from '../testing/dishonest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Payee, WithdrawalAppDto } from '../../shared/contract/dto';
import { makeIdNumber } from '../../shared/idcard';
import { dispatchAsync } from '../api/dispatch';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';
import { pdfPageCount, pdfText, pdfToPng } from '../testing/pdf';
import { clauseNumber } from '../../shared/rules/citations';

const OUT = join(__dirname, '../../test-output/print');
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

interface Printed {
  reprint: boolean;
  fileName: string;
  text: string;
  /** The text without any whitespace, for phrases a table cell may have wrapped. */
  flat: string;
}

async function print(hh: Harness, applicationId: number, form: 'voucher' | 'notice' | 'receipt', file: string, as = 'clerk', ruleIds?: boolean): Promise<Printed> {
  const r = await hh.callAsync('print.withdrawal', { applicationId, form, ...(ruleIds ? { ruleIds } : {}) }, as);
  mkdirSync(OUT, { recursive: true });
  const pdf = join(OUT, `${file}.pdf`);
  writeFileSync(pdf, Buffer.from(r.pdfBase64, 'base64'));
  const text = await pdfText(pdf);
  // A counter form is one sheet: anything that spills onto a second page is a layout bug (the optional appendix
  // 附：规则编号 is a page of its own).
  expect(await pdfPageCount(pdf)).toBe(ruleIds ? 2 : 1);
  await pdfToPng(pdf, 1, join(OUT, `${file}.png`), 70);
  return { reprint: r.reprint, fileName: r.fileName, text, flat: text.replace(/\s+/g, '') };
}

/** A passed rule as the 依据 prints it: Chinese title and clause number. */
function titled(app: { decision?: { trace: { ruleId: string; title: string }[] } | null }, ruleId: string): string {
  const t = app.decision!.trace.find((x) => x.ruleId === ruleId)!;
  return `${t.title.replace(/\s+/g, '')}（${clauseNumber(ruleId)}）`;
}

async function printError(hh: Harness, applicationId: number, form: 'voucher' | 'notice' | 'receipt') {
  const r = await dispatchAsync(hh.app, { call: 'print.withdrawal', input: { applicationId, form }, token: hh.tokens.clerk! });
  if (r.ok) throw new Error('print unexpectedly succeeded');
  return r.error;
}

/** The harness opens on 2026-01-10; contributions are then booked month by month so that they earn interest. */
const START = '2026-01-10T02:00:00Z';
const TODAY = '2026-06-15T02:00:00Z';

/**
 * An employer, a member and five months of contributions, each remitted on the 10th of the following month:
 * base 5,000.00 at 12% + 12% → 1,200.00 a month, 6,000.00 in all. The clock ends on 2026-06-15 10:00 Beijing.
 */
function fundedMember(hh: Harness, over: Parameters<typeof newMember>[2] = {}) {
  const e = newEmployer(hh);
  const m = newMember(hh, e.id, over);
  for (const [i, month] of MONTHS.entries()) {
    hh.at(`2026-0${i + 2}-10T02:00:00Z`);
    hh.call('remit.post', { employerId: e.id, month, idempotencyKey: hh.key() });
  }
  hh.at(TODAY);
  return { e, m: hh.call('members.get', { memberId: m.id }) };
}

function payeeOwn(name: string): Payee {
  return { kind: 'own', cardType: 'debit', bankName: '中国工商银行股份有限公司银川分行', accountNo: '6222021234567890123', accountName: name };
}

/** Creates a draft with some materials seen, then (optionally) marks all seen — the clerk's two visits. */
function create(hh: Harness, args: { memberId: number; caseId: string; facts: Record<string, unknown>; requestedFen?: number; payee: Payee; seen: 'none' | 'first' }) {
  const draft = hh.call('withdrawal.create', {
    memberId: args.memberId,
    caseId: args.caseId,
    facts: args.facts,
    requestedFen: args.requestedFen ?? null,
    payee: args.payee,
    materialsSeen: [],
    idempotencyKey: hh.key(),
  });
  if (args.seen === 'none') return draft;
  return setSeen(hh, draft, [draft.materials[0]!.id]);
}

function setSeen(hh: Harness, dto: WithdrawalAppDto, ids: string[]): WithdrawalAppDto {
  return hh.call('withdrawal.update', {
    applicationId: dto.id,
    version: dto.version,
    caseId: dto.caseId,
    spouseMemberId: dto.spouse?.id ?? null,
    facts: dto.facts,
    requestedFen: dto.requestedFen,
    payee: dto.payee,
    materialsSeen: ids,
    idempotencyKey: hh.key(),
  });
}

function approveChain(hh: Harness, id: number) {
  hh.call('withdrawal.review', { applicationId: id, pass: true, idempotencyKey: hh.key() }, 'reviewer');
  recordClearCheck(hh, id);
  return hh.call('withdrawal.approve', { applicationId: id, pass: true, idempotencyKey: hh.key() }, 'approver');
}

function printLog(hh: Harness, id: number) {
  return hh.app.db.prepare('SELECT form, printed_at, operator_id, reprint FROM print_log WHERE application_id = ? ORDER BY id').all(id) as Array<{
    form: string;
    printed_at: string;
    operator_id: number;
    reprint: number;
  }>;
}

describe('银川 rent withdrawal: notice, voucher, receipt', () => {
  it('prints the 一次性告知书 for a draft, the 转账支取凭证 after submission and the 回单 after payout', async () => {
    h = harness('yinchuan', START);
    const idNumber = makeIdNumber('640104', '19880412', 135);
    const { m } = fundedMember(h, { name: '马晓燕', idNumber, phone: '13909512468' });
    expect(m.balanceFen).toBe(600000);
    const masked = `640104********${idNumber.slice(-4)}`;

    // Visit 1: only the ID card seen → the notice lists exactly the other materials.
    const draft = create(h, {
      memberId: m.id,
      caseId: 'rent',
      facts: { rent: { annualRentFen: 3_600_000, familyAnnualIncomeFen: 10_000_000 } },
      requestedFen: 530000, // 银川 partial withdrawals are kept to whole hundreds (保留至百位)
      payee: payeeOwn('马晓燕'),
      seen: 'first',
    });
    expect(draft.state).toBe('草稿');
    expect(draft.missingMaterials.length).toBeGreaterThan(0);
    const seenText = draft.materials.find((x) => x.seen)!.text;

    const voucherTooEarly = await printError(h, draft.id, 'voucher');
    expect(voucherTooEarly.code).toBe('RULE');
    expect(voucherTooEarly.message).toContain('提交复核后');
    expect((await printError(h, draft.id, 'receipt')).message).toContain('尚未支付');
    expect(printLog(h, draft.id)).toEqual([]); // refusals leave no trace

    const notice = await print(h, draft.id, 'notice', 'yc-notice');
    expect(notice.reprint).toBe(false);
    expect(notice.text).toContain('住房公积金业务一次性告知书');
    expect(notice.text).not.toContain('补打');
    expect(notice.text).toContain('马晓燕');
    expect(notice.text).toContain(masked);
    expect(notice.text).not.toContain(idNumber);
    expect(notice.text).toContain('13909512468');
    expect(notice.flat).toContain('经审查，你提交的住房公积金提取申请需补交或修改的材料如下：');
    expect(notice.flat).toContain('住房公积金提取——房租支出超出家庭工资收入15%');
    // Exactly the missing materials, numbered 1..n, and not the one already seen.
    for (const [i, text] of draft.missingMaterials.entries()) expect(notice.flat).toContain(`${i + 1}${text.replace(/\s+/g, '')}`);
    expect(notice.flat).not.toContain(`${draft.missingMaterials.length + 1}${seenText}`);
    expect(notice.flat).not.toContain(seenText);
    expect(notice.flat).toContain(`以上共${draft.missingMaterials.length}项`);
    expect(notice.text).toContain('0951-12329');
    expect(notice.text).toContain('经办人：王经办');
    expect(notice.text).toContain('日期：2026年06月15日');
    expect(notice.text).toContain('银川市公积金管理中心');
    expect(notice.text).toContain(draft.appNo);

    const again = await print(h, draft.id, 'notice', 'yc-notice-reprint', 'clerk2');
    expect(again.reprint).toBe(true);
    expect(again.text).toMatch(/补\s*打\s+补打时间 2026-06-15 10:00/);
    expect(again.flat).toContain('住房公积金业务一次性告知书（补打）');
    expect(again.fileName).toContain('补打');
    const log1 = printLog(h, draft.id);
    expect(log1.map((r) => [r.form, r.reprint])).toEqual([
      ['notice', 0],
      ['notice', 1],
    ]);
    expect(log1[0]!.printed_at).toBe('2026-06-15T02:00:00.000Z');
    expect(log1[0]!.operator_id).not.toBe(log1[1]!.operator_id);

    // Visit 2: everything seen → no notice to print; submit → voucher with blank 复核/审批 lines.
    const complete = setSeen(h, draft, draft.materials.map((x) => x.id));
    const noNotice = await printError(h, complete.id, 'notice');
    expect(noNotice.code).toBe('RULE');
    expect(noNotice.message).toContain('材料已收齐');
    h.at('2026-06-15T03:30:00Z');
    const submitted = h.call('withdrawal.submit', { applicationId: complete.id, idempotencyKey: h.key() });
    expect(submitted.approvedFen).toBe(530000);

    const early = await print(h, submitted.id, 'voucher', 'yc-voucher-submitted');
    expect(early.reprint).toBe(false);
    expect(early.text).toContain('经办人：王经办');
    expect(early.text).toContain('2026-06-15 11:30'); // submitted 03:30Z = 11:30 Beijing
    expect(early.text).toMatch(/复核人：＿+/);
    expect(early.text).toMatch(/审批人：＿+/);

    h.at('2026-06-15T06:05:00Z');
    const approved = approveChain(h, submitted.id);
    expect(approved.state).toBe('已审批');

    const voucher = await print(h, approved.id, 'voucher', 'yc-voucher');
    expect(voucher.reprint).toBe(true);
    expect(voucher.flat).toContain('银川住房公积金转账支取凭证（补打）');
    expect(voucher.text).toMatch(/补\s*打/);
    expect(voucher.text).toContain('银川市公积金管理中心');
    expect(voucher.text).toContain('马晓燕');
    expect(voucher.text).toContain(idNumber); // in full on the archive copy
    expect(voucher.text).toContain(m.accountNo);
    expect(voucher.text).toContain(m.employer.accountNo);
    expect(voucher.text).toContain('13909512468');
    expect(voucher.text).toContain('房租支出超出家庭工资收入15%');
    expect(voucher.text).toContain('否（部分提取）');
    // 5,300.00 元 written out by hand: 伍仟 叁佰 元整.
    expect(voucher.text).toContain('¥5,300.00');
    expect(voucher.flat).toContain('人民币伍仟叁佰元整');
    expect(voucher.text).toContain('6222021234567890123');
    expect(voucher.text).toContain('中国工商银行股份有限公司银川分行');
    expect(voucher.text).toContain('本人实名制银行账户');
    for (const mat of approved.materials) expect(voucher.flat).toContain(`✓${mat.text.replace(/\s+/g, '')}`);
    const passed = approved.decision!.trace.filter((t) => t.outcome === 'passed');
    expect(passed.map((t) => t.ruleId)).toContain('yc.wd.rent.over15');
    // 依据: each passed rule by its Chinese title and clause number, the document by its official title; no internal
    // rule id and no seed file name on the sheet (they stay in the audit and the optional appendix).
    for (const t of passed) expect(voucher.flat).toContain(`${t.title.replace(/\s+/g, '')}（${clauseNumber(t.ruleId)}）`);
    expect(voucher.flat).toContain('（第37段第5条）');
    expect(voucher.flat).toContain('依据文件：《银川市公积金管理中心公积金业务指南》');
    expect(voucher.text).not.toMatch(/\byc\.[a-z]/);
    expect(voucher.text).not.toContain('003_e326aac3299acd42');
    expect(voucher.text).not.toContain('.txt');
    expect(voucher.flat).not.toContain('附：规则编号');
    expect(voucher.text).toContain('经办人：王经办');
    expect(voucher.text).toContain('复核人：赵复核');
    expect(voucher.text).toContain('审批人：钱审批');
    expect(voucher.text).toContain('2026-06-15 14:05');
    expect(voucher.text).toContain(approved.appNo);
    expect(voucher.text).toContain('申请人签字');

    const tooEarlyReceipt = await printError(h, approved.id, 'receipt');
    expect(tooEarlyReceipt.message).toContain('尚未支付');

    h.at('2026-06-15T07:00:00Z');
    const paid = h.call('withdrawal.pay', { applicationId: approved.id, idempotencyKey: h.key() }, 'clerk2');
    expect(paid.state).toBe('已支付');

    const receipt = await print(h, paid.id, 'receipt', 'yc-receipt');
    expect(receipt.reprint).toBe(false);
    expect(receipt.text).not.toContain('补打');
    expect(receipt.text).toContain('住房公积金提取回单');
    expect(receipt.text).toContain(paid.paidEntryNo!);
    expect(receipt.text).toContain('马晓燕');
    expect(receipt.text).toContain(masked);
    expect(receipt.text).not.toContain(idNumber);
    expect(receipt.text).toContain(m.accountNo);
    expect(receipt.text).toContain(m.employer.accountNo);
    expect(receipt.text).toMatch(/提取金额\s+¥5,300\.00/);
    expect(receipt.text).toMatch(/销户利息\s+¥0\.00/); // no interest on a partial withdrawal
    expect(receipt.text).toMatch(/合计（小写）\s+¥5,300\.00/);
    expect(receipt.flat).toContain('人民币伍仟叁佰元整');
    expect(receipt.text).toMatch(/提取后余额\s+¥700\.00/); // 6,000.00 − 5,300.00
    expect(receipt.text).toContain('6222021234567890123');
    expect(receipt.text).toContain('经办：李经办');
    expect(receipt.text).toContain('复核：赵复核');
    expect(receipt.text).toContain('审批：钱审批');
    expect(receipt.text).toContain('2026-06-15 15:00');

    // The voucher once paid: the paid amount and the entry number; a third print, still 补打.
    const paidVoucher = await print(h, paid.id, 'voucher', 'yc-voucher-paid');
    expect(paidVoucher.reprint).toBe(true);
    expect(paidVoucher.text).toContain(paid.paidEntryNo!);
    expect(printLog(h, paid.id).map((r) => `${r.form}:${r.reprint}`)).toEqual(['notice:0', 'notice:1', 'voucher:0', 'voucher:1', 'receipt:0', 'voucher:1']);
  }, 150_000); // nine PDFs rendered and read back: about 30 s on a loaded 2-core machine
});

describe('银川 purchase drawing on the spouse too', () => {
  it("shows the spouse and both accounts' shares on the one-page voucher", async () => {
    h = harness('yinchuan', START);
    const e = newEmployer(h);
    const wife = newMember(h, e.id, { name: '李娜', idNumber: makeIdNumber('640104', '19900720', 222) });
    const { m } = fundedMember(h, { name: '张伟', idNumber: makeIdNumber('640104', '19880315', 111) });
    for (const month of MONTHS) h.call('remit.post', { employerId: e.id, month, memberIds: [wife.id], kind: '补缴', idempotencyKey: h.key() });
    const draft = h.call('withdrawal.create', {
      memberId: m.id,
      spouseMemberId: wife.id,
      caseId: 'purchase',
      facts: { includeSpouse: true, house: { houseId: '银(2026)金凤区不动产权第0012345号', type: 'new', residential: true, priceFen: 60_000_000, contractDate: '2026-05-20', contractRegistered: true, paymentProof: true } },
      payee: payeeOwn('张伟'),
      materialsSeen: [],
      idempotencyKey: h.key(),
    });
    const ready = setSeen(h, draft, draft.materials.map((x) => x.id));
    h.call('withdrawal.submit', { applicationId: ready.id, idempotencyKey: h.key() });
    const approved = approveChain(h, ready.id);
    expect(approved.decision!.sources.some((x) => x.holder === 'spouse')).toBe(true);
    const voucher = await print(h, approved.id, 'voucher', 'yc-voucher-spouse');
    expect(voucher.text).toContain('李娜（同时提取）');
    expect(voucher.text).toContain(wife.accountNo);
    expect(voucher.text).not.toContain('yc.wd.spouse.include');
    // Asked for, the appendix maps each title to its internal id (for the auditors), after the sign-offs.
    const withIds = await print(h, approved.id, 'voucher', 'yc-voucher-spouse-ids', 'clerk', true);
    expect(withIds.flat).toContain('附：规则编号');
    expect(withIds.text.split('\f')[0]).not.toContain('yc.wd.spouse.include');
    expect(withIds.flat).toContain('yc.wd.spouse.include');
    expect(withIds.text).not.toContain('003_e326aac3299acd42');
    expect(voucher.text).toContain(`¥${(approved.approvedFen! / 100).toLocaleString('en-US')}.00`);
  });
});

describe('乌鲁木齐 forms', () => {
  it("prints the 审批表 of a purchase paid into the developer's sale account", async () => {
    h = harness('urumqi', START);
    const idNumber = makeIdNumber('650102', '19850706', 247);
    const { m } = fundedMember(h, { name: '古丽米拉·艾买提', idNumber });
    const developer: Payee = { kind: 'developer', bankName: '中国建设银行股份有限公司乌鲁木齐分行', accountNo: '65050161234500001234', accountName: '新疆天山房地产开发有限公司' };
    const draft = create(h, {
      memberId: m.id,
      caseId: 'purchase',
      facts: { house: { houseId: 'H1', type: 'new', residential: true, priceFen: 60_000_000, contractDate: '2026-05-01', developerFiled: true } },
      payee: developer,
      seen: 'none',
    });
    const ready = setSeen(h, draft, draft.materials.map((x) => x.id));
    const submitted = h.call('withdrawal.submit', { applicationId: ready.id, idempotencyKey: h.key() });
    const approved = approveChain(h, submitted.id);
    const amount = approved.approvedFen!;

    const voucher = await print(h, approved.id, 'voucher', 'uq-voucher');
    expect(voucher.reprint).toBe(false);
    expect(voucher.text).toContain('乌鲁木齐住房公积金管理中心');
    expect(voucher.text).toContain('申请支取住房公积金审批表');
    expect(voucher.flat).toContain('古丽米拉·艾买提');
    expect(voucher.text).toContain(idNumber);
    // 6,000.00 less the 10.00 a housing withdrawal must leave (uq.wd.keep10): 伍仟 玖佰 玖拾元 整.
    expect(amount).toBe(599000);
    expect(voucher.text).toContain('¥5,990.00');
    expect(voucher.flat).toContain('人民币伍仟玖佰玖拾元整');
    expect(voucher.flat).toContain(titled(approved, 'uq.wd.keep10'));
    expect(voucher.text).toContain('房产公司售房账户');
    expect(voucher.text).toContain('65050161234500001234');
    expect(voucher.flat).toContain('新疆天山房地产开发有限公司');
    expect(voucher.flat).toContain(titled(approved, 'uq.wd.purchase.payeeDeveloper'));
    expect(voucher.flat).toContain(titled(approved, 'uq.wd.purchase.developerFiled'));
    for (const name of ['经办人：王经办', '复核人：赵复核', '审批人：钱审批']) expect(voucher.text).toContain(name);
    expect(voucher.text).toContain(approved.appNo);
  });

  it('prints the receipt of an account-closing retirement withdrawal with its interest, then the 已冲正 mark', async () => {
    h = harness('urumqi', START);
    const idNumber = makeIdNumber('650102', '19630301', 311); // male, 63 in 2026
    const { m } = fundedMember(h, { name: '王建国', idNumber });
    const draft = create(h, { memberId: m.id, caseId: 'retirement', facts: { situation: { retirementProof: true } }, payee: payeeOwn('王建国'), seen: 'none' });
    const ready = setSeen(h, draft, draft.materials.map((x) => x.id));
    h.call('withdrawal.submit', { applicationId: ready.id, idempotencyKey: h.key() });
    approveChain(h, ready.id);
    const paid = h.call('withdrawal.pay', { applicationId: ready.id, idempotencyKey: h.key() }, 'clerk2');
    expect(paid.decision!.closesAccount).toBe(true);
    // Interest by daily balance (积数), 算头不算尾, 1.50% a year over 360 days, booked 10 Feb … 10 Jun, paid 15 Jun:
    // 1,200×28 + 2,400×31 + 3,600×30 + 4,800×31 + 6,000×5 = 394,800 yuan-days × 1.5% ÷ 360 = 16.45.
    expect(paid.interestFen).toBe(1645);
    expect(paid.paidAmountFen).toBe(601645);

    const receipt = await print(h, paid.id, 'receipt', 'uq-receipt-closing');
    expect(receipt.text).toContain('王建国');
    expect(receipt.text).toContain(`650102********${idNumber.slice(-4)}`);
    expect(receipt.text).not.toContain(idNumber);
    expect(receipt.text).toMatch(/是否销户\s+是/);
    expect(receipt.text).toMatch(/提取金额\s+¥6,000\.00/);
    expect(receipt.text).toMatch(/销户利息\s+¥16\.45/);
    expect(receipt.text).toMatch(/合计（小写）\s+¥6,016\.45/);
    expect(receipt.flat).toContain('人民币陆仟零壹拾陆元肆角伍分');
    expect(receipt.text).toMatch(/提取后余额\s+¥0\.00（已销户）/);
    expect(receipt.text).toContain('经办：李经办');
    expect(receipt.text).not.toContain('已冲正');

    h.call('withdrawal.requestReversal', { applicationId: paid.id, reason: '收款账号录入错误，款项退回', idempotencyKey: h.key() }, 'clerk');
    h.call('withdrawal.reviewReversal', { applicationId: paid.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
    const reversed = h.call('withdrawal.approveReversal', { applicationId: paid.id, pass: true, idempotencyKey: h.key() }, 'approver');
    expect(reversed.state).toBe('已冲正');

    const after = await print(h, reversed.id, 'receipt', 'uq-receipt-reversed');
    expect(after.reprint).toBe(true);
    expect(after.text).toMatch(/补\s*打/);
    expect(after.text).toContain('已冲正');
    expect(after.text).toContain(reversed.reversal!.entryNo!);
    expect(after.text).toContain('冲正后余额');
    expect(after.flat).toContain('收款账号录入错误，款项退回');
  });

  it('refuses the voucher of a cancelled application', async () => {
    h = harness('urumqi', START);
    const { m } = fundedMember(h);
    const draft = create(h, { memberId: m.id, caseId: 'retirement', facts: { situation: { retirementProof: true } }, payee: payeeOwn('张三'), seen: 'none' });
    h.call('withdrawal.cancel', { applicationId: draft.id, reason: '申请人放弃', idempotencyKey: h.key() });
    const err = await printError(h, draft.id, 'voucher');
    expect(err.code).toBe('RULE');
    expect(err.message).toContain('撤销');
    expect((await printError(h, draft.id, 'notice')).message).toContain('草稿或退回');
  });
});

/**
 * 贷款公证 before disbursement (003 贷款程序5, rule yc.flow.loanNotarisation). A single (未婚) borrower must have the
 * notarisation recorded before the loan is disbursed; a married borrower with no 农业户口 and no 共有产权 need not.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../testing/harness';
import { pdfPageCount, pdfText, pdfToPng } from '../testing/pdf';
import { SELLER_PAYEE, YC_COMMODITY_FACTS } from '../testing/loanFixture';
import { household, signedLoan } from './conditionsFixture';

let h: Harness;
afterEach(() => h.close());

const { spouseExtra: _s, ...SINGLE } = { ...YC_COMMODITY_FACTS, maritalStatus: 'single' };
const NOTARY = { notaryOffice: '银川市公证处', notaryNo: '（2026）宁银证字第1234号', notarisedDate: '2026-06-25' };

describe('yc.flow.loanNotarisation', () => {
  it('refuses to disburse a single borrower’s loan until the notarisation is recorded', () => {
    const r = household('yinchuan', ['马建国']);
    h = r.h;
    const signed = signedLoan(h, { memberId: r.members[0]!.id, spouseMemberId: null, facts: SINGLE, requestedFen: 20_000_000 }, 'YC-2026-GZ01');
    expect(h.call('loan.notarisation', { applicationId: signed.id })).toEqual({ reasons: ['未婚'], required: true, record: null });
    const refused = h.fail('loan.disburse', { applicationId: signed.id, idempotencyKey: h.key() });
    expect(refused.message).toContain('借款人属于未婚情形，须在银川市公证处办理贷款公证');
    expect(h.call('loan.get', { applicationId: signed.id })).toMatchObject({ state: '已签约', loan: null });

    // A date after today, or before approval: refused, nothing written.
    expect(h.fail('loan.recordNotarisation', { applicationId: signed.id, ...NOTARY, notarisedDate: '2026-06-26', idempotencyKey: h.key() })).toMatchObject({ code: 'BAD_INPUT', field: 'notarisedDate' });
    expect(h.fail('loan.recordNotarisation', { applicationId: signed.id, ...NOTARY, notarisedDate: '2026-06-24', idempotencyKey: h.key() })).toMatchObject({ code: 'BAD_INPUT', field: 'notarisedDate' });
    expect(h.fail('loan.recordNotarisation', { applicationId: signed.id, ...NOTARY, notaryNo: '', idempotencyKey: h.key() })).toMatchObject({ code: 'BAD_INPUT', message: '请填写公证书编号' });
    expect(h.call('loan.notarisation', { applicationId: signed.id }).record).toBeNull();

    const rec = h.call('loan.recordNotarisation', { applicationId: signed.id, ...NOTARY, idempotencyKey: h.key() });
    expect(rec.record).toMatchObject({ ...NOTARY, recordedBy: '王经办' });
    expect(h.fail('loan.recordNotarisation', { applicationId: signed.id, ...NOTARY, idempotencyKey: h.key() }).code).toBe('CONFLICT');
    expect(h.call('loan.disburse', { applicationId: signed.id, idempotencyKey: h.key() }).state).toBe('已放款');
  });

  it('asks nothing of a married borrower without 农业户口 or 共有产权, and asks it of one with 共有产权', () => {
    const r = household('yinchuan', ['马建国', '李秀兰', '张共有', '刘共有']);
    h = r.h;
    const [b, s, c, d] = r.members as [typeof r.members[0], typeof r.members[0], typeof r.members[0], typeof r.members[0]];
    const plain = signedLoan(h, { memberId: b.id, spouseMemberId: s.id, facts: YC_COMMODITY_FACTS, requestedFen: 20_000_000 }, 'YC-2026-GZ02');
    expect(h.call('loan.notarisation', { applicationId: plain.id })).toMatchObject({ reasons: [], required: false });
    expect(h.fail('loan.recordNotarisation', { applicationId: plain.id, ...NOTARY, idempotencyKey: h.key() }).message).toContain('无需登记贷款公证');
    expect(h.call('loan.disburse', { applicationId: plain.id, idempotencyKey: h.key() }).state).toBe('已放款');

    const coOwned = { ...YC_COMMODITY_FACTS, house: { ...YC_COMMODITY_FACTS.house, coOwnership: true } };
    const shared = signedLoan(h, { memberId: c.id, spouseMemberId: d.id, facts: coOwned, requestedFen: 20_000_000 }, 'YC-2026-GZ03');
    expect(h.call('loan.notarisation', { applicationId: shared.id }).reasons).toEqual(['共有产权']);
    expect(h.fail('loan.disburse', { applicationId: shared.id, idempotencyKey: h.key() }).code).toBe('RULE');
  });
});

describe('yc.flow.loanNotarisation 放款通知单', () => {
  it('prints the 放款通知单 only once the notarisation is recorded, with the notarisation on it', async () => {
    const r = household('yinchuan', ['马建国']);
    h = r.h;
    const signed = signedLoan(h, { memberId: r.members[0]!.id, spouseMemberId: null, facts: SINGLE, requestedFen: 20_000_000 }, 'YC-2026-GZ04');
    const refused = await h.callAsync('print.loan', { applicationId: signed.id, form: 'disbursement' }).catch((e: Error) => e.message);
    expect(refused).toContain('须先在银川市公证处办理贷款公证并登记，才能开具放款通知单');
    h.call('loan.recordNotarisation', { applicationId: signed.id, ...NOTARY, idempotencyKey: h.key() });
    const printed = await h.callAsync('print.loan', { applicationId: signed.id, form: 'disbursement' });
    expect(printed.reprint).toBe(false);
    const pdf = Buffer.from(printed.pdfBase64, 'base64');
    if (process.env.GJJ_SHOTS) await pdfToPng(pdf, 1, process.env.GJJ_SHOTS, 96);
    expect(await pdfPageCount(pdf)).toBe(1);
    const text = (await pdfText(pdf)).replace(/\s+/g, '');
    for (const want of ['放款通知单', '马建国', 'YC-2026-GZ04', '人民币贰拾万元整', '¥200,000.00', '未婚：银川市公证处（2026）宁银证字第1234号（2026年06月25日）', '请按借款合同发放贷款']) {
      expect(text).toContain(want);
    }
  });
});

describe('yc.flow.honestDeclaration', () => {
  it('puts the signed 诚信申贷 declaration on the checklist (submission waits for it) and on the 审批书', async () => {
    const r = household('yinchuan', ['马建国', '李秀兰']);
    h = r.h;
    const [b, s] = r.members as [typeof r.members[0], typeof r.members[0]];
    const base = { caseId: 'commodity', spouseMemberId: s.id, facts: YC_COMMODITY_FACTS, requestedFen: 20_000_000, months: 120, method: 'annuity' as const, payee: SELLER_PAYEE };
    const draft = h.call('loan.create', { memberId: b.id, ...base, materialsSeen: [], idempotencyKey: h.key() });
    expect(draft.materials.map((m) => m.id)).toContain('yc.mat.loan.honest');
    const allButHonest = draft.materials.map((m) => m.id).filter((id) => id !== 'yc.mat.loan.honest');
    const missing = h.call('loan.update', { applicationId: draft.id, version: draft.version, ...base, materialsSeen: allButHonest, idempotencyKey: h.key() });
    expect(missing.missingMaterials).toEqual(['申请人签署的“诚信申贷”声明(保证所提供的材料真实、完整和有效)']);
    expect(h.fail('loan.submit', { applicationId: draft.id, idempotencyKey: h.key() }).message).toContain('还有1项材料未收齐');
    h.call('loan.update', { applicationId: draft.id, version: missing.version, ...base, materialsSeen: [...allButHonest, 'yc.mat.loan.honest'], idempotencyKey: h.key() });
    h.call('loan.submit', { applicationId: draft.id, idempotencyKey: h.key() });
    h.call('loan.review', { applicationId: draft.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
    h.call('loan.approve', { applicationId: draft.id, pass: true, idempotencyKey: h.key() }, 'approver');
    const printed = await h.callAsync('print.loan', { applicationId: draft.id, form: 'approval' });
    const pdf = Buffer.from(printed.pdfBase64, 'base64');
    expect(await pdfPageCount(pdf)).toBe(1);
    if (process.env.GJJ_SHOTS) await pdfToPng(pdf, 1, process.env.GJJ_SHOTS.replace('.png', '-approval.png'), 96);
    const t = (await pdfText(pdf)).replace(/\s+/g, '');
    // The cell wraps (…完 / 整和有效。) and the text layer interleaves the row's cells: check the first line.
    expect(t).toContain('诚信申贷：本人保证所提供的材料真实');
  });
});

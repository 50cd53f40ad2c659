/** The employer's identity-check duty on the 银川 转账支取凭证 (003 提取程序1, rule yc.flow.unitIdentityCheck). */
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../testing/harness';
import { twelveMonthMember } from '../testing/memberFixture';
import { pdfPageCount, pdfText, pdfToPng } from '../testing/pdf';

let h: Harness;
afterEach(() => h.close());

const OWN = (name: string) => ({ kind: 'own' as const, bankName: '中国建设银行银川分行', accountNo: '6217000010012345678', accountName: name });

describe('yc.flow.unitIdentityCheck', () => {
  it('prints the sentence in the employer’s box of the voucher', async () => {
    const r = twelveMonthMember();
    h = r.h;
    const facts = { maritalStatus: 'single', rent: { annualRentFen: 3_600_000, familyAnnualIncomeFen: 10_000_000, contractDate: '2026-03-01', publicHousing: true } };
    const body = { caseId: 'rent', facts, requestedFen: 2_000_000, payee: OWN(r.m.name) };
    const draft = h.call('withdrawal.create', { memberId: r.m.id, ...body, materialsSeen: [], idempotencyKey: h.key() });
    h.call('withdrawal.update', { applicationId: draft.id, version: draft.version, ...body, materialsSeen: draft.materials.map((x) => x.id), idempotencyKey: h.key() });
    h.call('withdrawal.submit', { applicationId: draft.id, idempotencyKey: h.key() });
    const printed = await h.callAsync('print.withdrawal', { applicationId: draft.id, form: 'voucher' });
    const pdf = Buffer.from(printed.pdfBase64, 'base64');
    if (process.env.GJJ_SHOTS) await pdfToPng(pdf, 1, process.env.GJJ_SHOTS, 96);
    expect(await pdfPageCount(pdf)).toBe(1);
    // The box wraps the sentence and the text layer interleaves the row's cells: look for its opening words.
    expect((await pdfText(pdf)).replace(/\s+/g, '')).toContain('职工所在单位初审时必须确认提取人的真实身');
  });
});

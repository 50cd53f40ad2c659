/**
 * 住房公积金托管专户 (003 提取程序1: “…到所在单位初审…(住房公积金托管专户的职工直接向银川住房公积金管理中心及其分中心
 * 提出提取申请)”): a custody account's member applies directly — the checklist asks for the voucher without the unit's
 * first review and seal, and the voucher prints that instead of the unit's identity-check duty. An ordinary member
 * (the other side of the boundary) is still asked for the sealed voucher.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../testing/harness';
import { twelveMonthMember } from '../testing/memberFixture';
import { pdfText } from '../testing/pdf';

let h: Harness;
afterEach(() => h.close());

const OWN = (name: string) => ({ kind: 'own' as const, bankName: '中国建设银行银川分行', accountNo: '6217000010012345678', accountName: name });
const FACTS = { maritalStatus: 'single', rent: { annualRentFen: 3_600_000, familyAnnualIncomeFen: 10_000_000, contractDate: '2026-03-01', publicHousing: true } };

function memberOf(custody: boolean) {
  const r = twelveMonthMember(custody ? { name: '银川住房公积金托管专户', custody: true } : {});
  h = r.h;
  return { e: r.e, m: r.m };
}

async function submittedVoucher(memberId: number, name: string) {
  const body = { caseId: 'rent', facts: FACTS, requestedFen: 2_000_000, payee: OWN(name) };
  const draft = h.call('withdrawal.create', { memberId, ...body, materialsSeen: [], idempotencyKey: h.key() });
  h.call('withdrawal.update', { applicationId: draft.id, version: draft.version, ...body, materialsSeen: draft.materials.map((x) => x.id), idempotencyKey: h.key() });
  h.call('withdrawal.submit', { applicationId: draft.id, idempotencyKey: h.key() });
  const printed = await h.callAsync('print.withdrawal', { applicationId: draft.id, form: 'voucher' });
  return { materials: draft.materials.map((x) => x.id), text: (await pdfText(Buffer.from(printed.pdfBase64, 'base64'))).replace(/\s+/g, '') };
}

describe('住房公积金托管专户 (003 提取程序1)', () => {
  it('a custody member applies directly: no unit seal asked for, the voucher says so', async () => {
    const { e, m } = memberOf(true);
    expect(e.custody).toBe(true);
    expect(h.call('members.get', { memberId: m.id }).employer.custody).toBe(true);
    const v = await submittedVoucher(m.id, m.name);
    expect(v.materials).toContain('yc.mat.wd.voucherCustody');
    expect(v.materials).not.toContain('yc.mat.wd.voucher');
    expect(v.text).toContain('本职工属住房公积金托管专户');
    expect(v.text).not.toContain('职工所在单位初审时必须确认提取人的真实身');
  });

  it('an ordinary member is still asked for the voucher sealed by the unit, with the unit’s duty printed', async () => {
    const { e, m } = memberOf(false);
    expect(e.custody).toBe(false);
    const v = await submittedVoucher(m.id, m.name);
    expect(v.materials).toContain('yc.mat.wd.voucher');
    expect(v.materials).not.toContain('yc.mat.wd.voucherCustody');
    expect(v.text).toContain('职工所在单位初审时必须确认提取人的真实身');
    expect(v.text).not.toContain('托管专户');
  });

  it('the flag is the ledger’s: a caller claiming it in the facts is refused, nothing written', () => {
    const { m } = memberOf(false);
    const count = () => (h.app.ctx!.db.prepare(`SELECT COUNT(*) AS n FROM applications`).get() as { n: number }).n;
    const before = count();
    const body = { caseId: 'rent', facts: { ...FACTS, member: { custodyAccount: true } }, requestedFen: 2_000_000, payee: OWN(m.name) };
    const err = h.fail('withdrawal.create', { memberId: m.id, ...body, materialsSeen: [], idempotencyKey: h.key() });
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toContain('取自本中心账务');
    expect(count()).toBe(before);
  });
});

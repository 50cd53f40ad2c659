/** 003 贷款条件7: once the family has used two provident-fund loans, no 异地缴存证明 (rule yc.flow.noRemoteCertificate). */
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../testing/harness';
import { YC_COMMODITY_FACTS } from '../testing/loanFixture';
import { household, signedLoan } from './conditionsFixture';

let h: Harness;
afterEach(() => h.close());

describe('yc.flow.noRemoteCertificate', () => {
  it('prints the 缴存证明 after one loan, refuses it (for both spouses) after the second', async () => {
    const r = household('yinchuan', ['马建国', '李秀兰']);
    h = r.h;
    const [b, s] = r.members as [typeof r.members[0], typeof r.members[0]];
    const first = signedLoan(h, { memberId: b.id, spouseMemberId: s.id, facts: YC_COMMODITY_FACTS, requestedFen: 10_000_000 }, 'YC-2026-YD01');
    const loan = h.call('loan.disburse', { applicationId: first.id, idempotencyKey: h.key() }).loan!;
    expect((await h.callAsync('print.member', { memberId: s.id, form: 'certificate' })).fileName).toContain('.pdf');
    h.call('loan.prepay', { loanId: loan.id, kind: 'full', idempotencyKey: h.key() });
    const second = signedLoan(h, { memberId: b.id, spouseMemberId: s.id, facts: YC_COMMODITY_FACTS, requestedFen: 10_000_000 }, 'YC-2026-YD02');
    h.call('loan.disburse', { applicationId: second.id, idempotencyKey: h.key() });
    for (const id of [b.id, s.id]) {
      const refused = await h.callAsync('print.member', { memberId: id, form: 'certificate' }).catch((e: Error) => e.message);
      expect(refused).toContain('已使用2次住房公积金贷款：中心不再出具异地缴存证明');
    }
    // The 缴存明细 is not a certificate for a remote loan: still printed.
    expect((await h.callAsync('print.member', { memberId: b.id, form: 'statement' })).fileName).toContain('缴存明细');
  });
});

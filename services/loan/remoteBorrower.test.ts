import { afterEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../testing/harness';
import { contributingCouple, LOAN_CREDIT, SELLER_PAYEE, YC_COMMODITY_FACTS } from '../testing/loanFixture';

// 银川 003: 宁夏区内异地缴存住房公积金的职工在银川市购买住房申请公积金贷款 … 缴存证明 … 提取协议;(有效期限为一个月);
// 异地贷款最高限额为50万元. A borrower who moved to another Ningxia center (account 封存 here) applies with its papers.
let h: Harness;
afterEach(() => h.close());

const REMOTE = { place: 'province', centerName: '石嘴山住房公积金管理中心', certificateDate: '2026-06-20', agreementDate: '2026-06-20', balanceFen: 3_000_000, continuousMonths: 36 };

function setup() {
  h = harness('yinchuan', '2026-01-05T02:00:00Z');
  const { b, s } = contributingCouple(h);
  h.call('members.seal', { memberId: b.id, reason: '调往石嘴山工作', idempotencyKey: h.key() });
  return { b, s };
}
const create = (memberId: number, spouseMemberId: number, borrowerExtra: Record<string, unknown>) => ({
  memberId,
  caseId: 'commodity',
  spouseMemberId,
  facts: { ...YC_COMMODITY_FACTS, borrowerExtra },
  requestedFen: 25_000_000,
  months: 240,
  method: 'annuity' as const,
  payee: SELLER_PAYEE,
  materialsSeen: [],
  idempotencyKey: h.key(),
});

describe('银川 loan intake for a borrower contributing at another center', () => {
  it('takes a sealed member with the remote certificate: 异地 cap, certificate checked, remote materials listed', () => {
    const { b, s } = setup();
    const app = h.call('loan.create', create(b.id, s.id, { ...LOAN_CREDIT, remoteContribution: REMOTE }));
    const d = app.decision!;
    expect(d.trace.find((t) => t.ruleId === 'yc.loan.remote.certificate')!.outcome).toBe('passed');
    expect(d.trace.find((t) => t.ruleId === 'yc.loan.remote.once')!.outcome).toBe('passed');
    expect(d.quota.limits.find((l) => l.id === 'yc.loan.quota.cap')).toMatchObject({ amountFen: 50_000_000, label: '异地贷款限额' });
    expect(app.materials.map((m) => m.id)).toContain('yc.mat.loan.remote');
  });
  it('refuses a certificate older than a month (2026-05-24 on 2026-06-25), passes one of 2026-05-25', () => {
    const { b, s } = setup();
    const old = h.call('loan.create', create(b.id, s.id, { ...LOAN_CREDIT, remoteContribution: { ...REMOTE, certificateDate: '2026-05-24' } }));
    expect(old.decision!.trace.find((t) => t.ruleId === 'yc.loan.remote.certificate')!.outcome).toBe('failed');
    const edge = h.call('loan.create', create(b.id, s.id, { ...LOAN_CREDIT, remoteContribution: { ...REMOTE, certificateDate: '2026-05-25' } }));
    expect(edge.decision!.trace.find((t) => t.ruleId === 'yc.loan.remote.certificate')!.outcome).toBe('passed');
  });
  it('refuses a sealed member without a certificate and a member contributing here with one', () => {
    const { b, s } = setup();
    expect(h.fail('loan.create', create(b.id, s.id, LOAN_CREDIT))).toMatchObject({ code: 'BAD_INPUT', field: 'memberId' });
    expect(h.fail('loan.create', create(s.id, b.id, { ...LOAN_CREDIT, remoteContribution: REMOTE }))).toMatchObject({ code: 'BAD_INPUT', field: 'facts.borrowerExtra.remoteContribution' });
    expect((h.app.db.prepare("SELECT COUNT(*) AS n FROM applications WHERE kind = 'loan'").get() as { n: number }).n).toBe(0);
  });
});

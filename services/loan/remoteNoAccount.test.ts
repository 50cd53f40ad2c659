import { afterEach, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../shared/idcard';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';
import { contributingCouple, LOAN_CREDIT, SELLER_PAYEE } from '../testing/loanFixture';

// 银川 003 6、宁夏区内异地缴存住房公积金的职工 … 缴存证明 … 提取协议;(有效期限为一个月); 异地贷款最高限额为50万元;
// 异地住房公积金贷款在银川住房公积金管理中心只能受理一次. Issue 13 option B: a borrower with NO account at this center.
let h: Harness;
afterEach(() => h.close());

const ID_A = makeIdNumber('640302', '19870315', 17);
const ID_B = makeIdNumber('640302', '19890611', 23);
const CERT = {
  place: 'province' as const,
  centerName: '石嘴山住房公积金管理中心',
  certificateDate: '2026-06-20',
  openedDate: '2019-03-01',
  agreementDate: '2026-06-20',
  monthlyDepositFen: 192_000,
  baseFen: 800_000,
  continuousMonths: 36,
  balanceFen: 3_000_000,
};
const FACTS = {
  maritalStatus: 'single',
  borrowerExtra: LOAN_CREDIT,
  familyMonthlyIncomeFen: 1_200_000,
  house: { priceFen: 60_000_000, areaSqm: '98.5', contractDate: '2026-05-01', contractRegistered: true, downPaymentInvoice: true, borrowerIsBuyer: true },
  downPaymentFen: 30_000_000,
  stableIncome: true,
  goodCredit: true,
  incomeCertDate: '2026-06-20',
};

function remote(idNumber: string, cert: Partial<typeof CERT> = {}, extra: Record<string, unknown> = {}) {
  return {
    borrower: { name: '王海东', idNumber, phone: '13909520001' },
    certificate: { ...CERT, ...cert },
    caseId: 'commodity',
    spouseMemberId: null,
    facts: { ...FACTS, ...extra },
    requestedFen: 25_000_000,
    months: 240,
    method: 'annuity' as const,
    payee: SELLER_PAYEE,
    materialsSeen: [],
    idempotencyKey: h.key(),
  };
}
const rule = (app: { decision: { trace: Array<{ ruleId: string; outcome: string }> } | null }, id: string) => app.decision!.trace.find((t) => t.ruleId === id)!.outcome;
const count = (sql: string) => (h.app.db.prepare(sql).get() as { n: number }).n;
const counts = () => ['members', 'employers', 'applications', 'remote_certificates', 'accounts'].map((t) => count(`SELECT COUNT(*) AS n FROM ${t}`));

function start() {
  h = harness('yinchuan', '2026-06-25T02:00:00Z');
}

describe('银川 loan intake for a borrower with no account at this center (异地缴存职工，本中心无账户)', () => {
  it('opens a sealed zero-balance account under the pseudo-employer, records the certificate with who/when, and the rules read it', () => {
    start();
    const app = h.call('loan.createRemote', remote(ID_A));
    const m = h.call('members.get', { memberId: app.borrower.id });
    expect(m).toMatchObject({ status: '封存', balanceFen: 0, employer: { name: '异地缴存职工（中心代管）', remoteCustody: true } });
    const cert = h.app.db.prepare('SELECT * FROM remote_certificates WHERE member_id = ?').get(m.id) as Record<string, unknown>;
    expect(cert).toMatchObject({ application_id: app.id, center_name: '石嘴山住房公积金管理中心', monthly_deposit_fen: 192_000, base_fen: 800_000, continuous_months: 36, recorded_at: '2026-06-25T02:00:00.000Z' });
    expect(cert.recorded_by).toBeGreaterThan(0);
    expect(rule(app, 'yc.loan.remote.certificate')).toBe('passed');
    expect(rule(app, 'yc.loan.remote.once')).toBe('passed');
    expect(app.decision!.quota.limits.find((l) => l.id === 'yc.loan.quota.cap')).toMatchObject({ amountFen: 50_000_000, label: '异地贷款限额' });
    expect(app.materials.map((x) => x.id)).toContain('yc.mat.loan.remote');
    // 开户日期 and 缴存比例 are the other center's (192,000 ÷ 800,000 ÷ 2 = 12%), not the pseudo-account's.
    expect(rule(app, 'yc.loan.contrib.opened6m')).toBe('passed');
    expect(app.decision!.trace.find((t) => t.ruleId === 'yc.loan.contrib.ratio5')!.message).toContain('12%');
    expect(app.decision!.trace.filter((t) => t.outcome === 'failed')).toEqual([]);
    expect(app.decision!.eligible).toBe(true);
    // The certificate is append-only.
    expect(() => h.app.db.prepare('UPDATE remote_certificates SET continuous_months = 99').run()).toThrow(/只能追加/);
  });

  it('certificate of 2026-05-25 (one month) passes on 2026-06-25, 2026-05-24 (one month + one day) fails; the agreement too', () => {
    start();
    expect(rule(h.call('loan.createRemote', remote(ID_A, { certificateDate: '2026-05-25', agreementDate: '2026-05-25' })), 'yc.loan.remote.certificate')).toBe('passed');
    expect(rule(h.call('loan.createRemote', remote(ID_B, { certificateDate: '2026-05-24' })), 'yc.loan.remote.certificate')).toBe('failed');
    expect(rule(h.call('loan.createRemote', remote(makeIdNumber('640302', '19910101', 35), { agreementDate: '2026-05-24' })), 'yc.loan.remote.certificate')).toBe('failed');
  });

  it('reads 缴交率 and 开户满6个月 from the certificate: 5% passes, 4.99% fails; opened 2025-12-25 passes, 2025-12-26 fails', () => {
    start();
    const ids = ['19900101', '19900102', '19900103', '19900104'].map((d, i) => makeIdNumber('640302', d, 41 + i));
    expect(rule(h.call('loan.createRemote', remote(ids[0]!, { monthlyDepositFen: 80_000 })), 'yc.loan.contrib.ratio5')).toBe('passed');
    expect(rule(h.call('loan.createRemote', remote(ids[1]!, { monthlyDepositFen: 79_999 })), 'yc.loan.contrib.ratio5')).toBe('failed');
    expect(rule(h.call('loan.createRemote', remote(ids[2]!, { openedDate: '2025-12-25' })), 'yc.loan.contrib.opened6m')).toBe('passed');
    expect(rule(h.call('loan.createRemote', remote(ids[3]!, { openedDate: '2025-12-26' })), 'yc.loan.contrib.opened6m')).toBe('failed');
  });

  it('a second remote application for the same ID number is refused while the first stands, and reuses the account once it is cancelled', () => {
    start();
    const first = h.call('loan.createRemote', remote(ID_A));
    const before = counts();
    expect(h.fail('loan.createRemote', remote(ID_A))).toMatchObject({ code: 'BAD_INPUT', field: 'borrower.idNumber', message: expect.stringContaining('异地贷款在本中心只能受理一次') });
    expect(counts()).toEqual(before);
    h.call('loan.cancel', { applicationId: first.id, reason: '申请人撤回', idempotencyKey: h.key() });
    const again = h.call('loan.createRemote', remote(ID_A, { certificateDate: '2026-06-24' }));
    expect(again.borrower.id).toBe(first.borrower.id);
    expect(count('SELECT COUNT(*) AS n FROM employers WHERE remote_custody = 1')).toBe(1);
    expect(count('SELECT COUNT(*) AS n FROM remote_certificates')).toBe(2);
    // The rules read the latest recorded certificate.
    expect(again.decision!.trace.find((t) => t.ruleId === 'yc.loan.remote.certificate')!.message).toContain('2026-06-24');
  });

  it('loan.update of a remote application keeps reading the recorded certificate; a typed one is refused', () => {
    start();
    const app = h.call('loan.createRemote', remote(ID_A));
    const { borrower: _b, certificate: _c, idempotencyKey: _k, ...terms } = remote(ID_A);
    const upd = h.call('loan.update', { applicationId: app.id, version: app.version, ...terms, requestedFen: 20_000_000, idempotencyKey: h.key() });
    expect(upd.decision!.eligible).toBe(true);
    expect(rule(upd, 'yc.loan.remote.certificate')).toBe('passed');
    const typed = { ...terms, facts: { ...FACTS, borrowerExtra: { ...LOAN_CREDIT, remoteContribution: { ...CERT, certificateDate: '2026-06-25' } } } };
    expect(h.fail('loan.update', { applicationId: app.id, version: upd.version, ...typed, idempotencyKey: h.key() })).toMatchObject({ code: 'BAD_INPUT', field: 'facts.borrowerExtra.remoteContribution' });
  });

  it('refuses a member with an account here on this path (naming the field), and writes nothing', () => {
    h = harness('yinchuan', '2026-01-05T02:00:00Z');
    const { b } = contributingCouple(h);
    const before = counts();
    const err = h.fail('loan.createRemote', remote(b.idNumber));
    expect(err).toMatchObject({ code: 'BAD_INPUT', field: 'borrower.idNumber', message: expect.stringContaining('已在本中心开户') });
    h.call('members.seal', { memberId: b.id, reason: '调往石嘴山工作', idempotencyKey: h.key() });
    expect(h.fail('loan.createRemote', remote(b.idNumber))).toMatchObject({ code: 'BAD_INPUT', field: 'borrower.idNumber' });
    expect(counts()).toEqual(before);
  });

  it('bad input writes nothing; the certificate cannot be typed into the borrower facts', () => {
    start();
    const before = counts();
    expect(h.fail('loan.createRemote', remote(ID_A, { certificateDate: '2026-06-26' }))).toMatchObject({ code: 'BAD_INPUT', field: 'certificate.certificateDate' });
    expect(h.fail('loan.createRemote', remote(ID_A, {}, { borrowerExtra: { ...LOAN_CREDIT, remoteContribution: { ...CERT, certificateDate: '2026-06-25' } } }))).toMatchObject({ field: 'facts.borrowerExtra.remoteContribution' });
    expect(h.fail('loan.createRemote', { ...remote(ID_A), materialsSeen: ['no.such'] })).toMatchObject({ field: 'materialsSeen' });
    expect(counts()).toEqual(before);
  });

  it('the pseudo-employer is never listed, remitted for or opened under; its members are refused withdrawals and the ordinary loan path', () => {
    start();
    const e = newEmployer(h);
    newMember(h, e.id);
    const app = h.call('loan.createRemote', remote(ID_A));
    const pseudo = h.call('members.get', { memberId: app.borrower.id }).employer;
    expect(h.call('employers.search', { query: '' }).map((x) => x.id)).toEqual([e.id]);
    expect(h.call('employers.search', { query: '异地缴存' })).toEqual([]);
    expect(h.fail('remit.preview', { employerId: pseudo.id, month: '2026-06' })).toMatchObject({ code: 'BAD_INPUT', field: 'employerId' });
    expect(h.fail('remit.post', { employerId: pseudo.id, month: '2026-06', idempotencyKey: h.key() })).toMatchObject({ code: 'BAD_INPUT', field: 'employerId' });
    expect(h.fail('members.open', { name: '张三', idNumber: ID_B, phone: '13909520002', employerId: pseudo.id, baseFen: 800_000, idempotencyKey: h.key() })).toMatchObject({ code: 'BAD_INPUT', field: 'employerId' });
    expect(h.fail('withdrawal.create', { memberId: app.borrower.id, caseId: 'rent', facts: {}, payee: SELLER_PAYEE, materialsSeen: [], idempotencyKey: h.key() })).toMatchObject({ code: 'BAD_INPUT', field: 'memberId' });
    const ordinary = { memberId: app.borrower.id, caseId: 'commodity', spouseMemberId: null, facts: FACTS, requestedFen: 25_000_000, months: 240, method: 'annuity' as const, payee: SELLER_PAYEE, materialsSeen: [], idempotencyKey: h.key() };
    expect(h.fail('loan.create', ordinary)).toMatchObject({ code: 'BAD_INPUT', field: 'memberId' });
  });
});

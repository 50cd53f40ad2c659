import { afterEach, describe, expect, it } from 'vitest';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';
import { ownPayee as payee } from '../testing/withdrawalFixture';

// What only the applicant's papers show, recorded at withdrawal intake (004): the 失信惩戒 check as evidence
// (一、(一)申请人处于失信惩戒期内的,不可提取本人住房公积金) and loans at other centers from the credit report
// (加装电梯: 申请人及配偶不存在未结清的住房公积金贷款).
let h: Harness;
afterEach(() => h.close());

const ELEVATOR = { maritalStatus: 'married', house: { houseId: 'H-1' }, elevator: { acceptanceDate: '2026-05-01', paid: true, ownerShareFen: 2_000_000 } };
const REMOTE_UNPAID = { loanId: '银川中心-2019-0042', status: 'unpaid', remote: true };

function couple() {
  h = harness('urumqi', '2026-06-15T02:00:00Z');
  const e = newEmployer(h);
  const m = newMember(h, e.id, { name: '马建国', openedDate: '2026-01-01' });
  const s = newMember(h, e.id, { name: '李秀兰', idNumber: '64010419900907004X', openedDate: '2026-01-01' });
  return { m, s };
}
const draft = (memberId: number, spouseMemberId: number, facts: Record<string, unknown>) =>
  h.call('withdrawal.create', { memberId, caseId: 'elevator', spouseMemberId, facts, requestedFen: null, payee: payee('马建国'), materialsSeen: [], idempotencyKey: h.key() });
const trace = (app: { decision: { trace: { ruleId: string; outcome: string; message: string }[] } | null }, id: string) => app.decision!.trace.find((t) => t.ruleId === id)!;

describe('失信惩戒 check recorded at withdrawal intake', () => {
  it('refuses when the check lists the applicant, with who checked and when stamped by the service', () => {
    const { m, s } = couple();
    const check = { source: '信用中国', result: 'listed', reference: 'XY-0615-01', checkedBy: '别人', checkedAt: '2020-01-01' };
    const app = draft(m.id, s.id, { ...ELEVATOR, memberExtra: { dishonestCheck: check } });
    const r = trace(app, 'uq.wd.dishonest');
    expect(r.outcome).toBe('failed');
    expect(r.message).toContain('查询信用中国，编号XY-0615-01');
    const stored = (app.facts as { memberExtra: { dishonestCheck: { checkedBy: string; checkedAt: string } } }).memberExtra.dishonestCheck;
    expect(stored.checkedBy).not.toBe('别人');
    expect(stored.checkedAt.slice(0, 10)).toBe('2026-06-15');
    expect(app.decision!.eligible).toBe(false);
  });
  it('passes on a clear result and keeps the first stamp when the check is saved again unchanged', () => {
    const { m, s } = couple();
    const facts = { ...ELEVATOR, memberExtra: { dishonestCheck: { source: '信用中国', result: 'clear' } } };
    const app = draft(m.id, s.id, facts);
    expect(trace(app, 'uq.wd.dishonest').outcome).toBe('passed');
    const first = (app.facts as { memberExtra: { dishonestCheck: { checkedAt: string } } }).memberExtra.dishonestCheck.checkedAt;
    h.at('2026-06-16T02:00:00Z');
    const again = h.call('withdrawal.update', { applicationId: app.id, version: app.version, caseId: 'elevator', spouseMemberId: s.id, facts: app.facts, requestedFen: null, payee: payee('马建国'), materialsSeen: [], idempotencyKey: h.key() });
    expect((again.facts as { memberExtra: { dishonestCheck: { checkedAt: string } } }).memberExtra.dishonestCheck.checkedAt).toBe(first);
  });
  it('refuses a check without a source, naming the field, and writes nothing', () => {
    const { m, s } = couple();
    const err = h.fail('withdrawal.create', { memberId: m.id, caseId: 'elevator', spouseMemberId: s.id, facts: { ...ELEVATOR, memberExtra: { dishonestCheck: { source: '', result: 'clear' } } }, requestedFen: null, payee: payee('马建国'), materialsSeen: [], idempotencyKey: h.key() });
    expect(err.message).toContain('查询来源');
    expect((h.app.db.prepare("SELECT COUNT(*) AS n FROM applications WHERE kind = 'withdrawal'").get() as { n: number }).n).toBe(0);
  });
});

describe('loans at other centers recorded for both spouses', () => {
  it("refuses 加装电梯 on the spouse's unpaid loan at another center, passes without it", () => {
    const { m, s } = couple();
    expect(trace(draft(m.id, s.id, ELEVATOR), 'uq.wd.elevator.noUnpaidLoan').outcome).toBe('passed');
    const r = trace(draft(m.id, s.id, { ...ELEVATOR, spouseExtra: { loans: [REMOTE_UNPAID] } }), 'uq.wd.elevator.noUnpaidLoan');
    expect(r.outcome).toBe('failed');
    expect(r.message).toContain('银川中心-2019-0042');
    expect(trace(draft(m.id, s.id, { ...ELEVATOR, memberExtra: { loans: [REMOTE_UNPAID] } }), 'uq.wd.elevator.noUnpaidLoan').outcome).toBe('failed');
  });
  it('takes only loans at other centers: this center’s loans come from the ledger', () => {
    const { m, s } = couple();
    const err = h.fail('withdrawal.create', { memberId: m.id, caseId: 'elevator', spouseMemberId: s.id, facts: { ...ELEVATOR, spouseExtra: { loans: [{ loanId: 'X', status: 'unpaid' }] } }, requestedFen: null, payee: payee('马建国'), materialsSeen: [], idempotencyKey: h.key() });
    expect(err).toMatchObject({ code: 'BAD_INPUT', field: 'facts.spouseExtra.loans.0.remote' });
    expect(h.fail('withdrawal.create', { memberId: m.id, caseId: 'elevator', spouseMemberId: s.id, facts: { ...ELEVATOR, memberExtra: { balanceFen: 1 } }, requestedFen: null, payee: payee('马建国'), materialsSeen: [], idempotencyKey: h.key() }).field).toBe('facts.memberExtra.balanceFen');
  });
});

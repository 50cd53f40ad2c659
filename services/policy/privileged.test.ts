import { afterEach, describe, expect, it } from 'vitest';
import { harness, newEmployer, newMember, secondAdmin, type Harness } from '../testing/harness';
import { contributingCouple, disbursedLoan, YC_COMMODITY_FACTS } from '../testing/loanFixture';

let h: Harness;
afterEach(() => h.close());

const LOAN_ROW = { firstUpTo5y: '2.00', firstOver5y: '2.50', secondUpTo5y: '2.40', secondOver5y: '2.95', source: '测试通知' };
const requests = () => (h.app.db.prepare('SELECT COUNT(*) AS n FROM privileged_change_requests').get() as { n: number }).n;

describe('rate rows are bounded to plausible values', () => {
  it('refuses a loan, deposit or 罚息 row outside the bounds, naming the field; accepts the edges', () => {
    h = harness('yinchuan', '2026-06-15T02:00:00Z');
    const loan = (over: Record<string, unknown>) => ({ effectiveFrom: '2026-07-01', ...LOAN_ROW, ...over, idempotencyKey: h.key() });
    expect(h.fail('rates.addLoan', loan({ firstOver5y: '31' }), 'admin')).toMatchObject({ code: 'BAD_INPUT', field: 'firstOver5y', message: '首套五年以上利率应在0%至10%之间（年利率），收到 31%' });
    expect(h.fail('rates.addLoan', loan({ secondUpTo5y: '10.01' }), 'admin').field).toBe('secondUpTo5y');
    expect(h.fail('rates.addDeposit', { effectiveFrom: '2026-07-01', annualRatePercent: '15', source: '测试', idempotencyKey: h.key() }, 'admin')).toMatchObject({ field: 'annualRatePercent' });
    expect(h.fail('rates.addPenalty', { effectiveFrom: '2026-07-01', multiplier: '2', dayBasis: 360, source: '测试', idempotencyKey: h.key() }, 'admin')).toMatchObject({ field: 'multiplier' });
    expect(h.call('rates.list', {}).loan).toHaveLength(4);
    expect(h.call('rates.addLoan', loan({ firstOver5y: '10', firstUpTo5y: '0' }), 'admin')).toHaveLength(5);
    expect(h.call('rates.addDeposit', { effectiveFrom: '2026-06-15', annualRatePercent: '1.25', source: '测试：今天生效', idempotencyKey: h.key() }, 'admin').at(-1)).toMatchObject({ effectiveFrom: '2026-06-15' });
  });
});

describe('a back-dated row needs a reason and a second administrator', () => {
  it('waits as a request until another administrator confirms it; the requester cannot', () => {
    h = harness('yinchuan', '2026-06-15T02:00:00Z');
    const row = { effectiveFrom: '2026-06-01', ...LOAN_ROW };
    const e = h.fail('rates.addLoan', { ...row, idempotencyKey: h.key() }, 'admin');
    expect(e).toMatchObject({ code: 'BAD_INPUT', field: 'effectiveFrom' });
    expect(e.message).toContain('须填写补录原因，并经另一位管理员确认后生效');
    expect(requests()).toBe(0);
    // With a reason: nothing takes effect yet.
    expect(h.call('rates.addLoan', { ...row, backdateReason: '6月1日文件迟到，补录', idempotencyKey: h.key() }, 'admin')).toHaveLength(4);
    expect(h.fail('rates.addLoan', { ...row, backdateReason: '再来一次', idempotencyKey: h.key() }, 'admin').message).toContain('已有待确认的补录申请');
    const [req] = h.call('rates.pendingChanges', {}, 'admin');
    expect(req).toMatchObject({ kind: 'loan_rate', kindLabel: '贷款利率', effectiveFrom: '2026-06-01', state: '待确认', reason: '6月1日文件迟到，补录', requestedBy: 'admin', effect: { backDated: true, loans: 0 } });
    expect(h.fail('rates.decideChange', { requestId: req!.id, pass: true, idempotencyKey: h.key() }, 'admin')).toMatchObject({ code: 'FORBIDDEN' });
    expect(h.fail('rates.decideChange', { requestId: req!.id, pass: true, idempotencyKey: h.key() }, 'clerk').code).toBe('FORBIDDEN');
    // The table refuses it too: the requester cannot decide their own request, a decided one cannot change.
    expect(() => h.app.db.prepare(`UPDATE privileged_change_requests SET state = '已生效', decided_by = requested_by WHERE id = ?`).run(req!.id)).toThrow('申请人不能自己确认');
    const other = secondAdmin(h);
    expect(h.call('rates.decideChange', { requestId: req!.id, pass: true, note: '核对文件无误', idempotencyKey: h.key() }, other)).toMatchObject({ state: '已生效', decidedBy: 'admin2' });
    expect(h.call('rates.list', {}).loan.map((r) => r.effectiveFrom)).toContain('2026-06-01');
    expect(h.fail('rates.decideChange', { requestId: req!.id, pass: false, note: '撤回', idempotencyKey: h.key() }, other).code).toBe('CONFLICT');
    expect(() => h.app.db.prepare(`UPDATE privileged_change_requests SET state = '已拒绝' WHERE id = ?`).run(req!.id)).toThrow();
    expect(() => h.app.db.prepare('DELETE FROM privileged_change_requests').run()).toThrow('只允许追加');
  });

  it('a refused request writes nothing; 罚息 and deposit rows follow the same rule', () => {
    h = harness('yinchuan', '2026-06-15T02:00:00Z');
    h.call('rates.addDeposit', { effectiveFrom: '2026-01-01', annualRatePercent: '1.25', source: '测试', backdateReason: '年初文件补录', idempotencyKey: h.key() }, 'admin');
    h.call('rates.addPenalty', { effectiveFrom: '2026-01-01', multiplier: '1.3', dayBasis: 360, source: '测试', backdateReason: '年初文件补录', idempotencyKey: h.key() }, 'admin');
    const [pen, dep] = h.call('rates.pendingChanges', {}, 'admin');
    const other = secondAdmin(h);
    expect(h.fail('rates.decideChange', { requestId: dep!.id, pass: false, idempotencyKey: h.key() }, other).field).toBe('note');
    expect(h.call('rates.decideChange', { requestId: dep!.id, pass: false, note: '文件未生效', idempotencyKey: h.key() }, other).state).toBe('已拒绝');
    h.call('rates.decideChange', { requestId: pen!.id, pass: true, idempotencyKey: h.key() }, other);
    const list = h.call('rates.list', {});
    expect(list.deposit.map((r) => r.effectiveFrom)).toEqual(['2016-02-21']);
    expect(list.penalty.map((r) => r.multiplier)).toEqual(['1.5', '1.3']);
  });
});

describe('the effect of a row is shown before it is confirmed', () => {
  it('deposit rate: accounts with a balance and their total; loan rate and 罚息: loans being repaid and their principal', () => {
    h = harness('yinchuan', '2026-01-05T02:00:00Z');
    const { b, s } = contributingCouple(h);
    const other = newMember(h, newEmployer(h, { name: '宁夏丙公司' }).id, { openedDate: '2026-06-01' });
    expect(h.call('members.get', { memberId: other.id }).balanceFen).toBe(0);
    const dep = h.call('rates.previewEffect', { kind: 'deposit_rate', effectiveFrom: '2026-07-01' }, 'admin');
    expect(dep).toMatchObject({ accounts: 2, balanceFen: 2 * 1_440_000, backDated: false });
    expect(dep.summary).toBe('2个有余额的职工账户（余额合计28,800.00元）自2026-07-01起按新存款利率计息');
    expect(h.call('rates.previewEffect', { kind: 'loan_rate', effectiveFrom: '2026-07-01' }, 'admin')).toMatchObject({ loans: 0, principalFen: 0 });
    disbursedLoan(h, { memberId: b.id, spouseMemberId: s.id, facts: YC_COMMODITY_FACTS, requestedFen: 30_000_000, months: 240, method: 'annuity' }, 'YC-GJJ-2026-000901');
    const loan = h.call('rates.previewEffect', { kind: 'loan_rate', effectiveFrom: '2026-06-01' }, 'admin');
    expect(loan).toMatchObject({ loans: 1, principalFen: 30_000_000, backDated: true });
    expect(loan.summary).toContain('1笔还款中的一年期以上贷款（剩余本金合计300,000.00元）于2027-01-01起按新利率重算月供');
    expect(loan.summary).toContain('补录');
    expect(h.call('rates.previewEffect', { kind: 'penalty', effectiveFrom: '2026-07-01' }, 'admin')).toMatchObject({ loans: 1, principalFen: 30_000_000 });
    const ov = h.call('rates.previewEffect', { kind: 'override', effectiveFrom: '2026-07-01', paramId: 'yc.loan.quota.capBothFen' }, 'admin');
    expect(ov).toMatchObject({ applications: 0, requestedFen: 0 });
    expect(h.fail('rates.previewEffect', { kind: 'deposit_rate', effectiveFrom: '2026-07-01' }, 'clerk').code).toBe('FORBIDDEN');
    // A back-dated request keeps the effect its requester saw.
    h.call('rates.addLoan', { effectiveFrom: '2026-06-01', ...LOAN_ROW, backdateReason: '补录', idempotencyKey: h.key() }, 'admin');
    expect(h.call('rates.pendingChanges', {}, 'admin')[0]!.effect).toMatchObject({ loans: 1, principalFen: 30_000_000 });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';
import { runYearEndInterest } from './yearEnd';
import { SYSTEM_OPERATOR } from '../context';
import { postEntry } from '../ledger/post';
import { accountIdByCode, memberAccountId } from '../ledger/accounts';

let h: Harness;
afterEach(() => h.close());

describe('年终结息', () => {
  it('credits a year of 积数 interest for an account with deposits and a withdrawal mid-year, once', () => {
    h = harness('yinchuan', '2025-05-01T02:00:00Z');
    const e = newEmployer(h);
    const m = newMember(h, e.id, { name: '马建国', baseFen: 1_000_000, openedDate: '2025-05-01' });
    for (const month of ['2025-05', '2025-06', '2025-07']) {
      h.at(`${month}-20T02:00:00Z`);
      h.call('remit.post', { employerId: e.id, month, idempotencyKey: h.key() });
    }
    // A 3,000.00 rent withdrawal paid on 2026-01-15.
    h.at('2026-01-15T02:00:00Z');
    const facts = { maritalStatus: 'single', rent: { annualRentFen: 3_600_000, familyAnnualIncomeFen: 10_000_000, contractDate: '2025-12-01', publicHousing: true } };
    const payee = { kind: 'own' as const, cardType: 'debit' as const, bankName: '中国建设银行', accountNo: '6217000010012345678', accountName: '马建国' };
    const d = h.call('withdrawal.create', { memberId: m.id, caseId: 'rent', facts, requestedFen: 300_000, payee, materialsSeen: [], idempotencyKey: h.key() });
    h.call('withdrawal.update', { applicationId: d.id, version: d.version, caseId: 'rent', facts, requestedFen: 300_000, payee, materialsSeen: d.materials.map((x) => x.id), idempotencyKey: h.key() });
    h.call('withdrawal.submit', { applicationId: d.id, idempotencyKey: h.key() });
    h.call('withdrawal.review', { applicationId: d.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
    h.call('withdrawal.approve', { applicationId: d.id, pass: true, idempotencyKey: h.key() }, 'approver');
    h.call('withdrawal.pay', { applicationId: d.id, idempotencyKey: h.key() });
    h.at('2026-07-01T02:00:00Z');
    const r = runYearEndInterest(h.app.ctx!, SYSTEM_OPERATOR, 2026);
    // 4,800 for 19 days (07-01→07-20), 7,200 for 179 days (→01-15), 4,200 for 167 days (→07-01):
    // 91,200 + 1,288,800 + 701,400 = 2,081,400 yuan-days × 1.50% ÷ 360 = 86.725 → 86.73
    expect(r).toMatchObject({ accounts: 1, totalFen: 8673, entries: 1, alreadyRun: false, bookedDate: '2026-06-30' });
    const line = h.call('members.statement', { memberId: m.id }).lines.find((l) => l.summary === '年终结息')!;
    expect(line).toMatchObject({ bookedDate: '2026-06-30', amountFen: 8673, category: '缴存' });
    expect(h.call('members.get', { memberId: m.id }).balanceFen).toBe(420_000 + 8673);
    expect(runYearEndInterest(h.app.ctx!, SYSTEM_OPERATOR, 2026)).toMatchObject({ alreadyRun: true, totalFen: 8673 });
    expect(h.call('members.get', { memberId: m.id }).balanceFen).toBe(420_000 + 8673);
    expect(h.call('ledger.check', {}, 'admin').ok).toBe(true);
  });

  it('takes the opening balance from the running total less what was booked since: history years back, money after the year', () => {
    h = harness('yinchuan', '2026-08-10T02:00:00Z');
    const ctx = h.app.ctx!;
    const e = newEmployer(h);
    const m = newMember(h, e.id, { name: '马建国', baseFen: 1_000_000, openedDate: '2023-01-01' });
    const acct = memberAccountId(ctx, m.id, 'basic')!;
    const bank = accountIdByCode(ctx, '101');
    const op = { ...SYSTEM_OPERATOR, branchCode: ctx.center.branches[0]!.code };
    const book = (date: string, fen: number) =>
      postEntry(ctx, {
        idempotencyKey: `ye-history-${date}`,
        businessType: fen > 0 ? '汇缴' : '部分提取',
        summary: '测试',
        bookedDate: date,
        operator: op,
        lines: fen > 0
          ? [{ accountId: bank, side: 'D', amountFen: fen }, { accountId: acct, side: 'C', amountFen: fen }]
          : [{ accountId: acct, side: 'D', amountFen: -fen }, { accountId: bank, side: 'C', amountFen: -fen }],
      });
    book('2023-03-10', 1_000_000); // two years before the settlement year
    book('2024-02-01', -400_000); // a withdrawal before it
    book('2025-10-01', 200_000); // inside it
    book('2026-08-01', 500_000); // after it: in the running total, not in the 积数
    const r = runYearEndInterest(ctx, SYSTEM_OPERATOR, 2026);
    // Opening on 2025-07-01: 10,000 − 4,000 = 6,000 for 92 days (→10-01), then 8,000 for 273 days (→2026-07-01):
    // 552,000 + 2,184,000 = 2,736,000 yuan-days × 1.50% ÷ 360 = 114.00
    expect(r).toMatchObject({ accounts: 1, totalFen: 11_400, entries: 1 });
    expect(h.call('members.get', { memberId: m.id }).balanceFen).toBe(1_300_000 + 11_400);
  });

  it('skips closed accounts and pays nothing on an empty year', () => {
    h = harness('urumqi', '2026-07-01T02:00:00Z');
    const e = newEmployer(h, { district: '天山区' });
    newMember(h, e.id, { openedDate: '2026-06-01' });
    expect(runYearEndInterest(h.app.ctx!, SYSTEM_OPERATOR, 2026)).toMatchObject({ accounts: 0, totalFen: 0, entries: 0 });
    expect(() => runYearEndInterest(h.app.ctx!, SYSTEM_OPERATOR, 2027)).toThrow('尚未到来');
    // Through the contract: administrators only, idempotent.
    expect(h.fail('interest.yearEnd', { year: 2026, idempotencyKey: h.key() }, 'clerk').code).toBe('FORBIDDEN');
    expect(h.call('interest.yearEnd', { year: 2026, idempotencyKey: h.key() }, 'admin')).toMatchObject({ alreadyRun: true });
    expect(h.fail('interest.yearEnd', { year: 2027, idempotencyKey: h.key() }, 'admin')).toMatchObject({ code: 'BAD_INPUT', field: 'year' });
  });
});

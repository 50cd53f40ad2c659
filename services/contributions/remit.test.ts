import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';
import { postRemittance, REMIT_STEPS } from './remit';
import { SYSTEM_OPERATOR } from '../context';

let h: Harness;
afterEach(() => h.close());

describe('汇缴 (monthly remittance)', () => {
  beforeEach(() => (h = harness('yinchuan', '2026-06-15T02:00:00Z')));

  it('credits every active member with both shares in one entry, rounded to the yuan', () => {
    const e = newEmployer(h, { employeeRatioPercent: '5', employerRatioPercent: '5' });
    const a = newMember(h, e.id, { baseFen: 567800 }); // 283.90 → 284 + 284
    const b = newMember(h, e.id, { baseFen: 566980 }); // 283.49 → 283 + 283
    const r = h.call('remit.post', { employerId: e.id, month: '2026-05', idempotencyKey: h.key() });
    expect(r).toMatchObject({ memberCount: 2, employeeTotalFen: 56700, employerTotalFen: 56700, totalFen: 113400 });
    expect(h.call('members.get', { memberId: a.id }).balanceFen).toBe(56800);
    expect(h.call('members.get', { memberId: b.id }).balanceFen).toBe(56600);
    expect(h.call('ledger.check', {}, 'admin').ok).toBe(true);
  });

  it('reports its four steps in order while it runs (the page shows them for a large employer in the batch worker)', () => {
    const e = newEmployer(h);
    newMember(h, e.id);
    const seen: Array<[string, number, number]> = [];
    const entries = () => (h.app.db.sqlite.prepare('SELECT COUNT(*) AS n FROM journal_entries').get() as { n: number }).n;
    const before = entries();
    const r = postRemittance(h.app.ctx!, SYSTEM_OPERATOR, { employerId: e.id, month: '2026-05', idempotencyKey: h.key() }, (phase, done, total) => {
      seen.push([phase, done, total]);
    });
    expect(r.memberCount).toBe(1);
    expect(seen).toEqual(REMIT_STEPS.map((s, i) => [s, i, 4]));
    expect(entries()).toBe(before + 1);
  });

  it('refuses the same month twice with a clear error, and posts nothing', () => {
    const e = newEmployer(h);
    const m = newMember(h, e.id);
    h.call('remit.post', { employerId: e.id, month: '2026-05', idempotencyKey: h.key() });
    const err = h.fail('remit.post', { employerId: e.id, month: '2026-05', idempotencyKey: h.key() });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('同一月份不能重复汇缴');
    expect(h.call('members.get', { memberId: m.id }).balanceFen).toBe(120000);
  });

  it("once this month's 汇缴 is posted, the employer page says so with its voucher instead of offering it again", () => {
    const e = newEmployer(h);
    newMember(h, e.id, { openedDate: '2026-04-01' });
    h.call('remit.post', { employerId: e.id, month: '2026-05', idempotencyKey: h.key() });
    expect(h.call('employers.get', { employerId: e.id })).toMatchObject({ nextMonth: '2026-06', currentMonthRemitted: null });
    const r = h.call('remit.post', { employerId: e.id, month: '2026-06', idempotencyKey: h.key() });
    const page = h.call('employers.get', { employerId: e.id });
    expect(page.nextMonth).toBeNull();
    expect(page.currentMonthRemitted).toEqual({ month: '2026-06', entryNo: r.entryNo, bookedOn: '2026-06-15' });
    // The preview of a posted month names the voucher, not "no member to remit".
    const err = h.fail('remit.preview', { employerId: e.id, month: '2026-06' });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe(`该单位2026-06的汇缴已于2026-06-15入账（凭证号${r.entryNo}），同一月份不能重复汇缴；漏缴职工请办理补缴`);
  });

  it('refuses a future month', () => {
    const e = newEmployer(h);
    newMember(h, e.id);
    expect(h.fail('remit.post', { employerId: e.id, month: '2026-07', idempotencyKey: h.key() }).message).toContain('不能预缴');
  });

  it('skips sealed members and members opened after the month', () => {
    const e = newEmployer(h);
    newMember(h, e.id, { openedDate: '2026-06-02' });
    const ok = newMember(h, e.id, { openedDate: '2026-05-31' });
    const r = h.call('remit.preview', { employerId: e.id, month: '2026-05' });
    expect(r.lines.map((l) => l.memberId)).toEqual([ok.id]);
  });

  it('opens the supplementary accounts of a whole employer with one statement, in member order (issue 14)', () => {
    // Members opened before their employer had a supplementary fund (as in demo data): 汇缴 opens their accounts.
    const e = newEmployer(h, { employeeRatioPercent: '12', employerRatioPercent: '12' });
    const ms = [0, 1, 2, 3].map((i) => newMember(h, e.id, { baseFen: 1_000_000 + i * 100_000 }));
    h.app.db.sqlite.prepare(`UPDATE employers SET supp_employee_ratio = '3', supp_employer_ratio = '3' WHERE id = ?`).run(e.id);
    const proto = Object.getPrototypeOf(h.app.db.sqlite.prepare('SELECT 1')) as Record<'run' | 'all', (...a: unknown[]) => unknown>;
    const calls: string[] = [];
    const orig = { run: proto.run, all: proto.all };
    for (const m of ['run', 'all'] as const) {
      proto[m] = function (this: { source: string }, ...a: unknown[]) {
        if (/^\s*INSERT INTO accounts/.test(this.source)) calls.push(m);
        return orig[m].apply(this, a);
      };
    }
    try {
      h.call('remit.post', { employerId: e.id, month: '2026-05', idempotencyKey: h.key() });
    } finally {
      Object.assign(proto, orig);
    }
    expect(calls).toHaveLength(1);
    const supp = h.app.db.sqlite.prepare(`SELECT member_id, credits_fen FROM accounts WHERE parent_code = '202' ORDER BY id`).all();
    expect(supp).toEqual(ms.map((m, i) => ({ member_id: m.id, credits_fen: 2 * (30_000 + i * 3_000) })));
    expect(h.call('ledger.check', {}, 'admin').ok).toBe(true);
  });

  it('keeps the supplementary fund apart on its own account', () => {
    const e = newEmployer(h, { employeeRatioPercent: '12', employerRatioPercent: '12', suppEmployeeRatioPercent: '3', suppEmployerRatioPercent: '3' });
    const m = newMember(h, e.id, { baseFen: 1000000 });
    const r = h.call('remit.post', { employerId: e.id, month: '2026-05', idempotencyKey: h.key() });
    expect(r.suppTotalFen).toBe(60000);
    const d = h.call('members.get', { memberId: m.id });
    expect(d.balanceFen).toBe(240000);
    expect(d.supplementaryBalanceFen).toBe(60000);
    const check = h.call('ledger.check', {}, 'admin');
    expect(check.controls).toEqual([
      { code: '201', balanceFen: 240000, subLedgerFen: 240000 },
      { code: '202', balanceFen: 60000, subLedgerFen: 60000 },
    ]);
  });

  it('a reversed remittance frees the month for a corrected one', () => {
    const e = newEmployer(h);
    const m = newMember(h, e.id);
    const r = h.call('remit.post', { employerId: e.id, month: '2026-05', idempotencyKey: h.key() });
    h.call('ledger.reverse', { entryId: r.entryId, reason: '单位重复划款', idempotencyKey: h.key() }, 'reviewer');
    expect(h.call('members.get', { memberId: m.id }).balanceFen).toBe(0);
    h.call('remit.post', { employerId: e.id, month: '2026-05', idempotencyKey: h.key() });
    expect(h.call('members.get', { memberId: m.id }).balanceFen).toBe(120000);
    expect(h.call('ledger.check', {}, 'admin').ok).toBe(true);
  });
});

describe('补缴 (back payment)', () => {
  beforeEach(() => (h = harness('urumqi', '2026-06-15T02:00:00Z')));

  it('pays a past month for a member the remittance missed', () => {
    const e = newEmployer(h, { employeeRatioPercent: '8', employerRatioPercent: '8' });
    const a = newMember(h, e.id, { baseFen: 600000 });
    h.call('remit.post', { employerId: e.id, month: '2026-04', idempotencyKey: h.key() });
    const b = newMember(h, e.id, { baseFen: 600000, openedDate: '2026-04-01' });
    // b was opened after the April remittance was posted: 补缴 April for b only.
    const r = h.call('remit.post', { employerId: e.id, month: '2026-04', kind: '补缴', memberIds: [b.id], idempotencyKey: h.key() });
    expect(r).toMatchObject({ kind: '补缴', memberCount: 1, totalFen: 96000 });
    expect(h.call('members.get', { memberId: b.id }).balanceFen).toBe(96000);
    const err = h.fail('remit.post', { employerId: e.id, month: '2026-04', kind: '补缴', memberIds: [a.id], idempotencyKey: h.key() });
    expect(err.message).toContain(`该月已缴存，不能补缴：${a.name}（${a.accountNo}）`);
  });

  it('is only for months before the current one', () => {
    const e = newEmployer(h);
    newMember(h, e.id);
    expect(h.fail('remit.post', { employerId: e.id, month: '2026-06', kind: '补缴', idempotencyKey: h.key() }).message).toContain('本月（2026-06）以前');
  });
});

describe('账户明细 and continuity', () => {
  beforeEach(() => (h = harness('yinchuan', '2026-06-15T02:00:00Z')));

  it('lists remittances under 缴存 by year with running balances, newest first', () => {
    const e = newEmployer(h);
    const m = newMember(h, e.id, { baseFen: 500000 });
    for (const [at, month] of [
      ['2025-11-20T02:00:00Z', '2025-11'],
      ['2025-12-20T02:00:00Z', '2025-12'],
      ['2026-01-20T02:00:00Z', '2026-01'],
    ] as const) {
      h.at(at);
      h.call('remit.post', { employerId: e.id, month, idempotencyKey: h.key() });
    }
    const s = h.call('members.statement', { memberId: m.id });
    expect(s.years).toEqual(['2026', '2025']);
    expect(s.lines.map((l) => [l.bookedDate, l.summary, l.amountFen, l.balanceFen, l.category])).toEqual([
      ['2026-01-20', '汇缴', 120000, 360000, '缴存'],
      ['2025-12-20', '汇缴', 120000, 240000, '缴存'],
      ['2025-11-20', '汇缴', 120000, 120000, '缴存'],
    ]);
    expect(h.call('members.statement', { memberId: m.id, year: '2025' }).lines).toHaveLength(2);
    expect(h.call('members.get', { memberId: m.id }).continuousMonths).toBe(3);
  });
});

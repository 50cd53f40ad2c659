/**
 * No money spent twice (docs/branch-network.md): at a branch host, credits post for any member, debits only for the
 * members the branch owns (their employer registered there). A non-owning branch takes the application (and the
 * 一次性告知书) but the payout is refused naming the owning branch; nothing is posted.
 */
import { recordClearCheck } from '../testing/dishonest';
import { afterEach, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../shared/idcard';
import type { Payee } from '../../shared/contract/dto';
import { newEmployer, newMember, harness, type Harness } from '../testing/harness';
import { branchHost, joinAsBranch } from '../testing/branchFixture';
import { postEntry } from '../ledger/post';
import { accountIdByCode, memberAccountId } from '../ledger/accounts';
import { SYSTEM_OPERATOR } from '../context';
import { hostBranch, owningBranch } from './ownership';

let h: Harness;
afterEach(() => h.close());

const card = (name: string): Payee => ({ kind: 'own', cardType: 'debit', bankName: '中国工商银行乌鲁木齐天山支行', accountNo: '6222020000012345678', accountName: name });
const RENT = { maritalStatus: 'single', rent: { annualRentFen: 480_000, contractDate: '2025-09-01', ownsHomeInCity: false, noHomeCertDate: '2026-01-05', genuine: true } };
let seq = 40;

function employerWithMember(name: string) {
  const e = newEmployer(h, { name: `${name}所在单位`, district: '天山区', employeeRatioPercent: '8', employerRatioPercent: '8', contactName: '阿依古丽', contactPhone: '0991-2812345' });
  const m = newMember(h, e.id, { name, idNumber: makeIdNumber('650102', '19950711', ++seq), phone: '13899812345', baseFen: 620_000, openedDate: '2025-07-01' });
  return { e, m };
}

function remitSixMonths(employerIds: number[]) {
  for (const month of ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12']) {
    h.at(`${month}-15T02:00:00Z`);
    for (const id of employerIds) h.call('remit.post', { employerId: id, month, idempotencyKey: h.key() });
  }
}

/** 受理 → 提交 → 复核 → 审批 (the steps any branch may take). */
function approvedRent(memberId: number, name: string) {
  h.at('2026-01-12T02:00:00Z');
  const draft = h.call('withdrawal.create', { memberId, caseId: 'rent', spouseMemberId: null, facts: RENT, requestedFen: null, payee: card(name), materialsSeen: [], idempotencyKey: h.key() });
  const ready = h.call('withdrawal.update', { applicationId: draft.id, version: draft.version, caseId: 'rent', spouseMemberId: null, facts: RENT, requestedFen: null, payee: card(name), materialsSeen: draft.materials.map((x) => x.id), idempotencyKey: h.key() });
  h.call('withdrawal.submit', { applicationId: ready.id, idempotencyKey: h.key() });
  h.at('2026-01-13T03:00:00Z');
  h.call('withdrawal.review', { applicationId: ready.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
  h.at('2026-01-14T03:00:00Z');
  recordClearCheck(h, ready.id);
  h.call('withdrawal.approve', { applicationId: ready.id, pass: true, idempotencyKey: h.key() }, 'approver');
  h.at('2026-01-15T03:00:00Z');
  return ready;
}

const entries = () => (h.app.db.prepare('SELECT COUNT(*) AS n FROM journal_entries').get() as { n: number }).n;

describe('a branch host (WQ01)', () => {
  it('credits anyone, pays out its own members, refuses the payout of a member owned by WQ02', () => {
    h = branchHost('WQ01', null);
    const own = employerWithMember('王丽');
    const other = employerWithMember('李娜');
    const ctx = h.app.ctx!;
    expect(hostBranch(ctx)).toBe('WQ01');
    expect(owningBranch(ctx, own.m.id)).toBe('WQ01');
    // As the center's member register would deliver it (center → branch flow, a later step): this employer is WQ02's.
    h.app.db.prepare(`UPDATE employers SET branch_code = 'WQ02' WHERE id = ?`).run(other.e.id);
    expect(owningBranch(ctx, other.m.id)).toBe('WQ02');

    // Credits (汇缴) post for both.
    remitSixMonths([own.e.id, other.e.id]);
    expect(h.call('members.get', { memberId: other.m.id }).balanceFen).toBe(595_200);

    // The owner pays.
    const mine = approvedRent(own.m.id, own.m.name);
    expect(h.call('withdrawal.pay', { applicationId: mine.id, idempotencyKey: h.key() }, 'clerk2').state).toBe('已支付');

    // The non-owner takes the application all the way to 已审批, but the payout is refused with the owner named.
    const theirs = approvedRent(other.m.id, other.m.name);
    const before = entries();
    const err = h.fail('withdrawal.pay', { applicationId: theirs.id, idempotencyKey: h.key() }, 'clerk2');
    expect(err.code).toBe('RULE');
    expect(err.message).toBe(
      `职工李娜（个人账号${other.m.accountNo}）的公积金账户归属米东区管理部（WQ02），本网点水磨沟区管理部、乌鲁木齐县管理部（WQ01）不能办理提取支付：` +
        '可以受理申请并出具一次性告知书，支付须到归属网点办理，或由中心在线转移账户归属后办理',
    );
    expect(entries()).toBe(before);
    expect(h.call('withdrawal.get', { applicationId: theirs.id }).state).toBe('已审批');
    expect(h.call('members.get', { memberId: other.m.id }).balanceFen).toBe(595_200);
    expect(h.call('ledger.check', {}, 'admin').ok).toBe(true);
  });

  it('guards every debit of a non-owned member account in the ledger itself (转出, 委托提取, reversals …)', () => {
    h = branchHost('WQ01', null);
    const other = employerWithMember('李娜');
    h.app.db.prepare(`UPDATE employers SET branch_code = 'WQ02' WHERE id = ?`).run(other.e.id);
    remitSixMonths([other.e.id]);
    const ctx = h.app.ctx!;
    const lines = [
      { accountId: memberAccountId(ctx, other.m.id, 'basic')!, side: 'D' as const, amountFen: 100 },
      { accountId: accountIdByCode(ctx, '101'), side: 'C' as const, amountFen: 100 },
    ];
    expect(() => postEntry(ctx, { idempotencyKey: 'x1', businessType: '转出', summary: '转出', operator: SYSTEM_OPERATOR, lines })).toThrow('归属米东区管理部（WQ02），本网点水磨沟区管理部、乌鲁木齐县管理部（WQ01）不能办理转出');
    // The same lines the other way round are a credit: allowed.
    const credit = lines.map((l) => ({ ...l, side: l.side === 'D' ? ('C' as const) : ('D' as const) }));
    expect(postEntry(ctx, { idempotencyKey: 'x2', businessType: '补缴', summary: '补缴', operator: SYSTEM_OPERATOR, lines: credit }).duplicate).toBe(false);
  });

  it('owns the employers registered before it joined, and the ones registered after', () => {
    h = harness('urumqi', '2025-07-01T02:00:00Z');
    const before = newEmployer(h);
    expect(h.app.db.prepare('SELECT branch_code FROM employers WHERE id = ?').get(before.id)).toEqual({ branch_code: '' });
    h = joinAsBranch(h, 'WQ03', null);
    expect(h.app.db.prepare('SELECT branch_code FROM employers WHERE id = ?').get(before.id)).toEqual({ branch_code: 'WQ03' });
    const after = newEmployer(h);
    expect(h.app.db.prepare('SELECT branch_code FROM employers WHERE id = ?').get(after.id)).toEqual({ branch_code: 'WQ03' });
  });
});

describe('a single folder without a branch code (单机)', () => {
  it('has no owner restriction: any member account may be debited', () => {
    h = harness('urumqi', '2025-07-01T02:00:00Z');
    const m = employerWithMember('王丽');
    h.app.db.prepare(`UPDATE employers SET branch_code = 'WQ02' WHERE id = ?`).run(m.e.id);
    remitSixMonths([m.e.id]);
    expect(hostBranch(h.app.ctx!)).toBeNull();
    const app = approvedRent(m.m.id, m.m.name);
    expect(h.call('withdrawal.pay', { applicationId: app.id, idempotencyKey: h.key() }, 'clerk2').state).toBe('已支付');
  });
});

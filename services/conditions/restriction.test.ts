import { afterEach, describe, expect, it } from 'vitest';
import { addLogin, type Harness } from '../testing/harness';
import { approvedPurchase, EACH_FEN, household } from './conditionsFixture';

let h: Harness;
afterEach(() => h.close());

describe('uq.flow.accountRestriction', () => {
  it('an approver restricts the account: the payout is refused with the reason; another approver lifts it and it pays', () => {
    const r = household('urumqi', ['马建国']);
    h = r.h;
    const m = r.members[0]!;
    const app = approvedPurchase(h, m.id, 500_000);
    expect(h.fail('members.restrict', { memberId: m.id, reason: '多次变更婚姻关系购房，真实性调查', idempotencyKey: h.key() }, 'clerk').code).toBe('FORBIDDEN');
    expect(h.fail('members.restrict', { memberId: m.id, reason: '调查', idempotencyKey: h.key() }, 'approver')).toMatchObject({ code: 'BAD_INPUT', field: 'reason' });
    const set = h.call('members.restrict', { memberId: m.id, reason: '多次变更婚姻关系购房，真实性调查', idempotencyKey: h.key() }, 'approver');
    expect(set).toMatchObject({ active: true, setBy: '钱审批', reason: '多次变更婚姻关系购房，真实性调查' });
    expect(h.fail('members.restrict', { memberId: m.id, reason: '再次限制账户', idempotencyKey: h.key() }, 'approver').code).toBe('CONFLICT');

    const refused = h.fail('withdrawal.pay', { applicationId: app.id, idempotencyKey: h.key() }, 'clerk2');
    expect(refused.code).toBe('RULE');
    expect(refused.message).toContain('账户已被限制');
    expect(refused.message).toContain('多次变更婚姻关系购房');
    expect(h.call('members.get', { memberId: m.id }).balanceFen).toBe(EACH_FEN);
    expect(h.call('withdrawal.get', { applicationId: app.id }).state).toBe('已审批');

    // Four eyes: the approver who set it cannot lift it.
    expect(h.fail('members.liftRestriction', { restrictionId: set.id, reason: '调查结束，未发现套取', idempotencyKey: h.key() }, 'approver').code).toBe('FORBIDDEN');
    addLogin(h, 'approver2', 'approver', 7, '孙审批');
    const lifted = h.call('members.liftRestriction', { restrictionId: set.id, reason: '调查结束，未发现套取', idempotencyKey: h.key() }, 'approver2');
    expect(lifted).toMatchObject({ active: false, liftedBy: '孙审批', liftReason: '调查结束，未发现套取' });
    expect(h.fail('members.liftRestriction', { restrictionId: set.id, reason: '调查结束，再次解除', idempotencyKey: h.key() }, 'approver2').code).toBe('CONFLICT');

    expect(h.call('withdrawal.pay', { applicationId: app.id, idempotencyKey: h.key() }, 'clerk2').state).toBe('已支付');
    expect(h.call('members.get', { memberId: m.id }).balanceFen).toBe(EACH_FEN - 500_000);
    expect(h.call('members.holds', { memberId: m.id }).restrictions.map((x) => x.active)).toEqual([false]);
    expect(h.call('ledger.check', {}, 'admin').ok).toBe(true);
  });

  it('blocks a transfer out (转出) while it stands', () => {
    const r = household('urumqi', ['马建国']);
    h = r.h;
    const m = r.members[0]!;
    h.call('members.seal', { memberId: m.id, reason: '离职', idempotencyKey: h.key() });
    h.call('members.restrict', { memberId: m.id, reason: '非缴存地购房，真实性调查', idempotencyKey: h.key() }, 'approver');
    const e = h.fail('members.transferOut', { memberId: m.id, toCenter: '银川住房公积金管理中心', reason: '调往银川', idempotencyKey: h.key() });
    expect(e.message).toContain('不能办理转出');
    expect(h.call('members.get', { memberId: m.id })).toMatchObject({ status: '封存', balanceFen: EACH_FEN });
  });

  it('is not offered where the seed has no such clause (银川)', () => {
    const r = household('yinchuan', ['马建国']);
    h = r.h;
    expect(h.fail('members.restrict', { memberId: r.members[0]!.id, reason: '真实性调查中', idempotencyKey: h.key() }, 'approver').code).toBe('RULE');
  });
});

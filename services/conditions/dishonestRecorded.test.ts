/**
 * uq.flow.dishonestCheck — 004 一、(一)申请人处于失信惩戒期内的,不可提取本人住房公积金: the 失信惩戒 query is a step the
 * workflow enforces. The counter takes the application while the query is pending; approval is refused until the
 * result is recorded (for the spouse too when the spouse's account is drawn); the service stamps who and when; a
 * listed result fails the policy check. 银川 has no such clause, and 死亡提取 is applied for by heirs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../testing/harness';
import { DEVELOPER, household } from './conditionsFixture';

let h: Harness;
afterEach(() => h?.close());

let houseSeq = 500;
/** A purchase withdrawal through 受理, 提交 and 复核 — waiting for 审批, with no 失信 query recorded. */
function reviewed(memberId: number, spouseMemberId: number | null = null) {
  const body = {
    caseId: 'purchase',
    spouseMemberId,
    facts: {
      maritalStatus: spouseMemberId ? 'married' : 'single',
      includeSpouse: spouseMemberId !== null,
      house: { houseId: `乌房预售2026-000${++houseSeq}`, type: 'new', residential: true, priceFen: 85_000_000, contractDate: '2026-05-20', developerFiled: true },
    },
    requestedFen: null,
    payee: DEVELOPER,
  };
  const draft = h.call('withdrawal.create', { memberId, ...body, materialsSeen: [], idempotencyKey: h.key() });
  const ready = h.call('withdrawal.update', { applicationId: draft.id, version: draft.version, ...body, materialsSeen: draft.materials.map((m) => m.id), idempotencyKey: h.key() });
  h.call('withdrawal.submit', { applicationId: ready.id, idempotencyKey: h.key() });
  return h.call('withdrawal.review', { applicationId: ready.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
}

const approve = (id: number) => ({ applicationId: id, pass: true, idempotencyKey: h.key() });
const record = (id: number, person: 'member' | 'spouse', result: 'clear' | 'listed', as = 'reviewer') =>
  h.call('withdrawal.recordDishonestCheck', { applicationId: id, person, source: '全国法院失信被执行人名单', result, reference: 'SX-2026-0615', idempotencyKey: h.key() }, as);

describe('uq.flow.dishonestCheck', () => {
  it('refuses approval until the query is recorded, then approves; the service stamps who and when', () => {
    ({ h } = household('urumqi', ['买买提']));
    const m = h.call('members.search', { query: '买买提' })[0];
    const app = reviewed(m!.id);
    const refused = h.fail('withdrawal.approve', approve(app.id), 'approver');
    expect(refused).toMatchObject({ code: 'RULE', field: 'dishonestCheck' });
    expect(refused.message).toContain('审批前须记录申请人的失信惩戒查询结果');
    expect(h.call('withdrawal.get', { applicationId: app.id }).state).toBe('待审批');
    // A caller's own stamp is not taken: the service writes who checked and when.
    const after = h.call('withdrawal.recordDishonestCheck', { applicationId: app.id, person: 'member', source: '信用中国', result: 'clear', checkedBy: '伪造', idempotencyKey: h.key() } as never, 'reviewer');
    const check = (after.facts.memberExtra as { dishonestCheck: Record<string, string> }).dishonestCheck;
    expect(check).toMatchObject({ source: '信用中国', result: 'clear', checkedBy: '赵复核（reviewer）', checkedAt: '2026-06-25T02:00:00.000Z' });
    expect(after.state).toBe('待审批');
    expect(after.decision!.trace.find((t) => t.ruleId === 'uq.wd.dishonest')?.message).toContain('赵复核（reviewer）于2026-06-25查询信用中国');
    expect(h.call('withdrawal.approve', approve(app.id), 'approver').state).toBe('已审批');
  });

  it('an application approved before the query was enforced is not paid until it is recorded', () => {
    ({ h } = household('urumqi', ['买买提']));
    const m = h.call('members.search', { query: '买买提' })[0]!;
    const app = reviewed(m.id);
    // As an upgrade finds it: 已审批 with no query on it.
    h.app.db.sqlite.prepare(`UPDATE applications SET state = '已审批', approved_by = (SELECT id FROM operators WHERE login = 'approver') WHERE id = ?`).run(app.id);
    const refused = h.fail('withdrawal.pay', { applicationId: app.id, idempotencyKey: h.key() }, 'clerk2');
    expect(refused).toMatchObject({ code: 'RULE', field: 'dishonestCheck' });
    expect(refused.message).toContain('支付前须记录申请人的失信惩戒查询结果');
    record(app.id, 'member', 'clear', 'clerk');
    expect(h.call('withdrawal.pay', { applicationId: app.id, idempotencyKey: h.key() }, 'clerk2').state).toBe('已支付');
  });

  it('asks for the spouse too when the spouse’s account is drawn', () => {
    ({ h } = household('urumqi', ['阿依古丽', '艾力']));
    const [a, b] = ['阿依古丽', '艾力'].map((q) => h.call('members.search', { query: q })[0]!);
    const app = reviewed(a!.id, b!.id);
    record(app.id, 'member', 'clear');
    expect(h.fail('withdrawal.approve', approve(app.id), 'approver').message).toContain('审批前须记录配偶的失信惩戒查询结果');
    record(app.id, 'spouse', 'clear');
    expect(h.call('withdrawal.approve', approve(app.id), 'approver').state).toBe('已审批');
  });

  it('a listed result fails the policy check: approval refused with the reason, the application must be returned', () => {
    ({ h } = household('urumqi', ['买买提']));
    const m = h.call('members.search', { query: '买买提' })[0]!;
    const app = reviewed(m.id);
    const listed = record(app.id, 'member', 'listed');
    expect(listed.decision!.eligible).toBe(false);
    expect(h.fail('withdrawal.approve', approve(app.id), 'approver').message).toContain('处于失信惩戒期内，不可提取本人住房公积金');
    expect(h.call('withdrawal.approve', { applicationId: app.id, pass: false, note: '失信惩戒期内', idempotencyKey: h.key() }, 'approver').state).toBe('退回');
  });

  it('银川 has no such clause: approval needs no query, and recording one is refused naming the application', () => {
    ({ h } = household('yinchuan', ['马建国']));
    const m = h.call('members.search', { query: '马建国' })[0]!;
    const body = { caseId: 'rent', spouseMemberId: null, facts: { maritalStatus: 'single', rent: { annualRentFen: 3_600_000, familyAnnualIncomeFen: 10_000_000, contractDate: '2026-03-01', publicHousing: true } }, requestedFen: 300_000, payee: { kind: 'own' as const, bankName: '中国建设银行', accountNo: '6217000010012345678', accountName: '马建国' } };
    const draft = h.call('withdrawal.create', { memberId: m.id, ...body, materialsSeen: [], idempotencyKey: h.key() });
    const ready = h.call('withdrawal.update', { applicationId: draft.id, version: draft.version, ...body, materialsSeen: draft.materials.map((x) => x.id), idempotencyKey: h.key() });
    h.call('withdrawal.submit', { applicationId: ready.id, idempotencyKey: h.key() });
    h.call('withdrawal.review', { applicationId: ready.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
    expect(h.fail('withdrawal.recordDishonestCheck', { applicationId: ready.id, person: 'member', source: '信用中国', result: 'clear', idempotencyKey: h.key() })).toMatchObject({ code: 'BAD_INPUT', field: 'applicationId' });
    expect(h.call('withdrawal.approve', approve(ready.id), 'approver').state).toBe('已审批');
  });
});

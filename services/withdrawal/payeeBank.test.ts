import { afterEach, describe, expect, it } from 'vitest';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';

// 004: 个人银行借记卡(工农中建交) (退休、死亡; 租房 中行、农行、工行、建行、交行借记卡);
// 终止劳动关系: 本人名下的本市银行借记卡(工、农、中、建、交五大银行类借记卡) — validated at intake, not only printed.
let h: Harness;
afterEach(() => h.close());

function member() {
  h = harness('urumqi', '2026-06-15T02:00:00Z');
  const e = newEmployer(h, { district: '天山区' });
  return newMember(h, e.id, { name: '王强', openedDate: '2026-01-01' });
}
const create = (memberId: number, caseId: string, facts: Record<string, unknown>, bankName: string) =>
  ({ memberId, caseId, spouseMemberId: null, facts: { maritalStatus: 'single', ...facts }, requestedFen: null, payee: { kind: 'own' as const, cardType: 'debit' as const, bankName, accountNo: '6217000010012345678', accountName: '王强' }, materialsSeen: [], idempotencyKey: h.key() });
const RETIRED = { situation: { retirementProof: true } };

describe('乌鲁木齐 payee card checks', () => {
  it('退休: refuses a bank outside 工农中建交, takes 中国建设银行', () => {
    const m = member();
    expect(h.fail('withdrawal.create', create(m.id, 'retirement', RETIRED, '宁夏银行乌鲁木齐分行'))).toMatchObject({ code: 'BAD_INPUT', field: 'payee.bankName' });
    const app = h.call('withdrawal.create', create(m.id, 'retirement', RETIRED, '中国建设银行乌鲁木齐分行'));
    expect(app.decision!.postConditions.map((p) => p.kind)).toContain('payee_bank5');
  });
  it('终止劳动关系: a 工农中建交 card must also be 本市 (opened in 乌鲁木齐)', () => {
    const m = member();
    const facts = { situation: { laborRelationEnded: true } };
    expect(h.fail('withdrawal.create', create(m.id, 'termination', facts, '中国建设银行北京分行')).message).toContain('本市');
    expect(h.call('withdrawal.create', create(m.id, 'termination', facts, '中国建设银行乌鲁木齐分行')).decision!.postConditions.map((p) => p.kind)).toContain('payee_local_bank5');
  });
  it('加装电梯 names no bank: any bank is taken', () => {
    const m = member();
    const facts = { house: { houseId: 'H-1' }, elevator: { acceptanceDate: '2026-05-01', paid: true, ownerShareFen: 1_000_000 } };
    expect(h.call('withdrawal.create', create(m.id, 'elevator', facts, '宁夏银行乌鲁木齐分行')).state).toBe('草稿');
  });
});

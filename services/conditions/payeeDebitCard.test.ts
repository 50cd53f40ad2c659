/**
 * 004: 个人银行借记卡(工农中建交) — the card type is recorded at intake and anything but 借记卡 is refused where the seed
 * says 借记卡 (rule uq.flow.payeeDebitCard); a card number must be 16–19 digits. Luhn is only a typo hint (shared/bankCard).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cardNumberShapeOk, luhnOk } from '../../shared/bankCard';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';

let h: Harness;
afterEach(() => h.close());

function member(center: 'urumqi' | 'yinchuan' = 'urumqi') {
  h = harness(center, '2026-06-15T02:00:00Z');
  const e = newEmployer(h, { district: center === 'urumqi' ? '天山区' : '兴庆区' });
  return newMember(h, e.id, { name: '王强', openedDate: '2026-01-01' });
}
const RETIRED = { maritalStatus: 'single', situation: { retirementProof: true } };
const create = (memberId: number, cardType: 'debit' | 'credit' | 'passbook' | undefined, accountNo = '6217000010012345678', facts: Record<string, unknown> = RETIRED, caseId = 'retirement') => ({
  memberId, caseId, spouseMemberId: null, facts, requestedFen: null, materialsSeen: [], idempotencyKey: h.key(),
  payee: { kind: 'own' as const, bankName: '中国建设银行乌鲁木齐分行', accountNo, accountName: '王强', ...(cardType ? { cardType } : {}) },
});
const count = () => (h.app.db.prepare('SELECT COUNT(*) AS n FROM applications').get() as { n: number }).n;

describe('uq.flow.payeeDebitCard', () => {
  it('退休: refuses a 信用卡, a 存折 and a card with no type; takes a 借记卡; bad input writes nothing', () => {
    const m = member();
    for (const t of ['credit', 'passbook', undefined] as const) {
      const err = h.fail('withdrawal.create', create(m.id, t));
      expect(err).toMatchObject({ code: 'BAD_INPUT', field: 'payee.cardType' });
      expect(err.message).toContain('借记卡');
    }
    expect(h.fail('withdrawal.create', create(m.id, 'credit')).message).toContain('现为信用卡');
    expect(count()).toBe(0);
    const app = h.call('withdrawal.create', create(m.id, 'debit'));
    expect(app.payee.cardType).toBe('debit');
  });
  it('a card number must be 16–19 digits', () => {
    const m = member();
    expect(h.fail('withdrawal.create', create(m.id, 'debit', '621700001001234'))).toMatchObject({ field: 'payee.accountNo' });
    expect(h.fail('withdrawal.create', create(m.id, 'debit', '62170000100123456789'))).toMatchObject({ field: 'payee.accountNo' });
    expect(h.call('withdrawal.create', create(m.id, 'debit', '6217 0000 1001 2345')).state).toBe('草稿');
  });
  it('an unknown card type is refused by the contract with a Chinese message naming the field', () => {
    const m = member();
    expect(h.fail('withdrawal.create', { ...create(m.id, 'debit'), payee: { ...create(m.id, 'debit').payee, cardType: 'prepaid' } }).message).toContain('卡类型');
  });
  it('加装电梯 names no card: a 存折 is taken', () => {
    const m = member();
    const facts = { maritalStatus: 'single', house: { houseId: 'H-1' }, elevator: { acceptanceDate: '2026-05-01', paid: true, ownerShareFen: 1_000_000 } };
    expect(h.call('withdrawal.create', create(m.id, 'passbook', '6217000010012345678', facts, 'elevator')).state).toBe('草稿');
  });
  it('银川 has no 借记卡 clause here: a 存折 is taken for 退休', () => {
    const m = member('yinchuan');
    const r = h.call('withdrawal.create', { ...create(m.id, 'passbook'), facts: { maritalStatus: 'single', situation: { retirementProof: true } } });
    expect(r.state).toBe('草稿');
  });
  it('Luhn is a typo check only; shape is 16–19 digits', () => {
    expect(luhnOk('4111111111111111')).toBe(true);
    expect(luhnOk('4111111111111112')).toBe(false);
    expect(cardNumberShapeOk('123456789012345')).toBe(false);
    expect(cardNumberShapeOk('1234567890123456')).toBe(true);
  });
});

/**
 * A member's own 预约记录 on the member page (000 "宁夏住房公积金"APP可以进行…"预约记录"查询): every appointment of the
 * member, newest first, whatever its status, and none of anybody else's.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';

let h: Harness;
beforeEach(() => (h = harness('yinchuan', '2026-06-15T02:00:00Z')));
afterEach(() => h.close());

const ZHAO = '11010519491231002X';
const book = (date: string, slot: string, idNumber = ZHAO, name = '赵六') =>
  h.call('appointments.create', { date, slot, business: '租房提取', name, idNumber, phone: '13800000001', idempotencyKey: h.key() });

describe('appointments.forMember', () => {
  it('lists the member’s own appointments newest first, with each status, including one booked before the account opened', () => {
    const early = book('2026-06-10', '09:00-09:30'); // booked before the account: no member link, same ID number
    expect(early.memberId).toBeNull();
    const e = newEmployer(h);
    const m = newMember(h, e.id, { idNumber: ZHAO, name: '赵六' });
    const other = newMember(h, e.id, { name: '钱七' });
    const a = book('2026-06-15', '10:30-11:00');
    const b = book('2026-06-15', '14:00-14:30');
    const later = book('2026-06-20', '09:00-09:30');
    book('2026-06-15', '10:30-11:00', '34052419800101001X', '孙八'); // someone else's
    h.call('appointments.checkIn', { appointmentId: a.id, idempotencyKey: h.key() });
    h.call('appointments.cancel', { appointmentId: b.id, idempotencyKey: h.key() });

    const mine = h.call('appointments.forMember', { memberId: m.id });
    expect(mine.map((x) => [x.id, x.date, x.slot, x.status])).toEqual([
      [later.id, '2026-06-20', '09:00-09:30', '已预约'],
      [b.id, '2026-06-15', '14:00-14:30', '已取消'],
      [a.id, '2026-06-15', '10:30-11:00', '已签到'],
      [early.id, '2026-06-10', '09:00-09:30', '已预约'],
    ]);
    expect(mine[0]!.idNumberMasked).toBe('110105********002X');
    expect(h.call('appointments.forMember', { memberId: other.id })).toEqual([]);
  });

  it('names an unknown member, and is a read any role may make', () => {
    expect(h.fail('appointments.forMember', { memberId: 999 })).toMatchObject({ code: 'NOT_FOUND' });
    expect(h.fail('appointments.forMember', { memberId: 1 }, null)).toMatchObject({ code: 'NO_SESSION' });
    expect(h.call('appointments.forMember', { memberId: newMember(h, newEmployer(h).id).id }, 'reviewer')).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';

let h: Harness;
beforeEach(() => (h = harness('urumqi', '2026-06-15T02:00:00Z')));
afterEach(() => h.close());

describe('预约', () => {
  it('imports CSV and JSON, skipping bad rows with a reason, and links known members', () => {
    const e = newEmployer(h, { district: '天山区' });
    const m = newMember(h, e.id, { idNumber: '11010519491231002X', name: '赵六' });
    const csv = ['日期,时段,业务类型,姓名,证件号码,联系电话', '2026-06-15,10:30-11:00,租房提取,赵六,11010519491231002X,13800000001', '2026-06-15,11:00-11:30,退休提取,钱七,110105194912310021,13800000002'].join('\n');
    const r = h.call('appointments.import', { format: 'csv', content: csv, idempotencyKey: h.key() });
    expect(r.imported).toBe(1);
    expect(r.skipped[0]).toContain('第2条：证件号码校验码不正确');
    const json = JSON.stringify([{ date: '2026-06-15', slot: '15:30-16:00', business: '购房提取', name: '孙八', idNumber: '34052419800101001X', phone: '13800000003' }]);
    expect(h.call('appointments.import', { format: 'json', content: json, idempotencyKey: h.key() }).imported).toBe(1);
    const today = h.call('appointments.list', {});
    expect(today.map((a) => [a.slot, a.name, a.memberId])).toEqual([
      ['10:30-11:00', '赵六', m.id],
      ['15:30-16:00', '孙八', null],
    ]);
    expect(today[0]!.idNumberMasked).toBe('110105********002X');
  });

  it('checks a member in and turns the appointment into an intake', () => {
    const e = newEmployer(h, { district: '天山区' });
    const m = newMember(h, e.id, { idNumber: '11010519491231002X', name: '赵六' });
    h.call('remit.post', { employerId: e.id, month: '2026-05', idempotencyKey: h.key() });
    const a = h.call('appointments.create', { date: '2026-06-15', slot: '10:30-11:00', business: '租房提取', name: '赵六', idNumber: '11010519491231002X', phone: '13800000001', idempotencyKey: h.key() });
    expect(h.fail('appointments.create', { date: '2026-06-15', slot: '10:30-11:00', business: '租房提取', name: '赵六', idNumber: '11010519491231002X', phone: '13800000001', idempotencyKey: h.key() }).message).toContain('已有预约');
    expect(h.call('appointments.checkIn', { appointmentId: a.id, idempotencyKey: h.key() }).status).toBe('已签到');
    const app = h.call('withdrawal.create', {
      memberId: m.id,
      appointmentId: a.id,
      caseId: 'rent',
      facts: { maritalStatus: 'single', rent: { annualRentFen: 2_400_000, contractDate: '2026-01-01', ownsHomeInCity: false, noHomeCertDate: '2026-06-01', genuine: true } },
      payee: { kind: 'own', cardType: 'debit', bankName: '中国农业银行', accountNo: '6228480000012345678', accountName: '赵六' },
      materialsSeen: [],
      idempotencyKey: h.key(),
    });
    expect(h.call('appointments.list', {})[0]).toMatchObject({ status: '已受理', applicationId: app.id });
    expect(h.fail('appointments.checkIn', { appointmentId: a.id, idempotencyKey: h.key() }).message).toContain('不能签到');
  });
});

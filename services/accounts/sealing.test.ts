import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';
import { memberFacts } from '../policy/facts';
import { makeIdNumber } from '../../shared/idcard';
import { pdfText } from '../testing/pdf';

let h: Harness;
afterEach(() => h.close());
const OUT = join(__dirname, '../../test-output/print');

describe('封存 / 启封 / 转出, 缴存证明, 日结', () => {
  it('seals, skips the sealed member in the next remittance, unseals under a new employer', () => {
    h = harness('yinchuan', '2026-05-20T02:00:00Z');
    const a = newEmployer(h, { name: '宁夏甲公司' });
    const b = newEmployer(h, { name: '宁夏乙公司', employeeRatioPercent: '8', employerRatioPercent: '8' });
    const m = newMember(h, a.id, { baseFen: 500_000 });
    h.call('remit.post', { employerId: a.id, month: '2026-05', idempotencyKey: h.key() });
    h.at('2026-06-10T02:00:00Z');
    expect(h.call('members.seal', { memberId: m.id, reason: '与单位解除劳动关系', idempotencyKey: h.key() }).status).toBe('封存');
    expect(h.fail('remit.post', { employerId: a.id, month: '2026-06', idempotencyKey: h.key() }).message).toContain('没有需要缴存的职工');
    expect(h.fail('members.unseal', { memberId: m.id, employerId: b.id, baseFen: 100_000, idempotencyKey: h.key() }).field).toBe('baseFen');
    const back = h.call('members.unseal', { memberId: m.id, employerId: b.id, baseFen: 600_000, idempotencyKey: h.key() });
    expect(back).toMatchObject({ status: '正常', employer: { name: '宁夏乙公司' }, monthlyEmployeeFen: 48_000 });
    expect(h.call('members.events', { memberId: m.id }).map((e) => e.action)).toEqual(['封存', '启封']);
  });

  it('bounds seal and unseal dates: not in the future, not before the last contribution or the previous event', () => {
    h = harness('yinchuan', '2026-05-20T02:00:00Z');
    const a = newEmployer(h, { name: '宁夏甲公司' });
    const m = newMember(h, a.id, { baseFen: 500_000, openedDate: '2026-04-01' });
    h.call('remit.post', { employerId: a.id, month: '2026-05', idempotencyKey: h.key() });
    h.at('2026-06-10T02:00:00Z');
    const seal = (date: string) => h.fail('members.seal', { memberId: m.id, date, reason: '与单位解除劳动关系', idempotencyKey: h.key() });
    expect(seal('2026-06-11')).toMatchObject({ code: 'BAD_INPUT', field: 'date', message: '封存日期不能晚于今天（2026-06-10）' });
    expect(seal('2026-05-19')).toMatchObject({ code: 'BAD_INPUT', field: 'date', message: '封存日期不能早于最后一次缴存入账日期2026-05-20' });
    expect(h.call('members.get', { memberId: m.id }).status).toBe('正常');
    h.call('members.seal', { memberId: m.id, date: '2026-05-31', reason: '与单位解除劳动关系', idempotencyKey: h.key() });
    const unseal = (date: string) => h.fail('members.unseal', { memberId: m.id, employerId: a.id, baseFen: 500_000, date, idempotencyKey: h.key() });
    expect(unseal('2026-05-30')).toMatchObject({ field: 'date', message: '启封日期不能早于上一次封存日期2026-05-31' });
    expect(unseal('2026-06-12')).toMatchObject({ field: 'date', message: '启封日期不能晚于今天（2026-06-10）' });
    expect(h.call('members.unseal', { memberId: m.id, employerId: a.id, baseFen: 500_000, date: '2026-06-01', idempotencyKey: h.key() }).status).toBe('正常');
    expect(h.call('members.events', { memberId: m.id }).map((e) => [e.action, e.date])).toEqual([['封存', '2026-05-31'], ['启封', '2026-06-01']]);
  });

  it('a back-dated seal counts as sealed from the day it was recorded (离职提取 facts)', () => {
    h = harness('urumqi', '2026-01-15T02:00:00Z');
    const e = newEmployer(h, { district: '天山区' });
    const m = newMember(h, e.id, { openedDate: '2025-12-01' });
    h.call('remit.post', { employerId: e.id, month: '2026-01', idempotencyKey: h.key() });
    h.at('2026-03-01T02:00:00Z');
    h.call('members.seal', { memberId: m.id, date: '2026-01-31', reason: '与单位解除劳动关系', idempotencyKey: h.key() });
    expect(memberFacts(h.app.ctx!, m.id).sealedSince).toBe('2026-03-01');
    // Recorded on the seal date itself: the seal date stands (the event was written late in the Beijing day).
    const n = newMember(h, e.id, { idNumber: makeIdNumber('650102', '19900101', 36), openedDate: '2025-12-01' });
    h.at('2026-03-02T15:30:00Z');
    h.call('members.seal', { memberId: n.id, date: '2026-03-02', reason: '与单位解除劳动关系', idempotencyKey: h.key() });
    expect(memberFacts(h.app.ctx!, n.id).sealedSince).toBe('2026-03-02');
    expect(memberFacts(h.app.ctx!, m.id).sealedSince).toBe('2026-03-01');
  });

  it('transfers a sealed account out with interest to the day, closing it, and prints the 缴存证明', async () => {
    h = harness('urumqi', '2026-03-20T02:00:00Z');
    const e = newEmployer(h, { district: '天山区', employeeRatioPercent: '10', employerRatioPercent: '10' });
    const m = newMember(h, e.id, { name: '艾克拜尔', baseFen: 500_000, openedDate: '2026-03-01' });
    h.call('remit.post', { employerId: e.id, month: '2026-03', idempotencyKey: h.key() });
    const cert = await h.callAsync('print.member', { memberId: m.id, form: 'certificate' });
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'certificate.pdf'), Buffer.from(cert.pdfBase64, 'base64'));
    const text = await pdfText(join(OUT, 'certificate.pdf'));
    expect(text).toContain('住房公积金缴存证明');
    expect(text).toContain('艾克拜尔');
    expect(text).toContain('1,000.00');
    expect(h.fail('members.transferOut', { memberId: m.id, toCenter: '昌吉州住房公积金管理中心', reason: '调往外地', idempotencyKey: h.key() }).message).toContain('只有封存的账户');
    h.call('members.seal', { memberId: m.id, reason: '调往外地', idempotencyKey: h.key() });
    h.at('2026-04-19T02:00:00Z');
    const r = h.call('members.transferOut', { memberId: m.id, toCenter: '昌吉州住房公积金管理中心', reason: '调往外地工作', idempotencyKey: h.key() });
    // 1,000.00 from 03-20 to 04-19: 30 days × 1,000 × 1.5% ÷ 360 = 1.25
    expect(r).toMatchObject({ interestFen: 125, totalFen: 100_125 });
    expect(r.member).toMatchObject({ status: '销户', balanceFen: 0 });
    const lines = h.call('members.statement', { memberId: m.id }).lines.slice(0, 2).map((l) => [l.summary, l.category, l.amountFen]);
    expect(lines).toEqual([
      ['转出至昌吉州住房公积金管理中心', '提取', -100_125],
      ['转出结息', '缴存', 125],
    ]);
    expect(h.call('ledger.check', {}, 'admin').ok).toBe(true);
  });

  it('日结 ties the day’s entries to the ledger, by operator and type, and prints', async () => {
    h = harness('yinchuan', '2026-06-15T02:00:00Z');
    const e = newEmployer(h);
    newMember(h, e.id, { baseFen: 500_000 });
    newMember(h, e.id, { baseFen: 800_000 });
    h.call('remit.post', { employerId: e.id, month: '2026-05', idempotencyKey: h.key() });
    h.call('remit.post', { employerId: e.id, month: '2026-04', kind: '补缴', memberIds: [1], idempotencyKey: h.key() }, 'clerk2');
    const d = h.call('ledger.daily', { date: '2026-06-15' });
    // 汇缴 (5,000 + 8,000) × 24% = 3,120.00; 补缴 5,000 × 24% = 1,200.00
    expect(d.byType).toEqual([
      { businessType: '汇缴', entries: 1, amountFen: 312_000 },
      { businessType: '补缴', entries: 1, amountFen: 120_000 },
    ]);
    expect(d.byOperator.map((o) => o.operator)).toEqual(['王经办', '李经办']);
    expect(d).toMatchObject({ totalDebitFen: 432_000, totalCreditFen: 432_000, ties: true });
    expect(d.byAccount).toEqual([
      { code: '101', name: '住房公积金存款', debitFen: 432_000, creditFen: 0 },
      { code: '201', name: '住房公积金', debitFen: 0, creditFen: 432_000 },
    ]);
    const pdf = await h.callAsync('print.daily', { date: '2026-06-15' });
    writeFileSync(join(OUT, 'daily.pdf'), Buffer.from(pdf.pdfBase64, 'base64'));
    const text = await pdfText(join(OUT, 'daily.pdf'));
    expect(text).toContain('柜面业务日结单');
    expect(text).toContain('4,320.00');
    expect(text).toContain('与分录核对一致');
    // Each subtotal section (type, operator, terminal) closes with its 合计: 2 entries, 4,320.00.
    const totals = text.split('\n').filter((l) => /^\s*合计\s+2\s+4,320\.00\s*$/.test(l));
    expect(totals).toHaveLength(3);
    // The keyed chain's head is on paper: the same figure `gjj check` and `gjj integrity head` give.
    const head = h.call('ledger.check', {}, 'admin').chainHead;
    expect(d.integrityHead).toMatch(/^签封#\d+·变更\d+·[0-9A-F]{16}$/);
    expect(text.replace(/\s+/g, '')).toContain(`完整性校验码`);
    expect(text.replace(/\s+/g, '')).toContain(d.integrityHead.replace(/\s+/g, ''));
    expect(head.split('·')[2]).toBeDefined();
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { harness, newEmployer, newMember, secondAdmin, type Harness } from '../testing/harness';
import { loan, wd } from '../rules/testing/fixtures';
import { pdfText } from '../testing/pdf';

let h: Harness;
afterEach(() => h.close());

describe('policy through the contract', () => {
  it('evaluates a Yinchuan application with the trace, materials and sources', () => {
    h = harness('yinchuan');
    const d = h.call('rules.evaluateWithdrawal', { application: wd('yinchuan', 'retirement') });
    expect(d.center).toBe('yinchuan');
    expect(d.trace.length).toBeGreaterThan(5);
    expect(d.trace.every((t) => t.source.file === '003_e326aac3299acd42.txt' && t.source.clause.length > 0)).toBe(true);
    expect(d.materials.length).toBeGreaterThan(0);
  });

  it('refuses an application for the other center, naming the field', () => {
    h = harness('yinchuan');
    const err = h.fail('rules.evaluateLoan', { application: loan('urumqi', 'commodity') });
    expect(err).toMatchObject({ code: 'BAD_INPUT', field: 'application.center' });
    expect(err.message).toContain('银川市公积金管理中心');
  });

  it('names the engine’s bad field under application.', () => {
    h = harness('urumqi');
    const app = wd('urumqi', 'retirement', { member: { name: '' } });
    const err = h.fail('rules.evaluateWithdrawal', { application: app });
    expect(err.code).toBe('BAD_INPUT');
    expect(err.field).toBe('application.member.name');
    expect(err.message).toContain('姓名');
  });

  it('an administrator’s dated override changes decisions from its date on, and only then', () => {
    h = harness('yinchuan');
    const app = (date: string) => loan('yinchuan', 'commodity', { applicationDate: date, house: { contractDate: '2025-01-15' }, requestedFen: 60_000_000, downPaymentFen: 40_000_000 });
    const before = h.call('rules.evaluateLoan', { application: app('2025-03-10') });
    const capBefore = before.quota.limits.find((l) => l.id === 'yc.loan.quota.cap');
    expect(capBefore?.amountFen).toBe(70_000_000);
    // Back-dated (today is 2026-06-15): a reason, and a second administrator's confirmation, before it counts.
    const override = { paramId: 'yc.loan.quota.capBothFen', effectiveFrom: '2025-03-11', value: 80_000_000, note: '测试：夫妻双方缴存限额调整为80万元' };
    expect(h.fail('policy.addOverride', { ...override, idempotencyKey: h.key() }, 'admin')).toMatchObject({ code: 'BAD_INPUT', field: 'effectiveFrom' });
    expect(h.call('policy.addOverride', { ...override, backdateReason: '补录2025年文件', idempotencyKey: h.key() }, 'admin')).toEqual([]);
    expect(h.call('rules.evaluateLoan', { application: app('2025-03-11') }).quota.limits.find((l) => l.id === capBefore!.id)?.amountFen).toBe(70_000_000);
    const pending = h.call('rates.pendingChanges', {}, 'admin')[0]!;
    h.call('rates.decideChange', { requestId: pending.id, pass: true, idempotencyKey: h.key() }, secondAdmin(h));
    const sameDay = h.call('rules.evaluateLoan', { application: app('2025-03-10') });
    expect(sameDay.quota.limits.find((l) => l.id === capBefore!.id)?.amountFen).toBe(70_000_000);
    const after = h.call('rules.evaluateLoan', { application: app('2025-03-11') });
    expect(after.quota.limits.find((l) => l.id === capBefore!.id)?.amountFen).toBe(80_000_000);
    expect(h.fail('policy.addOverride', { paramId: 'yc.loan.quota.capBothFen', effectiveFrom: '2025-04-01', value: 'x', note: 'bad', idempotencyKey: h.key() }, 'admin')).toMatchObject({ code: 'BAD_INPUT', field: 'value' });
    expect(h.fail('policy.addOverride', { paramId: 'yc.no.such', effectiveFrom: '2025-04-01', value: 1, note: 'bad', idempotencyKey: h.key() }, 'admin')).toMatchObject({ code: 'BAD_INPUT', field: 'paramId' });
    expect(h.fail('policy.addOverride', { paramId: 'yc.loan.quota.capBothFen', effectiveFrom: '2025-04-01', value: 1, note: 'n', idempotencyKey: h.key() }, 'clerk').code).toBe('FORBIDDEN');
  });

  it('keeps the rate table in the database, seeded from rates.md, append-only by date', () => {
    h = harness('urumqi');
    const r = h.call('rates.list', {});
    expect(r.loan.map((x) => x.effectiveFrom)).toEqual(['2015-08-26', '2022-10-01', '2024-05-18', '2025-05-08']);
    expect(r.deposit).toEqual([expect.objectContaining({ effectiveFrom: '2016-02-21', annualRatePercent: '1.50' })]);
    const row = { effectiveFrom: '2026-12-01', firstUpTo5y: '2.00', firstOver5y: '2.50', secondUpTo5y: '2.40', secondOver5y: '2.95', source: '测试通知', idempotencyKey: h.key() };
    expect(h.call('rates.addLoan', row, 'admin')).toHaveLength(5);
    expect(h.fail('rates.addLoan', { ...row, idempotencyKey: h.key() }, 'admin').message).toContain('已有一行利率');
    expect(h.fail('rates.addLoan', { ...row, effectiveFrom: '2027-01-01', firstOver5y: 'abc', idempotencyKey: h.key() }, 'admin').field).toBe('firstOver5y');
  });

  it('keeps the penalty (罚息) settings as dated data an administrator extends, and the servicing reads them', () => {
    h = harness('yinchuan');
    expect(h.call('rates.list', {}).penalty).toEqual([expect.objectContaining({ multiplier: '1.5', dayBasis: 360 })]);
    const row = { effectiveFrom: '2026-07-01', multiplier: '1.3', dayBasis: 365 as const, source: '测试：罚息加收30%', idempotencyKey: h.key() };
    expect(h.fail('rates.addPenalty', row, 'clerk').code).toBe('FORBIDDEN');
    expect(h.fail('rates.addPenalty', { ...row, multiplier: '0.5', idempotencyKey: h.key() }, 'admin').field).toBe('multiplier');
    expect(h.call('rates.addPenalty', row, 'admin').map((p) => p.multiplier)).toEqual(['1.5', '1.3']);
    expect(h.fail('rates.addPenalty', { ...row, idempotencyKey: h.key() }, 'admin').message).toContain('已有一行罚息设置');
  });

  it('supplies member facts from the ledger for the intake form', () => {
    h = harness('yinchuan', '2026-06-15T02:00:00Z');
    const e = newEmployer(h, { employeeRatioPercent: '10', employerRatioPercent: '10' });
    const m = newMember(h, e.id, { baseFen: 600000 });
    h.call('remit.post', { employerId: e.id, month: '2026-05', idempotencyKey: h.key() });
    h.call('remit.post', { employerId: e.id, month: '2026-06', idempotencyKey: h.key() });
    const facts = h.call('rules.memberFacts', { memberId: m.id });
    expect(facts).toMatchObject({ name: '张三', accountStatus: '正常', balanceFen: 240000, continuousMonths: 2, contributionRatioPercent: '10' });
    const d = h.call('rules.evaluateLoan', { application: loan('yinchuan', 'commodity', { applicationDate: '2026-06-15', borrower: facts, house: { contractDate: '2026-05-01' } }) });
    expect(d.eligible).toBe(false);
    expect(d.trace.find((t) => t.outcome === 'failed' && t.message.includes('6'))).toBeDefined();
  });

  it('lists rules, cases and guides, and prints a guide as a PDF from the same data', async () => {
    h = harness('urumqi');
    const rules = h.call('rules.list', {});
    expect(rules.every((r) => r.id.startsWith('uq.'))).toBe(true);
    const cases = h.call('rules.cases', {});
    expect(cases.withdrawal.length).toBeGreaterThanOrEqual(7);
    const guides = h.call('rules.guides', {});
    const rent = guides.find((g) => g.kind === 'withdrawal' && g.caseId === 'rent')!;
    expect(rent.materials.length).toBeGreaterThan(0);
    const pdf = await h.callAsync('print.guide', { kind: 'withdrawal', caseId: rent.caseId });
    const dir = join(__dirname, '../../test-output/print');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'guide-urumqi-rent.pdf');
    writeFileSync(file, Buffer.from(pdf.pdfBase64, 'base64'));
    const text = (await pdfText(file)).replace(/\s+/g, '');
    expect(text).toContain(rent.title.replace(/\s+/g, ''));
    expect(text).toContain('打印时间2026-06-1510:00');
    expect(text).toContain(rent.materials[0]!.text.replace(/\s+/g, '').slice(0, 10));
    expect(text).toContain('新民西街167号');
    expect(h.fail('print.guide', { kind: 'withdrawal', caseId: rent.caseId }).message).toContain('异步');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../shared/idcard';
import { harness, type Harness } from '../testing/harness';

let h: Harness;
afterEach(() => h.close());

const ID = makeIdNumber('640104', '19900615', 7);
const FORM = { name: '张三', idNumber: ID, phone: '13895001234', baseYuan: '5000' };

describe('draft.* (issue 12: forms never lose work)', () => {
  it('keeps a draft per operator and form, overwrites it on the next save, and lists it newest first', () => {
    h = harness();
    expect(h.call('draft.get', { form: 'members.open' }).draft).toBeNull();
    h.call('draft.save', { form: 'members.open', title: `职工开户 · 张三 ${ID}`, data: { ...FORM, phone: '1389' } });
    h.clock.set('2026-06-15T02:00:05Z');
    const saved = h.call('draft.save', { form: 'members.open', title: `职工开户 · 张三 ${ID}`, data: FORM });
    expect(saved.savedAt).toBe('2026-06-15T02:00:05.000Z');
    const got = h.call('draft.get', { form: 'members.open' }).draft!;
    expect(got.data).toEqual(FORM);
    // The title (shown in 待办) never carries the full ID number.
    expect(got.title).toBe(`职工开户 · 张三 ${ID.slice(0, 6)}********${ID.slice(-4)}`);
    h.call('draft.save', { form: 'withdrawal.intake', scope: '12', title: '提取 · 李四', data: { caseId: 'rent' } });
    expect(h.call('draft.list', {}).map((d) => [d.form, d.scope, d.formLabel])).toEqual([
      ['withdrawal.intake', '12', '提取受理'],
      ['members.open', '', '职工开户'],
    ]);
  });

  it('is the operator’s own: another clerk can neither read, list nor discard it', () => {
    h = harness();
    h.call('draft.save', { form: 'employers.create', data: { name: '宁夏某公司' } }, 'clerk');
    expect(h.call('draft.get', { form: 'employers.create' }, 'clerk2').draft).toBeNull();
    expect(h.call('draft.list', {}, 'clerk2')).toEqual([]);
    expect(h.call('draft.discard', { form: 'employers.create' }, 'clerk2').discarded).toBe(false);
    expect(h.call('draft.get', { form: 'employers.create' }, 'clerk').draft!.data).toEqual({ name: '宁夏某公司' });
    // Nor without a session.
    expect(h.fail('draft.get', { form: 'employers.create' }, null).code).toBe('NO_SESSION');
    expect(h.call('draft.discard', { form: 'employers.create' }, 'clerk').discarded).toBe(true);
    expect(h.call('draft.get', { form: 'employers.create' }, 'clerk').draft).toBeNull();
  });

  it('refuses an unknown form or an oversized draft in Chinese, and writes nothing', () => {
    h = harness();
    const bad = h.fail('draft.save', { form: 'ledger.post', data: {} });
    expect(bad.code).toBe('BAD_INPUT');
    expect(bad.message).toContain('草稿的表单不正确');
    const big = h.fail('draft.save', { form: 'members.open', data: { note: 'x'.repeat(100_001) } });
    expect(big.code).toBe('BAD_INPUT');
    expect(big.message).toContain('草稿内容过长');
    expect(h.call('draft.list', {})).toEqual([]);
  });

  it('is not evidence: no integrity log rows, no commands rows, and the ledger check still passes', () => {
    h = harness();
    const sqlite = h.app.db;
    const logBefore = (sqlite.prepare('SELECT COUNT(*) AS n FROM integrity_log').get() as { n: number }).n;
    const cmdBefore = (sqlite.prepare('SELECT COUNT(*) AS n FROM commands').get() as { n: number }).n;
    h.call('draft.save', { form: 'members.open', data: FORM });
    h.call('draft.save', { form: 'members.open', data: { ...FORM, name: '张三丰' } });
    h.call('draft.discard', { form: 'members.open' });
    h.call('draft.save', { form: 'members.open', data: FORM });
    expect((sqlite.prepare(`SELECT COUNT(*) AS n FROM integrity_log WHERE tbl = 'drafts'`).get() as { n: number }).n).toBe(0);
    expect((sqlite.prepare('SELECT COUNT(*) AS n FROM integrity_log').get() as { n: number }).n).toBe(logBefore);
    expect((sqlite.prepare('SELECT COUNT(*) AS n FROM commands').get() as { n: number }).n).toBe(cmdBefore);
    // The full ID number typed into the form is nowhere in the evidence (audit log, integrity log, commands).
    for (const t of ['audit_log', 'integrity_log', 'commands']) {
      const cols = (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(t) as Array<{ name: string }>).map((c) => c.name);
      for (const c of cols) expect((sqlite.prepare(`SELECT COUNT(*) AS n FROM "${t}" WHERE instr(CAST("${c}" AS TEXT), ?) > 0`).get(ID) as { n: number }).n, `${t}.${c}`).toBe(0);
    }
    expect(h.call('ledger.check', {}, 'admin').ok).toBe(true);
  });
});

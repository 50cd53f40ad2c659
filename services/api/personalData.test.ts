/** Full ID numbers stay in the master data (members) only: never in an append-only table, nor in replayable results. */
import { afterEach, describe, expect, it } from 'vitest';
import { harness, newEmployer, type Harness } from '../testing/harness';
import { contributingCouple, disbursedLoan, YC_COMMODITY_FACTS } from '../testing/loanFixture';
import { makeIdNumber, maskIdNumber } from '../../shared/idcard';
import { redactedJson, redactIds } from './redact';
import { dispatch } from './dispatch';

let h: Harness;
afterEach(() => h.close());

/** Every row of every table guarded by an append-only trigger, every text column, searched for the needle. */
function appendOnlyHits(needle: string): string[] {
  const db = h.app.db.sqlite;
  const tables = (db.prepare(`SELECT DISTINCT tbl_name AS t FROM sqlite_master WHERE type = 'trigger' AND (name LIKE '%_no_update' OR name LIKE '%_no_delete')`).all() as Array<{ t: string }>).map((r) => r.t);
  expect(tables).toEqual(expect.arrayContaining(['commands', 'audit_log', 'member_events']));
  // The integrity log is append-only evidence too: it keeps ID numbers only as keyed hashes.
  tables.push('integrity_log');
  const hits: string[] = [];
  for (const t of tables) {
    const cols = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(t) as Array<{ name: string }>).map((c) => c.name);
    for (const c of cols) {
      const n = (db.prepare(`SELECT COUNT(*) AS n FROM "${t}" WHERE instr(CAST("${c}" AS TEXT), ?) > 0`).get(needle) as { n: number }).n;
      if (n) hits.push(`${t}.${c} (${n})`);
    }
  }
  return hits;
}

describe('personal data', () => {
  it('no append-only table holds a full ID number after 开户, a withdrawal intake and a loan', () => {
    h = harness('yinchuan', '2026-01-05T02:00:00Z');
    const { b, s } = contributingCouple(h);
    const borrowerId = h.call('members.get', { memberId: b.id }).idNumber;
    const spouseId = h.call('members.get', { memberId: s.id }).idNumber;
    const facts = { maritalStatus: 'single', rent: { annualRentFen: 3_600_000, familyAnnualIncomeFen: 10_000_000, contractDate: '2026-03-01', publicHousing: true } };
    const payee = { kind: 'own' as const, bankName: '中国建设银行银川分行', accountNo: '6217000010012345678', accountName: s.name };
    const w = h.call('withdrawal.create', { memberId: s.id, caseId: 'rent', facts, requestedFen: 100_000, payee, materialsSeen: [], idempotencyKey: h.key() });
    expect(w.member.idNumber).toBe(spouseId); // the live result still shows the full number to the clerk
    disbursedLoan(h, { memberId: b.id, spouseMemberId: s.id, facts: YC_COMMODITY_FACTS, requestedFen: 20_000_000, months: 240, method: 'annuity' }, 'YC-2026-PII');
    expect(appendOnlyHits(borrowerId)).toEqual([]);
    expect(appendOnlyHits(spouseId)).toEqual([]);
  });

  it('replaying a key returns the result with the ID masked (the stored copy), never the full number from storage', () => {
    h = harness();
    const emp = newEmployer(h);
    const full = makeIdNumber('640104', '19900615', 16);
    const input = { name: '张三', idNumber: full, phone: '13895001234', employerId: emp.id, baseFen: 500000, openedDate: '2020-01-01', idempotencyKey: 'replay-key-0001' };
    const first = dispatch(h.app, { call: 'members.open', input, token: h.tokens.clerk! });
    expect(first.ok && (first.data as { idNumber: string }).idNumber).toBe(full);
    const again = dispatch(h.app, { call: 'members.open', input, token: h.tokens.clerk! });
    expect(again.ok && (again.data as { idNumber: string; id: number }).idNumber).toBe(maskIdNumber(full));
    expect(again.ok && (again.data as { id: number }).id).toBe(first.ok && (first.data as { id: number }).id);
  });
});

describe('redactIds', () => {
  it('masks ID numbers under any key and in nested arrays, leaving everything else', () => {
    const id = makeIdNumber('640104', '19900615', 16);
    const r = redactIds({ idNumber: id, spouse: { spouseIdNumber: id, n: 1 }, people: [{ note: id }], accountNo: '6217000010012345678', token: 't' });
    expect(JSON.stringify(r)).not.toContain(id);
    expect(r).toMatchObject({ idNumber: maskIdNumber(id), accountNo: '6217000010012345678', token: 't', spouse: { n: 1 } });
  });

  it('redactedJson writes exactly what JSON.stringify(redactIds(…)) writes, in one pass', () => {
    const id = makeIdNumber('640104', '19900615', 16);
    const lower = id.endsWith('X') ? id.toLowerCase() : makeIdNumber('650102', '19851231', 3);
    const cases: unknown[] = [
      { idNumber: id, spouse: { spouseIdNumber: id, n: 1 }, people: [{ note: id }, [id, 'x']], accountNo: '6217000010012345678' },
      { id_number: 'not-an-id', idNumber: null, at: new Date('2026-11-26T02:00:00Z'), nested: { toJSON: () => ({ idNumber: id }) } },
      [id, { idnumber: '123' }, undefined, () => 1, 12.5, true],
      { '0': id, lower, fake: '11010519491231002Y', digits: '123456789012345678' },
      'plain',
      id,
      null,
    ];
    for (const c of cases) {
      const a = redactedJson(c);
      expect(a).toBe(JSON.stringify(redactIds(c)));
      expect(a).not.toContain(id);
    }
  });
});

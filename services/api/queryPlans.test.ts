/**
 * A counter's calls must not read a whole table that grows with the business (postings, entries, applications …):
 * at 100,000 members such a read costs milliseconds per call, at 1,000,000 tens of milliseconds (issue 14; migration
 * 022 fixed the ones this found). A day at the counter — 汇缴, members, a withdrawal to payout, a loan to repayment,
 * appointments — runs here; then every statement those calls prepared is planned by SQLite (EXPLAIN QUERY PLAN, the
 * same plan on an empty or a full database: no statistics are kept) and each full scan of a growing table is named.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { harness, type Harness } from '../testing/harness';
import { contributingCouple, disbursedLoan, SELLER_PAYEE, YC_COMMODITY_FACTS } from '../testing/loanFixture';
import { recordClearCheck } from '../testing/dishonest';

let h: Harness;
afterEach(() => h.close());

/** Tables whose rows grow with members, months and business; the others (operators, rates, meta …) stay small. */
const GROWING = new Set([
  'members', 'employers', 'accounts', 'journal_entries', 'postings', 'contributions', 'remittances', 'applications', 'application_events',
  'commands', 'audit_log', 'integrity_log', 'integrity_seals', 'loans', 'loan_schedule', 'loan_repayments', 'loan_repayment_allocations',
  'loan_schedule_versions', 'appointments', 'member_events', 'member_search_keys', 'excess_paybacks', 'loan_pledges', 'print_log',
]);

/**
 * The newest rows by a reverse walk of the primary key, with no filter (the audit chain's newest hash, the audit
 * list's latest 100): it stops after its LIMIT, whatever the table's size.
 */
const NEWEST_ROWS = /^\s*SELECT [^;]*? FROM \w+ ORDER BY id DESC LIMIT (\d+|\?)\s*$/i;

/**
 * Tables with a foreign key to `parent`. An INSERT into the parent plans a scan of each (SQLite's check for deferred
 * violations the new key might resolve), which runs only while such a violation is pending: never, with the
 * immediate constraints used here. Those scans are not reads of the table.
 */
function childTables(sqlite: Database.Database, parent: string): Set<string> {
  const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
  return new Set(tables.filter((t) => (sqlite.prepare('SELECT "table" FROM pragma_foreign_key_list(?)').pluck().all(t) as string[]).includes(parent)));
}

/**
 * Scans kept on purpose, each with its reason. 单位查询 by any part of the name reads the employers: a center has
 * thousands of them, not millions (30,000 employers: 4 ms for a name fragment, 0.2 ms for the first page).
 */
const KEPT = [/FROM employers e WHERE \(\? = '' OR e\.name LIKE \?/];

function scansOfGrowingTables(sqlite: Database.Database, sqls: Iterable<string>): string[] {
  const out: string[] = [];
  for (const sql of sqls) {
    const flat = sql.replace(/\s+/g, ' ').trim();
    if (!/^(SELECT|WITH|UPDATE|DELETE|INSERT)/i.test(flat) || (NEWEST_ROWS.test(flat) && !/\bWHERE\b/i.test(flat)) || KEPT.some((k) => k.test(flat))) continue;
    const inserted = /^\s*INSERT\s+INTO\s+"?(\w+)"?/i.exec(sql)?.[1];
    const fkChecks = inserted ? childTables(sqlite, inserted) : new Set<string>();
    const named = [...new Set([...sql.matchAll(/[:@$]([A-Za-z_]\w*)/g)].map((m) => m[1]!))];
    const args = named.length > 0 ? [Object.fromEntries(named.map((k) => [k, null]))] : Array((sql.match(/\?/g) ?? []).length).fill(null);
    const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>;
    for (const { detail } of plan) {
      const m = /^SCAN (\w+)/.exec(detail);
      if (!m) continue;
      // The plan names a table by its alias: find what the alias stands for.
      const alias = m[1]!;
      const table = GROWING.has(alias) ? alias : new RegExp(`\\b(?:FROM|JOIN|UPDATE)\\s+"?(\\w+)"?\\s+(?:AS\\s+)?${alias}\\b`, 'i').exec(flat)?.[1];
      if (table && GROWING.has(table) && !(fkChecks.has(table) && alias === table)) out.push(`${detail} ← ${flat.slice(0, 160)}`);
    }
  }
  return out;
}

describe('a day at the counter reads no growing table whole', () => {
  it('plans every statement of 汇缴, members, a withdrawal to payout, a loan to repayment, appointments, lists and prints on an index', async () => {
    h = harness('yinchuan', '2026-01-05T02:00:00Z');
    const { e, b, s } = contributingCouple(h);
    h.call('members.search', { query: '马建' });
    h.call('members.search', { query: b.accountNo });
    h.call('members.get', { memberId: b.id });
    h.call('members.statement', { memberId: b.id });
    h.call('employers.get', { employerId: e.id });
    const appt = h.call('appointments.create', { date: '2026-06-26', slot: '10:30-11:00', business: '租房提取', name: s.name, idNumber: s.idNumber, phone: '13800000001', idempotencyKey: h.key() });
    h.call('appointments.forMember', { memberId: s.id });
    h.at('2026-06-26T02:00:00Z');
    h.call('appointments.checkIn', { appointmentId: appt.id, idempotencyKey: h.key() });

    const RENT = { maritalStatus: 'single', rent: { annualRentFen: 3_600_000, familyAnnualIncomeFen: 10_000_000, contractDate: '2026-03-01', publicHousing: true } };
    const payee = { kind: 'own' as const, bankName: '中国建设银行银川分行', accountNo: '6217000010012345678', accountName: s.name };
    const d = h.call('withdrawal.create', { memberId: s.id, caseId: 'rent', facts: RENT, requestedFen: 100_000, payee, materialsSeen: [], idempotencyKey: h.key() });
    const w = h.call('withdrawal.update', { applicationId: d.id, version: d.version, caseId: 'rent', facts: RENT, requestedFen: 100_000, payee, materialsSeen: d.materials.map((x) => x.id), idempotencyKey: h.key() });
    h.call('withdrawal.submit', { applicationId: w.id, idempotencyKey: h.key() });
    h.call('withdrawal.review', { applicationId: w.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
    h.call('withdrawal.approve', { applicationId: w.id, pass: true, idempotencyKey: h.key() }, 'approver');
    const paid = h.call('withdrawal.pay', { applicationId: w.id, idempotencyKey: h.key() }, 'clerk2');
    expect(paid.state).toBe('已支付');
    h.call('withdrawal.get', { applicationId: w.id });

    const { loan, app } = disbursedLoan(h, { memberId: b.id, spouseMemberId: s.id, facts: YC_COMMODITY_FACTS, requestedFen: 30_000_000, months: 240, method: 'annuity', payee: SELLER_PAYEE }, 'YC-PLAN-0001');
    recordClearCheck(h, app.id);
    h.at('2026-07-25T02:00:00Z');
    h.call('loan.status', { loanId: loan.id });
    h.call('loan.repay', { loanId: loan.id, amountFen: loan.monthlyPaymentFen, source: 'bank', idempotencyKey: h.key() });
    h.call('loan.get', { applicationId: app.id });
    h.call('loan.schedule', { loanId: loan.id });
    h.call('loan.guaranteeFees', { loanId: loan.id });
    h.call('inbox.list', {});
    // The screens around them: lists, the member page, the day's report, drafts, and the printed forms.
    h.call('employers.search', { query: '' });
    h.call('members.events', { memberId: b.id });
    h.call('members.loans', { memberId: b.id });
    h.call('withdrawal.list', {}, 'reviewer');
    h.call('loan.list', {}, 'reviewer');
    h.call('loan.repayments', { loanId: loan.id });
    h.call('loan.prepayPreview', { loanId: loan.id, kind: 'partial', amountFen: 1_000_000, keep: 'installment' });
    h.call('appointments.list', {});
    h.call('ledger.daily', { date: '2026-07-25' });
    h.call('draft.save', { form: 'members.open', title: '职工开户 · 草稿', data: { name: '张三' } });
    h.call('draft.list', {});
    h.call('notices.list', {});
    h.call('audit.list', { limit: 100 }, 'admin');
    await h.callAsync('print.member', { memberId: s.id, form: 'statement' });
    await h.callAsync('print.withdrawal', { applicationId: w.id, form: 'voucher' });
    await h.callAsync('print.loan', { applicationId: app.id, form: 'schedule' });
    await h.callAsync('print.daily', { date: '2026-07-25' });

    const db = h.app.db as unknown as { statements: Map<string, unknown>; sqlite: Database.Database };
    const prepared = [...db.statements.keys()];
    expect(prepared.length).toBeGreaterThan(100);
    expect(scansOfGrowingTables(db.sqlite, prepared)).toEqual([]);
  });

  it('names a statement that scans (the check can fail)', () => {
    h = harness('yinchuan');
    const sqlite = h.app.db.sqlite;
    const aliased = 'SELECT r.id FROM remittances r JOIN journal_entries e ON e.id = r.entry_id WHERE r.month = ?';
    expect(scansOfGrowingTables(sqlite, ['SELECT COUNT(*) FROM applications WHERE app_no LIKE ?', 'SELECT debits_fen FROM accounts a WHERE a.name = ?', aliased])).toEqual([
      'SCAN applications USING COVERING INDEX sqlite_autoindex_applications_1 ← SELECT COUNT(*) FROM applications WHERE app_no LIKE ?',
      'SCAN a ← SELECT debits_fen FROM accounts a WHERE a.name = ?',
      `SCAN r ← ${aliased}`,
    ]);
    expect(scansOfGrowingTables(sqlite, ['SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1', 'SELECT * FROM members WHERE id = ?'])).toEqual([]);
    // A filter before the LIMIT may walk the whole table to find its rows.
    const filtered = "SELECT hash FROM audit_log WHERE action = 'x' ORDER BY id DESC LIMIT 1";
    expect(scansOfGrowingTables(sqlite, [filtered])).toEqual([`SCAN audit_log ← ${filtered}`]);
  });
});

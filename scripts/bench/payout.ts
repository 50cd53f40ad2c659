/**
 * `withdrawal.pay` in process through the dispatcher (session, role, zod, idempotency, policy re-check, posting,
 * stored result), beside one raw payout transaction on the same database: the entry, its two postings, the running
 * totals of the accounts it touches and an idempotency row, with prepared statements.
 */
import { harness, newEmployer, newMember, type Harness } from '../../services/testing/harness';
import { generateDemo } from '../../services/demo/generate';
import { SYSTEM_OPERATOR } from '../../services/context';
import { accountIdByCode, memberAccountId } from '../../services/ledger/accounts';
import { quantile, rows } from './table';
import { replayFloor, writeProbe, writtenBytes, type PayWrites } from './payFloor';

const OWN = (name: string) => ({ kind: 'own' as const, bankName: '中国建设银行银川分行', accountNo: '6217000010012345678', accountName: name });
const FACTS = { maritalStatus: 'single', rent: { annualRentFen: 3_600_000, familyAnnualIncomeFen: 10_000_000, contractDate: '2026-03-01', publicHousing: true } };

/** n members with twelve months of 汇缴 and an approved 21,000.00 rent withdrawal each, the clock at 2026-06-25. */
export function approvedWithdrawals(n: number) {
  const h = harness('yinchuan', '2025-07-10T02:00:00Z');
  const e = newEmployer(h);
  const members = Array.from({ length: n }, (_, i) => newMember(h, e.id, { baseFen: 1_000_000, openedDate: '2025-01-01', phone: `1390000${String(i).padStart(4, '0')}` }));
  for (let k = 0; k < 12; k++) {
    const month = `${k < 6 ? 2025 : 2026}-${String(((k + 6) % 12) + 1).padStart(2, '0')}`;
    h.at(`${month}-20T02:00:00Z`);
    h.call('remit.post', { employerId: e.id, month, idempotencyKey: h.key() });
  }
  h.at('2026-06-25T02:00:00Z');
  const approved = members.map((m) => approvedRent(h, m, 2_000_000));
  return { h, members, approved };
}

/** A rent withdrawal taken in, reviewed and approved by three people; its application id. */
function approvedRent(h: Harness, m: { id: number; name: string }, requestedFen: number): number {
  const d = h.call('withdrawal.create', { memberId: m.id, caseId: 'rent', facts: FACTS, requestedFen, payee: OWN(m.name), materialsSeen: [], idempotencyKey: h.key() });
  const u = h.call('withdrawal.update', { applicationId: d.id, version: d.version, caseId: 'rent', facts: FACTS, requestedFen, payee: OWN(m.name), materialsSeen: d.materials.map((x) => x.id), idempotencyKey: h.key() });
  h.call('withdrawal.submit', { applicationId: u.id, idempotencyKey: h.key() });
  h.call('withdrawal.review', { applicationId: u.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
  h.call('withdrawal.approve', { applicationId: u.id, pass: true, idempotencyKey: h.key() }, 'approver');
  return u.id;
}

/** withdrawal.pay for each approved application as 'clerk2' (another person than the one who took it in), ms each. */
function payTimes(h: Harness, approved: number[]): number[] {
  return approved.map((id) => {
    const t = performance.now();
    h.call('withdrawal.pay', { applicationId: id, idempotencyKey: h.key() }, 'clerk2');
    return performance.now() - t;
  });
}

/** One raw payout transaction per member on the same database, prepared statements, no code: the bare baseline. */
function rawPayouts(h: Harness, members: ReadonlyArray<{ id: number }>): number[] {
  const sqlite = h.app.db.sqlite;
  const ctx = h.app.ctx!;
  const bank = accountIdByCode(ctx, '101');
  const control = accountIdByCode(ctx, '201');
  const insEntry = sqlite.prepare(`INSERT INTO journal_entries (entry_no, idempotency_key, business_type, summary, booked_date, created_at, branch_code) VALUES (?, ?, '部分提取', '部分提取', '2026-06-25', '2026-06-25T02:00:00Z', ?)`);
  const insPosting = sqlite.prepare('INSERT INTO postings (entry_id, account_id, side, amount_fen) VALUES (?, ?, ?, ?)');
  const debit = sqlite.prepare('UPDATE accounts SET debits_fen = debits_fen + ? WHERE id = ?');
  const credit = sqlite.prepare('UPDATE accounts SET credits_fen = credits_fen + ? WHERE id = ?');
  const insCommand = sqlite.prepare(`INSERT INTO commands (idempotency_key, action, request_hash, result_json, operator_id, created_at) VALUES (?, 'bench.pay', '', '{}', NULL, '2026-06-25T02:00:00Z')`);
  const branch = ctx.center.branches[0]!.code;
  return members.map((m, i) => {
    const acct = memberAccountId(ctx, m.id, 'basic')!;
    const t = performance.now();
    sqlite.transaction(() => {
      const id = Number(insEntry.run(`BENCH${i}`, `bench-raw-pay-${i}`, branch).lastInsertRowid);
      insPosting.run(id, acct, 'D', 100);
      insPosting.run(id, bank, 'C', 100);
      debit.run(100, acct);
      debit.run(100, control);
      credit.run(100, bank);
      insCommand.run(`bench-raw-pay-${i}`);
    })();
    return performance.now() - t;
  });
}

export function benchPayout(n = 30): void {
  const { h, members, approved } = approvedWithdrawals(n);
  const sqlite = h.app.db.sqlite;
  // What each payout wrote, captured between payouts (outside the timed call): its floor below.
  const probe = writeProbe(sqlite);
  const writes: PayWrites[] = [];
  const times = approved.map((id) => {
    probe.before();
    const t = performance.now();
    h.call('withdrawal.pay', { applicationId: id, idempotencyKey: h.key() }, 'clerk2');
    const ms = performance.now() - t;
    writes.push(probe.after());
    return ms;
  });
  const stored = sqlite.prepare(`SELECT avg(length(result_json)) FROM commands WHERE action = 'withdrawal.pay'`).pluck().get() as number;

  const raw = rawPayouts(h, members);
  const floor = replayFloor(sqlite, writes);
  const pay = quantile(times, 0.5);
  const base = quantile(raw, 0.5);
  rows.push({ operation: '`withdrawal.pay` in process, p50', size: `${n} payouts`, figure: pay, baseline: base, baselineWhat: 'one raw payout transaction p50', goal: '< 2 ms', note: `stored result ${(stored / 1024).toFixed(1)} KB` });
  const w = writes[0]!;
  const tables = [...new Set([...w.inserts.map((i) => i.table), ...w.updates.map((u) => u.table)])].join(', ');
  rows.push({
    operation: '`withdrawal.pay` floor: the rows each payout wrote, as stored, into copies of its tables with their own indexes, one transaction each (no code, no triggers)',
    size: `${n} payouts`,
    figure: quantile(floor, 0.5),
    baseline: base,
    baselineWhat: 'the raw payout above',
    goal: '— (what its writes cost)',
    note: `${w.inserts.length} rows inserted, ${w.updates.length} updated, ${w.totals.length} running totals; ${(writtenBytes(w) / 1024).toFixed(1)} KB (${tables}); pay ÷ floor ${(pay / quantile(floor, 0.5)).toFixed(1)}×`,
  });
  h.close();
}

/**
 * The same payout for members of one big employer (50,000 members, 12 months of 汇缴): what a member read costs when
 * it depends on the employer's size (a member read counted the employer's members before issue 14's census).
 */
export function benchPayoutBigEmployer(members = 50_000, n = 30): void {
  const h = harness('yinchuan', '2026-06-25T02:00:00Z');
  generateDemo(h.app.ctx!, SYSTEM_OPERATOR, { members, months: 12, perEmployer: members });
  const people = h.app.db.sqlite.prepare(`SELECT id, name FROM members WHERE status = '正常' ORDER BY id LIMIT ?`).all(n) as Array<{ id: number; name: string }>;
  const times = payTimes(h, people.map((m) => approvedRent(h, m, 100_000)));
  const raw = rawPayouts(h, people);
  rows.push({ operation: '`withdrawal.pay` in process, p50, members of one big employer', size: `${n} payouts, employer of ${members}`, figure: quantile(times, 0.5), baseline: quantile(raw, 0.5), baselineWhat: 'one raw payout transaction p50', goal: '< 2 ms', note: 'a member read no longer depends on the employer’s size' });
  h.close();
}

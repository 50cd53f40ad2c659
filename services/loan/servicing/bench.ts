/**
 * For `npm run bench` (and the CLI test): N disbursed loans written set-based, then a repricing across 1 January.
 *
 *  seedBenchLoans(ctx, by, { count, disbursedDate?, seed?, months? }) — N loans on the members already in the
 *    database (cycled; a small demo population is generated when there are none): 121 sub-ledger accounts, one
 *    贷款发放 entry for all of them (Dr each 121:<contract no>, Cr 101), the loan rows at the first-home rate in force
 *    on the disbursement date, and each frozen schedule from THE schedule code.
 *  benchReprice(ctx, by, count, opts?) — seeds, adds a national rate cut effective the day after the latest row,
 *    reprices as of 20 December that year (so every loan moves on the next 1 January), runs it again (nothing may
 *    change: idempotent) and returns the timings.
 */
import { buildSchedule, addMonthsClamped } from '../../../shared/loan/schedule';
import { loanRateOn } from '../../../shared/rates/loanRates';
import type { RepriceReportDto } from '../../../shared/contract/loanServicing';
import type { Operator, ServiceContext } from '../../context';
import { nowIso } from '../../context';
import { accountIdByCode } from '../../ledger/accounts';
import { postEntry, type PostingLine } from '../../ledger/post';
import { systemKey } from '../../ledger/keys';
import { addLoanRate, loanRates } from '../../policy/tables';
import { generateDemo } from '../../demo/generate';
import { addDays } from './dates';
import { repriceLoans } from './reprice';

export interface BenchLoanOptions {
  count: number;
  /** Default 2026-03-15. */
  disbursedDate?: string;
  seed?: number;
  /** Terms to draw from (months, all over a year); default 120, 180, 240, 300, 360. */
  months?: readonly number[];
}

const CHUNK = 10_000;
const SCHEDULE_CHUNK = 2_000;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedBenchLoans(ctx: ServiceContext, by: Operator, opts: BenchLoanOptions): { loans: number; scheduleRows: number; seconds: number } {
  const started = performance.now();
  const db = ctx.db;
  const date = opts.disbursedDate ?? '2026-03-15';
  const terms = opts.months ?? [120, 180, 240, 300, 360];
  const rand = rng(opts.seed ?? 20260315);
  if ((db.prepare('SELECT COUNT(*) AS n FROM members').get() as { n: number }).n === 0) generateDemo(ctx, by, { members: 1000, months: 0 });
  const members = (db.prepare('SELECT id FROM members ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);
  const rates = loanRates(ctx);
  const at = nowIso(ctx);
  const branch = ctx.center.branches[0]!.code;
  let operatorId = (db.prepare('SELECT MIN(id) AS id FROM operators').get() as { id: number | null }).id;
  let scheduleRows = 0;
  db.tx(() => {
    if (operatorId === null) {
      operatorId = Number(
        db.prepare(`INSERT INTO operators (login, name, role, password_hash, branch_code, active, created_at) VALUES ('bench', '性能测试', 'admin', '!', ?, 0, ?)`).run(branch, at).lastInsertRowid,
      );
    }
    const firstLoan = (db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM loans').get() as { n: number }).n + 1;
    const firstApp = (db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM applications').get() as { n: number }).n + 1;
    const firstDue = addMonthsClamped(date, 1);
    const loans: Array<{ id: number; app: number; contractNo: string; member: number; principal: number; months: number; rate: string; basis: string }> = [];
    for (let i = 0; i < opts.count; i++) {
      const months = terms[Math.floor(rand() * terms.length)]!;
      const quote = loanRateOn(rates, date, months, 1, { kind: 'table' });
      const principal = (100_000 + Math.floor(rand() * 700_000)) * 100;
      loans.push({ id: firstLoan + i, app: firstApp + i, contractNo: `BENCH-${String(firstLoan + i).padStart(7, '0')}`, member: members[i % members.length]!, principal, months, rate: quote.annualRatePercent, basis: quote.basis });
    }
    for (let i = 0; i < loans.length; i += CHUNK) {
      db.prepare(
        `INSERT INTO applications (id, app_no, kind, case_id, member_id, state, version, facts_json, decision_json, requested_fen, approved_fen,
           payee_json, materials_json, branch_code, created_by, created_at, updated_at, contract_no)
         SELECT j.value ->> 0, 'BENCH-APP-' || (j.value ->> 0), 'loan', 'commodity', j.value ->> 1, '已放款', 1,
                json_object('loanTerms', json_object('months', j.value ->> 3, 'method', 'annuity')), '{"useNumber":1}', j.value ->> 2, j.value ->> 2,
                '{}', '{}', ?, ?, ?, ?, j.value ->> 4 FROM json_each(?) AS j`,
      ).run(branch, operatorId, at, at, JSON.stringify(loans.slice(i, i + CHUNK).map((l) => [l.app, l.member, l.principal, l.months, l.contractNo])));
      db.prepare(
        `INSERT INTO accounts (code, name, type, parent_code, member_id, loan_id)
         SELECT '121:' || (j.value ->> 0), '个人住房公积金贷款', 'asset', '121', j.value ->> 1, j.value ->> 2 FROM json_each(?) AS j`,
      ).run(JSON.stringify(loans.slice(i, i + CHUNK).map((l) => [l.contractNo, l.member, l.id])));
    }
    const accountIds = db.prepare(`SELECT id FROM accounts WHERE parent_code = '121' AND loan_id >= ? ORDER BY loan_id`).all(firstLoan) as Array<{ id: number }>;
    const total = loans.reduce((t, l) => t + l.principal, 0);
    const lines: PostingLine[] = loans.map((l, i) => ({ accountId: accountIds[i]!.id, side: 'D', amountFen: l.principal }));
    lines.push({ accountId: accountIdByCode(ctx, '101'), side: 'C', amountFen: total, memo: '贷款发放（批量演示数据）' });
    const entry = postEntry(ctx, { idempotencyKey: systemKey('bench-loans', firstLoan, opts.count), businessType: '贷款发放', summary: '贷款发放（批量演示数据）', bookedDate: date, operator: { ...by, branchCode: by.branchCode || branch }, lines, refType: 'loan' });
    const dueDates = Array.from({ length: Math.max(...terms) }, (_, k) => addMonthsClamped(firstDue, k));
    for (let i = 0; i < loans.length; i += CHUNK) {
      db.prepare(
        `INSERT INTO loans (id, contract_no, application_id, member_id, spouse_member_id, principal_fen, annual_rate_percent, rate_basis, months, method,
           first_due_date, disbursed_date, disbursed_entry_id, mortgage_reg_no, status, created_at)
         SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, NULL, j.value ->> 4, j.value ->> 5, j.value ->> 6, j.value ->> 7, 'annuity',
                ?, ?, ?, NULL, '还款中', ? FROM json_each(?) AS j`,
      ).run(firstDue, date, entry.entryId, at, JSON.stringify(loans.slice(i, i + CHUNK).map((l) => [l.id, l.contractNo, l.app, l.member, l.principal, l.rate, l.basis, l.months])));
    }
    // The frozen schedules, a few thousand loans at a time (a loan of 360 months has 360 rows).
    const insertRows = db.prepare(
      `INSERT INTO loan_schedule (loan_id, period, due_date, payment_fen, principal_fen, interest_fen, remaining_fen)
       SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6 FROM json_each(?) AS j`,
    );
    for (let i = 0; i < loans.length; i += SCHEDULE_CHUNK) {
      const rows: Array<Array<number | string>> = [];
      for (const l of loans.slice(i, i + SCHEDULE_CHUNK)) {
        for (const r of buildSchedule({ principalFen: l.principal, annualRatePercent: l.rate, months: l.months, method: 'annuity' }).rows) {
          rows.push([l.id, r.period, dueDates[r.period - 1]!, r.paymentFen, r.principalFen, r.interestFen, r.remainingFen]);
        }
      }
      scheduleRows += rows.length;
      insertRows.run(JSON.stringify(rows));
    }
  });
  return { loans: opts.count, scheduleRows, seconds: (performance.now() - started) / 1000 };
}

export interface BenchRepriceResult {
  loans: number;
  scheduleRows: number;
  seedSeconds: number;
  repriceSeconds: number;
  report: RepriceReportDto;
  /** The second run: must change nothing. */
  rerunChanged: number;
  rerunSeconds: number;
}

export function benchReprice(ctx: ServiceContext, by: Operator, count: number, opts: Omit<BenchLoanOptions, 'count'> = {}): BenchRepriceResult {
  const date = opts.disbursedDate ?? '2026-03-15';
  const seeded = seedBenchLoans(ctx, by, { ...opts, count });
  const latest = loanRates(ctx).reduce((a, b) => (b.effectiveFrom > a.effectiveFrom ? b : a));
  const cut = latest.effectiveFrom >= date ? addDays(latest.effectiveFrom, 1) : addDays(date, 1);
  addLoanRate(ctx, by, { effectiveFrom: cut, firstUpTo5y: '1.85', firstOver5y: '2.35', secondUpTo5y: '2.275', secondOver5y: '2.825', source: '性能测试：假设的利率下调' });
  const asOf = `${cut.slice(0, 4)}-12-20`;
  const t = performance.now();
  const report = repriceLoans(ctx, by, { asOf, limit: 10 });
  const repriceSeconds = (performance.now() - t) / 1000;
  const t2 = performance.now();
  const again = repriceLoans(ctx, by, { asOf, limit: 0 });
  return { loans: seeded.loans, scheduleRows: seeded.scheduleRows, seedSeconds: seeded.seconds, repriceSeconds, report, rerunChanged: again.changed, rerunSeconds: (performance.now() - t2) / 1000 };
}

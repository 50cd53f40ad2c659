/**
 * 利率调整 (loan.reprice, `gjj reprice --as-of DATE`), after the seed (003 还款方式): "借款期限为一年的，执行合同利率
 * …遇法定利率调整，不分段计息。贷款期限在一年以上的…遇法定利率调整，于下一年度1月1日开始，按相应利率档次执行新的
 * 利率规定".
 *
 * For every rate-table row effective before the as-of date, its "next 1 January" J (1 January of the following
 * year) is a repricing day. On each J, in date order, every loan still being repaid that was disbursed before J and
 * whose term is over 12 months moves to the rate in force the day before J for its band (五年以下/五年以上 by the
 * contract term) and use (first, or second — the loan's rate basis says which; the center's second-use rule from
 * its policy parameters), when that differs from the rate its schedule carries. Loans of 12 months or less keep
 * the contract rate.
 *
 * The new rate applies from the first installment falling due on or after J (an installment's interest is
 * charged on its due date), or after the last installment already paid, whichever is later: nothing already paid is
 * recomputed. A new schedule version starts there, built by THE schedule code (shared/loan/schedule.ts) on the
 * remaining principal of the schedule in force (the principal of every installment from there on) over the same
 * remaining number of periods. No money moves, so there is no journal entry; each pass that changes anything is a
 * loan_reprice_runs row and an audit row.
 *
 * Idempotent: a second run finds every loan already at the rate and changes nothing. Set-based for a whole center:
 * loans whose schedule has never been versioned (nearly all of them) are read, recomputed and written in chunks
 * through json_each; only loans with earlier versions are rebuilt one by one.
 */
import { D } from '../../../shared/money';
import { AppError } from '../../../shared/errors';
import { addMonthsClamped, type RepaymentMethod } from '../../../shared/loan/schedule';
import { loanRateOn, termBand, type SecondUseRule } from '../../../shared/rates/loanRates';
import type { RepriceChangeDto, RepricePassDto, RepriceReportDto } from '../../../shared/contract/loanServicing';
import type { Operator, ServiceContext } from '../../context';
import { nowIso } from '../../context';
import { loanRates } from '../../policy/tables';
import { evalOptions } from '../../policy/decide';
import { packFor } from '../../rules/packs';
import { ParamReader } from '../../rules/params';
import { audit } from '../../audit/log';
import { addDays } from './dates';
import { dueDateOf, effectiveSchedule, loadFrozen, loadLoan, loadVersions, scheduleFor } from './schedule';
import { versionOf } from './state';
import type { BatchReport } from '../../batch/report';

export interface RepriceOptions {
  asOf: string;
  /** How many changes to list in the report (all by default; the counts are always complete). */
  limit?: number;
  /** Progress for the batch worker (services/batch): each repricing day, and the loans of each. */
  report?: BatchReport;
}

const CHUNK = 20_000;

interface Candidate {
  id: number;
  contract_no: string;
  months: number;
  method: RepaymentMethod;
  first_due_date: string;
  principal_fen: number;
  annual_rate_percent: string;
  rate_basis: string;
  max_version: number | null;
  v_rate: string | null;
  max_alloc: number | null;
}

/** The first period falling due on or after J (a 1 January): the period whose due month is January of J's year. */
export function firstPeriodOnOrAfter(firstDueDate: string, j: string): number {
  const months = (Number(j.slice(0, 4)) - Number(firstDueDate.slice(0, 4))) * 12 + (Number(j.slice(5, 7)) - Number(firstDueDate.slice(5, 7)));
  let p = Math.max(1, months + 1);
  while (p > 1 && addMonthsClamped(firstDueDate, p - 2) >= j) p--;
  while (addMonthsClamped(firstDueDate, p - 1) < j) p++;
  return p;
}

/** A loan's use (1 or 2) from the basis the engine wrote when it set the contract rate. */
export const useOf = (rateBasis: string): 1 | 2 => (/第二次使用|第二套/.test(rateBasis) ? 2 : 1);

export function repriceLoans(ctx: ServiceContext, by: Operator, opts: RepriceOptions): RepriceReportDto {
  const started = performance.now();
  const asOf = opts.asOf;
  const limit = opts.limit ?? Number.POSITIVE_INFINITY;
  const rows = loanRates(ctx).filter((r) => r.effectiveFrom < asOf);
  const days = [...new Set(rows.map((r) => `${Number(r.effectiveFrom.slice(0, 4)) + 1}-01-01`))].sort();
  const pack = packFor(ctx.center.id);
  const overrides = evalOptions(ctx).overrides ?? [];
  const examined = new Set<number>();
  const short = new Set<number>();
  const touched = new Set<number>();
  const changes: RepriceChangeDto[] = [];
  const passes: RepricePassDto[] = [];
  const runIds: number[] = [];
  let total = 0;

  const report = opts.report ?? (() => undefined);
  ctx.db.tx(() => {
    for (const [dayIndex, j] of days.entries()) {
      report(`${j}调整（第${dayIndex + 1}/${days.length}次）`, 0, 0);
      const table = rows.filter((r) => r.effectiveFrom < j);
      const row = table.reduce((a, b) => (b.effectiveFrom > a.effectiveFrom ? b : a));
      const dayBefore = addDays(j, -1);
      let rule: SecondUseRule | null = null;
      const ruleOf = () => (rule ??= secondUseRule(pack, dayBefore, asOf, overrides));
      const targets = new Map<string, string>();
      const target = (months: number, use: 1 | 2) => {
        const key = `${termBand(months)}:${use}`;
        let t = targets.get(key);
        if (t === undefined) {
          try {
            t = loanRateOn(table, dayBefore, months, use, use === 2 ? ruleOf() : { kind: 'table' }).annualRatePercent;
          } catch (e) {
            throw new AppError('RULE', `${j}调整利率：${e instanceof Error ? e.message : String(e)}`);
          }
          targets.set(key, t);
        }
        return t;
      };
      const candidates = ctx.db
        .prepare(
          `SELECT l.id, l.contract_no, l.months, l.method, l.first_due_date, l.principal_fen, l.annual_rate_percent, l.rate_basis,
                  v.version AS max_version, v.annual_rate_percent AS v_rate,
                  (SELECT MAX(al.period) FROM loan_repayment_allocations al WHERE al.loan_id = l.id) AS max_alloc
             FROM loans l
             LEFT JOIN loan_schedule_versions v ON v.loan_id = l.id AND v.version = (SELECT MAX(x.version) FROM loan_schedule_versions x WHERE x.loan_id = l.id)
            WHERE l.status = '还款中' AND l.disbursed_date < ?
            ORDER BY l.id`,
        )
        .all(j) as Candidate[];
      report(`${j}调整（第${dayIndex + 1}/${days.length}次）`, 0, candidates.length);
      const fast: Array<{ c: Candidate; from: number; rate: string }> = [];
      const slow: Array<{ c: Candidate; from: number; rate: string }> = [];
      for (const c of candidates) {
        examined.add(c.id);
        if (c.months <= 12) {
          short.add(c.id);
          continue;
        }
        const rate = target(c.months, useOf(c.rate_basis));
        if (sameRate(c.v_rate ?? c.annual_rate_percent, rate)) continue;
        const from = Math.max(firstPeriodOnOrAfter(c.first_due_date, j), (c.max_alloc ?? 0) + 1);
        (c.max_version === null ? fast : slow).push({ c, from, rate });
      }
      const versions: unknown[][] = [];
      const record = (c: Candidate, from: number, rate: string, base: number, periods: number, oldRate: string, oldInstallment: number) => {
        if (periods <= 0 || base <= 0) return;
        const s = scheduleFor(base, rate, periods, c.method);
        versions.push([c.id, (c.max_version ?? 1) + 1, from, rate, base, periods, c.method, s.installmentFen, s.totalInterestFen]);
        touched.add(c.id);
        if (changes.length < limit) {
          changes.push({
            loanId: c.id,
            effectiveDate: j,
            contractNo: c.contract_no,
            fromPeriod: from,
            dueDate: dueDateOf({ firstDueDate: c.first_due_date }, from),
            oldRatePercent: oldRate,
            newRatePercent: rate,
            remainingPrincipalFen: base,
            months: periods,
            oldInstallmentFen: oldInstallment,
            newInstallmentFen: s.installmentFen,
          });
        }
      };
      // Never-versioned loans: the remaining principal and the current installment straight from the frozen schedule.
      for (let i = 0; i < fast.length; i += CHUNK) {
        const chunk = fast.slice(i, i + CHUNK).filter((f) => f.from <= f.c.months);
        const got = ctx.db
          .prepare(
            `SELECT j.key AS k, p.remaining_fen AS prev, c.payment_fen AS payment
               FROM json_each(?) AS j
               JOIN loan_schedule c ON c.loan_id = j.value ->> 0 AND c.period = j.value ->> 1
               LEFT JOIN loan_schedule p ON p.loan_id = j.value ->> 0 AND p.period = (j.value ->> 1) - 1`,
          )
          .all(JSON.stringify(chunk.map((f) => [f.c.id, f.from]))) as Array<{ k: number; prev: number | null; payment: number }>;
        for (const g of got) {
          const { c, from, rate } = chunk[g.k]!;
          record(c, from, rate, from === 1 ? c.principal_fen : g.prev!, c.months - from + 1, c.annual_rate_percent, g.payment);
        }
      }
      for (const { c, from, rate } of slow) {
        const loan = loadLoan(ctx, c.id);
        const frozen = loadFrozen(ctx, loan);
        const vs = loadVersions(ctx, loan, frozen);
        const rest = effectiveSchedule(loan, frozen, vs).filter((r) => r.period >= from);
        if (rest.length === 0) continue;
        record(c, from, rate, rest.reduce((t, r) => t + r.principalFen, 0), rest.length, versionOf(vs, from).annualRatePercent, rest[0]!.paymentFen);
      }
      report(`${j}调整（第${dayIndex + 1}/${days.length}次）`, candidates.length, candidates.length);
      if (versions.length === 0) continue;
      const runId = Number(
        ctx.db
          .prepare('INSERT INTO loan_reprice_runs (as_of, effective_date, rate_row_from, examined, changed, created_at, operator_login) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(asOf, j, row.effectiveFrom, candidates.length, versions.length, nowIso(ctx), by.login).lastInsertRowid,
      );
      const createdAt = nowIso(ctx);
      const insert = ctx.db.prepare(
        `INSERT INTO loan_schedule_versions (loan_id, version, from_period, reason, keep, annual_rate_percent, base_principal_fen, months, method,
           installment_fen, total_interest_fen, effective_date, repayment_id, reprice_run_id, created_at)
         SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, 'reprice', NULL, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6,
                j.value ->> 7, j.value ->> 8, ?, NULL, ?, ? FROM json_each(?) AS j`,
      );
      for (let i = 0; i < versions.length; i += CHUNK) insert.run(j, runId, createdAt, JSON.stringify(versions.slice(i, i + CHUNK)));
      audit(ctx, { operator: by, action: 'loan.reprice', recordType: 'loan_reprice_run', recordId: runId, detail: { asOf, effectiveDate: j, rateRowFrom: row.effectiveFrom, changed: versions.length } });
      runIds.push(runId);
      passes.push({ effectiveDate: j, rateRowFrom: row.effectiveFrom, changed: versions.length });
      total += versions.length;
    }
  });
  const over = [...examined].filter((id) => !short.has(id));
  return {
    asOf,
    passes,
    examined: examined.size,
    changed: total,
    keptShort: short.size,
    alreadyCurrent: over.filter((id) => !touched.has(id)).length,
    changes,
    runIds,
    seconds: (performance.now() - started) / 1000,
  };
}

const normal = new Map<string, string>();
function sameRate(a: string, b: string): boolean {
  const n = (x: string) => {
    let v = normal.get(x);
    if (v === undefined) normal.set(x, (v = new D(x).toString()));
    return v;
  };
  return n(a) === n(b);
}

function secondUseRule(pack: ReturnType<typeof packFor>, date: string, asOf: string, overrides: NonNullable<ReturnType<typeof evalOptions>['overrides']>): SecondUseRule {
  for (const d of [date, asOf]) {
    try {
      return new ParamReader(pack.params, d, overrides).get<SecondUseRule>(pack.secondUseParam);
    } catch {
      // a parameter series starting after this day: try the as-of date
    }
  }
  throw new AppError('RULE', `${date}没有有效的第二次使用利率规则参数`);
}


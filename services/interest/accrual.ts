/**
 * Interest on a member account by the daily-balance (积数) method: Σ (each day's closing balance × that day's
 * annual rate) ÷ day basis, rounded half-up to the fen only once, when it is paid or credited.
 *
 * Conventions (domain-notes; both are center settings, these are the defaults):
 * - day basis 360; one balance (carried-forward and current-year money earn the same rate since 2016-02-21);
 * - the settlement year runs 1 July – 30 June; interest accrues from the day after the last 年终结息 (or from
 *   1 July of the current settlement year, or from the first deposit if later);
 * - days are counted 算头不算尾: from the start date up to, not including, the end date; a posting booked on a day
 *   counts from that day.
 * Example: 10,000.00 held for 365 days at 1.50% → 10000 × 365 × 1.5% ÷ 360 = 152.08.
 */
import { D, roundFen } from '../../shared/money';
import { depositRateOn, type DepositRateRow } from '../../shared/rates/depositRates';
import type { ServiceContext } from '../context';
import { depositRates } from '../policy/tables';

export const DAY_BASIS = 360;

export interface AccrualSegment {
  from: string;
  to: string;
  days: number;
  balanceFen: number;
  ratePercent: string;
}

export interface Accrual {
  fromDate: string;
  toDate: string;
  /** Σ balance × days in fen-days, per rate. */
  productFenDays: number;
  interestFen: number;
  segments: AccrualSegment[];
}

const DAY_MS = 86_400_000;
const toDay = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const fromDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function settlementYearStart(date: string): string {
  const y = Number(date.slice(0, 4));
  return date.slice(5) >= '07-01' ? `${y}-07-01` : `${y - 1}-07-01`;
}

/** Pure: interest on a balance history, given the opening balance and dated movements within the period. */
export function accrue(
  openingFen: number,
  movements: ReadonlyArray<{ date: string; amountFen: number }>,
  fromDate: string,
  toDate: string,
  rates: readonly DepositRateRow[],
  dayBasis = DAY_BASIS,
): Accrual {
  const start = toDay(fromDate);
  const end = toDay(toDate);
  // Break points: every movement date and every rate change inside the period. Each movement's day is computed
  // once; movements on or before the start open the balance, later ones are summed per day.
  const points = new Set<number>([start, end]);
  const onDay = new Map<number, number>();
  let balance = openingFen;
  for (const m of movements) {
    const day = toDay(m.date);
    if (day <= start) balance += m.amountFen;
    else if (day < end) {
      points.add(day);
      onDay.set(day, (onDay.get(day) ?? 0) + m.amountFen);
    }
  }
  for (const r of rates) if (toDay(r.effectiveFrom) > start && toDay(r.effectiveFrom) < end) points.add(toDay(r.effectiveFrom));
  const sorted = [...points].sort((a, b) => a - b);
  const dates = sorted.map(fromDay);
  const segments: AccrualSegment[] = [];
  // Σ balance × days per rate, in exact integers (BigInt: no fen-day sum can lose a digit); one decimal product per rate.
  const perRate = new Map<string, bigint>();
  let product = 0;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    if (i > 0) balance += onDay.get(a) ?? 0;
    const days = b - a;
    const rate = depositRateOn(rates, dates[i]!).annualRatePercent;
    segments.push({ from: dates[i]!, to: dates[i + 1]!, days, balanceFen: balance, ratePercent: rate });
    product += balance * days;
    perRate.set(rate, (perRate.get(rate) ?? 0n) + BigInt(balance) * BigInt(days));
  }
  let interest = new D(0);
  for (const [rate, fenDays] of perRate) interest = interest.plus(new D(fenDays.toString()).times(rate));
  // fen-days × percent ÷ 100 ÷ basis = fen; ÷ 100 more for yuan, which roundFen takes.
  const yuan = interest.dividedBy(100).dividedBy(dayBasis).dividedBy(100);
  return { fromDate, toDate, productFenDays: product, interestFen: Math.max(0, roundFen(yuan)), segments };
}

/** Interest accrued on a member's account from the start of the settlement period up to (not including) a date. */
export function accruedInterest(ctx: ServiceContext, accountId: number, toDate: string): Accrual {
  // One pass over the account's postings by day: each day's net movement, and whether a 年终结息 was booked that day.
  const rows = ctx.db
    .prepare(
      `SELECT e.booked_date AS date, SUM(CASE WHEN p.side = 'C' THEN p.amount_fen ELSE -p.amount_fen END) AS amount,
              MAX(e.business_type = '年终结息') AS credited
         FROM postings p JOIN journal_entries e ON e.id = p.entry_id
        WHERE p.account_id = ? AND e.booked_date < ? GROUP BY e.booked_date ORDER BY e.booked_date`,
    )
    .all(accountId, toDate) as Array<{ date: string; amount: number; credited: number }>;
  let lastCredit: string | null = null;
  for (const r of rows) if (r.credited) lastCredit = r.date;
  let fromDate = settlementYearStart(toDate);
  if (lastCredit && lastCredit >= fromDate) fromDate = fromDay(toDay(lastCredit) + 1);
  let opening = 0;
  const movements: Array<{ date: string; amountFen: number }> = [];
  for (const r of rows) {
    if (r.date < fromDate) opening += r.amount;
    else movements.push({ date: r.date, amountFen: r.amount });
  }
  return accrue(opening, movements, fromDate, toDate, depositRates(ctx));
}

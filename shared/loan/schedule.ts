/**
 * Repayment schedules (还款计划) for provident-fund loans. Pure: no I/O, no clock.
 *
 * Convention, the same for every method so that a clerk can redo any row by hand:
 * - The monthly rate r is the annual rate ÷ 12, taken as an exact decimal (3.1% → 0.031 / 12).
 * - Every period's interest is the outstanding principal × r, rounded half-up to the fen (`roundFen`).
 * - 等额本息 ('annuity'): the installment P·r·(1+r)^n / ((1+r)^n − 1) is rounded half-up to the fen once; each
 *   period's principal is installment − interest.
 * - 等额本金 ('linear'): each period's principal is P / n rounded half-up to the fen; the payment is that principal
 *   plus the period's interest, so it falls each month by (P / n) × r.
 * - In both, the LAST period takes whatever principal remains, so the principal column sums to P exactly; its
 *   payment is that remaining principal plus its own interest. Rounding is per period, never on a total, and the
 *   residual lands in one place an auditor can find.
 * - Rate 0: the annuity installment is P / n rounded half-up; the last period absorbs the difference.
 * - 利随本清 ('lump', loans of at most 12 months): one payment at the end of principal + P × annual rate ÷ 12 × months,
 *   the interest rounded half-up to the fen.
 *
 * Dates: period k falls due on firstDueDate plus (k − 1) months, counted from the first date each time, with the day
 * clamped to the month's last day (01-31 → 02-28 → 03-31). The lump payment falls due at the end of the term, i.e.
 * firstDueDate plus (months − 1) months, so a caller passes firstDueDate the same way whatever the method. Without a
 * firstDueDate every dueDate is ''.
 *
 * Speed: a center recomputes thousands of schedules (rate changes on 1 January, trial calculations), and decimal.js
 * costs about a microsecond an operation, which is 1,000+ a second for 360 rows. So the per-period interest is
 * computed as an exact integer fraction (fen × rate numerator ÷ denominator, all integers below 2^53, rounded
 * half-up by integer remainder); it is the same number roundFen gives, which the tests check over many random
 * balances, and the module falls back to roundFen on decimal.js whenever a product could leave the exact-integer range.
 * The installment, which needs (1+r)^n, is computed once per schedule in decimal.js.
 */
import { D, roundFen, type Dec } from '../money';

export type RepaymentMethod = 'annuity' | 'linear' | 'lump';

export const METHOD_LABELS: Record<RepaymentMethod, string> = {
  annuity: '等额本息',
  linear: '等额本金',
  lump: '利随本清',
};

/** 利随本清 is only for short loans: the national rules allow it for terms of one year or less. */
export const LUMP_MAX_MONTHS = 12;
/** A sanity bound on the term; a center's own maximum (commonly 30 years) is policy and is checked elsewhere. */
export const MAX_SCHEDULE_MONTHS = 360;

export interface ScheduleInput {
  principalFen: number;
  annualRatePercent: string;
  months: number;
  method: RepaymentMethod;
  /** YYYY-MM-DD; default: none → dueDate ''. */
  firstDueDate?: string;
  /**
   * 等额本息 only, 保持月供: pay this installment every period instead of the one the formula gives for `months`;
   * the last period takes what principal remains (so pays less). Use fixedInstallmentMonths for the months.
   */
  installmentFen?: number;
}

export interface ScheduleRow {
  period: number;
  dueDate: string;
  paymentFen: number;
  principalFen: number;
  interestFen: number;
  remainingFen: number;
}

export interface ScheduleSummary {
  method: RepaymentMethod;
  principalFen: number;
  months: number;
  /** e.g. '30' or '2.5'; terms that are not a whole number of half-years show two decimals ('0.58'). */
  years: string;
  annualRatePercent: string;
  firstPaymentFen: number;
  /** 每月还款金额: annuity = the fixed installment, linear = first month's payment, lump = the single payment. */
  monthlyPaymentFen: number;
  /** 每月递减, linear only: (P/n)×r rounded half-up. */
  monthlyDecreaseFen: number | null;
  lastPaymentFen: number;
  totalInterestFen: number;
  totalPaymentFen: number;
}

const RATE_PATTERN = /^\d{1,3}(\.\d{1,8})?$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The fixed 等额本息 installment in fen, rounded half-up to the fen. */
export function annuityInstallmentFen(principalFen: number, annualRatePercent: string, months: number): number {
  const rate = new D(annualRatePercent);
  const principalYuan = new D(principalFen).dividedBy(100);
  if (rate.isZero()) return roundFen(principalYuan.dividedBy(months));
  // (1+r)^n is computed once; at 40 significant digits the installment cannot land on the wrong side of a half fen.
  const r = rate.dividedBy(1200);
  const growth = r.plus(1).pow(months);
  return roundFen(principalYuan.times(r).times(growth).dividedBy(growth.minus(1)));
}

/**
 * 保持月供 (keep the installment, shorten the term): how many periods a fixed installment takes to repay the
 * principal — every period pays the installment (interest = outstanding × annual rate ÷ 12, half-up to the fen; the
 * rest is principal) until the outstanding plus its interest fits in one installment, which is the last period.
 * At most maxMonths; an installment that does not cover the first month's interest never repays, so maxMonths.
 */
export function fixedInstallmentMonths(principalFen: number, annualRatePercent: string, installmentFen: number, maxMonths: number): number {
  const interestOn = monthlyInterest(annualRatePercent.trim(), principalFen);
  let remaining = principalFen;
  for (let n = 1; n <= maxMonths; n++) {
    const interestFen = interestOn(remaining);
    if (remaining + interestFen <= installmentFen) return n;
    const principalPart = installmentFen - interestFen;
    if (principalPart <= 0) return maxMonths;
    remaining -= principalPart;
  }
  return maxMonths;
}

/** Chinese message naming the offending field, or null when the input can be scheduled. */
export function validateScheduleInput(input: ScheduleInput): string | null {
  const { principalFen, annualRatePercent, months, method, firstDueDate } = input;
  if (!Number.isSafeInteger(principalFen) || principalFen <= 0) return '贷款金额必须是大于零的金额（整数分）';
  if (typeof annualRatePercent !== 'string' || !RATE_PATTERN.test(annualRatePercent.trim())) {
    return '年利率格式不正确，应为百分数的数字，如 3.1 或 2.85';
  }
  if (new D(annualRatePercent.trim()).greaterThanOrEqualTo(100)) return '年利率必须小于100%';
  if (!Number.isInteger(months) || months < 1 || months > MAX_SCHEDULE_MONTHS) {
    return `贷款期限必须是1至${MAX_SCHEDULE_MONTHS}之间的整月数`;
  }
  if (method !== 'annuity' && method !== 'linear' && method !== 'lump') {
    return '还款方式必须是等额本息、等额本金或利随本清';
  }
  if (method === 'lump' && months > LUMP_MAX_MONTHS) {
    return `还款方式为利随本清时，贷款期限不得超过${LUMP_MAX_MONTHS}个月`;
  }
  if (firstDueDate !== undefined && firstDueDate !== '' && parseDate(firstDueDate) === null) {
    return '首次还款日必须是有效日期（YYYY-MM-DD）';
  }
  return null;
}

export function buildSchedule(input: ScheduleInput): { rows: ScheduleRow[]; summary: ScheduleSummary } {
  const problem = validateScheduleInput(input);
  if (problem !== null) throw new RangeError(problem);
  const rate = input.annualRatePercent.trim();
  const { principalFen, months, method } = input;
  const dueDate = dueDates(input.firstDueDate);
  const installmentFen = method === 'annuity' ? (input.installmentFen ?? annuityInstallmentFen(principalFen, rate, months)) : 0;

  const rows: ScheduleRow[] =
    method === 'lump'
      ? [lumpRow(principalFen, rate, months, dueDate(months))]
      : amortizedRows(principalFen, rate, months, method, installmentFen, dueDate);

  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  let totalInterestFen = 0;
  for (const row of rows) totalInterestFen += row.interestFen;

  const summary: ScheduleSummary = {
    method,
    principalFen,
    months,
    years: yearsText(months),
    annualRatePercent: rate,
    firstPaymentFen: first.paymentFen,
    monthlyPaymentFen: method === 'annuity' ? installmentFen : first.paymentFen,
    monthlyDecreaseFen:
      method === 'linear' ? roundFen(new D(principalFen).times(rate).dividedBy(new D(months).times(120000))) : null,
    lastPaymentFen: last.paymentFen,
    totalInterestFen,
    totalPaymentFen: principalFen + totalInterestFen,
  };
  return { rows, summary };
}

function lumpRow(principalFen: number, rate: string, months: number, dueDate: string): ScheduleRow {
  // Multiply before dividing so that an interest ending in exactly half a fen stays exact and rounds up.
  const interestFen = roundFen(new D(principalFen).times(rate).times(months).dividedBy(120000));
  return { period: 1, dueDate, paymentFen: principalFen + interestFen, principalFen, interestFen, remainingFen: 0 };
}

function amortizedRows(
  principalFen: number,
  rate: string,
  months: number,
  method: 'annuity' | 'linear',
  installmentFen: number,
  dueDate: (period: number) => string,
): ScheduleRow[] {
  const interestOn = monthlyInterest(rate, principalFen);
  const linearPrincipalFen = method === 'linear' ? roundFen(new D(principalFen).dividedBy(100).dividedBy(months)) : 0;

  const rows: ScheduleRow[] = new Array(months);
  let remaining = principalFen;
  for (let period = 1; period <= months; period++) {
    const interestFen = interestOn(remaining);
    let principalPart: number;
    if (period === months) {
      principalPart = remaining;
    } else {
      principalPart = method === 'annuity' ? installmentFen - interestFen : linearPrincipalFen;
      // On a tiny loan the per-period figure, rounded up, can outrun the balance; stop at zero, never go negative.
      if (principalPart > remaining) principalPart = remaining;
      if (principalPart < 0) principalPart = 0;
    }
    remaining -= principalPart;
    rows[period - 1] = {
      period,
      dueDate: dueDate(period),
      paymentFen: principalPart + interestFen,
      principalFen: principalPart,
      interestFen,
      remainingFen: remaining,
    };
  }
  return rows;
}

/**
 * Returns balanceFen ↦ roundFen(balance × annual rate ÷ 1200). The rate "3.1" is the fraction 31 / 10, so the interest
 * in fen is balance × 31 / 12000: integers, exact while the products stay below 2^53, which is checked once here for
 * the largest balance the schedule will see (the principal).
 */
function monthlyInterest(rate: string, principalFen: number): (balanceFen: number) => number {
  const [whole = '0', fraction = ''] = rate.split('.');
  let numerator = Number(whole + fraction);
  let denominator = 10 ** fraction.length * 1200;
  const divisor = gcd(numerator, denominator);
  if (divisor > 1) {
    numerator /= divisor;
    denominator /= divisor;
  }
  if (numerator === 0) return () => 0;
  const exact =
    Number.isSafeInteger(numerator) &&
    Number.isSafeInteger(denominator) &&
    principalFen * numerator + 2 * denominator <= Number.MAX_SAFE_INTEGER;
  if (!exact) {
    const rateDec: Dec = new D(rate);
    return (balanceFen) => roundFen(new D(balanceFen).times(rateDec).dividedBy(120000));
  }
  return (balanceFen) => divideHalfUp(balanceFen * numerator, denominator);
}

/** n / d rounded half-up, for non-negative safe integers; corrects the float quotient by the exact remainder. */
function divideHalfUp(n: number, d: number): number {
  let q = Math.floor(n / d);
  let rem = n - q * d;
  if (rem < 0) {
    q -= 1;
    rem += d;
  } else if (rem >= d) {
    q += 1;
    rem -= d;
  }
  return 2 * rem >= d ? q + 1 : q;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function yearsText(months: number): string {
  if (months % 12 === 0) return String(months / 12);
  return new D(months).dividedBy(12).toDecimalPlaces(2, D.ROUND_HALF_UP).toString();
}

function parseDate(text: string): { year: number; month: number; day: number } | null {
  const m = DATE_PATTERN.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** firstDueDate plus `offset` months, the day clamped to the target month's last day. */
export function addMonthsClamped(date: string, offset: number): string {
  const parsed = parseDate(date);
  if (parsed === null) throw new RangeError(`日期格式不正确：${date}`);
  return shiftMonths(parsed.year, parsed.month, parsed.day, offset);
}

function shiftMonths(year: number, month: number, day: number, offset: number): string {
  const index = year * 12 + (month - 1) + offset;
  const y = Math.floor(index / 12);
  const mo = index - y * 12 + 1;
  const d = Math.min(day, daysInMonth(y, mo));
  return `${String(y).padStart(4, '0')}-${mo < 10 ? '0' : ''}${mo}-${d < 10 ? '0' : ''}${d}`;
}

function dueDates(firstDueDate: string | undefined): (period: number) => string {
  const parsed = firstDueDate ? parseDate(firstDueDate) : null;
  if (parsed === null) return () => '';
  return (period) => shiftMonths(parsed.year, parsed.month, parsed.day, period - 1);
}

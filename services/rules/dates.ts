/**
 * Calendar arithmetic for policy periods, on YYYY-MM-DD strings (which also compare correctly as strings).
 *
 * Periods follow 民法典 第201–203条, the reading an auditor applies to "自…之日起2年内": the start day is not
 * counted, the period ends on the corresponding day, and a month without that day ends on its last day. So a
 * contract signed 2022-03-10 may be used up to and including 2024-03-10, and 2020-02-29 + 2 years is 2022-02-28.
 */

function parts(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

function fmt(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return fmt(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return fmt(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** The first day of the month after `date`: "结清次月" starts there. */
export function firstOfNextMonth(date: string): string {
  const [y, m] = parts(date);
  return addMonths(fmt(y, m, 1), 1);
}

export function yearOf(date: string): number {
  return parts(date)[0];
}

/** True when `date` falls on or after `start` and no later than `start` + the period: "自start之日起N内". */
export function withinPeriod(start: string, date: string, period: { years?: number; months?: number; days?: number }): boolean {
  if (date < start) return false;
  let end = start;
  if (period.years) end = addYears(end, period.years);
  if (period.months) end = addMonths(end, period.months);
  if (period.days) end = addDays(end, period.days);
  return date <= end;
}

/** The last day still inside "自start之日起N内". */
export function periodEnd(start: string, period: { years?: number; months?: number; days?: number }): string {
  let end = start;
  if (period.years) end = addYears(end, period.years);
  if (period.months) end = addMonths(end, period.months);
  if (period.days) end = addDays(end, period.days);
  return end;
}

/** "满N个月": true from the corresponding day N months after `start`. */
export function monthsReached(start: string, date: string, months: number): boolean {
  return date >= addMonths(start, months);
}

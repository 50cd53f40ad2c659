/** Calendar arithmetic on YYYY-MM-DD strings (UTC day numbers, no time zones involved). */
const DAY_MS = 86_400_000;

export const dayNo = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
export const fromDayNo = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** Days from a to b: 2026-07-25 → 2026-08-04 is 10 (the first day counts, the last does not: 算头不算尾). */
export const daysBetween = (a: string, b: string): number => dayNo(b) - dayNo(a);
export const addDays = (date: string, n: number): string => fromDayNo(dayNo(date) + n);

/** The 1 January on or after a date: 2026-12-20 → 2027-01-01; 2027-01-01 → 2027-01-01. */
export function januaryFirstOnOrAfter(date: string): string {
  return date.slice(5) === '01-01' ? date : `${Number(date.slice(0, 4)) + 1}-01-01`;
}

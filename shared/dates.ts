/** Calendar helpers on ISO strings. Business dates are China Standard Time (both centers keep Beijing time). */
const FMT = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Beijing time has been UTC+8 all year since China's last daylight-saving summer ended (1991-09-15); from 1992 on the
 * date is plain arithmetic (Intl's format costs a few µs, and a payout asks for today about ten times). Earlier
 * instants (DST summers 1986–1991, local mean time before 1901) go through Intl.
 */
const FIXED_OFFSET_FROM = Date.UTC(1992, 0, 1);
const EIGHT_HOURS = 8 * 3600 * 1000;
/** toISOString writes a four-digit year up to 9999. */
const MAX_FAST = Date.UTC(9999, 0, 1);

export function chinaDate(at: Date): string {
  const t = at.getTime();
  if (t >= FIXED_OFFSET_FROM && t < MAX_FAST) return new Date(t + EIGHT_HOURS).toISOString().slice(0, 10);
  return FMT.format(at);
}

/** Business dates lie in these years: anything else (0001-01-01, 9999-12-31 typed by mistake) is refused. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** A real calendar date YYYY-MM-DD between MIN_YEAR and MAX_YEAR. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  if (y < MIN_YEAR || y > MAX_YEAR) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function addMonthsToMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const idx = y * 12 + (m - 1) + n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

export function compareMonth(a: string, b: string): number {
  return a.localeCompare(b);
}

const FMT_TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

/** "2026-06-15 10:00" in Beijing time, for printed forms. */
export function chinaDateTime(at: Date): string {
  return FMT_TIME.format(at);
}

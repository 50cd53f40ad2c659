/** Calendar helpers on ISO strings. Business dates are China Standard Time (both centers keep Beijing time). */
const FMT = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export function chinaDate(at: Date): string {
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

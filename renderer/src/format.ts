/** Screen formats for money (integer fen in, grouped yuan out), ratios and months; never floats for money. */
import { chinaDate } from '../../shared/dates';
import { formatYuanGrouped, parseYuan } from '../../shared/money';

export const yuan = (fen: number): string => formatYuanGrouped(fen);

/** 发生额 as the account statement shows it: an explicit sign either way. */
export const signedYuan = (fen: number): string => (fen > 0 ? '+' : '') + formatYuanGrouped(fen);

export const percent = (p: string | null | undefined): string => (p === null || p === undefined || p === '' ? '—' : `${p}%`);

/** "2026-10" → "2026年10月". */
export const monthLabel = (m: string | null | undefined): string => (m ? `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月` : '—');

/** What the clerk typed in 元 → fen, or the Chinese reason it cannot be money. */
export function yuanToFen(text: string | undefined, label: string): { fen: number } | { error: string } {
  const s = (text ?? '').trim();
  if (s === '') return { error: `请填写${label}` };
  try {
    const fen = parseYuan(s);
    return fen <= 0 ? { error: `${label}须大于0` } : { fen };
  } catch {
    return { error: `${label}应为金额（元），最多两位小数，如 6500 或 6500.50` };
  }
}

/** An antd Form rule checking a 元 amount with the same parser the submit uses. */
export const yuanRule = (label: string) => ({
  validator: async (_: unknown, value: string | undefined) => {
    const r = yuanToFen(value, label);
    if ('error' in r) throw new Error(r.error);
  },
});

/** Today in Beijing time, as the services date everything; the clerk's PC clock zone must not shift it. */
export const chinaToday = (): string => chinaDate(new Date());

const DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** A stored UTC instant as Beijing wall-clock time, e.g. "2026/11/24 03:39:06". */
export const chinaDateTime = (iso: string): string => DATE_TIME.format(new Date(iso));

/** A policy parameter value as the policy states it: plain figures and text stay plain, lists and tables as JSON. */
export const paramValue = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

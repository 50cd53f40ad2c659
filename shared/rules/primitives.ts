/**
 * Field types shared by the application schemas. Money is integer fen and ratios are decimal strings, so that no
 * float ever enters a decision; dates are calendar dates (YYYY-MM-DD) with no time zone to drift across.
 */
import { z } from 'zod';
import '../contract/zodLocale';

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  if (y < 1900 || y > 2200) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export const DateString = z
  .string()
  .regex(DATE_RE, { error: '应为 YYYY-MM-DD 格式的日期' })
  .refine(isCalendarDate, { error: '不是1900年至2200年间的有效日历日期' });

/** Integer fen, never negative. */
export const Fen = z.int({ error: '应为整数（单位：分）' }).min(0, { error: '不得为负数' });

export const Count = z.int({ error: '应为整数' }).min(0, { error: '不得为负数' });

/** A percent such as "5" or "7.5", kept as text so that it stays exact. */
export const PercentText = z.string().regex(/^\d{1,3}(\.\d{1,4})?$/, { error: '应为百分数，如 5 或 7.5' });

export const Year = z.int({ error: '应为四位年份' }).min(1900, { error: '年份不早于1900年' }).max(2200, { error: '年份不晚于2200年' });

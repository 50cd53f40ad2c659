/**
 * What the calculator's fields mean, in fen and months, with the Chinese reason when a field is not a number the
 * schedule can take. Exact decimals throughout (parseYuan, decimal.js): 53.401250 万元 is 534,012.50 元, not a float.
 */
import { loanByArea, type AreaResult } from '../../../../shared/loan/byArea';
import { MAX_SCHEDULE_MONTHS } from '../../../../shared/loan/schedule';
import { D, formatYuanGrouped, parseYuan } from '../../../../shared/money';
import { rateOutOfBounds } from '../../../../shared/rates/bounds';

export type AmountUnit = '万元' | '元';
export type TermUnit = '年' | '月';
type Parsed<T> = { value: T } | { error: string } | { empty: true };

const blank = (s: string | undefined) => s === undefined || s.trim() === '';

export function amountFen(text: string | undefined, unit: AmountUnit): Parsed<number> {
  if (blank(text)) return { empty: true };
  const s = text!.trim().replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(s)) return { error: `贷款金额应为数字（${unit}），如 100 或 53.5` };
  const yuan = unit === '万元' ? new D(s).times(10000) : new D(s);
  if (yuan.decimalPlaces() > 2) return { error: unit === '万元' ? '贷款金额最多精确到分（万元后六位小数）' : '贷款金额最多两位小数' };
  const fen = parseYuan(yuan.toFixed(2));
  if (fen <= 0) return { error: '贷款金额须大于0' };
  return { value: fen };
}

export function termMonths(n: number | null | undefined, unit: TermUnit): Parsed<number> {
  if (n === null || n === undefined) return { empty: true };
  const months = unit === '年' ? n * 12 : n;
  if (!Number.isInteger(months) || months < 1) return { error: '贷款期限应为正整数' };
  if (months > MAX_SCHEDULE_MONTHS) return { error: `贷款期限最长30年（${MAX_SCHEDULE_MONTHS}个月）` };
  return { value: months };
}

export function ratePercent(text: string | undefined): Parsed<string> {
  if (blank(text)) return { empty: true };
  const s = text!.trim().replace(/%$/, '');
  if (!/^\d{1,2}(\.\d{1,4})?$/.test(s)) return { error: '年利率应为百分数，如 3.1 或 2.85' };
  return { value: s };
}

export function byArea(priceText: string | undefined, areaText: string | undefined, downPercent: string | undefined): {
  price?: string;
  area?: string;
  result?: AreaResult;
} {
  const out: { price?: string; area?: string; result?: AreaResult } = {};
  let priceFen: number | null = null;
  if (!blank(priceText)) {
    try {
      priceFen = parseYuan(priceText!.trim().replace(/,/g, ''));
      if (priceFen <= 0) throw new Error();
    } catch {
      out.price = '平米价格应为金额（元），最多两位小数，如 8500';
      priceFen = null;
    }
  }
  const area = areaText?.trim() ?? '';
  if (area !== '' && (!/^\d+(\.\d{1,2})?$/.test(area) || new D(area).isZero())) out.area = '房屋面积应为大于0的数字，最多两位小数，如 89.75';
  if (priceFen !== null && area !== '' && !out.area && downPercent) {
    out.result = loanByArea({ pricePerM2Fen: priceFen, areaM2: area, downPaymentPercent: downPercent });
    if (out.result.loanFen <= 0) out.price = '首付后贷款金额为零，请调整首付比例';
  }
  return out;
}

/** Above any 公积金 loan either center grants (their caps are 50–120 万元): almost surely a wrong unit. */
export const IMPLAUSIBLE_LOAN_FEN = 5_000_000_00; // 500 万元

/**
 * Inputs the calculator can compute but a clerk almost surely did not mean: a loan far above any fund loan (万元
 * typed as 元, an extra digit) or a rate outside 0–10 % a year (31 for 3.1). Shown as warnings; the figures stay.
 */
export function calcWarnings(principalFen: number | null, rate: string | null): string[] {
  const out: string[] = [];
  if (principalFen !== null && principalFen > IMPLAUSIBLE_LOAN_FEN) {
    out.push(`贷款金额 ${formatYuanGrouped(principalFen)} 元远高于公积金贷款的最高额度（两中心均不超过120万元），请核对金额和单位（万元/元）`);
  }
  const bad = rate === null ? null : rateOutOfBounds(rate);
  if (bad) out.push(`年利率${bad.replace(/，收到.*$/, '')}：${rate}% 不像公积金贷款利率，请核对是否多输或少输了小数点`);
  return out;
}

/**
 * National personal housing provident-fund loan rates, as dated DATA. An administrator may add or edit rows; code
 * never holds a rate. Rates are exact decimal strings in percent ('2.60' means 2.60% a year).
 *
 * A row applies from its effectiveFrom (inclusive) until the next row's effectiveFrom. Which date to look up — the
 * contract date for a new loan, the next 1 January for a loan over a year being repriced — is the caller's policy.
 */
import { D } from '../money';

export interface LoanRateRow {
  effectiveFrom: string;
  firstUpTo5y: string;
  firstOver5y: string;
  /** null where the national notice set no figure, only a rule (2015: not lower than 1.1 × the first-home rate). */
  secondUpTo5y: string | null;
  secondOver5y: string | null;
  source: string;
}

export const NATIONAL_LOAN_RATES: readonly LoanRateRow[] = Object.freeze([
  {
    effectiveFrom: '2015-08-26',
    firstUpTo5y: '2.75',
    firstOver5y: '3.25',
    secondUpTo5y: null,
    secondOver5y: null,
    source: '中国人民银行2015年8月26日下调个人住房公积金贷款利率；第二套住房公积金贷款利率不低于同期首套住房公积金贷款利率的1.1倍',
  },
  {
    effectiveFrom: '2022-10-01',
    firstUpTo5y: '2.60',
    firstOver5y: '3.10',
    secondUpTo5y: '3.025',
    secondOver5y: '3.575',
    source: '中国人民银行2022年10月1日起下调首套个人住房公积金贷款利率，第二套利率政策不变',
  },
  {
    effectiveFrom: '2024-05-18',
    firstUpTo5y: '2.35',
    firstOver5y: '2.85',
    secondUpTo5y: '2.775',
    secondOver5y: '3.325',
    source: '中国人民银行2024年5月18日起下调个人住房公积金贷款利率；第二套不低于2.775%（五年以下含五年）和3.325%（五年以上）',
  },
  {
    effectiveFrom: '2025-05-08',
    firstUpTo5y: '2.10',
    firstOver5y: '2.60',
    secondUpTo5y: '2.525',
    secondOver5y: '3.075',
    source: '中国人民银行2025年5月8日起下调个人住房公积金贷款利率；第二套不低于2.525%（五年以下含五年）和3.075%（五年以上）',
  },
].map((row) => Object.freeze(row)));

/**
 * How a second use of the fund's loan is priced: the Yinchuan text says 1.1 × the base rate of the same period
 * ('multiplier'); the national notices since 2022 publish a second-home figure ('table'). A center picks one, and the
 * quote says which one set the rate.
 */
export type SecondUseRule = { kind: 'multiplier'; multiplier: string } | { kind: 'table' };

export interface RateQuote {
  annualRatePercent: string;
  termBand: 'upTo5y' | 'over5y';
  row: LoanRateRow;
  /** Chinese sentence saying which row and which rule set the rate. */
  basis: string;
}

const BAND_LABELS = { upTo5y: '五年以下（含五年）', over5y: '五年以上' } as const;

/** ≤ 60 months is upTo5y: the notices band terms as "五年以下（含五年）" and "五年以上". */
export function termBand(months: number): 'upTo5y' | 'over5y' {
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`贷款期限必须是正整月数：${months}`);
  return months <= 60 ? 'upTo5y' : 'over5y';
}

/** The rate in force on `date` for a loan of `months` months, the first (use 1) or second (use 2) use of the fund. */
export function loanRateOn(
  table: readonly LoanRateRow[],
  date: string,
  months: number,
  use: 1 | 2,
  secondUseRule: SecondUseRule,
): RateQuote {
  const band = termBand(months);
  const row = rowInEffectOn(table, date, '公积金贷款利率');
  const firstRate = band === 'upTo5y' ? row.firstUpTo5y : row.firstOver5y;
  const firstBasis = `${row.effectiveFrom}起首套住房${BAND_LABELS[band]}${firstRate}%`;
  if (use === 1) return { annualRatePercent: firstRate, termBand: band, row, basis: firstBasis };
  if (use !== 2) throw new RangeError(`公积金贷款使用次数只能是1或2：${String(use)}`);

  if (secondUseRule.kind === 'multiplier') {
    const multiplier = secondUseRule.multiplier.trim();
    if (!/^\d+(\.\d+)?$/.test(multiplier) || new D(multiplier).isZero()) {
      throw new RangeError(`第二次使用利率倍数格式不正确：${secondUseRule.multiplier}`);
    }
    // Exact decimal product: 2.60 × 1.1 is 2.86, not 2.8600000000000003.
    const rate = percentText(new D(firstRate).times(multiplier));
    return {
      annualRatePercent: rate,
      termBand: band,
      row,
      basis: `${firstBasis}；第二次使用按同期基准利率的${new D(multiplier).toString()}倍执行`,
    };
  }

  const secondRate = band === 'upTo5y' ? row.secondUpTo5y : row.secondOver5y;
  if (secondRate === null) {
    // The 2015 notice gave only a floor rule, no figure; inventing one would hide a policy choice from the clerk.
    throw new RangeError(
      `${row.effectiveFrom}起的利率表没有第二套住房${BAND_LABELS[band]}利率，请补充该行或改按倍数规则执行`,
    );
  }
  return {
    annualRatePercent: secondRate,
    termBand: band,
    row,
    basis: `${row.effectiveFrom}起第二套住房${BAND_LABELS[band]}${secondRate}%；第二次使用按利率表所列第二套住房利率执行`,
  };
}

/** Percent text with at least two decimals, as the notices print rates ('2.60', '3.025'). */
function percentText(value: InstanceType<typeof D>): string {
  return value.decimalPlaces() < 2 ? value.toFixed(2) : value.toString();
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The row of a dated table in force on `date`: the one with the latest effectiveFrom not after it. Tables are data an
 * administrator edits, so their order is not trusted; two rows from the same day are a data error, not a choice.
 * `what` names the table in the Chinese error message.
 */
export function rowInEffectOn<T extends { effectiveFrom: string }>(table: readonly T[], date: string, what: string): T {
  if (!DATE_PATTERN.test(date)) throw new RangeError(`日期格式不正确，应为YYYY-MM-DD：${date}`);
  let best: T | undefined;
  let earliest: string | undefined;
  for (const row of table) {
    if (earliest === undefined || row.effectiveFrom < earliest) earliest = row.effectiveFrom;
    if (row.effectiveFrom > date) continue;
    if (best !== undefined && row.effectiveFrom === best.effectiveFrom) {
      throw new RangeError(`${what}表中有两行同为${row.effectiveFrom}起执行，请更正`);
    }
    if (best === undefined || row.effectiveFrom > best.effectiveFrom) best = row;
  }
  if (best === undefined) {
    throw new RangeError(
      earliest === undefined ? `${what}表为空` : `${date}早于${what}表的最早执行日期${earliest}，没有适用的${what}`,
    );
  }
  return best;
}

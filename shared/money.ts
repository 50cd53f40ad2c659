/**
 * Money. Amounts travel as integer fen (分) in SQLite and over the contract, as decimal.js in computation.
 *
 * THE rounding rule of the project lives here and only here: `roundFen` rounds half-up (ROUND_HALF_UP, i.e. away
 * from zero on .5) to the fen. Every other module that turns an exact decimal into money calls it, so an auditor
 * has one place to read. `roundToUnit` is the same rule at a coarser unit (yuan, hundred yuan) for the places the
 * policy asks for it (contribution shares rounded to the yuan, withdrawals "保留至百位").
 */
import Decimal from 'decimal.js';

/** A private Decimal constructor so that no other library's global configuration can change our precision. */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

/** Integer fen. A branded number so that yuan and fen cannot be confused by the type checker. */
export type Fen = number & { readonly __fen: unique symbol };

export type RoundUnit = 'fen' | 'yuan' | 'hundred';
const UNIT_FEN: Record<RoundUnit, number> = { fen: 1, yuan: 100, hundred: 10000 };

/** Rounds an amount in yuan half-up to the fen and returns integer fen. */
export function roundFen(yuan: Dec | string | number): Fen {
  return roundToUnit(yuan, 'fen');
}

/** Rounds an amount in yuan half-up to a unit (fen, yuan or hundred yuan) and returns integer fen. */
export function roundToUnit(yuan: Dec | string | number, unit: RoundUnit): Fen {
  const fen = new D(yuan).times(100).dividedBy(UNIT_FEN[unit]).toDecimalPlaces(0, D.ROUND_HALF_UP).times(UNIT_FEN[unit]);
  return asFen(fen.toNumber());
}

/**
 * amountFen × percent / 100, rounded half-up to a unit — the same rule as roundToUnit, in exact integer
 * arithmetic (a 50,000-member remittance calls this 100,000 times). Falls back to decimal.js when the product
 * could leave the safe-integer range.
 */
export function percentOfFen(amountFen: number, percent: string, unit: RoundUnit): Fen {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(percent);
  if (!m) throw new RangeError(`百分比格式不正确：${percent}`);
  const hundredths = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  const num = amountFen * hundredths; // fen × percent × 100
  const den = 10000 * UNIT_FEN[unit];
  if (!Number.isSafeInteger(num * 2 + den) || amountFen < 0) {
    return roundToUnit(new D(amountFen).times(percent).dividedBy(10000), unit);
  }
  return asFen(Math.floor((2 * num + den) / (2 * den)) * UNIT_FEN[unit]);
}

/**
 * num / den fen (den > 0), rounded half-up away from zero — roundFen's rule in exact integer arithmetic, for
 * batches (年终结息 computes 100,000s of these; issue 14).
 */
export function roundFenRatio(num: bigint, den: bigint): Fen {
  const neg = num < 0n;
  const q = (2n * (neg ? -num : num) + den) / (2n * den);
  return asFen(Number(neg ? -q : q));
}

/** Rounds an amount in yuan DOWN to a unit: a withdrawal limited "to the hundred" may never exceed its cap. */
export function floorToUnit(yuan: Dec | string | number, unit: RoundUnit): Fen {
  const fen = new D(yuan).times(100).dividedBy(UNIT_FEN[unit]).toDecimalPlaces(0, D.ROUND_DOWN).times(UNIT_FEN[unit]);
  return asFen(fen.toNumber());
}

export function asFen(n: number): Fen {
  if (!Number.isSafeInteger(n)) throw new RangeError(`金额（分）必须是整数：${n}`);
  return n as Fen;
}

export function fenToYuan(fen: number): Dec {
  return new D(fen).dividedBy(100);
}

/** Parses a yuan amount typed by a clerk ("1,234.5", "1234.50") into fen; refuses more than two decimals. */
export function parseYuan(text: string): Fen {
  const s = text.replace(/[,，\s]/g, '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(s)) throw new RangeError(`金额格式不正确：${text}`);
  return asFen(new D(s).times(100).toNumber());
}

/** "12345.60" — two decimals, no grouping; for forms and JSON. */
export function formatYuan(fen: number): string {
  return fenToYuan(fen).toFixed(2);
}

/** "12,345.60" — grouped for screens. */
export function formatYuanGrouped(fen: number): string {
  const [int, dec] = formatYuan(Math.abs(fen)).split('.');
  return `${fen < 0 ? '-' : ''}${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** Chinese upper-case amount (人民币大写) as printed on vouchers, e.g. 135000.00 → 壹拾叁万伍仟元整. */
export function toChineseUpper(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError('金额必须是整数分');
  if (fen === 0) return '零元整';
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const jiao = Math.floor((abs % 100) / 10);
  const fenDigit = abs % 10;
  let out = yuan > 0 ? integerToChinese(yuan) + '元' : '';
  if (jiao === 0 && fenDigit === 0) {
    out += '整';
  } else {
    if (jiao > 0) out += DIGITS[jiao]! + '角';
    else if (yuan > 0) out += '零';
    if (fenDigit > 0) out += DIGITS[fenDigit]! + '分';
    else out += '整';
  }
  return (negative ? '负' : '') + out;
}

function integerToChinese(n: number): string {
  // Split into groups of four digits (个, 万, 亿 …); a zero inside or between groups is read once as 零.
  const groups: number[] = [];
  while (n > 0) {
    groups.push(n % 10000);
    n = Math.floor(n / 10000);
  }
  let out = '';
  let pendingZero = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g]!;
    if (group === 0) {
      pendingZero = out.length > 0;
      continue;
    }
    if (pendingZero || (out.length > 0 && group < 1000)) out += '零';
    out += groupToChinese(group) + BIG_UNITS[g];
    pendingZero = false;
  }
  return out;
}

function groupToChinese(group: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(group / 10 ** i) % 10;
    if (d === 0) {
      zero = out.length > 0;
      continue;
    }
    if (zero) out += '零';
    out += DIGITS[d]! + SMALL_UNITS[i]!;
    zero = false;
  }
  return out;
}

/** Sums fen exactly (integers below 2^53 add exactly; the guard keeps it that way). */
export function sumFen(values: Iterable<number>): Fen {
  let total = 0;
  for (const v of values) total += v;
  return asFen(total);
}

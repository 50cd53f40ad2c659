/**
 * The mobile app's 按面积计算: price per m² × area = house price; the down payment (a percentage) is paid by the
 * buyer and the rest is the loan, rounded half-up to the fen at money.percentOfFen. The schedule then follows.
 */
import { percentOfFen, roundFen, D } from '../money';

export interface AreaInput {
  pricePerM2Fen: number;
  /** Area in m², an exact decimal string such as "89.75". */
  areaM2: string;
  downPaymentPercent: string;
}

export interface AreaResult {
  housePriceFen: number;
  downPaymentFen: number;
  loanFen: number;
}

export function loanByArea(input: AreaInput): AreaResult {
  if (!/^\d+(\.\d{1,2})?$/.test(input.areaM2)) throw new RangeError('房屋面积应为数字，最多两位小数');
  const housePriceFen = roundFen(new D(input.pricePerM2Fen).times(input.areaM2).dividedBy(100));
  const downPaymentFen = percentOfFen(housePriceFen, input.downPaymentPercent, 'fen');
  return { housePriceFen, downPaymentFen, loanFen: housePriceFen - downPaymentFen };
}

import { describe, expect, it } from 'vitest';
import { loanByArea } from './byArea';

describe('按面积计算', () => {
  it('price × area less the down payment', () => {
    // 8,500.00 × 89.75 = 762,875.00; 30% down = 228,862.50; loan 534,012.50
    expect(loanByArea({ pricePerM2Fen: 850_000, areaM2: '89.75', downPaymentPercent: '30' })).toEqual({ housePriceFen: 76_287_500, downPaymentFen: 22_886_250, loanFen: 53_401_250 });
  });
  it('rounds the price half-up to the fen', () => {
    // 6,543.21 × 100.01 = 654,321 + 65.4321 = 654,386.4321 → 654,386.43
    expect(loanByArea({ pricePerM2Fen: 654_321, areaM2: '100.01', downPaymentPercent: '20' }).housePriceFen).toBe(65_438_643);
  });
  it('refuses a malformed area', () => {
    expect(() => loanByArea({ pricePerM2Fen: 1, areaM2: '1.234', downPaymentPercent: '20' })).toThrow('房屋面积');
  });
});

import { describe, expect, it } from 'vitest';
import { ownLoanAmount } from './ownLoan';

const own = { loanId: 1, contractNo: 'YC-1', payableFen: 160_436 };

describe('repaying the center’s own loan by 委托提取', () => {
  it('takes what is due when no amount is requested, never more than the engine’s maximum', () => {
    expect(ownLoanAmount(own, null, 1_590_000)).toBe(160_436);
    expect(ownLoanAmount(own, null, 100_000)).toBe(100_000);
    expect(ownLoanAmount(own, 50_000, 1_590_000)).toBe(50_000);
  });
  it('sends an amount above what is due to loan servicing as a prepayment', () => {
    expect(() => ownLoanAmount(own, 200_000, 1_590_000)).toThrow('提前还款');
  });
  it('refuses when nothing is due', () => {
    expect(() => ownLoanAmount({ ...own, payableFen: 0 }, null, 1_590_000)).toThrow('没有应还款项');
  });
});

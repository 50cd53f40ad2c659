import { describe, expect, it } from 'vitest';
import { amountFen, calcWarnings } from './calcInputs';

describe('loan calculator: implausible inputs are warned about, not silently computed', () => {
  it('999,999 万元 and a 31 % rate each get a warning; 100 万元 at 3.1 % gets none', () => {
    const huge = amountFen('999999', '万元');
    expect('value' in huge && huge.value).toBe(999_999_000_000);
    const w = calcWarnings(999_999_000_000, '31');
    expect(w).toHaveLength(2);
    expect(w[0]).toContain('贷款金额 9,999,990,000.00 元远高于公积金贷款的最高额度');
    expect(w[1]).toBe('年利率应在0%至10%之间（年利率）：31% 不像公积金贷款利率，请核对是否多输或少输了小数点');
    expect(calcWarnings(100_000_000, '3.1')).toEqual([]);
    // The boundary: 500 万元 is still computed quietly, a fen more is not.
    expect(calcWarnings(500_000_000, '10')).toEqual([]);
    expect(calcWarnings(500_000_001, '10.01')).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import type { LoanAppDto } from '../../../../shared/contract/dto';
import { printableLoanForms } from './printableForms';

const decision = { rate: { annualRatePercent: '2.6' } } as unknown as LoanAppDto['decision'];
const app = (p: Partial<Pick<LoanAppDto, 'state' | 'approvedFen' | 'decision' | 'loan' | 'missingMaterials'>>) =>
  printableLoanForms({ state: '草稿', approvedFen: null, decision, loan: null, missingMaterials: [], ...p });
const loan = {} as LoanAppDto['loan'];

describe('the loan forms offered follow the state', () => {
  it('a draft with materials missing: the 一次性告知书 and a trial schedule, no 审批书', () => {
    expect(app({ missingMaterials: ['购房预付款发票'] })).toEqual(['schedule', 'notice']);
  });
  it('a complete draft: no 一次性告知书', () => {
    expect(app({})).toEqual(['schedule']);
  });
  it('after disbursement: 审批书 and schedule, never the 一次性告知书', () => {
    expect(app({ state: '已放款', approvedFen: 30_000_000, loan, missingMaterials: ['购房预付款发票'] })).toEqual(['approval', 'schedule']);
  });
  it('under sign-off: the 审批书, no notice', () => {
    expect(app({ state: '待复核', approvedFen: 30_000_000 })).toEqual(['approval', 'schedule']);
  });
  it('cancelled: nothing', () => {
    expect(app({ state: '撤销', approvedFen: 30_000_000, missingMaterials: ['x'] })).toEqual([]);
  });
});

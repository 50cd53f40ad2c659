/**
 * The chart of accounts (会计科目), after the Ministry of Finance's provident-fund accounting rules. Member money
 * lives in sub-ledger accounts under the control accounts 201 住房公积金 and 202 补充住房公积金 (202 is our code for
 * the supplementary fund the seeds' calculators show; the MOF chart has no number for it).
 */
import type { AccountType } from '../../db/schema';

export interface ChartAccount {
  code: string;
  name: string;
  type: AccountType;
}

export const CHART: readonly ChartAccount[] = [
  { code: '101', name: '住房公积金存款', type: 'asset' },
  { code: '102', name: '增值收益存款', type: 'asset' },
  { code: '111', name: '应收利息', type: 'asset' },
  { code: '121', name: '委托贷款', type: 'asset' },
  { code: '122', name: '逾期贷款', type: 'asset' },
  { code: '124', name: '国家债券', type: 'asset' },
  { code: '201', name: '住房公积金', type: 'liability' },
  { code: '202', name: '补充住房公积金', type: 'liability' },
  { code: '211', name: '应付利息', type: 'liability' },
  { code: '219', name: '其他应付款', type: 'liability' },
  { code: '301', name: '贷款风险准备', type: 'equity' },
  { code: '311', name: '增值收益', type: 'equity' },
  { code: '321', name: '增值收益分配', type: 'equity' },
  { code: '401', name: '业务收入', type: 'income' },
  { code: '411', name: '业务支出', type: 'expense' },
];

/** Control accounts that carry member sub-ledgers. */
export const MEMBER_FUNDS = { basic: '201', supplementary: '202' } as const;
export type Fund = keyof typeof MEMBER_FUNDS;

export function memberAccountCode(fund: Fund, accountNo: string): string {
  return `${MEMBER_FUNDS[fund]}:${accountNo}`;
}

/** Assets and expenses grow by debits; liabilities, equity and income by credits. */
export function normalBalance(type: AccountType, debits: number, credits: number): number {
  return type === 'asset' || type === 'expense' ? debits - credits : credits - debits;
}

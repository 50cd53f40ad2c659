/**
 * Test fixtures: a valid application per center and kind, and a deep merge to vary one fact at a time.
 */
import { makeIdNumber } from '../../../shared/idcard';
import type { LoanApplicationInput } from '../../../shared/rules/loanSchema';
import type { WithdrawalApplicationInput } from '../../../shared/rules/withdrawalSchema';
import type { Decision, RuleResult } from '../../../shared/rules/types';

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep merge for fixtures: objects merge, arrays and scalars replace, `undefined` deletes. */
export function merge<T>(base: T, patch: unknown): T {
  if (!isPlain(base) || !isPlain(patch)) return (patch === undefined ? base : patch) as T;
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = isPlain(v) && isPlain(out[k]) ? merge(out[k], v) : v;
  }
  return out as T;
}

export type DeepPartial<T> = T extends (infer U)[] ? U[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** Male born 1980-03-15, female born 1982-07-20, for ID-driven ages. */
export const ID_MALE_1980 = makeIdNumber('640104', '19800315', 11);
export const ID_FEMALE_1982 = makeIdNumber('640104', '19820720', 22);

export const APP_DATE = '2025-03-10';

const member = {
  name: '张伟',
  idNumber: ID_MALE_1980,
  accountStatus: '正常' as const,
  balanceFen: 5_000_000,
  openedDate: '2015-01-10',
  continuousMonths: 60,
  contributionRatioPercent: '12',
};

const spouse = {
  name: '李娜',
  idNumber: ID_FEMALE_1982,
  accountStatus: '正常' as const,
  balanceFen: 3_000_000,
  openedDate: '2016-05-01',
  continuousMonths: 48,
  contributionRatioPercent: '12',
};

export function wd(
  center: 'yinchuan' | 'urumqi',
  caseId: string,
  patch: DeepPartial<WithdrawalApplicationInput> = {},
): WithdrawalApplicationInput {
  const base: WithdrawalApplicationInput = {
    center,
    caseId,
    applicationDate: APP_DATE,
    member: { ...member },
    spouse: { ...spouse },
    maritalStatus: 'married',
  };
  return merge(base, patch);
}

export function loan(center: 'yinchuan' | 'urumqi', caseId: string, patch: DeepPartial<LoanApplicationInput> = {}): LoanApplicationInput {
  const base: LoanApplicationInput = {
    center,
    caseId,
    applicationDate: APP_DATE,
    borrower: { ...member, credit: { reportDate: '2025-03-01', maxConsecutiveOverdue5y: 0, totalOverdue5y: 0 } },
    spouse: { ...spouse, credit: { reportDate: '2025-03-01', maxConsecutiveOverdue5y: 0, totalOverdue5y: 0 } },
    maritalStatus: 'married',
    familyMonthlyIncomeFen: 2_000_000,
    house: {
      priceFen: 100_000_000,
      contractDate: '2025-01-15',
      contractRegistered: true,
      downPaymentInvoice: true,
      borrowerIsBuyer: true,
    },
    downPaymentFen: 40_000_000,
    requestedFen: 50_000_000,
    months: 360,
    method: 'annuity',
    stableIncome: true,
    goodCredit: true,
    incomeCertDate: '2025-03-01',
  };
  return merge(base, patch);
}

export function rule(d: Decision, id: string): RuleResult {
  const r = d.trace.find((t) => t.ruleId === id);
  if (!r) throw new Error(`rule ${id} not in trace`);
  return r;
}

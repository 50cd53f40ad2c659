/**
 * Loan servicing on the contract (issue 6, "Loans after disbursement"): repayment, prepayment, status with
 * overdue and penalty, 还款明细, repricing. Amounts are integer fen; dates YYYY-MM-DD (Beijing).
 */
import type { LoanDto } from './dto';
import type { PfLoan } from '../rules';

export type RepaymentSource = 'bank' | 'fund';
export type RepaymentKind = 'repay' | 'prepay_partial' | 'prepay_full';
export type AllocationStrategyName = 'byInstallment' | 'byKind';

export const REPAYMENT_KIND_LABELS: Record<RepaymentKind, string> = {
  repay: '正常还款',
  prepay_partial: '部分提前还款',
  prepay_full: '提前结清',
};
export const REPAYMENT_SOURCE_LABELS: Record<RepaymentSource, string> = {
  bank: '银行还款',
  fund: '委托提取公积金还款',
};

export type InstallmentStateLabel = '已还清' | '逾期' | '到期待还' | '部分还款' | '未到期';

/** One installment of the schedule in force, with what has been paid on it and what it owes as of a date. */
export interface InstallmentDto {
  period: number;
  dueDate: string;
  paymentFen: number;
  principalFen: number;
  interestFen: number;
  remainingFen: number;
  annualRatePercent: string;
  /** Schedule version the row comes from (1 = the schedule frozen at disbursement). */
  version: number;
  paidPrincipalFen: number;
  paidInterestFen: number;
  paidPenaltyFen: number;
  owedPrincipalFen: number;
  owedInterestFen: number;
  /** 罚息 accrued to the as-of date and not yet paid. */
  penaltyOwedFen: number;
  /** The day the installment's principal and interest were fully paid; null while anything is owed. */
  paidOffDate: string | null;
  /** Days past due as of the as-of date while principal or interest is owed; 0 otherwise. */
  overdueDays: number;
  /** Paid after its due date, or still unpaid after it: counts as an overdue term (逾期期数). */
  wasOverdue: boolean;
  state: InstallmentStateLabel;
}

export interface ScheduleVersionDto {
  version: number;
  fromPeriod: number;
  reason: 'original' | 'prepay_partial' | 'prepay_full' | 'reprice';
  reasonLabel: string;
  keep: 'term' | 'installment' | null;
  annualRatePercent: string;
  basePrincipalFen: number;
  months: number;
  installmentFen: number;
  totalInterestFen: number;
  effectiveDate: string;
}

export interface LoanStatusDto {
  loan: LoanDto;
  asOf: string;
  status: '还款中' | '已结清';
  settledDate: string | null;
  /** Balance of the loan's own 121 sub-ledger account (未还本金). */
  balanceFen: number;
  repaidPrincipalFen: number;
  repaidInterestFen: number;
  repaidPenaltyFen: number;
  /** 当期期次: the first installment not fully paid (the last one once all are paid). */
  currentPeriod: number;
  paidPeriods: number;
  totalPeriods: number;
  currentRatePercent: string;
  currentInstallmentFen: number;
  nextDue: { period: number; dueDate: string; owedFen: number } | null;
  overdue: {
    /** Installments past due with principal or interest owed now. */
    termsNow: number;
    /** 最长连续逾期期数 and 累计逾期期数 over the loan's life (the credit-record rules read these). */
    maxConsecutive: number;
    cumulative: number;
    principalFen: number;
    interestFen: number;
    penaltyFen: number;
    oldestDueDate: string | null;
    days: number;
  };
  /** Everything due up to the as-of date: overdue and due-today principal and interest plus penalty. */
  arrearsFen: number;
  penaltySetting: { multiplier: string; dayBasis: number; source: string };
  /** The loan as the policy engine's credit-record rules see it. */
  credit: PfLoan;
  installments: InstallmentDto[];
  versions: ScheduleVersionDto[];
}

export interface RepaymentAllocationDto {
  period: number;
  principalFen: number;
  interestFen: number;
  penaltyFen: number;
}

/** 还款明细: one line per repayment. */
export interface LoanRepaymentDto {
  id: number;
  date: string;
  kind: RepaymentKind;
  kindLabel: string;
  source: RepaymentSource;
  sourceLabel: string;
  amountFen: number;
  principalFen: number;
  interestFen: number;
  penaltyFen: number;
  entryNo: string;
  reversed: boolean;
  periods: number[];
  allocations: RepaymentAllocationDto[];
}

export interface RepayResultDto {
  loanId: number;
  repayment: LoanRepaymentDto;
  strategy: AllocationStrategyName;
  settled: boolean;
  balanceFen: number;
}

export interface PrepayResultDto {
  loanId: number;
  kind: 'full' | 'partial';
  repayment: LoanRepaymentDto;
  /** Interest charged on the prepaid principal for the month of prepayment (利息计算到还款当月). */
  monthInterestFen: number;
  settled: boolean;
  balanceFen: number;
  before: { fromPeriod: number; months: number; installmentFen: number; annualRatePercent: string } | null;
  after: ScheduleVersionDto | null;
}

/** 提前还款试算: what a prepayment would post and the schedule it would leave, before the clerk confirms. */
export interface PrepayPreviewDto {
  loanId: number;
  contractNo: string;
  date: string;
  kind: 'full' | 'partial';
  keep: 'term' | 'installment' | null;
  principalFen: number;
  /** Interest on the prepaid principal for the month of prepayment. */
  monthInterestFen: number;
  /** To pay today: principal + monthInterestFen. */
  amountFen: number;
  balanceBeforeFen: number;
  balanceAfterFen: number;
  before: { fromPeriod: number; months: number; installmentFen: number; annualRatePercent: string };
  fromPeriod: number;
  /** The new installment (0 when settled in full). */
  installmentFen: number;
  /** Remaining periods from fromPeriod (0 when settled in full). */
  months: number;
  lastPaymentFen: number;
  lastDueDate: string;
  newInterestFen: number;
  interestSavedFen: number;
}

export interface RepriceChangeDto {
  loanId: number;
  effectiveDate: string;
  contractNo: string;
  fromPeriod: number;
  dueDate: string;
  oldRatePercent: string;
  newRatePercent: string;
  remainingPrincipalFen: number;
  months: number;
  oldInstallmentFen: number;
  newInstallmentFen: number;
}

/** One 1 January on which loans moved to the rates in force the day before. */
export interface RepricePassDto {
  effectiveDate: string;
  /** The rate-table row (by its effective date) the new rates come from. */
  rateRowFrom: string;
  changed: number;
}

export interface RepriceReportDto {
  asOf: string;
  passes: RepricePassDto[];
  examined: number;
  changed: number;
  /** Loans of 12 months or less: they keep the contract rate. */
  keptShort: number;
  alreadyCurrent: number;
  /** Details of the changes (all of them unless the caller limited the list). */
  changes: RepriceChangeDto[];
  runIds: number[];
  seconds: number;
}

/** What a 结清证明 prints. */
export interface SettlementCertificateData {
  contractNo: string;
  borrowerName: string;
  borrowerIdNumberMasked: string;
  borrowerAccountNo: string;
  spouseName: string | null;
  principalFen: number;
  months: number;
  disbursedDate: string;
  settledDate: string;
  repaidPrincipalFen: number;
  repaidInterestFen: number;
  repaidPenaltyFen: number;
  settledEntryNo: string;
  centerName: string;
}

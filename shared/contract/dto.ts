/**
 * Data shapes that cross the contract (outputs of the calls). Services build them; the renderer reads them.
 * Money is integer fen, dates ISO strings, ID numbers masked except in a member's own detail.
 */
import type { MemberStatus } from '../../db/schema';

export type RemittanceKind = '汇缴' | '补缴';

export interface EmployerInput {
  name: string;
  uscc: string;
  usccConfirmed?: boolean;
  district: string;
  employeeRatioPercent: string;
  employerRatioPercent: string;
  suppEmployeeRatioPercent?: string | null;
  suppEmployerRatioPercent?: string | null;
  contactName: string;
  contactPhone: string;
  address?: string;
  openedDate?: string;
  /** 住房公积金托管专户 (003): its members apply for withdrawals directly, without the unit's seal. */
  custody?: boolean;
}

export interface EmployerDto {
  id: number;
  accountNo: string;
  name: string;
  uscc: string;
  district: string;
  employeeRatioPercent: string;
  employerRatioPercent: string;
  suppEmployeeRatioPercent: string | null;
  suppEmployerRatioPercent: string | null;
  contactName: string;
  contactPhone: string;
  address: string;
  openedDate: string;
  status: string;
  memberCount: number;
  custody: boolean;
  /** 异地缴存职工（中心代管）: the pseudo-employer of remote borrowers (019_remote_borrowers); never remitted for or listed. */
  remoteCustody?: boolean;
}

export interface MemberInput {
  name: string;
  idNumber: string;
  phone: string;
  employerId: number;
  baseFen: number;
  openedDate?: string;
}

export interface MemberListItem {
  id: number;
  accountNo: string;
  name: string;
  idNumberMasked: string;
  employerName: string;
  status: MemberStatus;
  balanceFen: number;
}

export interface MemberDetail {
  id: number;
  accountNo: string;
  name: string;
  idNumber: string;
  idNumberMasked: string;
  birthDate: string;
  sex: '男' | '女';
  phone: string;
  status: MemberStatus;
  openedDate: string;
  baseFen: number;
  employer: { id: number; accountNo: string; name: string; employeeRatioPercent: string; employerRatioPercent: string; custody: boolean; remoteCustody?: boolean };
  monthlyEmployeeFen: number;
  monthlyEmployerFen: number;
  balanceFen: number;
  supplementaryBalanceFen: number;
  lastContributionMonth: string | null;
  continuousMonths: number;
}

export interface StatementLine {
  entryId: number;
  entryNo: string;
  bookedDate: string;
  summary: string;
  businessType: string;
  category: '缴存' | '提取';
  fund: 'basic' | 'supplementary';
  amountFen: number;
  balanceFen: number;
  month: string | null;
}

export interface Statement {
  memberId: number;
  years: string[];
  lines: StatementLine[];
}

export interface RemittanceLine {
  memberId: number;
  accountNo: string;
  name: string;
  baseFen: number;
  employeeFen: number;
  employerFen: number;
  suppEmployeeFen: number;
  suppEmployerFen: number;
}

export interface RemittancePreview {
  employer: { id: number; accountNo: string; name: string };
  month: string;
  kind: RemittanceKind;
  lines: RemittanceLine[];
  memberCount: number;
  employeeTotalFen: number;
  employerTotalFen: number;
  suppTotalFen: number;
  totalFen: number;
  problems: string[];
}

export interface RemittanceResult extends Omit<RemittancePreview, 'lines' | 'problems'> {
  remittanceId: number;
  entryId: number;
  entryNo: string;
}

export interface CheckReport {
  ok: boolean;
  firstViolation: string | null;
  entries: number;
  postings: number;
  accounts: number;
  auditRows: number;
  controls: Array<{ code: string; balanceFen: number; subLedgerFen: number }>;
  /** Keyed seals verified, changes they cover, and the chain head as printed on the 日结单. */
  seals: number;
  loggedChanges: number;
  chainHead: string;
}

export interface DailyJournalDto {
  date: string;
  branchCode: string | null;
  entries: Array<{ entryNo: string; businessType: string; summary: string; operator: string; debitFen: number; lines: number; reversal: boolean }>;
  byOperator: Array<{ operator: string; entries: number; amountFen: number }>;
  /** By the terminal (柜台终端) each entry came from; entries without one are grouped as 本机/系统. */
  byTerminal: Array<{ terminal: string; entries: number; amountFen: number }>;
  byType: Array<{ businessType: string; entries: number; amountFen: number }>;
  byAccount: Array<{ code: string; name: string; debitFen: number; creditFen: number }>;
  totalDebitFen: number;
  totalCreditFen: number;
  ties: boolean;
  /** The keyed chain's head when the journal was made: printed on paper, it pins the ledger against rollback. */
  integrityHead: string;
}

export interface MemberEventDto {
  date: string;
  action: string;
  reason: string;
  fromEmployer: string | null;
  toEmployer: string | null;
  operator: string | null;
}

export interface NoticeDto {
  id: number;
  kind: '公告' | '中心动态';
  title: string;
  body: string;
  publishedAt: string;
  author: string;
  withdrawn: boolean;
}

export type WithdrawalState =
  | '草稿'
  | '待复核'
  | '待审批'
  | '已审批'
  | '已支付'
  | '退回'
  | '撤销'
  | '冲正待复核'
  | '冲正待审批'
  | '已冲正';

export type LoanState = '草稿' | '待复核' | '待审批' | '已审批' | '已签约' | '已放款' | '退回' | '撤销';
export type ApplicationState = WithdrawalState | LoanState;

/** Where the money goes: the applicant's own real-name card, a developer's registered sale account, or a loan. */
export interface Payee {
  kind: 'own' | 'developer' | 'loan';
  bankName: string;
  accountNo: string;
  accountName: string;
  /** 借记卡 / 信用卡 / 存折 as the clerk sees the card (004 names 借记卡 for some cases). */
  cardType?: 'debit' | 'credit' | 'passbook';
}

export interface SignOff {
  operatorId: number;
  name: string;
  at: string;
}

export interface ApplicationEventDto {
  at: string;
  operatorName: string;
  action: string;
  fromState: string | null;
  toState: string;
  note: string | null;
}

export interface WithdrawalAppDto {
  id: number;
  appNo: string;
  caseId: string;
  caseName: string;
  state: WithdrawalState;
  version: number;
  branchCode: string;
  member: { id: number; name: string; accountNo: string; idNumber: string; idNumberMasked: string; phone: string; balanceFen: number; employerName: string; employerAccountNo: string; custody: boolean; status: MemberStatus };
  spouse: { id: number; name: string; accountNo: string; idNumberMasked: string; balanceFen: number } | null;
  /** What the clerk recorded (the engine input without the ledger's member/spouse facts). */
  facts: Record<string, unknown>;
  requestedFen: number | null;
  approvedFen: number | null;
  payee: Payee;
  materials: { id: string; text: string; seen: boolean }[];
  missingMaterials: string[];
  decision: import('../rules').WithdrawalDecision | null;
  created: SignOff;
  submitted: SignOff | null;
  reviewed: SignOff | null;
  approved: SignOff | null;
  paid: SignOff | null;
  paidEntryNo: string | null;
  paidAmountFen: number | null;
  interestFen: number | null;
  reversal: { reason: string; requested: SignOff | null; reviewed: SignOff | null; entryNo: string | null } | null;
  lastNote: string | null;
  events: ApplicationEventDto[];
  /** 住房公积金管理条例: decided within 3 days of a complete application. */
  deadline: { submittedAt: string; dueAt: string; status: 'ok' | 'near' | 'over' } | null;
  appointmentId: number | null;
}

export interface InboxItem {
  id: number;
  appNo: string;
  caseName: string;
  state: ApplicationState;
  memberName: string;
  memberAccountNo: string;
  amountFen: number | null;
  submittedAt: string | null;
  updatedAt: string;
  waitedHours: number;
  deadlineStatus: 'ok' | 'near' | 'over' | null;
  eligible: boolean | null;
}

export interface AppointmentDto {
  id: number;
  branchCode: string;
  date: string;
  slot: string;
  business: string;
  name: string;
  idNumberMasked: string;
  phone: string;
  memberId: number | null;
  status: '已预约' | '已签到' | '已受理' | '已取消';
  source: string;
  applicationId: number | null;
}

export interface LoanScheduleRowDto {
  period: number;
  dueDate: string;
  paymentFen: number;
  principalFen: number;
  interestFen: number;
  remainingFen: number;
}

export interface LoanDto {
  id: number;
  contractNo: string;
  applicationId: number;
  principalFen: number;
  annualRatePercent: string;
  rateBasis: string;
  months: number;
  method: 'annuity' | 'linear' | 'lump';
  firstDueDate: string;
  disbursedDate: string;
  disbursedEntryNo: string;
  status: '还款中' | '已结清';
  /** 还款情况 as the mobile app shows it. */
  balanceFen: number;
  repaidPrincipalFen: number;
  repaidInterestFen: number;
  currentPeriod: number;
  monthlyPaymentFen: number;
}

export interface LoanAppDto {
  id: number;
  appNo: string;
  caseId: string;
  caseName: string;
  state: LoanState;
  version: number;
  branchCode: string;
  borrower: WithdrawalAppDto['member'] & { continuousMonths: number; baseFen: number; monthlyContributionFen: number; openedDate: string; employerRatioPercent: string };
  spouse: { id: number; name: string; accountNo: string; idNumber: string; idNumberMasked: string; balanceFen: number; employerName: string } | null;
  facts: Record<string, unknown>;
  requestedFen: number;
  approvedFen: number | null;
  payee: Payee;
  materials: { id: string; text: string; seen: boolean }[];
  missingMaterials: string[];
  decision: import('../rules').LoanDecision | null;
  created: SignOff;
  submitted: SignOff | null;
  reviewed: SignOff | null;
  approved: SignOff | null;
  contract: { contractNo: string; mortgageRegNo: string; signedAt: string } | null;
  /** Whether 登记合同 needs a 抵押登记证明号 for this loan's guarantee, and why (services/loan/mortgageRegistration.ts). */
  mortgageRegistration: { required: boolean; reason: string };
  loan: LoanDto | null;
  /** 贷款进度: the mobile app's stages, each with the date it was reached. */
  progress: { stage: string; at: string | null }[];
  lastNote: string | null;
  events: ApplicationEventDto[];
  deadline: { submittedAt: string; dueAt: string; status: 'ok' | 'near' | 'over' } | null;
}

/** Loan servicing (repayment, prepayment, overdue, repricing, 结清): shared/contract/loanServicing.ts. */
export type * from './loanServicing';

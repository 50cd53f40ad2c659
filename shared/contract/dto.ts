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
  employer: { id: number; accountNo: string; name: string; employeeRatioPercent: string; employerRatioPercent: string };
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

/**
 * Contract calls for the seed conditions the workflow enforces (issue 13 part B, services/conditions/): account
 * restriction during an investigation, loan notarisation, excess withdrawal paid back, the guarantee company's
 * service fee, and the 联保 pledges a member's page shows. Spread into `calls` (calls.ts) like the other groups.
 */
import { z } from 'zod';
import type { Role } from '../roles';
import type { CallDef } from './calls';
import * as f from './fields';
import type { WithdrawalAppDto } from './dto';

export interface RestrictionDto {
  id: number;
  memberId: number;
  reason: string;
  setBy: string;
  setAt: string;
  liftedBy: string | null;
  liftedAt: string | null;
  liftReason: string | null;
  active: boolean;
}

export interface NotarisationDto {
  applicationId: number;
  notaryOffice: string;
  notaryNo: string;
  notarisedDate: string;
  recordedBy: string;
  recordedAt: string;
}

export interface NotarisationStatusDto {
  /** Why the seed asks for notarisation here (未婚、离异、农业户口、共有产权), empty when it does not. */
  reasons: string[];
  required: boolean;
  record: NotarisationDto | null;
}

export interface ExcessPaybackDto {
  id: number;
  memberId: number;
  loanApplicationId: number;
  dueFen: number;
  withdrawnFen: number;
  paidFen: number;
  outstandingFen: number;
  createdAt: string;
  createdBy: string;
}

export interface PledgeDto {
  loanId: number;
  contractNo: string;
  borrowerName: string;
  pledgedFen: number;
  /** 还款中: frozen; 已结清: released at settlement. */
  loanStatus: '还款中' | '已结清';
}

export interface MemberHoldsDto {
  restrictions: RestrictionDto[];
  pledges: PledgeDto[];
  frozenFen: number;
  excess: ExcessPaybackDto[];
}

const CLERK: readonly Role[] = ['clerk', 'admin'];
const ANY: readonly Role[] = ['clerk', 'reviewer', 'approver', 'admin'];
const APPROVER: readonly Role[] = ['approver'];
export interface GuaranteeFeeDto {
  entryNo: string;
  at: string;
  amountFen: number;
  company: string;
  operatorName: string;
}

const def = <O>() => <I extends z.ZodType>(d: { input: I; roles: readonly Role[]; write?: boolean }): CallDef<I, O> => ({ input: d.input, roles: d.roles, write: d.write ?? false });

export const conditionCalls = {
  // 004 基本规定(三): an approver restricts the account during an investigation; another person lifts it.
  'members.restrict': def<RestrictionDto>()({
    input: z.object({ memberId: f.id('职工'), reason: f.text('限制原因', 300), idempotencyKey: f.idempotencyKey() }),
    roles: APPROVER,
    write: true,
  }),
  'members.liftRestriction': def<RestrictionDto>()({
    input: z.object({ restrictionId: f.id('账户限制'), reason: f.text('解除原因', 300), idempotencyKey: f.idempotencyKey() }),
    roles: APPROVER,
    write: true,
  }),
  'members.holds': def<MemberHoldsDto>()({ input: z.object({ memberId: f.id('职工') }), roles: ANY }),
  // 003: 未婚、离异、农业户口、共有产权的须在银川市公证处办理贷款公证 — recorded before disbursement.
  'loan.notarisation': def<NotarisationStatusDto>()({ input: z.object({ applicationId: f.id('申请') }), roles: ANY }),
  'loan.recordNotarisation': def<NotarisationStatusDto>()({
    input: z.object({
      applicationId: f.id('申请'),
      notaryOffice: f.text('公证处', 60),
      notaryNo: f.text('公证书编号', 60),
      notarisedDate: f.date('公证日期'),
      idempotencyKey: f.idempotencyKey(),
    }),
    roles: CLERK,
    write: true,
  }),
  // 004 六(二): the excess withdrawn is paid back before the member applies again.
  'excess.assess': def<ExcessPaybackDto[]>()({ input: z.object({ applicationId: f.id('贷款申请'), idempotencyKey: f.idempotencyKey() }), roles: CLERK, write: true }),
  'excess.payback': def<ExcessPaybackDto & { entryNo: string }>()({
    input: z.object({ paybackId: f.id('补缴事项'), amountFen: f.positiveFen('补缴金额'), idempotencyKey: f.idempotencyKey() }),
    roles: CLERK,
    write: true,
  }),
  // 004 一、(一): the 失信惩戒 query recorded on a 乌鲁木齐 withdrawal (before approval), stamped by the service.
  'withdrawal.recordDishonestCheck': def<WithdrawalAppDto>()({
    input: z.object({
      applicationId: f.id('提取申请'),
      person: z.enum(['member', 'spouse'], { error: '请选择申请人或配偶' }),
      source: f.text('查询来源', 60),
      result: z.enum(['clear', 'listed'], { error: '请选择查询结果：未列入或处于失信惩戒期' }),
      reference: f.optionalText('查询记录编号', 60),
      idempotencyKey: f.idempotencyKey(),
    }),
    roles: ANY,
    write: true,
  }),
  // 004 担保方式1: 中心支付担保服务费 — booked against the loan.
  'loan.guaranteeFee': def<{ loanId: number; entryNo: string; amountFen: number }>()({
    input: z.object({ loanId: f.id('贷款'), amountFen: f.positiveFen('担保服务费'), company: f.text('担保公司', 60), idempotencyKey: f.idempotencyKey() }),
    roles: CLERK,
    write: true,
  }),
  'loan.guaranteeFees': def<GuaranteeFeeDto[]>()({ input: z.object({ loanId: f.id('贷款') }), roles: ANY }),
} as const;

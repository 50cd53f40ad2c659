/**
 * THE contract: every call between the renderer (or the CLI, or the HTTP transport) and the services, by name,
 * with its zod input schema, the roles allowed to make it, whether it writes, and its output type.
 * The dispatcher validates each payload against `input`, resolves the session, checks `roles`, and only then
 * runs the handler; write calls run in one transaction keyed by their idempotency key.
 */
import { z } from 'zod';
import type { CenterConfig, CenterId } from '../centers';
import type { ContributionResult } from '../contribution';
import type { Role } from '../roles';
import type {
  CheckReport,
  EmployerDto,
  MemberDetail,
  MemberListItem,
  NoticeDto,
  AppointmentDto,
  DailyJournalDto,
  MemberEventDto,
  InboxItem,
  LoanAppDto,
  LoanDto,
  LoanScheduleRowDto,
  WithdrawalAppDto,
  RemittancePreview,
  RemittanceResult,
  Statement,
} from './dto';
import * as f from './fields';
import type { CaseView, Guide, LoanDecision, ParamInfo, Person, RuleInfo, WithdrawalDecision } from '../rules';
import type { DepositRateRow } from '../rates/depositRates';
import type { BatchProgressDto } from './batch';
import type { LoanRepaymentDto, LoanStatusDto, PrepayPreviewDto, PrepayResultDto, RepayResultDto, RepriceReportDto, SettlementCertificateData } from './loanServicing';
import type { LoanRateRow } from '../rates/loanRates';
import type { PenaltySetting } from '../rates/penaltyRates';
import type { OperatorChangeRequestDto } from './operators';
import type { ChangeEffectDto, PrivilegedChangeDto } from './privileged';
import type { HostInfoDto, SessionListItem } from './host';
import type { SyncStatusDto } from './sync';
import { conditionCalls } from './conditions';
import { DRAFT_FORMS, type DraftDto, type DraftSummary } from './drafts';
import type { InboxList } from './inbox';
import type { SyncApplyDto, SyncExportDto, SyncJoinDto } from './sync';

export interface ParamOverrideDto {
  paramId: string;
  effectiveFrom: string;
  value: unknown;
  note: string;
  createdAt: string;
  createdBy: string;
}

export const PUBLIC = 'public' as const;
export type Roles = typeof PUBLIC | readonly Role[];

const ANY: readonly Role[] = ['clerk', 'reviewer', 'approver', 'admin'];
const CLERK: readonly Role[] = ['clerk', 'admin'];
const ADMIN: readonly Role[] = ['admin'];
const CORRECTORS: readonly Role[] = ['reviewer', 'admin'];

export interface CallDef<I extends z.ZodType, O> {
  input: I;
  roles: Roles;
  write: boolean;
  /** A long batch: on a host it runs in a worker thread (services/batch), never on the request thread. */
  batch?: boolean;
  /** Phantom: the output type, for the typed client. Never read at run time. */
  output?: O;
}

function call<O>() {
  return <I extends z.ZodType>(def: { input: I; roles: Roles; write?: boolean; batch?: boolean }): CallDef<I, O> => ({
    input: def.input,
    roles: def.roles,
    write: def.write ?? false,
    batch: def.batch ?? false,
  });
}

export interface OperatorDto {
  id: number;
  login: string;
  name: string;
  role: Role;
  roleLabel: string;
  branchCode: string;
}

export interface OperatorListItem extends OperatorDto {
  active: boolean;
  createdAt: string;
  /** 工号 and the masked 证件号码 of the person (null for logins created before they were recorded). */
  staffNo: string | null;
  idNumberMasked: string | null;
  mustChangePassword: boolean;
  lockedUntil: string | null;
}

export interface SetupStatus {
  initialised: boolean;
  center: CenterId | null;
  centerName: string | null;
  hasOperators: boolean;
}

export interface RemittanceListItem extends RemittanceResult {
  reversedBy: string | null;
}

export interface EmployerPage {
  employer: EmployerDto;
  /** The month the next 汇缴 is for; null when this month's is already posted (see `currentMonthRemitted`). */
  nextMonth: string | null;
  currentMonthRemitted: { month: string; entryNo: string; bookedOn: string } | null;
  remittances: RemittanceListItem[];
  members: MemberListItem[];
}

export interface AuditListItem {
  id: number;
  at: string;
  operatorLogin: string;
  action: string;
  recordType: string;
  recordId: string;
  detail: string;
}

const payee = z.object({
  kind: z.enum(['own', 'developer', 'loan'], { error: '请选择收款账户类型' }),
  bankName: f.text('收款开户银行', 40),
  accountNo: z.string({ error: '请填写收款账号' }).trim().min(1, { error: '请填写收款账号' }).max(40),
  accountName: f.text('收款户名', 60),
  cardType: z.enum(['debit', 'credit', 'passbook'], { error: '卡类型：应为借记卡、信用卡或存折' }).optional(),
});

const withdrawalIntake = {
  caseId: f.text('提取原因', 40),
  spouseMemberId: f.id('配偶').nullable().optional(),
  /** What the clerk records for the case, in the engine's input shape (docs/rules-input.md) without member. */
  facts: z.record(z.string(), z.unknown(), { error: '申请事实应为对象' }),
  requestedFen: f.positiveFen('申请提取金额').nullable().optional(),
  payee,
  materialsSeen: z.array(z.string()),
};

const loanIntake = {
  caseId: f.text('贷款购房类型', 40),
  spouseMemberId: f.id('配偶').nullable(),
  /** House, guarantee, income, credit facts … in the engine's loan input shape (docs/rules-input.md). */
  facts: z.record(z.string(), z.unknown(), { error: '申请事实应为对象' }),
  requestedFen: f.positiveFen('申请贷款金额'),
  months: z.number({ error: '请填写贷款期限' }).int().min(1, { error: '贷款期限至少1个月' }).max(360, { error: '贷款期限不超过360个月' }),
  method: z.enum(['annuity', 'linear', 'lump'], { error: '请选择还款方式' }),
  payee,
  materialsSeen: z.array(z.string()),
};

const signOff = z.object({ applicationId: f.id('申请'), version: z.number().int().optional(), pass: z.boolean({ error: '请选择通过或退回' }), note: f.optionalText('意见', 300) });

const employerInput = z.object({
  name: f.text('单位名称', 60),
  uscc: z.string({ error: '请填写统一社会信用代码' }).trim().toUpperCase().min(1, { error: '请填写统一社会信用代码' }),
  usccConfirmed: z.boolean().optional(),
  district: f.text('所属区县', 20),
  employeeRatioPercent: f.percent('个人缴存比例'),
  employerRatioPercent: f.percent('单位缴存比例'),
  suppEmployeeRatioPercent: f.percent('补充公积金个人比例').nullable().optional(),
  suppEmployerRatioPercent: f.percent('补充公积金单位比例').nullable().optional(),
  contactName: f.personName('经办人'),
  contactPhone: f.text('联系电话', 20),
  address: f.optionalText('单位地址'),
  openedDate: f.date('开户日期').optional(),
  custody: z.boolean({ error: '托管专户应为是或否' }).optional(),
});

export const calls = {
  'setup.status': call<SetupStatus>()({ input: z.object({}), roles: PUBLIC }),
  'setup.init': call<SetupStatus>()({
    input: z.object({
      center: z.enum(['yinchuan', 'urumqi'], { error: '请选择公积金中心' }),
      adminLogin: f.text('管理员登录名', 30).regex(/^[a-z][a-z0-9_.-]{2,29}$/, { error: '管理员登录名须为3至30位小写字母、数字，以字母开头' }),
      adminName: f.personName('管理员姓名'),
      adminPassword: z.string({ error: '请填写管理员密码' }),
      adminStaffNo: f.text('管理员工号', 20),
      adminIdNumber: f.idNumber('管理员证件号码'),
    }),
    roles: PUBLIC,
    write: true,
  }),
  'session.login': call<{ token: string; operator: OperatorDto; mustChangePassword: boolean }>()({
    input: z.object({ login: f.text('登录名', 30), password: z.string({ error: '请填写密码' }).min(1, { error: '请填写密码' }) }),
    roles: PUBLIC,
  }),
  'session.logout': call<{ ok: true }>()({ input: z.object({}), roles: ANY }),
  'session.me': call<OperatorDto>()({ input: z.object({}), roles: ANY }),
  'session.changePassword': call<{ ok: true }>()({
    input: z.object({ oldPassword: z.string({ error: '请填写原密码' }).min(1, { error: '请填写原密码' }), newPassword: z.string({ error: '请填写新密码' }) }),
    roles: ANY,
    write: true,
  }),
  'center.info': call<CenterConfig>()({ input: z.object({}), roles: ANY }),

  'employers.search': call<EmployerDto[]>()({ input: z.object({ query: z.string().max(60).default('') }), roles: ANY }),
  'employers.get': call<EmployerPage>()({ input: z.object({ employerId: f.id('单位') }), roles: ANY }),
  'employers.create': call<EmployerDto>()({
    input: employerInput.extend({ idempotencyKey: f.idempotencyKey() }),
    roles: CLERK,
    write: true,
  }),

  'members.search': call<MemberListItem[]>()({
    input: z.object({ query: f.text('查询条件', 60), limit: z.number().int().min(1).max(200).optional() }),
    roles: ANY,
  }),
  'members.get': call<MemberDetail>()({ input: z.object({ memberId: f.id('职工') }), roles: ANY }),
  'members.statement': call<Statement>()({
    input: z.object({ memberId: f.id('职工'), year: z.string().regex(/^\d{4}$/, { error: '年度应为四位数字' }).optional() }),
    roles: ANY,
  }),
  'members.open': call<MemberDetail>()({
    input: z.object({
      name: f.personName('职工姓名'),
      idNumber: f.idNumber('证件号码'),
      phone: f.text('联系电话', 20),
      employerId: f.id('所在单位'),
      baseFen: f.positiveFen('缴存基数'),
      openedDate: f.date('开户日期').optional(),
      idempotencyKey: f.idempotencyKey(),
    }),
    roles: CLERK,
    write: true,
  }),

  'members.seal': call<MemberDetail>()({
    input: z.object({ memberId: f.id('职工'), date: f.date('封存日期').optional(), reason: f.text('封存原因', 200), idempotencyKey: f.idempotencyKey() }),
    roles: CLERK,
    write: true,
  }),
  'members.unseal': call<MemberDetail>()({
    input: z.object({ memberId: f.id('职工'), employerId: f.id('新单位'), baseFen: f.positiveFen('缴存基数'), date: f.date('启封日期').optional(), idempotencyKey: f.idempotencyKey() }),
    roles: CLERK,
    write: true,
  }),
  'members.transferOut': call<{ member: MemberDetail; entryNo: string; interestFen: number; totalFen: number }>()({
    input: z.object({ memberId: f.id('职工'), toCenter: f.text('转入中心', 60), reason: f.text('转出原因', 200), idempotencyKey: f.idempotencyKey() }),
    roles: CLERK,
    write: true,
  }),
  'members.events': call<MemberEventDto[]>()({ input: z.object({ memberId: f.id('职工') }), roles: ANY }),
  'ledger.daily': call<DailyJournalDto>()({ input: z.object({ date: f.date('日结日期'), branchCode: z.string().optional() }), roles: ANY }),
  'print.member': call<{ fileName: string; pdfBase64: string; reprint: boolean }>()({
    input: z.object({ memberId: f.id('职工'), form: z.enum(['certificate', 'statement'], { error: '请选择缴存证明或缴存明细' }) }),
    roles: ANY,
  }),
  'print.daily': call<{ fileName: string; pdfBase64: string; reprint: boolean }>()({ input: z.object({ date: f.date('日结日期'), branchCode: z.string().optional() }), roles: ANY }),

  'remit.preview': call<RemittancePreview>()({
    input: z.object({
      employerId: f.id('单位'),
      month: f.month('缴存月份'),
      kind: z.enum(['汇缴', '补缴']).optional(),
      memberIds: z.array(f.id('职工')).min(1).optional(),
    }),
    roles: CLERK,
  }),
  'remit.post': call<RemittanceResult>()({
    input: z.object({
      employerId: f.id('单位'),
      month: f.month('缴存月份'),
      kind: z.enum(['汇缴', '补缴']).optional(),
      memberIds: z.array(f.id('职工')).min(1, { error: '补缴须至少选择一名职工' }).optional(),
      idempotencyKey: f.idempotencyKey(),
    }),
    roles: CLERK,
    write: true,
    // An employer of REMIT_WORKER_MEMBERS or more: in the batch worker on a host (services/batch/jobs.ts).
    batch: true,
  }),

  'calc.contribution': call<ContributionResult>()({
    input: z.object({
      baseFen: f.positiveFen('缴存基数'),
      employeeRatioPercent: f.percent('个人缴存比例'),
      employerRatioPercent: f.percent('单位缴存比例'),
      district: z.string().optional(),
      date: f.date('计算日期').optional(),
      suppEmployeeRatioPercent: f.percent('补充公积金个人比例').optional(),
      suppEmployerRatioPercent: f.percent('补充公积金单位比例').optional(),
    }),
    roles: ANY,
  }),

  'ledger.reverse': call<{ entryId: number; entryNo: string }>()({
    input: z.object({ entryId: f.id('记账凭证'), reason: f.text('冲正原因', 200), idempotencyKey: f.idempotencyKey() }),
    roles: CORRECTORS,
    write: true,
  }),
  'ledger.check': call<CheckReport>()({ input: z.object({}), roles: ADMIN }),

  'users.list': call<OperatorListItem[]>()({ input: z.object({}), roles: ADMIN }),
  'users.add': call<OperatorChangeRequestDto>()({
    input: z.object({
      login: f.text('登录名', 30).regex(/^[a-z][a-z0-9_.-]{2,29}$/, { error: '登录名须为3至30位小写字母、数字，以字母开头' }),
      name: f.personName('姓名'),
      role: z.enum(['clerk', 'reviewer', 'approver', 'admin'], { error: '请选择岗位角色' }),
      staffNo: f.text('工号', 20),
      idNumber: f.idNumber('证件号码'),
      password: z.string({ error: '请填写登录密码' }),
      branchCode: z.string().optional(),
      idempotencyKey: f.idempotencyKey(),
    }),
    roles: ADMIN,
    write: true,
  }),
  'users.setRole': call<OperatorChangeRequestDto>()({
    input: z.object({ operatorId: f.id('操作员'), role: z.enum(['clerk', 'reviewer', 'approver', 'admin'], { error: '请选择岗位角色' }), idempotencyKey: f.idempotencyKey() }),
    roles: ADMIN,
    write: true,
  }),
  'users.requests': call<OperatorChangeRequestDto[]>()({ input: z.object({ includeDecided: z.boolean().optional() }), roles: ADMIN }),
  'users.confirm': call<OperatorChangeRequestDto>()({ input: z.object({ requestId: f.id('待确认事项'), idempotencyKey: f.idempotencyKey() }), roles: ADMIN, write: true }),
  'users.reject': call<OperatorChangeRequestDto>()({
    input: z.object({ requestId: f.id('待确认事项'), note: f.text('驳回理由', 200), idempotencyKey: f.idempotencyKey() }),
    roles: ADMIN,
    write: true,
  }),
  'users.disable': call<OperatorListItem>()({
    input: z.object({ operatorId: f.id('操作员'), reason: f.text('停用原因', 200), idempotencyKey: f.idempotencyKey() }),
    roles: ADMIN,
    write: true,
  }),
  'users.resetPassword': call<OperatorListItem>()({
    input: z.object({ operatorId: f.id('操作员'), password: z.string({ error: '请填写临时密码' }), idempotencyKey: f.idempotencyKey() }),
    roles: ADMIN,
    write: true,
  }),
  'notices.list': call<NoticeDto[]>()({
    input: z.object({ kind: z.enum(['公告', '中心动态']).optional(), includeWithdrawn: z.boolean().optional() }),
    roles: ANY,
  }),
  'notices.post': call<NoticeDto>()({
    input: z.object({
      kind: z.enum(['公告', '中心动态'], { error: '请选择类别（公告或中心动态）' }),
      title: f.text('标题', 80),
      body: f.text('正文', 5000),
      idempotencyKey: f.idempotencyKey(),
    }),
    roles: ADMIN,
    write: true,
  }),
  'notices.withdraw': call<NoticeDto>()({
    input: z.object({ noticeId: f.id('公告'), idempotencyKey: f.idempotencyKey() }),
    roles: ADMIN,
    write: true,
  }),
  // Policy: the engine decides; these calls only carry the application and the center's dated data to it.
  'rules.evaluateWithdrawal': call<WithdrawalDecision>()({ input: z.object({ application: z.unknown() }), roles: ANY }),
  'rules.evaluateLoan': call<LoanDecision>()({ input: z.object({ application: z.unknown() }), roles: ANY }),
  'rules.list': call<RuleInfo[]>()({ input: z.object({}), roles: ANY }),
  'rules.params': call<ParamInfo[]>()({ input: z.object({}), roles: ANY }),
  'rules.cases': call<{ withdrawal: CaseView[]; loan: CaseView[] }>()({ input: z.object({}), roles: ANY }),
  'rules.guides': call<Guide[]>()({ input: z.object({ asOf: f.date('指南日期').optional() }), roles: ANY }),
  'rules.memberFacts': call<Person>()({ input: z.object({ memberId: f.id('职工') }), roles: ANY }),
  'rates.list': call<{ loan: LoanRateRow[]; deposit: DepositRateRow[]; penalty: PenaltySetting[] }>()({ input: z.object({}), roles: ANY }),
  'rates.addPenalty': call<PenaltySetting[]>()({
    input: z.object({
      effectiveFrom: f.date('生效日期'),
      multiplier: f.text('罚息倍数', 8),
      dayBasis: z.union([z.literal(360), z.literal(365)], { error: '计息基数应为360或365天' }),
      source: f.text('依据（文件名称、文号）', 300),
      backdateReason: f.optionalText('补录原因', 300),
      idempotencyKey: f.idempotencyKey(),
    }),
    roles: ADMIN,
    write: true,
  }),
  'rates.addLoan': call<LoanRateRow[]>()({
    input: z.object({
      effectiveFrom: f.date('生效日期'),
      firstUpTo5y: f.text('首套五年以下（含五年）利率', 10),
      firstOver5y: f.text('首套五年以上利率', 10),
      secondUpTo5y: z.string().trim().nullable(),
      secondOver5y: z.string().trim().nullable(),
      source: f.text('依据（文件名称、文号）', 300),
      backdateReason: f.optionalText('补录原因', 300),
      idempotencyKey: f.idempotencyKey(),
    }),
    roles: ADMIN,
    write: true,
  }),
  'rates.addDeposit': call<DepositRateRow[]>()({
    input: z.object({
      effectiveFrom: f.date('生效日期'),
      annualRatePercent: f.text('存款年利率', 10),
      source: f.text('依据（文件名称、文号）', 300),
      backdateReason: f.optionalText('补录原因', 300),
      idempotencyKey: f.idempotencyKey(),
    }),
    roles: ADMIN,
    write: true,
  }),
  // Bounded privileged changes: the effect of a row before it is confirmed; a back-dated row (with 补录原因) waits
  // for a second administrator (services/policy/privileged.ts).
  'rates.previewEffect': call<ChangeEffectDto>()({
    input: z.object({ kind: z.enum(['loan_rate', 'deposit_rate', 'penalty', 'override'], { error: '请选择变更类别' }), effectiveFrom: f.date('生效日期'), paramId: f.optionalText('政策参数', 100) }),
    roles: ADMIN,
  }),
  'rates.pendingChanges': call<PrivilegedChangeDto[]>()({ input: z.object({}), roles: ADMIN }),
  'rates.decideChange': call<PrivilegedChangeDto>()({
    input: z.object({ requestId: f.id('补录申请'), pass: z.boolean({ error: '请选择确认或拒绝' }), note: f.optionalText('确认意见', 300), idempotencyKey: f.idempotencyKey() }),
    roles: ADMIN,
    write: true,
  }),
  'policy.overrides': call<ParamOverrideDto[]>()({ input: z.object({}), roles: ANY }),
  'policy.addOverride': call<ParamOverrideDto[]>()({
    input: z.object({
      paramId: f.text('政策参数', 100),
      effectiveFrom: f.date('生效日期'),
      value: z.unknown(),
      note: f.text('调整依据', 500),
      backdateReason: f.optionalText('补录原因', 300),
      idempotencyKey: f.idempotencyKey(),
    }),
    roles: ADMIN,
    write: true,
  }),
  'print.guide': call<{ fileName: string; pdfBase64: string }>()({
    input: z.object({ kind: z.enum(['withdrawal', 'loan']), caseId: f.text('业务类型', 60) }),
    roles: ANY,
  }),
  // Withdrawals (提取): intake by 经办, 复核, 审批 by three different people, payout, reversal.
  'withdrawal.create': call<WithdrawalAppDto>()({
    input: z.object({ memberId: f.id('职工'), appointmentId: f.id('预约').nullable().optional(), ...withdrawalIntake, idempotencyKey: f.idempotencyKey() }),
    roles: CLERK,
    write: true,
  }),
  'withdrawal.update': call<WithdrawalAppDto>()({
    input: z.object({ applicationId: f.id('申请'), version: z.number().int(), ...withdrawalIntake, idempotencyKey: f.idempotencyKey() }),
    roles: CLERK,
    write: true,
  }),
  'withdrawal.submit': call<WithdrawalAppDto>()({
    input: z.object({ applicationId: f.id('申请'), version: z.number().int().optional(), idempotencyKey: f.idempotencyKey() }),
    roles: CLERK,
    write: true,
  }),
  'withdrawal.review': call<WithdrawalAppDto>()({ input: signOff.extend({ idempotencyKey: f.idempotencyKey() }), roles: ['reviewer'], write: true }),
  'withdrawal.approve': call<WithdrawalAppDto>()({ input: signOff.extend({ idempotencyKey: f.idempotencyKey() }), roles: ['approver'], write: true }),
  'withdrawal.pay': call<WithdrawalAppDto>()({
    input: z.object({ applicationId: f.id('申请'), idempotencyKey: f.idempotencyKey() }),
    roles: CLERK,
    write: true,
  }),
  'withdrawal.cancel': call<WithdrawalAppDto>()({
    input: z.object({ applicationId: f.id('申请'), reason: f.text('撤销原因', 300), idempotencyKey: f.idempotencyKey() }),
    roles: CLERK,
    write: true,
  }),
  'withdrawal.requestReversal': call<WithdrawalAppDto>()({
    input: z.object({ applicationId: f.id('申请'), reason: f.text('冲正原因', 300), idempotencyKey: f.idempotencyKey() }),
    roles: CLERK,
    write: true,
  }),
  'withdrawal.reviewReversal': call<WithdrawalAppDto>()({ input: signOff.extend({ idempotencyKey: f.idempotencyKey() }), roles: ['reviewer'], write: true }),
  'withdrawal.approveReversal': call<WithdrawalAppDto>()({ input: signOff.extend({ idempotencyKey: f.idempotencyKey() }), roles: ['approver'], write: true }),
  'withdrawal.get': call<WithdrawalAppDto>()({ input: z.object({ applicationId: f.id('申请') }), roles: ANY }),
  'withdrawal.list': call<InboxItem[]>()({
    input: z.object({
      states: z.array(z.enum(['草稿', '待复核', '待审批', '已审批', '已支付', '退回', '撤销', '冲正待复核', '冲正待审批', '已冲正'])).optional(),
      memberId: f.id('职工').optional(),
    }),
    roles: ANY,
  }),
  'print.withdrawal': call<{ fileName: string; pdfBase64: string; reprint: boolean }>()({
    input: z.object({ applicationId: f.id('申请'), form: z.enum(['voucher', 'notice', 'receipt'], { error: '请选择要打印的表单' }), ruleIds: z.boolean().optional() }),
    roles: ANY,
  }),

  // Loans (贷款): intake, 复核, 审批, contract and mortgage registration, disbursement with a frozen schedule.
  'loan.create': call<LoanAppDto>()({ input: z.object({ memberId: f.id('借款人'), ...loanIntake, idempotencyKey: f.idempotencyKey() }), roles: CLERK, write: true }),
  // 异地缴存职工（本中心无账户）的贷款受理 (银川 003 6、): opens a sealed zero-balance account under the center's pseudo-employer
  // (or reuses it for the same ID number) and records the other center's 缴存证明, in one transaction with the application.
  'loan.createRemote': call<LoanAppDto>()({
    input: z.object({
      borrower: z.object({ name: f.personName('借款人姓名'), idNumber: f.idNumber('借款人证件号码'), phone: f.text('借款人联系电话', 20) }),
      certificate: z.object({
        place: z.enum(['province', 'elsewhere'], { error: '请选择缴存地（区内异地或区外）' }),
        centerName: f.text('缴存地公积金中心', 40),
        certificateDate: f.date('缴存证明出具日期'),
        openedDate: f.date('缴存证明载明的开户日期'),
        agreementDate: f.date('提取协议日期').optional(),
        monthlyDepositFen: f.fen('缴存证明载明的月缴存额'),
        baseFen: f.positiveFen('缴存证明载明的缴存基数'),
        continuousMonths: z.number({ error: '请填写连续缴存月数' }).int({ error: '连续缴存月数应为整数' }).min(0, { error: '连续缴存月数不能为负' }).max(600, { error: '连续缴存月数不超过600' }),
        balanceFen: f.fen('缴存证明载明的账户余额'),
      }),
      ...loanIntake,
      idempotencyKey: f.idempotencyKey(),
    }),
    roles: CLERK,
    write: true,
  }),
  'loan.update': call<LoanAppDto>()({ input: z.object({ applicationId: f.id('申请'), version: z.number().int(), ...loanIntake, idempotencyKey: f.idempotencyKey() }), roles: CLERK, write: true }),
  'loan.submit': call<LoanAppDto>()({ input: z.object({ applicationId: f.id('申请'), version: z.number().int().optional(), idempotencyKey: f.idempotencyKey() }), roles: CLERK, write: true }),
  'loan.review': call<LoanAppDto>()({ input: signOff.extend({ idempotencyKey: f.idempotencyKey() }), roles: ['reviewer'], write: true }),
  'loan.approve': call<LoanAppDto>()({ input: signOff.extend({ idempotencyKey: f.idempotencyKey() }), roles: ['approver'], write: true }),
  'loan.cancel': call<LoanAppDto>()({ input: z.object({ applicationId: f.id('申请'), reason: f.text('撤销原因', 300), idempotencyKey: f.idempotencyKey() }), roles: CLERK, write: true }),
  'loan.sign': call<LoanAppDto>()({
    input: z.object({ applicationId: f.id('申请'), contractNo: f.text('借款合同编号', 40), mortgageRegNo: f.text('抵押登记证明号', 60).optional(), idempotencyKey: f.idempotencyKey() }),
    roles: CLERK,
    write: true,
  }),
  'loan.disburse': call<LoanAppDto>()({ input: z.object({ applicationId: f.id('申请'), idempotencyKey: f.idempotencyKey() }), roles: CLERK, write: true }),
  'loan.get': call<LoanAppDto>()({ input: z.object({ applicationId: f.id('申请') }), roles: ANY }),
  'loan.list': call<InboxItem[]>()({
    input: z.object({ states: z.array(z.enum(['草稿', '待复核', '待审批', '已审批', '已签约', '已放款', '退回', '撤销'])).optional(), memberId: f.id('职工').optional() }),
    roles: ANY,
  }),
  'loan.schedule': call<LoanScheduleRowDto[]>()({ input: z.object({ loanId: f.id('贷款') }), roles: ANY }),
  'members.loans': call<LoanDto[]>()({ input: z.object({ memberId: f.id('职工') }), roles: ANY }),
  'print.loan': call<{ fileName: string; pdfBase64: string; reprint: boolean }>()({
    input: z.object({ applicationId: f.id('申请'), form: z.enum(['approval', 'schedule', 'notice', 'disbursement'], { error: '请选择要打印的表单' }), ruleIds: z.boolean().optional() }),
    roles: ANY,
  }),

  // Loan servicing (issue 6): repayment, prepayment, status with overdue and penalty, 还款明细, repricing, 结清.
  'loan.repay': call<RepayResultDto>()({
    input: z.object({
      loanId: f.id('贷款'),
      amountFen: f.positiveFen('还款金额'),
      source: z.enum(['bank', 'fund'], { error: '还款来源：请选择银行还款或委托提取公积金还款' }),
      date: f.date('还款日期').optional(),
      strategy: z.enum(['byInstallment', 'byKind'], { error: '还款顺序：应为 byInstallment 或 byKind' }).optional(),
      idempotencyKey: f.idempotencyKey(),
    }),
    roles: CLERK,
    write: true,
  }),
  'loan.prepay': call<PrepayResultDto>()({
    input: z.object({
      loanId: f.id('贷款'),
      kind: z.enum(['full', 'partial'], { error: '提前还款方式：请选择提前结清或部分提前还款' }),
      amountFen: f.positiveFen('提前归还本金').optional(),
      keep: z.enum(['term', 'installment'], { error: '请选择保持期限不变（月供减少）或保持月供不变（期限缩短）' }).optional(),
      source: z.enum(['bank', 'fund'], { error: '还款来源：请选择银行还款或委托提取公积金还款' }).optional(),
      idempotencyKey: f.idempotencyKey(),
    }),
    roles: CLERK,
    write: true,
  }),
  // 提前还款试算: the figures of loan.prepay (new installment, remaining term, interest saved) without posting.
  'loan.prepayPreview': call<PrepayPreviewDto>()({
    input: z.object({
      loanId: f.id('贷款'),
      kind: z.enum(['full', 'partial'], { error: '提前还款方式：请选择提前结清或部分提前还款' }),
      amountFen: f.positiveFen('提前归还本金').optional(),
      keep: z.enum(['term', 'installment'], { error: '请选择保持期限不变（月供减少）或保持月供不变（期限缩短）' }).optional(),
    }),
    roles: CLERK,
  }),
  'print.settlement': call<{ fileName: string; pdfBase64: string; reprint: boolean }>()({ input: z.object({ loanId: f.id('贷款') }), roles: ANY }),
  'interest.yearEnd': call<{ year: number; bookedDate: string; accounts: number; totalFen: number; entries: number; alreadyRun: boolean; seconds: number }>()({
    input: z.object({ year: z.number({ error: '请填写结息年度' }).int().min(2000, { error: '结息年度应为四位年份' }).max(2100, { error: '结息年度应为四位年份' }), idempotencyKey: f.idempotencyKey() }),
    roles: ADMIN,
    write: true,
    batch: true,
  }),
  // 批处理进度: what the UI polls while a batch runs in the worker (services/batch/runner.ts); counters only.
  'batch.progress': call<BatchProgressDto[]>()({ input: z.object({}), roles: ANY }),
  'loan.status': call<LoanStatusDto>()({ input: z.object({ loanId: f.id('贷款'), asOf: f.date('查询日期').optional() }), roles: ANY }),
  'loan.repayments': call<LoanRepaymentDto[]>()({ input: z.object({ loanId: f.id('贷款') }), roles: ANY }),
  'loan.settlement': call<SettlementCertificateData>()({ input: z.object({ loanId: f.id('贷款') }), roles: ANY }),
  'loan.reprice': call<RepriceReportDto>()({
    input: z.object({ asOf: f.date('调整基准日'), limit: z.number().int().min(0).max(100_000).optional(), idempotencyKey: f.idempotencyKey() }),
    roles: ADMIN,
    write: true,
    batch: true,
  }),

  // Appointments (预约) from the mobile app or the counter.
  'appointments.list': call<AppointmentDto[]>()({ input: z.object({ date: f.date('预约日期').optional(), branchCode: z.string().optional() }), roles: ANY }),
  'appointments.create': call<AppointmentDto>()({
    input: z.object({
      date: f.date('预约日期'),
      slot: f.text('预约时段', 20),
      business: f.text('业务类型', 40),
      name: f.personName('姓名'),
      idNumber: f.idNumber('证件号码'),
      phone: f.text('联系电话', 20),
      branchCode: z.string().optional(),
      idempotencyKey: f.idempotencyKey(),
    }),
    roles: CLERK,
    write: true,
  }),
  'appointments.import': call<{ imported: number; skipped: string[] }>()({
    input: z.object({ format: z.enum(['csv', 'json']), content: f.text('导入内容', 2_000_000), idempotencyKey: f.idempotencyKey() }),
    roles: CLERK,
    write: true,
  }),
  'appointments.checkIn': call<AppointmentDto>()({ input: z.object({ appointmentId: f.id('预约'), idempotencyKey: f.idempotencyKey() }), roles: CLERK, write: true }),
  'appointments.cancel': call<AppointmentDto>()({ input: z.object({ appointmentId: f.id('预约'), idempotencyKey: f.idempotencyKey() }), roles: CLERK, write: true }),
  /** A member's own 预约记录, newest first (the member page). */
  'appointments.forMember': call<AppointmentDto[]>()({ input: z.object({ memberId: f.id('职工') }), roles: ANY }),

  'audit.list': call<AuditListItem[]>()({
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }),
    roles: ADMIN,
  }),

  'host.info': call<HostInfoDto>()({ input: z.object({}), roles: ADMIN }),
  'sync.status': call<SyncStatusDto>()({ input: z.object({}), roles: ADMIN }),
  'sync.pushNow': call<SyncStatusDto>()({ input: z.object({}), roles: ADMIN }),
  'sync.join': call<SyncJoinDto>()({ input: z.object({ enrollment: f.text('入网文件', 100_000), idempotencyKey: f.idempotencyKey() }), roles: ADMIN, write: true }),
  'sync.receipt': call<SyncJoinDto>()({ input: z.object({}), roles: ADMIN }),
  'sync.exportFile': call<SyncExportDto>()({ input: z.object({ fromSeal: z.number().int().min(0).optional() }), roles: ADMIN }),
  'sync.applyFile': call<SyncApplyDto>()({ input: z.object({ content: f.text('中心下发文件', 2_000_000), idempotencyKey: f.idempotencyKey() }), roles: ADMIN, write: true }),
  'sessions.list': call<SessionListItem[]>()({ input: z.object({}), roles: ADMIN }),
  'sessions.end': call<{ ended: boolean }>()({
    input: z.object({ sessionId: f.text('会话', 64), idempotencyKey: f.idempotencyKey() }),
    roles: ADMIN,
    write: true,
  }),
  ...conditionCalls,

  // Drafts of open forms (issue 12), the operator's own only; no idempotency key: saving again overwrites.
  'draft.save': call<{ savedAt: string }>()({
    input: z.object({
      form: z.enum(DRAFT_FORMS, { error: '草稿的表单不正确' }),
      scope: z.string().max(32, { error: '草稿的申请编号不正确' }).default(''),
      title: z.string().max(100, { error: '草稿标题不能超过100个字' }).default(''),
      data: z.record(z.string(), z.unknown(), { error: '草稿内容须为表单数据' }),
    }),
    roles: ANY,
    write: true,
  }),
  'draft.get': call<{ draft: DraftDto | null }>()({
    input: z.object({ form: z.enum(DRAFT_FORMS, { error: '草稿的表单不正确' }), scope: z.string().max(32).default('') }),
    roles: ANY,
  }),
  'draft.list': call<DraftSummary[]>()({ input: z.object({}), roles: ANY }),
  'draft.discard': call<{ discarded: boolean }>()({
    input: z.object({ form: z.enum(DRAFT_FORMS, { error: '草稿的表单不正确' }), scope: z.string().max(32).default('') }),
    roles: ANY,
    write: true,
  }),
  /** 待办: withdrawals and loans waiting for this post, with deadline and hours waited, and the operator's drafts. */
  'inbox.list': call<InboxList>()({ input: z.object({}), roles: ANY }),
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
export type CallParsed<N extends CallName> = z.output<Calls[N]['input']>;
export type CallOutput<N extends CallName> = NonNullable<Calls[N]['output']>;

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(calls, name);
}

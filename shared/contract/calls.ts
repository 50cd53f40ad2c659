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
  RemittancePreview,
  RemittanceResult,
  Statement,
} from './dto';
import * as f from './fields';
import type { CaseView, Guide, LoanDecision, ParamInfo, Person, RuleInfo, WithdrawalDecision } from '../rules';
import type { DepositRateRow } from '../rates/depositRates';
import type { LoanRateRow } from '../rates/loanRates';

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
  /** Phantom: the output type, for the typed client. Never read at run time. */
  output?: O;
}

function call<O>() {
  return <I extends z.ZodType>(def: { input: I; roles: Roles; write?: boolean }): CallDef<I, O> => ({
    input: def.input,
    roles: def.roles,
    write: def.write ?? false,
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
  nextMonth: string;
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
});

export const calls = {
  'setup.status': call<SetupStatus>()({ input: z.object({}), roles: PUBLIC }),
  'setup.init': call<SetupStatus>()({
    input: z.object({
      center: z.enum(['yinchuan', 'urumqi'], { error: '请选择公积金中心' }),
      adminLogin: f.text('管理员登录名', 30).regex(/^[a-z][a-z0-9_.-]{2,29}$/, { error: '管理员登录名须为3至30位小写字母、数字，以字母开头' }),
      adminName: f.personName('管理员姓名'),
      adminPassword: z.string({ error: '请填写管理员密码' }),
    }),
    roles: PUBLIC,
    write: true,
  }),
  'session.login': call<{ token: string; operator: OperatorDto }>()({
    input: z.object({ login: f.text('登录名', 30), password: z.string({ error: '请填写密码' }).min(1, { error: '请填写密码' }) }),
    roles: PUBLIC,
  }),
  'session.logout': call<{ ok: true }>()({ input: z.object({}), roles: ANY }),
  'session.me': call<OperatorDto>()({ input: z.object({}), roles: ANY }),
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
  }),

  'calc.contribution': call<ContributionResult>()({
    input: z.object({
      baseFen: f.positiveFen('缴存基数'),
      employeeRatioPercent: f.percent('个人缴存比例'),
      employerRatioPercent: f.percent('单位缴存比例'),
      district: z.string().optional(),
      date: f.date('计算日期').optional(),
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
  'users.add': call<OperatorDto>()({
    input: z.object({
      login: f.text('登录名', 30).regex(/^[a-z][a-z0-9_.-]{2,29}$/, { error: '登录名须为3至30位小写字母、数字，以字母开头' }),
      name: f.personName('姓名'),
      role: z.enum(['clerk', 'reviewer', 'approver', 'admin'], { error: '请选择岗位角色' }),
      password: z.string({ error: '请填写登录密码' }),
      branchCode: z.string().optional(),
      idempotencyKey: f.idempotencyKey(),
    }),
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
  'rates.list': call<{ loan: LoanRateRow[]; deposit: DepositRateRow[] }>()({ input: z.object({}), roles: ANY }),
  'rates.addLoan': call<LoanRateRow[]>()({
    input: z.object({
      effectiveFrom: f.date('生效日期'),
      firstUpTo5y: f.text('首套五年以下（含五年）利率', 10),
      firstOver5y: f.text('首套五年以上利率', 10),
      secondUpTo5y: z.string().trim().nullable(),
      secondOver5y: z.string().trim().nullable(),
      source: f.text('依据（文件名称、文号）', 300),
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
      idempotencyKey: f.idempotencyKey(),
    }),
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
      idempotencyKey: f.idempotencyKey(),
    }),
    roles: ADMIN,
    write: true,
  }),
  'print.guide': call<{ fileName: string; pdfBase64: string }>()({
    input: z.object({ kind: z.enum(['withdrawal', 'loan']), caseId: f.text('业务类型', 60) }),
    roles: ANY,
  }),
  'audit.list': call<AuditListItem[]>()({
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }),
    roles: ADMIN,
  }),
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>;
export type CallParsed<N extends CallName> = z.output<Calls[N]['input']>;
export type CallOutput<N extends CallName> = NonNullable<Calls[N]['output']>;

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(calls, name);
}

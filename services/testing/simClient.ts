/**
 * Scripted counter work for the branch-network simulation: each operation goes through the contract of one branch
 * (any caller: a branch host over HTTPS, or the in-process dispatcher), every sign-off by its own person (经办 clerk,
 * 复核 reviewer, 审批 approver, 支付 clerk2). Dates are relative to the branch's business day (China date), so the
 * facts stay valid on whatever day the simulation runs. A refusal is a result, not a failure: the simulation
 * records it with the stage and the message.
 */
import { makeIdNumber } from '../../shared/idcard';
import { makeUscc } from '../../shared/uscc';
import type { CallResult } from './simProcesses';

export type Caller = (name: string, input: unknown, as?: string) => Promise<CallResult>;

export class Refusal extends Error {
  constructor(
    readonly stage: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let keyN = 0;
const run = `${process.pid}-${Date.now().toString(36)}`;
export const newKey = () => `sim-${run}-${++keyN}`;

async function must(c: Caller, stage: string, name: string, input: unknown, as?: string): Promise<any> {
  const r = await c(name, input, as);
  if (!r.ok) throw new Refusal(stage, r.error?.code ?? '?', r.error?.message ?? '?');
  return r.data;
}

/** mulberry32: the schedule's only source of chance, so a seed replays it. */
export function rng(seed: number): { next(): number; int(n: number): number; pick<T>(xs: readonly T[]): T } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (xs) => xs[Math.floor(next() * xs.length)]! };
}

/** The business day in China (the hosts' clock is the real one). */
export const chinaToday = (now = new Date()) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);
}
/** The month `n` months from the month of `day` (n may be negative), YYYY-MM. */
export function monthFrom(day: string, n: number): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

let usccN = 0;
export async function openEmployer(c: Caller, name: string, district: string, openedDate: string) {
  const uscc = makeUscc(`91650100MA7${String(process.pid % 1000).padStart(3, '0')}${String(++usccN).padStart(3, '0')}`);
  return must(c, '单位开户', 'employers.create', {
    name, uscc, district, employeeRatioPercent: '8', employerRatioPercent: '8', contactName: '张会计', contactPhone: '0991-5012345', openedDate, idempotencyKey: newKey(),
  }) as Promise<{ id: number; accountNo: string }>;
}

export async function openMember(c: Caller, employerId: number, name: string, idSeq: number, baseFen: number, openedDate: string) {
  return must(c, '个人开户', 'members.open', {
    name, idNumber: makeIdNumber('650102', '19900615', idSeq), phone: '13899001234', employerId, baseFen, openedDate, idempotencyKey: newKey(),
  }) as Promise<{ id: number; accountNo: string; name: string }>;
}

export const remit = (c: Caller, employerId: number, month: string) => must(c, '汇缴', 'remit.post', { employerId, month, idempotencyKey: newKey() });

/** A member edit: 封存 (the employer stopped paying), then 启封 at the same employer with a new base. */
export async function editMember(c: Caller, memberId: number, employerId: number, baseFen: number) {
  await must(c, '封存', 'members.seal', { memberId, reason: '单位停缴', idempotencyKey: newKey() });
  return must(c, '启封', 'members.unseal', { memberId, employerId, baseFen, idempotencyKey: newKey() });
}

const card = (name: string) => ({ kind: 'own', cardType: 'debit', bankName: '中国工商银行乌鲁木齐天山支行', accountNo: '6222020000012345678', accountName: name });
const rentFacts = (today: string) => ({
  maritalStatus: 'single',
  rent: { annualRentFen: 480_000, contractDate: addDays(today, -60), ownsHomeInCity: false, noHomeCertDate: addDays(today, -3), genuine: true },
  // The 失信惩戒 query recorded at intake: 审批 asks for it (004 一、(一)).
  memberExtra: { dishonestCheck: { source: '信用中国', result: 'clear' } },
});

export type Outcome = { paid: true; id: number } | { paid: false; stage: string; code: string; message: string; id?: number };

/** 租房提取: 受理 → 提交 → 复核 → 审批 → 支付; the first refusal ends it. */
export async function withdraw(c: Caller, memberId: number, name: string, today: string, requestedFen: number): Promise<Outcome> {
  let id: number | undefined;
  try {
    const base = { caseId: 'rent', spouseMemberId: null, facts: rentFacts(today), requestedFen, payee: card(name) };
    const draft = await must(c, '受理', 'withdrawal.create', { memberId, ...base, materialsSeen: [], idempotencyKey: newKey() });
    id = draft.id as number;
    const ready = await must(c, '受理', 'withdrawal.update', { applicationId: id, version: draft.version, ...base, materialsSeen: draft.materials.map((m: { id: string }) => m.id), idempotencyKey: newKey() });
    await must(c, '提交', 'withdrawal.submit', { applicationId: ready.id, idempotencyKey: newKey() });
    await must(c, '复核', 'withdrawal.review', { applicationId: id, pass: true, idempotencyKey: newKey() }, 'reviewer');
    await must(c, '审批', 'withdrawal.approve', { applicationId: id, pass: true, idempotencyKey: newKey() }, 'approver');
    const paid = await must(c, '支付', 'withdrawal.pay', { applicationId: id, idempotencyKey: newKey() }, 'clerk2');
    return paid.state === '已支付' ? { paid: true, id } : { paid: false, stage: '支付', code: 'STATE', message: String(paid.state), id };
  } catch (e) {
    if (e instanceof Refusal) return { paid: false, stage: e.stage, code: e.code, message: e.message, ...(id ? { id } : {}) };
    throw e;
  }
}

const CREDIT = (today: string) => ({ credit: { reportDate: addDays(today, -5), maxConsecutiveOverdue5y: 0, totalOverdue5y: 0 } });
const SELLER = { kind: 'developer', bankName: '新疆银行天山支行', accountNo: '1010012345678901', accountName: '新疆天山房地产开发有限公司' };

/** A 乌鲁木齐 commodity-home loan for a contributing couple: 受理 … 签合同 → 放款. Returns the loan id. */
export async function loan(c: Caller, borrowerId: number, spouseId: number, today: string, requestedFen: number, contractNo: string): Promise<number> {
  const facts = {
    maritalStatus: 'married', borrowerExtra: CREDIT(today), spouseExtra: CREDIT(today), spouseCoApplicant: true, familyMonthlyIncomeFen: 2_000_000,
    house: { priceFen: 60_000_000, contractDate: addDays(today, -20), contractRegistered: true, downPaymentInvoice: true, borrowerIsBuyer: true },
    downPaymentFen: 30_000_000, guarantee: { type: 'developer' }, stableIncome: true, goodCredit: true,
  };
  const terms = { caseId: 'commodity', spouseMemberId: spouseId, facts, requestedFen, months: 240, method: 'annuity', payee: SELLER };
  const draft = await must(c, '贷款受理', 'loan.create', { memberId: borrowerId, ...terms, materialsSeen: [], idempotencyKey: newKey() });
  const app = await must(c, '贷款受理', 'loan.update', { applicationId: draft.id, version: draft.version, ...terms, materialsSeen: draft.materials.map((m: { id: string }) => m.id), idempotencyKey: newKey() });
  await must(c, '贷款提交', 'loan.submit', { applicationId: app.id, idempotencyKey: newKey() });
  await must(c, '贷款复核', 'loan.review', { applicationId: app.id, pass: true, idempotencyKey: newKey() }, 'reviewer');
  await must(c, '贷款审批', 'loan.approve', { applicationId: app.id, pass: true, idempotencyKey: newKey() }, 'approver');
  await must(c, '签合同', 'loan.sign', { applicationId: app.id, contractNo, mortgageRegNo: `新(2026)乌鲁木齐市不动产证明第${contractNo.slice(-7)}号`, idempotencyKey: newKey() });
  const done = await must(c, '放款', 'loan.disburse', { applicationId: app.id, idempotencyKey: newKey() });
  if (!done.loan) throw new Refusal('放款', 'STATE', `放款后没有贷款：${done.state} ${done.lastNote ?? ''}`);
  return done.loan.id as number;
}

export const repay = (c: Caller, loanId: number, amountFen: number, source: 'bank' | 'fund') =>
  must(c, '还款', 'loan.repay', { loanId, amountFen, source, idempotencyKey: newKey() });

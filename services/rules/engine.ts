/**
 * The policy engine: the only place an application is decided. It validates the input, picks the center's pack,
 * reads the parameters in force on the application date (plus any administrator overrides), runs every rule of
 * the kind in order and returns the decision with its full trace, materials and post-conditions.
 */
import { workflowRules } from '../conditions/rules';
import type { CenterId } from '../../shared/centers/types';
import { buildSchedule } from '../../shared/loan/schedule';
import { NATIONAL_LOAN_RATES, loanRateOn, type LoanRateRow, type RateQuote, type SecondUseRule } from '../../shared/rates/loanRates';
import { centerConfig } from '../../shared/centers';
import { MATERIAL_CONDITIONS, type CaseInfo } from '../../shared/rules/catalogueTypes';
import { labelForPath, safeParseApplication, type FieldIssue } from '../../shared/rules/issues';
import { LoanApplicationSchema, type LoanApplication } from '../../shared/rules/loanSchema';
import type { CaseView } from '../../shared/rules/views';
import type {
  LoanDecision,
  ParamInfo,
  ParamOverride,
  PostCondition,
  QuotaLimit,
  RuleInfo,
  RuleResult,
  WithdrawalDecision,
} from '../../shared/rules/types';
import { WithdrawalApplicationSchema, type WithdrawalApplication } from '../../shared/rules/withdrawalSchema';
import { RulesInputError } from './errors';
import { loanMaterials, withdrawalMaterials } from './materialConditions';
import type { PolicyPack } from './pack';
import { packFor } from './packs';
import { ParamReader, paramInfo } from './params';
import type { Amount, CheckResult, LoanCtx, Rule, WithdrawalCtx } from './rule';

export { RulesInputError };

export interface EvalOptions {
  /** Dated parameter values an administrator added; they win from their date on. */
  overrides?: readonly ParamOverride[];
  /** The loan-rate table; the national table by default. */
  rates?: readonly LoanRateRow[];
  /**
   * Interest accrued to the application date, read from the ledger only if a rule asks for it (the account-closing
   * ones): it replaces the input's accruedInterestFen of that person, computed at most once. Withdrawals only.
   */
  accruedInterest?: { member?: () => number; spouse?: () => number };
}

/** `person.accruedInterestFen` becomes `read()` on first use; the value is the same wherever it is read from. */
function lazyInterest(person: { accruedInterestFen: number } | undefined, read: (() => number) | undefined): void {
  if (!person || !read) return;
  let value: number | undefined;
  Object.defineProperty(person, 'accruedInterestFen', { enumerable: true, configurable: true, get: () => (value ??= read()) });
}

export { packFor };

export function validateWithdrawal(raw: unknown) {
  return safeParseApplication(WithdrawalApplicationSchema, raw);
}

export function validateLoan(raw: unknown) {
  return safeParseApplication(LoanApplicationSchema, raw);
}

function findCase(cases: readonly CaseInfo[], caseId: string, center: CenterId, what: string, label: string): CaseInfo {
  const c = cases.find((k) => k.id === caseId);
  if (!c) {
    const options = cases.map((k) => `${k.id}（${k.name}）`).join('、');
    const centerName = centerConfig(center).shortName;
    throw new RulesInputError([{ path: 'caseId', label, message: `${label}：「${caseId}」不是${centerName}中心的${what}，可选：${options}` }]);
  }
  return c;
}

function applies(rule: Rule<unknown>, caseId: string): boolean {
  return rule.caseIds === '*' || rule.caseIds.includes(caseId);
}

interface RunState {
  trace: RuleResult[];
  post: PostCondition[];
  flags: Set<string>;
  conditionFailed: boolean;
  anyFailed: boolean;
}

function record(state: RunState, rule: Rule<unknown>, r: CheckResult): void {
  state.trace.push({ ruleId: rule.id, title: rule.title, outcome: r.outcome, message: r.message, source: rule.source });
  if (r.outcome === 'failed') {
    state.anyFailed = true;
    if (!rule.requestCheck) state.conditionFailed = true;
  }
  // A failed rule's post-condition is its remedy (re-approval, paying back an excess withdrawal), so it is kept.
  if (r.outcome !== 'not_applicable') for (const p of r.post ?? []) state.post.push({ ...p, ruleId: rule.id });
  if (r.outcome === 'passed') for (const f of r.flags ?? []) state.flags.add(f);
}

function newState(): RunState {
  return { trace: [], post: [], flags: new Set(), conditionFailed: false, anyFailed: false };
}

function parseOrThrow<T>(result: { ok: true; value: T } | { ok: false; issues: FieldIssue[] }): T {
  if (!result.ok) throw new RulesInputError(result.issues);
  return result.value;
}

export function evaluateWithdrawal(raw: unknown, options: EvalOptions = {}): WithdrawalDecision {
  const input: WithdrawalApplication = parseOrThrow(validateWithdrawal(raw));
  lazyInterest(input.member, options.accruedInterest?.member);
  lazyInterest(input.spouse, options.accruedInterest?.spouse);
  const pack = packFor(input.center);
  const kase = findCase(pack.catalogue.withdrawalCases, input.caseId, input.center, '提取情形', '提取原因');
  const params = new ParamReader(pack.params, input.applicationDate, options.overrides);

  const pool: Amount[] = [];
  const caps: Amount[] = [];
  let closes = false;
  let keepPerAccountFen = 0;
  const poolFen = () => pool.reduce((t, a) => t + a.amountFen, 0);
  const currentMaxFen = () => Math.max(0, Math.min(poolFen(), ...caps.map((c) => c.amountFen)));
  const ctx: WithdrawalCtx = {
    center: input.center,
    date: input.applicationDate,
    caseId: input.caseId,
    input,
    p: (id) => params.get(id),
    pool: () => pool,
    poolFen,
    currentMaxFen,
    closesAccount: () => closes,
  };

  const state = newState();
  for (const rule of pack.withdrawalRules) {
    if (!applies(rule, input.caseId)) {
      record(state, rule, { outcome: 'not_applicable', message: `不适用于「${kase.name}」` });
      continue;
    }
    const r = rule.check(ctx);
    record(state, rule, r);
    if (r.outcome === 'passed') {
      pool.push(...(r.pool ?? []));
      if (r.cap) caps.push(r.cap);
      if (r.closesAccount) closes = true;
      if (r.keepPerAccountFen) keepPerAccountFen = Math.max(keepPerAccountFen, r.keepPerAccountFen);
    }
  }

  const specs = [...pack.catalogue.commonMaterials.withdrawal, ...kase.materials];
  return {
    center: input.center,
    kind: 'withdrawal',
    caseId: input.caseId,
    caseName: kase.name,
    policyDate: input.applicationDate,
    eligible: !state.anyFailed,
    maxAmountFen: state.conditionFailed ? null : currentMaxFen(),
    requestedFen: input.requestedFen ?? null,
    closesAccount: closes && !state.conditionFailed,
    sources: pool.map((a) => ({ label: a.label, amountFen: a.amountFen, holder: a.holder ?? (a.account ? 'other' : 'interest') })),
    keepPerAccountFen,
    trace: state.trace,
    materials: withdrawalMaterials(specs, input, state.flags),
    postConditions: state.post,
    params: [...params.used.values()],
  };
}

function quoteRate(pack: PolicyPack, input: LoanApplication, priorUses: number, params: ParamReader, rates: readonly LoanRateRow[]) {
  try {
    const rule = params.get<SecondUseRule>(pack.secondUseParam);
    return { rate: loanRateOn(rates, input.applicationDate, input.months, priorUses >= 1 ? 2 : 1, rule), rateError: null };
  } catch (e) {
    if (e instanceof RulesInputError) throw e;
    return { rate: null, rateError: e instanceof Error ? e.message : String(e) };
  }
}

function payment(input: LoanApplication, rate: RateQuote | null) {
  if (!rate) return null;
  try {
    return buildSchedule({
      principalFen: input.requestedFen,
      annualRatePercent: rate.annualRatePercent,
      months: input.months,
      method: input.method,
    }).summary;
  } catch {
    // An impossible combination (利随本清 over a year) is reported by the method rule; there is no payment to show.
    return null;
  }
}

export function evaluateLoan(raw: unknown, options: EvalOptions = {}): LoanDecision {
  const input: LoanApplication = parseOrThrow(validateLoan(raw));
  const pack = packFor(input.center);
  const kase = findCase(pack.catalogue.loanCases, input.caseId, input.center, '贷款购房类型', '贷款购房类型');
  const params = new ParamReader(pack.params, input.applicationDate, options.overrides);
  const priorUses = pack.priorUses(input);
  const { rate, rateError } = quoteRate(pack, input, priorUses, params, options.rates ?? NATIONAL_LOAN_RATES);

  const limits: { rule: Rule<unknown>; amount: Amount }[] = [];
  const quotaSoFarFen = () => (limits.length === 0 ? null : Math.min(...limits.map((l) => l.amount.amountFen)));
  const ctx: LoanCtx = {
    center: input.center,
    date: input.applicationDate,
    caseId: input.caseId,
    input,
    p: (id) => params.get(id),
    priorUses,
    rate,
    rateError,
    quotaSoFarFen,
  };

  const state = newState();
  let downPaymentMinFen: number | null = null;
  for (const rule of pack.loanRules) {
    if (!applies(rule, input.caseId)) {
      record(state, rule, { outcome: 'not_applicable', message: `不适用于「${kase.name}」` });
      continue;
    }
    const r = rule.check(ctx);
    record(state, rule, r);
    if (r.limit && r.outcome !== 'not_applicable') limits.push({ rule, amount: { ...r.limit, amountFen: Math.max(0, r.limit.amountFen) } });
    if (r.downPaymentMinFen !== undefined) downPaymentMinFen = Math.max(downPaymentMinFen ?? 0, r.downPaymentMinFen);
  }

  const quotaFen = quotaSoFarFen();
  const quotaLimits: QuotaLimit[] = limits.map((l) => ({
    id: l.rule.id,
    label: l.amount.label,
    amountFen: l.amount.amountFen,
    binding: l.amount.amountFen === quotaFen,
    source: l.rule.source,
  }));
  const summary = payment(input, rate);
  const specs = [...pack.catalogue.commonMaterials.loan, ...kase.materials];
  return {
    center: input.center,
    kind: 'loan',
    caseId: input.caseId,
    caseName: kase.name,
    policyDate: input.applicationDate,
    eligible: !state.anyFailed,
    maxAmountFen: state.conditionFailed ? null : quotaFen,
    requestedFen: input.requestedFen,
    useNumber: priorUses + 1,
    quota: { limits: quotaLimits, quotaFen },
    rate,
    downPaymentMinFen,
    method: input.method,
    monthlyPaymentFen: summary?.monthlyPaymentFen ?? null,
    firstPaymentFen: summary?.firstPaymentFen ?? null,
    totalInterestFen: summary?.totalInterestFen ?? null,
    trace: state.trace,
    materials: loanMaterials(specs, input, state.flags),
    postConditions: state.post,
    params: [...params.used.values()],
  };
}

function ruleInfo(pack: PolicyPack, rule: Rule<unknown>): RuleInfo {
  return {
    id: rule.id,
    kind: rule.kind,
    caseIds: rule.caseIds === '*' ? ['*'] : [...rule.caseIds],
    title: rule.title,
    category: rule.category,
    source: rule.source,
    note: rule.note ?? null,
    params: rule.params.map((id) => {
      const def = pack.params.find((d) => d.id === id);
      if (!def) throw new Error(`policy pack bug: rule ${rule.id} names unknown parameter ${id}`);
      return paramInfo(def);
    }),
  };
}

/** Every dated parameter of the center, for the administrator's parameter screen. */
export function listParams(center: CenterId): ParamInfo[] {
  return packFor(center).params.map(paramInfo);
}

/** Checks overrides before an administrator saves them; an empty list means they are acceptable. */
export function validateOverrides(center: CenterId, overrides: readonly ParamOverride[]): FieldIssue[] {
  try {
    new ParamReader(packFor(center).params, '9999-12-31', overrides);
    return [];
  } catch (e) {
    if (e instanceof RulesInputError) return e.issues;
    throw e;
  }
}

/** Every rule of the center, withdrawals first, with its source and parameters. */
export function listRules(center: CenterId): RuleInfo[] {
  const pack = packFor(center);
  return [...[...pack.withdrawalRules, ...pack.loanRules].map((r) => ruleInfo(pack, r as Rule<unknown>)), ...workflowRules(center)];
}


function caseView(kase: CaseInfo, common: CaseInfo['materials']): CaseView {
  const schema = kase.kind === 'withdrawal' ? WithdrawalApplicationSchema : LoanApplicationSchema;
  return {
    id: kase.id,
    kind: kase.kind,
    name: kase.name,
    group: kase.group,
    fields: kase.fields.map((path) => ({ path, label: labelForPath(schema, path.split('.')) })),
    materials: [...common, ...kase.materials].map((m) => ({
      id: m.id,
      text: m.text,
      when: m.when ? MATERIAL_CONDITIONS[m.when] : null,
      source: m.source,
    })),
    source: kase.source,
  };
}

/** The withdrawal cases of a center, to drive the intake form. */
export function withdrawalCases(center: CenterId): CaseView[] {
  const c = packFor(center).catalogue;
  return c.withdrawalCases.map((k) => caseView(k, c.commonMaterials.withdrawal));
}

/** The loan house types of a center, to drive the intake form. */
export function loanHouseTypes(center: CenterId): CaseView[] {
  const c = packFor(center).catalogue;
  return c.loanCases.map((k) => caseView(k, c.commonMaterials.loan));
}

export { guides, guideText } from './guides';
export type { CaseView };

/**
 * The loan intake form, as data: which schema fields each card shows, and the walk from the form's values to the
 * engine's input (for the live panel) and to loan.create / loan.update (for saving). The ledger facts of borrower
 * and spouse are never typed: they come from the service (rules.memberFacts) and the service re-reads them on save;
 * the clerk adds only what papers show (credit report, loan history) as facts.borrowerExtra / facts.spouseExtra.
 */
import type { CallInput } from '../../../../shared/contract/calls';
import type { LoanAppDto, Payee } from '../../../../shared/contract/dto';
import type { RepaymentMethod } from '../../../../shared/loan/schedule';
import { LoanApplicationSchema, PersonSchema, type CaseView } from '../../../../shared/rules';
import type { Person } from '../../../../shared/rules/personSchema';
import { caseLayout } from '../../application/caseFields';
import { toApplication, toFormValues } from '../../application/formValues';
import { fieldSpec, schemaAt, type FieldSpec } from '../../application/schemaFields';

export type Values = Record<string, unknown>;
export type Name = (string | number)[];

/** What rules.memberFacts brings from the books; the form shows these, it does not ask them. */
const LEDGER_KEYS = new Set(['name', 'idNumber', 'birthDate', 'sex', 'accountStatus', 'balanceFen', 'accruedInterestFen', 'openedDate', 'continuousMonths', 'contributionRatioPercent', 'contributionPlace', 'withdrawals', 'dishonest']);
/** Asked in their own widgets (terms, marriage) or set by the service (approval dates at disbursement). */
const OWN_WIDGETS = new Set(['requestedFen', 'months', 'method', 'approval', 'divorce', 'spouseCoApplicant', 'maritalStatus', 'spouse', 'borrower']);

const schema = LoanApplicationSchema;

function specAt(path: string[], label?: string): FieldSpec | null {
  const s = schemaAt(schema, path);
  return s ? fieldSpec(s, path, label) : null;
}

/** The same field under another root: borrower.credit → borrowerExtra.credit. List items keep element paths. */
function rebase(spec: FieldSpec, root: string): FieldSpec {
  return {
    ...spec,
    path: [root, ...spec.path.slice(1)],
    ...(spec.kind === 'group' && spec.children ? { children: spec.children.map((c) => rebase(c, root)) } : {}),
  };
}

export interface IntakeLayout {
  /** The borrower's facts beyond the ledger: credit report, loan history … under borrowerExtra. */
  borrowerExtra: FieldSpec[];
  spouseExtra: FieldSpec[];
  coApplicant: FieldSpec | null;
  marital: FieldSpec;
  divorce: FieldSpec | null;
  /** House, down payment, guarantee, income and the case's other facts. */
  facts: FieldSpec[];
}

export function intakeLayout(kase: CaseView | undefined): IntakeLayout {
  const base = caseLayout(schema, 'loan', kase);
  const extraFor = (who: 'borrower' | 'spouse', root: string) => {
    const listed = base.person.filter((f) => !LEDGER_KEYS.has(String(f.path[1])) && f.path[1] !== 'credit');
    // The whole credit report, whatever part the case names: the engine reads its overdue counts too.
    const credit = specAt([who, 'credit'], '个人信用报告');
    const specs = [...(credit ? [credit] : []), ...listed.map((f) => specAt([who, ...f.path.slice(1).map(String)]) ?? f)];
    return specs.map((s) => rebase(s, root));
  };
  const facts = base.facts.filter((f) => !OWN_WIDGETS.has(String(f.path[0])));
  if (kase && !facts.some((f) => f.path[0] === 'familyMonthlyIncomeFen')) {
    const income = specAt(['familyMonthlyIncomeFen']);
    if (income) facts.push({ ...income, required: false });
  }
  // The house first, as the papers come: contract, price, then the rest.
  const house = facts.filter((f) => f.path[0] === 'house');
  return {
    borrowerExtra: kase ? extraFor('borrower', 'borrowerExtra') : [],
    spouseExtra: kase ? extraFor('spouse', 'spouseExtra') : [],
    coApplicant: specAt(['spouseCoApplicant']),
    // Asked, never assumed: the schema's default (未婚) would drop a spouse's papers and income unnoticed.
    marital: (({ defaultValue: _d, ...spec }) => ({ ...spec, required: true }))(specAt(['maritalStatus'], '婚姻状况')!),
    divorce: specAt(['divorce'], '离异情况'),
    facts: [...house, ...facts.filter((f) => f.path[0] !== 'house')],
  };
}

/**
 * What must be chosen before the engine is asked or the application saved, in the order the form asks it; each with
 * the Chinese message naming the field.
 */
export function intakeGaps(values: Values, picked: { kase: boolean; borrower: boolean }): [Name, string][] {
  const gaps: [Name, string][] = [];
  if (!picked.kase) gaps.push([['caseId'], '请选择购房类型']);
  if (!picked.borrower) gaps.push([['memberId'], '请选择借款人']);
  if (!values.maritalStatus) gaps.push([['maritalStatus'], '请选择婚姻状况']);
  return gaps;
}

export interface Built {
  /** The engine's input, for rules.evaluateLoan. */
  application: Values;
  /** loan.create / loan.update's input without ids, keys and version. */
  intake: Omit<CallInput<'loan.create'>, 'memberId' | 'idempotencyKey'>;
  badMoney: Name[];
}

/** Form values → engine input and contract input. Money goes through parseYuan (toApplication); nothing is a float. */
export function buildIntake(
  values: Values,
  ctx: { centerId: string; caseId: string; today: string; borrower: Person; spouse: Person | null; materialsSeen: string[] },
): Built {
  const { borrowerExtra, spouseExtra, payee, memberId: _m, spouseMemberId: _s, caseId: _c, borrowerMode: _bm, remote: _r, ...rest } = values;
  const facts = toApplication(schema, rest);
  const be = toApplication(PersonSchema, borrowerExtra ?? {});
  const se = toApplication(PersonSchema, spouseExtra ?? {});
  const badMoney = [
    ...facts.badMoney,
    ...be.badMoney.map((p) => ['borrowerExtra', ...p]),
    ...(ctx.spouse ? se.badMoney.map((p) => ['spouseExtra', ...p]) : []),
  ];
  const { requestedFen, months, method, ...clerkFacts } = (facts.value ?? {}) as Values;
  const borrowerExtraValue = (be.value ?? {}) as Values;
  const spouseExtraValue = (se.value ?? {}) as Values;
  const application: Values = {
    ...clerkFacts,
    center: ctx.centerId,
    kind: 'loan',
    caseId: ctx.caseId,
    applicationDate: ctx.today,
    borrower: { ...ctx.borrower, ...borrowerExtraValue },
    requestedFen,
    months,
    method,
  };
  // As the service composes it (services/loan/compose.ts): a spouse on file makes the application a married one.
  if (ctx.spouse) {
    application.spouse = { ...ctx.spouse, ...spouseExtraValue };
    application.maritalStatus ??= 'married';
  }
  const savedFacts: Values = { ...clerkFacts, borrowerExtra: borrowerExtraValue, ...(ctx.spouse ? { spouseExtra: spouseExtraValue } : {}) };
  return {
    application,
    badMoney,
    intake: {
      caseId: ctx.caseId,
      spouseMemberId: (values.spouseMemberId as number | undefined) ?? null,
      facts: savedFacts,
      requestedFen: requestedFen as number,
      months: months as number,
      method: method as RepaymentMethod,
      payee: payee as Payee,
      materialsSeen: ctx.materialsSeen,
    },
  };
}

/** A stored application back into the form (to fix a 退回 or finish a 草稿). */
export function formValuesOf(dto: LoanAppDto): Values {
  // `recorded` (who recorded the papers' facts, when) is the service's, not the form's.
  const { loanTerms, borrowerExtra, spouseExtra, recorded: _recorded, ...facts } = dto.facts as Values & { loanTerms?: { months: number; method: RepaymentMethod } };
  return {
    ...(toFormValues(schema, { ...facts, requestedFen: dto.requestedFen, months: loanTerms?.months, method: loanTerms?.method ?? dto.decision?.method }) as Values),
    borrowerExtra: toFormValues(PersonSchema, borrowerExtra ?? {}),
    spouseExtra: toFormValues(PersonSchema, spouseExtra ?? {}),
    caseId: dto.caseId,
    memberId: dto.borrower.id,
    spouseMemberId: dto.spouse?.id,
    payee: dto.payee,
  };
}

/**
 * Where an error the engine or the contract names belongs on this form: application.borrower.credit.reportDate is
 * typed under borrowerExtra; a ledger fact (balance, months) belongs to the person picked.
 */
export function formNameFor(field: string): { name: Name; fallback: Name } {
  let f = field.replace(/^application\.?/, '').replace(/^facts\.?/, '');
  let fallback: Name = [];
  if (f.startsWith('borrower.') || f === 'borrower') {
    f = f.replace(/^borrower/, 'borrowerExtra');
    fallback = ['memberId'];
  } else if (f.startsWith('spouse.') || f === 'spouse') {
    f = f.replace(/^spouse/, 'spouseExtra');
    fallback = ['spouseMemberId'];
  }
  const name = f
    .split('.')
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  return { name, fallback };
}

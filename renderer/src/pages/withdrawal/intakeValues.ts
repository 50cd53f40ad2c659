/**
 * The intake form ↔ the contract. The case's facts live under `facts` in the engine's own shape (money as 元 text,
 * dates as dayjs on screen); the member's facts are not among them — the service takes those from the ledger.
 */
import type { Payee, WithdrawalAppDto } from '../../../../shared/contract/dto';
import { WithdrawalApplicationSchema } from '../../../../shared/rules';
import { toApplication, toFormValues } from '../../application/formValues';
import { papersOf, papersToForm } from './recordedPapers';

export type Name = (string | number)[];

export interface IntakeValues {
  memberId?: number;
  caseId?: string;
  spouseMemberId?: number;
  facts?: Record<string, unknown>;
  payee?: Partial<Payee>;
  materialsSeen?: string[];
}

export interface IntakeFacts {
  facts: Record<string, unknown>;
  requestedFen: number | null;
  /** Form names whose 元 text is not money. */
  badMoney: Name[];
}

/** The clerk's facts in the engine's shape, 申请提取金额 taken out (the contract carries it on its own). */
export function factsOf(values: IntakeValues, spousePicked: boolean): IntakeFacts {
  const { memberExtra: _m, spouseExtra: _s, ...caseFacts } = values.facts ?? {};
  const { value, badMoney } = toApplication(WithdrawalApplicationSchema, caseFacts);
  // The papers' facts (失信惩戒 check, loans at other centers) go under memberExtra / spouseExtra.
  const papers = papersOf(values.facts ?? {});
  if (!spousePicked) delete papers.spouseExtra;
  const facts = { ...((value as Record<string, unknown> | undefined) ?? {}), ...papers };
  const requestedFen = typeof facts.requestedFen === 'number' ? facts.requestedFen : null;
  delete facts.requestedFen;
  // A picked spouse's facts come from the ledger; typed ones stand only for a spouse outside this center.
  if (spousePicked || facts.maritalStatus !== 'married') delete facts.spouse;
  return { facts, requestedFen, badMoney: badMoney.map((p) => ['facts', ...p]) };
}

/** A saved application back into the form. */
export function valuesOf(app: WithdrawalAppDto): IntakeValues {
  return {
    memberId: app.member.id,
    caseId: app.caseId,
    ...(app.spouse ? { spouseMemberId: app.spouse.id } : {}),
    facts: {
      ...(toFormValues(WithdrawalApplicationSchema, { maritalStatus: 'single', ...app.facts, ...(app.requestedFen !== null ? { requestedFen: app.requestedFen } : {}) }) as Record<string, unknown>),
      ...papersToForm(app.facts),
    },
    payee: app.payee,
    materialsSeen: app.materials.filter((m) => m.seen).map((m) => m.id),
  };
}

/**
 * Where a contract or engine error belongs on this form. The engine names fields under `application.`, the
 * contract under `facts.`; the member's facts are the ledger's, so an error there points at the member picked.
 */
export function formNameFor(field: string, spousePicked: boolean): Name {
  const parts: Name = field.split('.').filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  const [head, ...rest] = parts;
  if (head === 'application' || head === 'facts') {
    if (rest[0] === 'member') return ['memberId'];
    if (rest[0] === 'spouse' && spousePicked) return ['spouseMemberId'];
    if (rest[0] === 'caseId' || rest[0] === 'center') return ['caseId'];
    return ['facts', ...rest];
  }
  if (head === 'requestedFen') return ['facts', 'requestedFen'];
  return parts;
}

/**
 * Which form fields a case shows, and in which card: the applicant's ledger facts, the spouse's, and the facts
 * of the case itself — all from the case catalogue's `fields`, each widget derived from the schema.
 */
import type { z } from 'zod';
import { labelForPath } from '../../../shared/rules/issues';
import type { ApplicationKind, CaseView } from '../../../shared/rules';
import { fieldSpec, schemaAt, unwrap, type FieldSpec } from './schemaFields';

/** What the engine cannot do without, whatever the case lists. */
const PERSON_CORE = ['name', 'accountStatus', 'balanceFen'];
/** Asked where the schema has them even when the catalogue leaves them to the engine's defaults. */
const ALWAYS = { withdrawal: ['requestedFen'], loan: ['downPaymentFen', 'requestedFen', 'months', 'method'] } as const;
const COUPLE = ['includeSpouse', 'spouseCoApplicant'];
/** Facts every case of a kind carries: after the case's own, so the clerk meets those first. */
const TRAILING = ['requestedFen', 'coOwners', 'parents', 'situation.judicialEnforcement', 'situation.authenticityFlags'];

export interface CaseLayout {
  personKey: 'member' | 'borrower';
  person: FieldSpec[];
  spouse: FieldSpec[];
  /** Whether the case takes the spouse's account or facts into account at all. */
  asksSpouse: boolean;
  couple: FieldSpec[];
  facts: FieldSpec[];
  /** 申请金额 and the checks common to the kind. */
  other: FieldSpec[];
}

function spec(schema: z.ZodType, path: string[], label?: string): FieldSpec | null {
  const s = schemaAt(schema, path);
  const f = s ? fieldSpec(s, path, label ?? labelForPath(schema, path)) : null;
  // 离婚日期 is required only of a divorce being recorded: a field in a section the clerk may leave out is not.
  const inOptional = path.slice(1).some((_, i) => {
    const section = schemaAt(schema, path.slice(0, i + 1));
    return section !== undefined && unwrap(section).optional;
  });
  return f && inOptional ? { ...f, required: false } : f;
}

const present = (f: FieldSpec | null): f is FieldSpec => f !== null;

export function caseLayout(schema: z.ZodType, kind: ApplicationKind, kase: CaseView | undefined): CaseLayout {
  const personKey = kind === 'loan' ? 'borrower' : 'member';
  const fields = kase?.fields ?? [];
  const listed = new Set(fields.map((f) => f.path));
  const own = (prefix: string) => fields.filter((f) => f.path.startsWith(`${prefix}.`)).map((f) => f.path.slice(prefix.length + 1));
  const personKeys = [...new Set([...PERSON_CORE, ...own(personKey)])];

  const person = personKeys
    .map((k) => spec(schema, [personKey, ...k.split('.')], fields.find((f) => f.path === `${personKey}.${k}`)?.label))
    .filter(present);
  // The spouse is asked what the case asks of the applicant: the same facts decide for both.
  const spouse = personKeys.map((k) => spec(schema, ['spouse', ...k.split('.')])).filter(present);
  const couple = COUPLE.filter((k) => listed.has(k)).map((k) => spec(schema, [k], fields.find((f) => f.path === k)?.label)).filter(present);

  const placed = new Set([...COUPLE, 'spouse', 'maritalStatus']);
  const factPaths = [...fields.map((f) => f.path).filter((p) => !p.startsWith(`${personKey}.`) && !p.startsWith('spouse.') && !placed.has(p))];
  if (kase) for (const p of ALWAYS[kind]) if (!factPaths.includes(p)) factPaths.push(p);
  const toSpecs = (paths: string[]) => paths.map((p) => spec(schema, p.split('.'), fields.find((f) => f.path === p)?.label)).filter(present);
  const unique = [...new Set(factPaths)];
  const trailing = kind === 'withdrawal' ? TRAILING.filter((p) => unique.includes(p)) : [];

  return {
    personKey,
    person,
    spouse,
    asksSpouse: listed.has('spouse') || listed.has('maritalStatus'),
    couple,
    facts: toSpecs(unique.filter((p) => !trailing.includes(p))),
    other: toSpecs(trailing),
  };
}

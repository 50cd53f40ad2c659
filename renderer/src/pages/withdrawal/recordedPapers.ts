/**
 * What the counter records from the applicant's papers at withdrawal intake (the service stores it as
 * facts.memberExtra / facts.spouseExtra, services/policy/recordedFacts.ts): the 失信惩戒 check (004 一、(一)) —
 * source, result and record number; who checked and when are written by the service — and loans at other centers
 * from the credit report (申请人及配偶不存在未结清的住房公积金贷款). This center's loans come from the ledger.
 */
import { z } from 'zod';
import { DishonestCheckSchema, PfLoanSchema } from '../../../../shared/rules/personSchema';
import { toApplication, toFormValues } from '../../application/formValues';
import { fieldSpec, schemaAt, type FieldSpec } from '../../application/schemaFields';

const Papers = z.object({
  dishonestCheck: DishonestCheckSchema.omit({ checkedBy: true, checkedAt: true }).optional().describe('失信惩戒查询'),
  loans: z.array(PfLoanSchema).optional().describe('在其他公积金中心的贷款（据个人信用报告）'),
});
export const RECORDED = z.object({ memberExtra: Papers.optional(), spouseExtra: Papers.optional() });
export const ROOTS = ['memberExtra', 'spouseExtra'] as const;

/** The card's fields for the member, and the spouse's when one is picked from the ledger. */
export function paperSpecs(root: (typeof ROOTS)[number]): FieldSpec[] {
  const who = root === 'memberExtra' ? '职工' : '配偶';
  return (['dishonestCheck', 'loans'] as const)
    .map((k) => {
      const s = schemaAt(RECORDED, [root, k]);
      return s ? fieldSpec(s, [root, k], `${who}${k === 'dishonestCheck' ? '失信惩戒查询' : '在其他公积金中心的贷款'}`) : null;
    })
    .filter((s): s is FieldSpec => s !== null)
    .map((s) => (s.kind === 'list' && s.children ? { ...s, children: s.children.filter((c) => c.path.at(-1) !== 'remote') } : s));
}

/** Form values → the contract's memberExtra / spouseExtra; loans typed here are loans at other centers. */
export function papersOf(facts: Record<string, unknown>): Record<string, unknown> {
  const { value } = toApplication(RECORDED, { memberExtra: facts.memberExtra, spouseExtra: facts.spouseExtra });
  const out: Record<string, unknown> = {};
  for (const root of ROOTS) {
    const v = (value as Record<string, { loans?: Record<string, unknown>[] } | undefined> | undefined)?.[root];
    if (!v) continue;
    out[root] = v.loans ? { ...v, loans: v.loans.map((l) => ({ ...l, remote: true })) } : v;
  }
  return out;
}

/** A saved application's papers back into the form (without the service's stamp). */
export function papersToForm(facts: Record<string, unknown>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const root of ROOTS) if (facts[root]) picked[root] = facts[root];
  return toFormValues(RECORDED, picked) as Record<string, unknown>;
}

/** The ledger's person with the papers' facts, as the service composes it (services/policy/recordedFacts.ts). */
export function withPapers<P extends { loans?: unknown[] }>(person: P, extra: unknown): P {
  const e = (extra ?? {}) as { dishonestCheck?: { result?: string }; loans?: unknown[] };
  return {
    ...person,
    ...(e.dishonestCheck ? { dishonestCheck: e.dishonestCheck, dishonest: e.dishonestCheck.result === 'listed' } : {}),
    ...(e.loans ? { loans: [...(person.loans ?? []), ...e.loans] } : {}),
  };
}

/**
 * Helpers shared by the two packs' parameter tables.
 *
 * The seed texts carry no date of their own; both quote the 2021 缴存年度, which starts on 2021-07-01, so that is the
 * earliest day each pack claims to know. An application dated earlier is refused as undecidable rather than judged
 * under a policy nobody has entered; an administrator who enters the older policy adds dated values before it.
 */
import { z } from 'zod';
import type { SeedRef } from '../../shared/rules/types';
import { defineParam, type ParamDef } from './params';

export const SEED_EFFECTIVE_FROM = '2021-07-01';

export const percentSchema = z.string().regex(/^\d{1,3}(\.\d{1,4})?$/);
export const fenSchema = z.int().min(0);
export const countSchema = z.int().min(0);
export const caseListSchema = z.array(z.string().min(1));

export function seedParam<T>(
  file: string,
  id: string,
  label: string,
  schema: z.ZodType<T>,
  value: T,
  clause: string | null,
  note?: string,
): ParamDef<T> {
  const source: SeedRef | null = clause === null ? null : { file, clause };
  return defineParam({ id, label, schema, series: [{ effectiveFrom: SEED_EFFECTIVE_FROM, value, source, note }] });
}

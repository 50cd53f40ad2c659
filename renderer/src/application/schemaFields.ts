/**
 * Reads the engine's zod input schemas to decide which widget each application field gets, so the intake form
 * follows the schema (and its Chinese descriptions) instead of keeping a second list of fields and labels.
 */
import { z } from 'zod';
import { DATE_RE } from '../../../shared/rules/primitives';
import { optionLabel } from './optionLabels';

export type FieldKind = 'switch' | 'yesNo' | 'enum' | 'enumList' | 'date' | 'fen' | 'int' | 'text' | 'group' | 'list';

export interface FieldSpec {
  /** Path from the application root (or, inside a list, from the list element). */
  path: (string | number)[];
  label: string;
  kind: FieldKind;
  /** Neither optional nor defaulted: the engine refuses the application without it (its section given). */
  required: boolean;
  /** What the engine assumes when the field is left out; the form shows it rather than a misleading blank. */
  defaultValue?: unknown;
  options?: { value: string; label: string }[];
  /** A group's fields (paths from the root) or a list element's fields (paths from the element). */
  children?: FieldSpec[];
}

type AnySchema = z.ZodType;
interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  element?: AnySchema;
  shape?: Record<string, AnySchema>;
  entries?: Record<string, string>;
  checks?: { _zod: { def: { format?: string; pattern?: RegExp } } }[];
  error?: (issue: unknown) => unknown;
  defaultValue?: unknown;
}

const defOf = (s: AnySchema) => (s as unknown as { def: Def }).def;
const WRAPPERS = ['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch', 'nonoptional'];

export interface Unwrapped {
  node: AnySchema;
  description?: string;
  optional: boolean;
  hasDefault: boolean;
  defaultValue?: unknown;
}

export function unwrap(schema: AnySchema): Unwrapped {
  let node = schema;
  const out: Omit<Unwrapped, 'node'> = { optional: false, hasDefault: false };
  for (;;) {
    out.description ??= (z.globalRegistry.get(node) as { description?: string } | undefined)?.description;
    const def = defOf(node);
    if (WRAPPERS.includes(def.type) && def.innerType) {
      if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') out.optional = true;
      if (def.type === 'default' && !out.hasDefault) {
        out.hasDefault = true;
        out.defaultValue = def.defaultValue;
      }
      node = def.innerType;
    } else if (def.type === 'pipe' && def.in) {
      node = def.in;
    } else {
      return { node, ...out };
    }
  }
}

/** The schema at a path of the application, or undefined when the path leaves the schema. */
export function schemaAt(root: AnySchema, path: readonly (string | number)[]): AnySchema | undefined {
  let node: AnySchema | undefined = root;
  for (const key of path) {
    if (!node) return undefined;
    const def = defOf(unwrap(node).node);
    if (def.type === 'object' && typeof key === 'string') node = def.shape?.[key];
    else if (def.type === 'array' && typeof key === 'number') node = def.element;
    else return undefined;
  }
  return node;
}

/** "年房租总额（分）" is typed in 元 on screen: the unit goes to the input's suffix. */
export const screenLabel = (label: string): string => label.replace(/（分）$/, '');

function enumOptions(def: Def): { value: string; label: string }[] {
  const values = Object.values(def.entries ?? {});
  // The schemas' own error text spells the codes out: "应为 new（新建商品房）、secondHand（二手房）…".
  const text = String(def.error?.({}) ?? '');
  const named = new Map([...text.matchAll(/([A-Za-z]+)（([^）]+)）/g)].map((m) => [m[1]!, m[2]!]));
  return values.map((v) => ({ value: v, label: optionLabel(v) ?? named.get(v) ?? v }));
}

const isDate = (def: Def) => (def.checks ?? []).some((c) => c._zod.def.pattern?.source === DATE_RE.source);

export function fieldSpec(schema: AnySchema, path: (string | number)[], label?: string): FieldSpec | null {
  const u = unwrap(schema);
  const def = defOf(u.node);
  const key = String(path.at(-1) ?? '');
  const base: Omit<FieldSpec, 'kind'> = { path, label: screenLabel(label ?? u.description ?? key), required: !u.optional };
  if (u.hasDefault) base.defaultValue = u.defaultValue;
  switch (def.type) {
    case 'boolean':
      // Without a default the engine tells "not stated" from "no": the clerk must say 是 or 否.
      return { ...base, kind: u.hasDefault ? 'switch' : 'yesNo' };
    case 'enum':
      return { ...base, kind: 'enum', options: enumOptions(def) };
    case 'number':
      return { ...base, kind: key.endsWith('Fen') ? 'fen' : 'int' };
    case 'string':
      return { ...base, kind: isDate(def) ? 'date' : 'text' };
    case 'object': {
      const children = objectFields(u.node, path);
      // Inside a section the clerk may leave out, nothing is required until the section is filled in.
      return { ...base, kind: 'group', children: u.optional ? children.map(notRequired) : children };
    }
    case 'array': {
      const el = unwrap(def.element!);
      const elDef = defOf(el.node);
      if (elDef.type === 'enum') return { ...base, kind: 'enumList', options: enumOptions(elDef) };
      if (elDef.type === 'object') return { ...base, kind: 'list', children: objectFields(el.node, []) };
      return null;
    }
    default:
      return null;
  }
}

const notRequired = (f: FieldSpec): FieldSpec => ({ ...f, required: false, ...(f.children && f.kind === 'group' ? { children: f.children.map(notRequired) } : {}) });

function objectFields(schema: AnySchema, prefix: (string | number)[]): FieldSpec[] {
  const shape = defOf(unwrap(schema).node).shape ?? {};
  return Object.entries(shape)
    .map(([k, s]) => fieldSpec(s, [...prefix, k]))
    .filter((f): f is FieldSpec => f !== null);
}

/** Every leaf below a spec (a group's fields flattened), for finding where an error belongs. */
export function leaves(spec: FieldSpec): FieldSpec[] {
  return spec.kind === 'group' ? (spec.children ?? []).flatMap(leaves) : [spec];
}

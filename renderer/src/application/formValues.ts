/**
 * The intake form holds the application as the clerk sees it: money as 元 text, dates as dayjs. These two walks,
 * driven by the same schema, turn the engine's input into form values and back — money through parseYuan, so no
 * float ever becomes fen.
 */
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import { formatYuan, parseYuan } from '../../../shared/money';
import { fieldSpec, schemaAt, unwrap } from './schemaFields';

type AnySchema = z.ZodType;
type Path = (string | number)[];
const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !dayjs.isDayjs(v);

function kindOf(schema: AnySchema | undefined, path: Path) {
  return schema ? fieldSpec(schema, path)?.kind : undefined;
}

/** Engine input (fen, YYYY-MM-DD) → form values (元 text, dayjs). Unknown keys pass through unchanged. */
export function toFormValues(schema: AnySchema | undefined, value: unknown, path: Path = []): unknown {
  if (Array.isArray(value)) return value.map((v, i) => toFormValues(schema && schemaAt(schema, [i]), v, [...path, i]));
  if (isPlain(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toFormValues(schema && schemaAt(schema, [k]), v, [...path, k])]));
  }
  const kind = kindOf(schema, path);
  if (kind === 'fen' && typeof value === 'number') return formatYuan(value);
  if (kind === 'date' && typeof value === 'string') return dayjs(value);
  return value;
}

export interface Conversion {
  value: unknown;
  /** Paths whose 元 text is not money: the form shows the reason beside the field; the engine is not asked. */
  badMoney: Path[];
}

/** A section the clerk left untouched: nothing but blanks, empty lists and the values the engine assumes anyway. */
function isBlank(schema: AnySchema | undefined, v: unknown): boolean {
  if (v === undefined) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isPlain(v)) return Object.entries(v).every(([k, x]) => isBlank(schema && schemaAt(schema, [k]), x));
  const u = schema && unwrap(schema);
  return u?.hasDefault === true && u.defaultValue === v;
}

/** Form values → engine input. Blank optional fields and untouched optional sections are left out. */
export function toApplication(schema: AnySchema, values: unknown): Conversion {
  const badMoney: Path[] = [];
  const walk = (s: AnySchema | undefined, v: unknown, path: Path): unknown => {
    if (v === null || v === undefined || v === '') return undefined;
    if (Array.isArray(v)) return v.map((x, i) => walk(s && schemaAt(s, [i]), x ?? {}, [...path, i]));
    if (isPlain(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const converted = walk(s && schemaAt(s, [k]), x, [...path, k]);
        if (converted !== undefined) out[k] = converted;
      }
      if (s && unwrap(s).optional && path.length > 0 && isBlank(s, out)) return undefined;
      return out;
    }
    if (dayjs.isDayjs(v)) return (v as Dayjs).format('YYYY-MM-DD');
    const kind = kindOf(s, path);
    if (kind === 'fen' && typeof v === 'string') {
      if (v.trim() === '') return undefined;
      try {
        return parseYuan(v);
      } catch {
        badMoney.push(path);
        return undefined;
      }
    }
    if (typeof v === 'string' && v.trim() === '') return undefined;
    return v;
  };
  return { value: walk(schema, values, []), badMoney };
}

/**
 * Form values ↔ a draft's JSON. Dates on screen are dayjs objects: they travel as { $date: 'YYYY-MM-DD' } and come
 * back as dayjs; everything else (text, numbers, lists, nested facts) is JSON already.
 */
import dayjs from 'dayjs';

const DATE = '$date';

export function encodeDraft(value: unknown): unknown {
  if (dayjs.isDayjs(value)) return { [DATE]: value.format('YYYY-MM-DD') };
  if (Array.isArray(value)) return value.map(encodeDraft);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encodeDraft(v);
    return out;
  }
  return value;
}

export function decodeDraft(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeDraft);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0] === DATE && typeof o[DATE] === 'string') return dayjs(o[DATE]);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = decodeDraft(v);
    return out;
  }
  return value;
}

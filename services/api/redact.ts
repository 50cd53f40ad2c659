/**
 * Results are kept in `commands.result_json` (append-only) so a repeated idempotency key returns the first answer.
 * Personal data must not be kept there: every full ID number in the result — under any key, at any depth — is
 * stored masked (110105********002X). A replay returns that masked copy: the effect happened once, and the screen
 * that shows it re-reads the record (members.get …) when it needs the full number.
 */
import { idNumberError, maskIdNumber } from '../../shared/idcard';

const ID_RE = /^\d{17}[\dXx]$/;

const isIdNumber = (v: string) => ID_RE.test(v) && idNumberError(v.toUpperCase()) === null;

export function redactIds(value: unknown, key = ''): unknown {
  // What JSON.stringify would write (a Date becomes its ISO string), then masked.
  if (value && typeof (value as { toJSON?: unknown }).toJSON === 'function') value = (value as { toJSON(): unknown }).toJSON();
  if (typeof value === 'string') return /idnumber$|id_number$/i.test(key) || isIdNumber(value) ? maskIdNumber(value) : value;
  if (Array.isArray(value)) return value.map((v) => redactIds(v));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactIds(v, k);
    return out;
  }
  return value;
}

/**
 * JSON.stringify(redactIds(value)) in one pass, without building a masked copy first (every write stores its
 * result: issue 14). The replacer sees each value after toJSON, with its property name (array elements get their
 * index, which never ends in "idnumber", as redactIds' '').
 */
export function redactedJson(value: unknown): string {
  return JSON.stringify(value, (k, v: unknown) => (typeof v === 'string' && (/idnumber$|id_number$/i.test(k) || isIdNumber(v)) ? maskIdNumber(v) : v));
}

/**
 * Idempotency keys live in two namespaces that cannot meet:
 * - `sys:` — keys the system makes for its own postings (年终结息, demo and bench data); only service code builds them;
 * - `c:<scope>:` — keys a caller chose, scoped to who sent them (the operator's id; `cli` for the command line).
 * The dispatcher rewrites every caller key into the `c:` form before any service sees it, so a caller can never
 * squat on a system key (a 汇缴 sent with key `year-end-interest:2026:0` or `sys:…` no longer blocks 年终结息), and two
 * operators who happen to pick the same key do not collide.
 */
export const SYSTEM_KEY_PREFIX = 'sys:';
export const CALLER_KEY_PREFIX = 'c:';

export function systemKey(...parts: Array<string | number>): string {
  return SYSTEM_KEY_PREFIX + parts.join(':');
}

export function callerKey(scope: number | string | null | undefined, key: string): string {
  return `${CALLER_KEY_PREFIX}${scope ?? 'anon'}:${key}`;
}

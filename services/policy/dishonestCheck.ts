/**
 * 失信惩戒 checks recorded at intake (004 一、(一)申请人处于失信惩戒期内的,不可提取本人住房公积金) are evidence: the service,
 * not the caller, writes who checked and when. A check carried over unchanged from the stored application keeps its
 * original stamp; a new or changed one is stamped with the operator saving it.
 */
import type { Operator } from '../context';

type Check = { source?: unknown; result?: unknown; reference?: unknown; checkedBy?: unknown; checkedAt?: unknown };
const ROOTS = ['memberExtra', 'spouseExtra'] as const;
const same = (a: Check, b: Check) => a.source === b.source && a.result === b.result && (a.reference ?? null) === (b.reference ?? null);

export function stampDishonestChecks(facts: Record<string, unknown>, stored: Record<string, unknown> | null, by: Operator, at: string): Record<string, unknown> {
  const out = { ...facts };
  for (const root of ROOTS) {
    const extra = out[root] as Record<string, unknown> | undefined;
    const check = extra?.dishonestCheck as Check | undefined;
    if (!extra || !check || typeof check !== 'object') continue;
    const before = (stored?.[root] as { dishonestCheck?: Check } | undefined)?.dishonestCheck;
    const stamp = before && same(before, check) && typeof before.checkedBy === 'string' ? { checkedBy: before.checkedBy, checkedAt: before.checkedAt } : { checkedBy: `${by.name}（${by.login}）`, checkedAt: at };
    out[root] = { ...extra, dishonestCheck: { ...check, ...stamp } };
  }
  return out;
}

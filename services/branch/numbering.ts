/**
 * Account numbers in a branch network. The member register flows between branches (docs/branch-network.md §6), so
 * two branches must never issue the same 个人账号 or 单位账号. A branch host issues sequence numbers ≡ k (mod 16),
 * k = its position in the center's list of branches + 1 (urumqi and yinchuan have fewer than 16), each above every
 * number already in its folder; a folder without a branch code keeps numbering 1, 2, 3 …
 * Capacity: 16 interleaved series share the 7-digit member and 5-digit employer sequence of the account format.
 */
import type { ServiceContext } from '../context';
import { hostBranch } from './ownership';

export const NUMBER_STRIDE = 16;

/** The sequence number for the next account number of `table`; `localSeq` (MAX(id)+1) in a single folder. */
export function accountSeq(ctx: ServiceContext, table: 'members' | 'employers', localSeq: number): number {
  const host = hostBranch(ctx);
  if (!host) return localSeq;
  const k = ctx.center.branches.findIndex((b) => b.code === host) + 1;
  const prefix = ctx.center.accountPrefix;
  const digits = table === 'members' ? 7 : 5;
  const max = (
    ctx.db
      .prepare(`SELECT MAX(CAST(substr(account_no, ?, ?) AS INTEGER)) AS n FROM ${table} WHERE substr(account_no, 1, ?) = ?`)
      .get(prefix.length + 1, digits, prefix.length, prefix) as { n: number | null }
  ).n ?? 0;
  return (Math.floor(max / NUMBER_STRIDE) + 1) * NUMBER_STRIDE + k;
}

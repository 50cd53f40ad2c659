/**
 * Who may spend a member's money (docs/branch-network.md). A data folder that joined a branch network knows its own
 * branch code (meta 'branch_code'). Each member account is owned by the branch where its employer is registered
 * (employers.branch_code). Credits (汇缴, 补缴, interest) may be posted anywhere; a debit of a member's account
 * (提取支付, 委托提取, 转出, 销户, a reversal of a credit) only at the owning branch, so two partitioned branches can never
 * both pay out the same balance. A folder without a branch code (单机) is its own and only owner: no restriction.
 */
import { AppError } from '../../shared/errors';
import type { ServiceContext } from '../context';

export function hostBranch(ctx: ServiceContext): string | null {
  const r = ctx.db.prepare(`SELECT value FROM meta WHERE key = 'branch_code'`).get() as { value: string } | undefined;
  return r?.value || null;
}

export function branchName(ctx: ServiceContext, code: string): string {
  return ctx.center.branches.find((b) => b.code === code)?.name ?? code;
}

/** The branch that owns a member's accounts; null in a folder without a branch code. */
export function owningBranch(ctx: ServiceContext, memberId: number): string | null {
  const host = hostBranch(ctx);
  if (!host) return null;
  const r = ctx.db
    .prepare(`SELECT m.name, e.branch_code FROM members m JOIN employers e ON e.id = m.employer_id WHERE m.id = ?`)
    .get(memberId) as { name: string; branch_code: string } | undefined;
  return r?.branch_code || host;
}

/** Refuses (RULE) when this folder is a branch host that does not own the member's accounts. */
export function assertOwnsMember(ctx: ServiceContext, memberId: number, what: string): void {
  const host = hostBranch(ctx);
  if (!host) return;
  const owner = owningBranch(ctx, memberId)!;
  if (owner === host) return;
  const m = ctx.db.prepare('SELECT name, account_no FROM members WHERE id = ?').get(memberId) as { name: string; account_no: string };
  throw new AppError(
    'RULE',
    `职工${m.name}（个人账号${m.account_no}）的公积金账户归属${branchName(ctx, owner)}（${owner}），本网点${branchName(ctx, host)}（${host}）不能办理${what}：` +
      `可以受理申请并出具一次性告知书，支付须到归属网点办理，或由中心在线转移账户归属后办理`,
  );
}

/** postEntry's guard: every member account debited by the lines must be owned here. */
export function assertMayDebit(ctx: ServiceContext, lines: ReadonlyArray<{ accountId: number; side: 'D' | 'C' }>, what: string): void {
  if (!hostBranch(ctx)) return;
  const debited = [...new Set(lines.filter((l) => l.side === 'D').map((l) => l.accountId))];
  if (!debited.length) return;
  const members = ctx.db
    .prepare(`SELECT DISTINCT a.member_id AS id FROM json_each(?) j JOIN accounts a ON a.id = j.value WHERE a.member_id IS NOT NULL`)
    .all(JSON.stringify(debited)) as Array<{ id: number }>;
  for (const m of members) assertOwnsMember(ctx, m.id, what);
}

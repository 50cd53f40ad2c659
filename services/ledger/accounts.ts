import type { ServiceContext } from '../context';
import { CHART, memberAccountCode, normalBalance, type Fund, MEMBER_FUNDS } from './chart';
import { notFound } from '../../shared/errors';
import { forEachChunk } from '../../db/bulk';

export function seedChart(ctx: ServiceContext): void {
  const stmt = ctx.db.prepare('INSERT OR IGNORE INTO accounts (code, name, type) VALUES (?, ?, ?)');
  for (const a of CHART) stmt.run(a.code, a.name, a.type);
}

export function accountIdByCode(ctx: ServiceContext, code: string): number {
  const row = ctx.db.prepare('SELECT id FROM accounts WHERE code = ?').get(code) as { id: number } | undefined;
  if (!row) throw notFound(`会计科目不存在：${code}`);
  return row.id;
}

export function openMemberAccount(ctx: ServiceContext, memberId: number, accountNo: string, fund: Fund): number {
  const parent = MEMBER_FUNDS[fund];
  const name = fund === 'basic' ? '住房公积金个人账户' : '补充住房公积金个人账户';
  return Number(
    ctx.db
      .prepare('INSERT INTO accounts (code, name, type, parent_code, member_id) VALUES (?, ?, ?, ?, ?)')
      .run(memberAccountCode(fund, accountNo), name, 'liability', parent, memberId).lastInsertRowid,
  );
}

/**
 * Opens many members' accounts of one fund with a few multi-row statements (db/bulk.ts: 汇缴 opening supplementary
 * accounts for a whole employer): the same rows, in the same order and so with the same ids, as openMemberAccount
 * called per member.
 */
export function openMemberAccounts(ctx: ServiceContext, members: ReadonlyArray<readonly [memberId: number, accountNo: string]>, fund: Fund): Map<number, number> {
  const opened = new Map<number, number>();
  if (members.length === 0) return opened;
  const name = fund === 'basic' ? '住房公积金个人账户' : '补充住房公积金个人账户';
  const parent = MEMBER_FUNDS[fund];
  forEachChunk(
    ctx.db.sqlite,
    5,
    (values) => `INSERT INTO accounts (code, name, type, parent_code, member_id) VALUES ${values} RETURNING id, member_id`,
    members.map(([id, no]) => [memberAccountCode(fund, no), name, 'liability', parent, id]),
    (stmt, args) => {
      for (const r of stmt.raw(false).all(args) as Array<{ id: number; member_id: number }>) opened.set(r.member_id, r.id);
    },
  );
  return opened;
}

export function memberAccountId(ctx: ServiceContext, memberId: number, fund: Fund): number | undefined {
  const row = ctx.db
    .prepare('SELECT id FROM accounts WHERE member_id = ? AND parent_code = ?')
    .get(memberId, MEMBER_FUNDS[fund]) as { id: number } | undefined;
  return row?.id;
}

/** Balance in fen on the account's normal side, from the running totals the posting code keeps. */
export function accountBalance(ctx: ServiceContext, accountId: number): number {
  const row = ctx.db.prepare('SELECT type, debits_fen, credits_fen FROM accounts WHERE id = ?').get(accountId) as
    | { type: 'asset' | 'liability' | 'equity' | 'income' | 'expense'; debits_fen: number; credits_fen: number }
    | undefined;
  if (!row) throw notFound(`账户不存在：${accountId}`);
  return normalBalance(row.type, row.debits_fen, row.credits_fen);
}

export function memberBalances(ctx: ServiceContext, memberId: number): { basicFen: number; supplementaryFen: number } {
  const rows = ctx.db
    .prepare('SELECT parent_code, credits_fen - debits_fen AS bal FROM accounts WHERE member_id = ?')
    .all(memberId) as Array<{ parent_code: string; bal: number }>;
  return {
    basicFen: rows.find((r) => r.parent_code === MEMBER_FUNDS.basic)?.bal ?? 0,
    supplementaryFen: rows.find((r) => r.parent_code === MEMBER_FUNDS.supplementary)?.bal ?? 0,
  };
}

/**
 * Posting a journal entry: the only code that writes postings and the accounts' running totals.
 * Invariants checked before anything is written: at least two lines, every amount a positive integer of fen,
 * debits equal credits. A sub-ledger line also moves its control account's totals, so the control account always
 * equals the sum of its sub-ledger (re-derived and compared by `gjj check`).
 * Hot path (a 50,000-member remittance is one entry): raw prepared statements, aggregated total updates.
 */
import { AppError, conflict } from '../../shared/errors';
import type { Operator, ServiceContext } from '../context';
import { nowIso, today } from '../context';
import { assertMayDebit } from '../branch/ownership';
import { insertRows, runInChunks } from '../../db/bulk';

export interface PostingLine {
  accountId: number;
  side: 'D' | 'C';
  amountFen: number;
  /** A line's own 摘要 where it differs from the entry's (销户结息 inside a 销户提取 entry). */
  memo?: string;
}

export interface EntryInput {
  idempotencyKey: string;
  businessType: string;
  summary: string;
  bookedDate?: string;
  operator: Operator;
  lines: PostingLine[];
  refType?: string;
  refId?: number;
  reversesEntryId?: number;
  reason?: string;
}

export interface PostedEntry {
  entryId: number;
  entryNo: string;
  duplicate: boolean;
}

export class UnbalancedEntryError extends AppError {
  constructor(debits: number, credits: number) {
    super('INTERNAL', `分录借贷不平衡：借方${debits}分，贷方${credits}分`);
  }
}

export function assertBalanced(lines: readonly PostingLine[]): void {
  if (lines.length < 2) throw new AppError('INTERNAL', '分录至少需要两行');
  let debits = 0;
  let credits = 0;
  for (const l of lines) {
    if (!Number.isSafeInteger(l.amountFen) || l.amountFen <= 0) {
      throw new AppError('INTERNAL', `分录金额必须是正整数分：${l.amountFen}`);
    }
    if (l.side === 'D') debits += l.amountFen;
    else if (l.side === 'C') credits += l.amountFen;
    else throw new AppError('INTERNAL', `借贷方向不正确：${String(l.side)}`);
  }
  if (debits !== credits) throw new UnbalancedEntryError(debits, credits);
}

export function postEntry(ctx: ServiceContext, input: EntryInput): PostedEntry {
  assertBalanced(input.lines);
  assertMayDebit(ctx, input.lines, input.businessType);
  const db = ctx.db;
  return db.tx(() => {
    const existing = db
      .prepare('SELECT id, entry_no, business_type FROM journal_entries WHERE idempotency_key = ?')
      .get(input.idempotencyKey) as { id: number; entry_no: string; business_type: string } | undefined;
    if (existing) {
      if (existing.business_type !== input.businessType) {
        throw conflict(`幂等键已用于另一笔业务（${existing.business_type}）`);
      }
      return { entryId: existing.id, entryNo: existing.entry_no, duplicate: true };
    }
    const bookedDate = input.bookedDate ?? today(ctx);
    const next = (db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS n FROM journal_entries').get() as { n: number }).n;
    const entryNo = `JZ${bookedDate.replaceAll('-', '')}${String(next).padStart(8, '0')}`;
    const entryId = Number(
      db
        .prepare(
          `INSERT INTO journal_entries (id, entry_no, idempotency_key, business_type, summary, booked_date, created_at,
             operator_id, branch_code, reverses_entry_id, reason, ref_type, ref_id, terminal)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          next,
          entryNo,
          input.idempotencyKey,
          input.businessType,
          input.summary,
          bookedDate,
          nowIso(ctx),
          input.operator.id || null,
          input.operator.branchCode,
          input.reversesEntryId ?? null,
          input.reason ?? null,
          input.refType ?? null,
          input.refId ?? null,
          input.operator.terminal ?? null,
        ).lastInsertRowid,
    );
    // Set-based writes (db/bulk.ts): a few multi-row statements for all lines instead of one call per line.
    insertRows(db.sqlite, 'postings', ['entry_id', 'account_id', 'side', 'amount_fen', 'memo'], input.lines.map((l) => [entryId, l.accountId, l.side, l.amountFen, l.memo ?? null]));
    const totals = new Map<number, { d: number; c: number }>();
    const bump = (accountId: number, side: 'D' | 'C', amount: number) => {
      let t = totals.get(accountId);
      if (!t) totals.set(accountId, (t = { d: 0, c: 0 }));
      if (side === 'D') t.d += amount;
      else t.c += amount;
    };
    for (const l of input.lines) bump(l.accountId, l.side, l.amountFen);
    const parents = db
      .prepare(
        `SELECT a.id AS id, p.id AS pid FROM json_each(?) AS j
           JOIN accounts a ON a.id = j.value JOIN accounts p ON p.code = a.parent_code`,
      )
      .all(JSON.stringify([...totals.keys()])) as Array<{ id: number; pid: number }>;
    for (const { id, pid } of parents) {
      const t = totals.get(id)!;
      if (t.d) bump(pid, 'D', t.d);
      if (t.c) bump(pid, 'C', t.c);
    }
    const changed = runInChunks(
      db.sqlite,
      3,
      (values) => `WITH t(id, d, c) AS (VALUES ${values})
                   UPDATE accounts SET debits_fen = debits_fen + t.d, credits_fen = credits_fen + t.c FROM t WHERE accounts.id = t.id`,
      [...totals].map(([id, t]) => [id, t.d, t.c]),
    );
    if (changed !== totals.size) throw new AppError('INTERNAL', `记账账户不存在：应更新${totals.size}个账户，实际${changed}个`);
    return { entryId, entryNo, duplicate: false };
  });
}

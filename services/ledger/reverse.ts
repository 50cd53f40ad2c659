/** Corrections are reversal entries (冲正): the same lines with sides swapped, linked to the original, once. */
import { conflict, notFound } from '../../shared/errors';
import type { Operator, ServiceContext } from '../context';
import { postEntry, type PostedEntry, type PostingLine } from './post';

export function reverseEntry(
  ctx: ServiceContext,
  args: { entryId: number; reason: string; idempotencyKey: string; operator: Operator },
): PostedEntry {
  const db = ctx.db;
  return db.tx(() => {
    const original = db
      .prepare('SELECT id, entry_no, business_type, summary, reverses_entry_id FROM journal_entries WHERE id = ?')
      .get(args.entryId) as
      | { id: number; entry_no: string; business_type: string; summary: string; reverses_entry_id: number | null }
      | undefined;
    if (!original) throw notFound(`记账凭证不存在：${args.entryId}`);
    const prior = db.prepare('SELECT id, idempotency_key FROM journal_entries WHERE reverses_entry_id = ?').get(original.id) as
      | { id: number; idempotency_key: string }
      | undefined;
    if (prior && prior.idempotency_key !== args.idempotencyKey) {
      throw conflict(`凭证${original.entry_no}已冲正，不能重复冲正`);
    }
    if (original.reverses_entry_id !== null) throw conflict('冲正凭证本身不能再冲正，请重新办理原业务');
    const lines = (
      db.prepare('SELECT account_id, side, amount_fen, memo FROM postings WHERE entry_id = ? ORDER BY id').all(original.id) as Array<{
        account_id: number;
        side: 'D' | 'C';
        amount_fen: number;
        memo: string | null;
      }>
    ).map<PostingLine>((p) => ({
      accountId: p.account_id,
      side: p.side === 'D' ? 'C' : 'D',
      amountFen: p.amount_fen,
      ...(p.memo ? { memo: `冲正：${p.memo}` } : {}),
    }));
    return postEntry(ctx, {
      idempotencyKey: args.idempotencyKey,
      businessType: '冲正',
      summary: `冲正：${original.summary}`,
      operator: args.operator,
      lines,
      reversesEntryId: original.id,
      reason: args.reason,
    });
  });
}

/**
 * Drafts of open forms, per operator (issue 12): saved while the clerk types (the screen debounces), read back when
 * the form opens again (after F5, Back, another menu item, or on another terminal of the same branch host), listed
 * in 待办, removed on submit or discard. Only the operator who typed a draft can read or discard it. Not evidence:
 * the table is outside the integrity log and the sync batches, and nothing here is audited.
 */
import { DRAFT_FORM_LABELS, MAX_DRAFT_CHARS, type DraftDto, type DraftForm, type DraftSummary } from '../../shared/contract/drafts';
import { badInput } from '../../shared/errors';
import { maskIdNumber } from '../../shared/idcard';
import type { Operator, ServiceContext } from '../context';
import { nowIso } from '../context';

interface DraftRow {
  form: DraftForm;
  scope: string;
  title: string;
  data: string;
  updated_at: string;
}

/** A full ID number (18 characters) typed into a title is shown masked, like everywhere outside the master data. */
export function maskTitle(title: string): string {
  return title.replace(/\d{17}[\dXx]/g, (id) => maskIdNumber(id));
}

const summary = (r: DraftRow): DraftSummary => ({ form: r.form, formLabel: DRAFT_FORM_LABELS[r.form], scope: r.scope, title: r.title, updatedAt: r.updated_at });

export function saveDraft(ctx: ServiceContext, op: Operator, input: { form: DraftForm; scope: string; title: string; data: Record<string, unknown> }): { savedAt: string } {
  const json = JSON.stringify(input.data);
  if (json.length > MAX_DRAFT_CHARS) throw badInput('data', `草稿内容过长（超过${MAX_DRAFT_CHARS}个字符），未保存`);
  const at = nowIso(ctx);
  ctx.db
    .prepare(
      `INSERT INTO drafts (operator_id, form, scope, title, data, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (operator_id, form, scope) DO UPDATE SET title = excluded.title, data = excluded.data, updated_at = excluded.updated_at`,
    )
    .run(op.id, input.form, input.scope, maskTitle(input.title), json, at);
  return { savedAt: at };
}

export function getDraft(ctx: ServiceContext, op: Operator, form: DraftForm, scope: string): DraftDto | null {
  const r = ctx.db.prepare('SELECT form, scope, title, data, updated_at FROM drafts WHERE operator_id = ? AND form = ? AND scope = ?').get(op.id, form, scope) as DraftRow | undefined;
  return r ? { ...summary(r), data: JSON.parse(r.data) as Record<string, unknown> } : null;
}

/** The operator's own drafts, newest first. */
export function listDrafts(ctx: ServiceContext, op: Operator): DraftSummary[] {
  const rows = ctx.db.prepare('SELECT form, scope, title, data, updated_at FROM drafts WHERE operator_id = ? ORDER BY updated_at DESC, id DESC').all(op.id) as DraftRow[];
  return rows.map(summary);
}

export function discardDraft(ctx: ServiceContext, op: Operator, form: DraftForm, scope: string): { discarded: boolean } {
  const r = ctx.db.prepare('DELETE FROM drafts WHERE operator_id = ? AND form = ? AND scope = ?').run(op.id, form, scope);
  return { discarded: r.changes > 0 };
}

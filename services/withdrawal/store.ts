/** Reading and writing application rows; every state change goes through `transition` and leaves an event. */
import type { ApplicationState, Payee } from '../../shared/contract/dto';
import { AppError, conflict, notFound } from '../../shared/errors';
import type { LoanDecision, WithdrawalDecision } from '../../shared/rules';
import { audit } from '../audit/log';
import { personKeys } from '../auth/people';
import type { Operator, ServiceContext } from '../context';
import { nowIso } from '../context';

export interface AppRow {
  id: number;
  app_no: string;
  kind: 'withdrawal' | 'loan';
  case_id: string;
  member_id: number;
  spouse_member_id: number | null;
  state: ApplicationState;
  version: number;
  facts_json: string;
  decision_json: string | null;
  requested_fen: number | null;
  approved_fen: number | null;
  payee_json: string;
  materials_json: string;
  branch_code: string;
  appointment_id: number | null;
  created_by: number;
  created_at: string;
  submitted_by: number | null;
  submitted_at: string | null;
  reviewed_by: number | null;
  reviewed_at: string | null;
  approved_by: number | null;
  approved_at: string | null;
  paid_by: number | null;
  paid_at: string | null;
  paid_entry_id: number | null;
  reversal_reason: string | null;
  reversal_requested_by: number | null;
  reversal_reviewed_by: number | null;
  reversal_entry_id: number | null;
  last_note: string | null;
  updated_at: string;
  contract_no?: string | null;
  mortgage_reg_no?: string | null;
  signed_at?: string | null;
}

export function loadApp(ctx: ServiceContext, id: number, kind: 'withdrawal' | 'loan' = 'withdrawal'): AppRow {
  const row = ctx.db.prepare(`SELECT * FROM applications WHERE id = ? AND kind = ?`).get(id, kind) as AppRow | undefined;
  if (!row) throw notFound(`${kind === 'loan' ? '贷款' : '提取'}申请不存在：${id}`);
  return row;
}

export function parsePayee(row: AppRow): Payee {
  return JSON.parse(row.payee_json) as Payee;
}
export function parseMaterials(row: AppRow): Record<string, boolean> {
  return JSON.parse(row.materials_json) as Record<string, boolean>;
}
export function parseDecision(row: AppRow): WithdrawalDecision | null {
  return row.decision_json ? (JSON.parse(row.decision_json) as WithdrawalDecision) : null;
}

export function expectState(row: AppRow, allowed: readonly ApplicationState[], what: string): void {
  if (!allowed.includes(row.state)) {
    throw conflict(`申请${row.app_no}当前为“${row.state}”，不能${what}（须为${allowed.map((s) => `“${s}”`).join('或')}）`);
  }
}

export function expectVersion(row: AppRow, version: number | undefined): void {
  if (version !== undefined && version !== row.version) {
    throw conflict(`申请${row.app_no}已被他人更新（版本${row.version}），请刷新后再操作`);
  }
}

/**
 * The four-eyes rule between people, not logins: nobody signs off on an application they entered or already
 * signed, under this login or another login of the same person (same 证件号码).
 */
export function expectOtherPerson(ctx: ServiceContext, by: Operator, others: Array<number | null>, what: string): void {
  const ids = others.filter((id): id is number => id !== null);
  const persons = personKeys(ctx, [by.id, ...ids]);
  if (ids.some((id) => persons.get(id) === persons.get(by.id))) {
    throw new AppError('FORBIDDEN', `${what}须由另一名工作人员办理：您已经办或签署过此申请（四眼原则）`);
  }
}

/** The day's applications are counted on the app_no index as a range (a LIKE would scan every application ever taken). */
export const APP_NO_COUNT_SQL = 'SELECT COUNT(*) AS n FROM applications WHERE app_no >= ? AND app_no < ?';

export function nextAppNo(ctx: ServiceContext, date: string, kind: 'withdrawal' | 'loan' = 'withdrawal'): string {
  const prefix = `${kind === 'loan' ? 'DK' : 'TQ'}${date.replaceAll('-', '')}`;
  // Numbers are the prefix and digits; every one sorts below the prefix followed by ':' (the character after '9').
  const n = (ctx.db.prepare(APP_NO_COUNT_SQL).get(prefix, `${prefix}:`) as { n: number }).n;
  return `${prefix}${String(n + 1).padStart(4, '0')}`;
}

/**
 * Moves an application to a new state with the given column updates, logs the event, audits it; the row as it now
 * stands. A decision given here becomes the row's `decision_json`. The event keeps a copy of the decision only when
 * it differs from the one the row already held: `application_events.decision_json` NULL means the decision in force
 * did not change at this step (the row's updated image in the integrity log holds it too). A same-day review,
 * approval and payout then store the 10–13 KB decision once instead of once per step (issue 14).
 */
export function transition(
  ctx: ServiceContext,
  by: Operator,
  row: AppRow,
  to: ApplicationState,
  action: string,
  updates: Record<string, unknown> = {},
  note: string | null = null,
  decision: WithdrawalDecision | LoanDecision | null = null,
): AppRow {
  const at = nowIso(ctx);
  const json = decision ? JSON.stringify(decision) : null;
  const changed = json !== null && json !== row.decision_json ? json : null;
  const cols = { ...updates, ...(changed !== null ? { decision_json: changed } : {}), state: to, version: row.version + 1, updated_at: at, last_note: note ?? row.last_note };
  const keys = Object.keys(cols);
  const updated = ctx.db
    .prepare(`UPDATE applications SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = ? AND version = ? RETURNING *`)
    .get(...keys.map((k) => (cols as Record<string, unknown>)[k]), row.id, row.version) as AppRow | undefined;
  if (!updated) throw conflict(`申请${row.app_no}已被他人更新，请刷新后再操作`);
  ctx.db
    .prepare('INSERT INTO application_events (application_id, at, operator_id, action, from_state, to_state, note, decision_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(row.id, at, by.id || null, action, row.state, to, note, changed);
  audit(ctx, { operator: by, action: `${row.kind}.${action}`, recordType: 'application', recordId: row.app_no, detail: { from: row.state, to, note } });
  return updated;
}

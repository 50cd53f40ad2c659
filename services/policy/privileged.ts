/**
 * Bounded privileged changes (issue 9): a new loan rate, deposit rate, 罚息 setting or policy override changes
 * money for many members at once. Its values are bounded (shared/rates/bounds.ts, the pack's parameter schema), its
 * effect is shown before it is confirmed (previewEffect), and it cannot take effect before today unless a second
 * administrator confirms a back-dated row with a reason: such a row waits in privileged_change_requests and only a
 * confirmed request writes it into the table the services read.
 */
import { CHANGE_KIND_LABELS, type ChangeEffectDto, type ChangeKind, type PrivilegedChangeDto } from '../../shared/contract/privileged';
import type { Selectable } from 'kysely';
import type { PrivilegedChangeRequestTable } from '../../db/schema';
import { samePerson } from '../auth/people';
import { AppError, badInput, conflict, notFound } from '../../shared/errors';
import { formatYuanGrouped } from '../../shared/money';
import type { DepositRateRow } from '../../shared/rates/depositRates';
import type { LoanRateRow } from '../../shared/rates/loanRates';
import type { PenaltySetting } from '../../shared/rates/penaltyRates';
import type { ParamOverride } from '../../shared/rules';
import { audit } from '../audit/log';
import type { Operator, ServiceContext } from '../context';
import { nowIso, today } from '../context';
import { addOverride, checkOverride } from './decide';
import { addDepositRate, addLoanRate, addPenaltySetting, checkDepositRate, checkLoanRate, checkPenaltySetting } from './tables';

export type ChangePayload =
  | { kind: 'loan_rate'; row: LoanRateRow }
  | { kind: 'deposit_rate'; row: DepositRateRow }
  | { kind: 'penalty'; row: PenaltySetting }
  | { kind: 'override'; row: ParamOverride };

const yuan = (fen: number) => `${formatYuanGrouped(fen)}元`;

/** How many accounts, loans or applications a row from `effectiveFrom` touches, and how much money. */
export function previewEffect(ctx: ServiceContext, kind: ChangeKind, effectiveFrom: string, paramId?: string): ChangeEffectDto {
  const t = today(ctx);
  const base: ChangeEffectDto = { kind, effectiveFrom, today: t, backDated: effectiveFrom < t, accounts: 0, balanceFen: 0, loans: 0, principalFen: 0, applications: 0, requestedFen: 0, summary: '' };
  const back = base.backDated ? `（补录：${effectiveFrom}早于今天，须另一位管理员确认）` : '';
  if (kind === 'deposit_rate') {
    const r = ctx.db
      .prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(credits_fen - debits_fen), 0) AS s FROM accounts WHERE parent_code IN ('201', '202') AND credits_fen > debits_fen`)
      .get() as { n: number; s: number };
    return { ...base, accounts: r.n, balanceFen: r.s, summary: `${r.n}个有余额的职工账户（余额合计${yuan(r.s)}）自${effectiveFrom}起按新存款利率计息${back}` };
  }
  if (kind === 'loan_rate' || kind === 'penalty') {
    // Loans over a year reprice on the next 1 January (services/loan/servicing/reprice.ts); 罚息 reaches any loan.
    const minMonths = kind === 'loan_rate' ? 12 : 0;
    const r = ctx.db
      .prepare(
        `SELECT COUNT(*) AS n, COALESCE(SUM((SELECT COALESCE(SUM(a.debits_fen - a.credits_fen), 0) FROM accounts a WHERE a.loan_id = l.id AND a.parent_code IN ('121', '122'))), 0) AS s
           FROM loans l WHERE l.status = '还款中' AND l.months > ?`,
      )
      .get(minMonths) as { n: number; s: number };
    const summary =
      kind === 'loan_rate'
        ? `${r.n}笔还款中的一年期以上贷款（剩余本金合计${yuan(r.s)}）于${Number(effectiveFrom.slice(0, 4)) + 1}-01-01起按新利率重算月供；此后审批的贷款按新利率${back}`
        : `${r.n}笔还款中的贷款（剩余本金合计${yuan(r.s)}）自${effectiveFrom}起逾期部分按新设置计收罚息${back}`;
    return { ...base, loans: r.n, principalFen: r.s, summary };
  }
  const kindOf = paramId && /\.wd\./.test(paramId) ? 'withdrawal' : paramId && /\.loan\./.test(paramId) ? 'loan' : null;
  const r = ctx.db
    .prepare(
      `SELECT COUNT(*) AS n, COALESCE(SUM(requested_fen), 0) AS s FROM applications
        WHERE state IN ('草稿', '退回', '待复核', '待审批', '已审批') AND (? IS NULL OR kind = ?)`,
    )
    .get(kindOf, kindOf) as { n: number; s: number };
  return { ...base, applications: r.n, requestedFen: r.s, summary: `${r.n}件在办申请（申请金额合计${yuan(r.s)}）按调整后的参数重新审查${back}` };
}

function check(ctx: ServiceContext, c: ChangePayload): void {
  if (c.kind === 'loan_rate') checkLoanRate(ctx, c.row);
  else if (c.kind === 'deposit_rate') checkDepositRate(ctx, c.row);
  else if (c.kind === 'penalty') checkPenaltySetting(ctx, c.row);
  else checkOverride(ctx, c.row);
}

function apply(ctx: ServiceContext, by: Operator, c: ChangePayload): void {
  if (c.kind === 'loan_rate') addLoanRate(ctx, by, c.row);
  else if (c.kind === 'deposit_rate') addDepositRate(ctx, by, c.row);
  else if (c.kind === 'penalty') addPenaltySetting(ctx, by, c.row);
  else addOverride(ctx, by, c.row);
}

/**
 * A row through the contract: checked (bounds, schema, duplicates); from today on it is written at once; a
 * back-dated row needs a reason and becomes a request another administrator confirms. Returns whether it was
 * written now ('applied') or waits ('pending', with the request).
 */
export function submitChange(ctx: ServiceContext, by: Operator, c: ChangePayload, backdateReason?: string): { status: 'applied' } | { status: 'pending'; request: PrivilegedChangeDto } {
  check(ctx, c);
  const t = today(ctx);
  if (c.row.effectiveFrom >= t) {
    apply(ctx, by, c);
    return { status: 'applied' };
  }
  const label = CHANGE_KIND_LABELS[c.kind];
  if (!backdateReason?.trim()) {
    throw badInput('effectiveFrom', `生效日期${c.row.effectiveFrom}早于今天（${t}）：补录以前生效的${label}须填写补录原因，并经另一位管理员确认后生效`);
  }
  const paramId = c.kind === 'override' ? c.row.paramId : null;
  const waiting = ctx.db
    .prepare(`SELECT id FROM privileged_change_requests WHERE state = '待确认' AND kind = ? AND effective_from = ? AND (? IS NULL OR json_extract(payload_json, '$.paramId') = ?)`)
    .get(c.kind, c.row.effectiveFrom, paramId, paramId) as { id: number } | undefined;
  if (waiting) throw conflict(`${c.row.effectiveFrom}的${label}已有待确认的补录申请（第${waiting.id}号）`, 'effectiveFrom');
  const effect = previewEffect(ctx, c.kind, c.row.effectiveFrom, paramId ?? undefined);
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO privileged_change_requests (kind, effective_from, payload_json, reason, effect_json, requested_by, requested_by_login, requested_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.kind, c.row.effectiveFrom, JSON.stringify(c.row), backdateReason.trim(), JSON.stringify(effect), by.id, by.login, nowIso(ctx)).lastInsertRowid,
  );
  audit(ctx, { operator: by, action: 'privileged.request', recordType: 'privileged_change', recordId: id, detail: { kind: c.kind, row: c.row, reason: backdateReason.trim() } });
  return { status: 'pending', request: getChange(ctx, id) };
}

type RequestRow = Selectable<PrivilegedChangeRequestTable>;

function toDto(r: RequestRow): PrivilegedChangeDto {
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: CHANGE_KIND_LABELS[r.kind],
    effectiveFrom: r.effective_from,
    payload: JSON.parse(r.payload_json) as Record<string, unknown>,
    reason: r.reason,
    effect: JSON.parse(r.effect_json) as ChangeEffectDto,
    state: r.state,
    requestedBy: r.requested_by_login,
    requestedById: r.requested_by,
    requestedAt: r.requested_at,
    decidedBy: r.decided_by_login,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
  };
}

export function getChange(ctx: ServiceContext, id: number): PrivilegedChangeDto {
  const r = ctx.db.prepare('SELECT * FROM privileged_change_requests WHERE id = ?').get(id) as RequestRow | undefined;
  if (!r) throw notFound(`没有第${id}号补录申请`);
  return toDto(r);
}

export function listChanges(ctx: ServiceContext): PrivilegedChangeDto[] {
  return (ctx.db.prepare(`SELECT * FROM privileged_change_requests ORDER BY state <> '待确认', id DESC LIMIT 200`).all() as RequestRow[]).map(toDto);
}

/** A second administrator confirms (the row is written, checked again) or refuses a back-dated request. */
export function decideChange(ctx: ServiceContext, by: Operator, id: number, pass: boolean, note?: string): PrivilegedChangeDto {
  const r = getChange(ctx, id);
  if (r.state !== '待确认') throw conflict(`第${id}号补录申请已${r.state}，不能再次确认`);
  // Four eyes between people: another login of the requester is the same person.
  if (r.requestedById === by.id || samePerson(ctx, r.requestedById, by.id)) throw new AppError('FORBIDDEN', '补录以前生效的变更须由另一位管理员确认，申请人不能自己确认');
  if (!pass && !note?.trim()) throw badInput('note', '拒绝补录申请须填写理由');
  if (pass) apply(ctx, by, { kind: r.kind, row: r.payload } as unknown as ChangePayload);
  ctx.db
    .prepare(`UPDATE privileged_change_requests SET state = ?, decided_by = ?, decided_by_login = ?, decided_at = ?, decision_note = ? WHERE id = ?`)
    .run(pass ? '已生效' : '已拒绝', by.id, by.login, nowIso(ctx), note?.trim() || null, id);
  audit(ctx, { operator: by, action: pass ? 'privileged.confirm' : 'privileged.refuse', recordType: 'privileged_change', recordId: id, detail: { kind: r.kind, effectiveFrom: r.effectiveFrom, note: note ?? null } });
  return getChange(ctx, id);
}

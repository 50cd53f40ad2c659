/**
 * Two administrators for every new login and every role change: one requests, an administrator who is another
 * person confirms (or rejects); only the confirmation applies it. Both steps are audited. The caller ends the
 * live sessions of an operator whose role changed.
 */
import type { Selectable } from 'kysely';
import type { OperatorChangeRequestTable } from '../../db/schema';
import { AppError, conflict, notFound } from '../../shared/errors';
import { maskIdNumber } from '../../shared/idcard';
import { ROLE_LABELS, type Role } from '../../shared/roles';
import type { OperatorChangeRequestDto } from '../../shared/contract/operators';
import { audit } from '../audit/log';
import type { Operator, ServiceContext } from '../context';
import { nowIso } from '../context';
import { activeAdmins, checkNewOperator, checkOperatorFacts, insertOperator, loadOperatorRow, type NewOperator } from './operators';
import { hashPassword } from './passwords';
import { checkPersonRoles, samePerson } from './people';

interface AddPayload {
  login: string;
  name: string;
  role: Role;
  staffNo: string;
  idNumber: string;
  branchCode: string;
  passwordHash: string;
}
interface RolePayload {
  fromRole: Role;
  role: Role;
}

type RequestRow = Selectable<OperatorChangeRequestTable>;


function loginOf(ctx: ServiceContext, id: number | null): string | null {
  if (id === null) return null;
  return (ctx.db.prepare('SELECT login FROM operators WHERE id = ?').get(id) as { login: string } | undefined)?.login ?? String(id);
}

function dto(ctx: ServiceContext, r: RequestRow): OperatorChangeRequestDto {
  const base = { id: r.id, kind: r.kind, status: r.status, operatorId: r.operator_id, requestedBy: loginOf(ctx, r.requested_by)!, requestedAt: r.requested_at, decidedBy: loginOf(ctx, r.decided_by), decidedAt: r.decided_at, note: r.note };
  if (r.kind === 'add') {
    const p = JSON.parse(r.payload_json) as AddPayload;
    return { ...base, kindLabel: '新增操作员', login: p.login, name: p.name, role: p.role, roleLabel: ROLE_LABELS[p.role], fromRoleLabel: null, staffNo: p.staffNo, idNumberMasked: maskIdNumber(p.idNumber) };
  }
  const p = JSON.parse(r.payload_json) as RolePayload;
  const op = loadOperatorRow(ctx, r.operator_id!);
  return { ...base, kindLabel: '调整岗位', login: op.login, name: op.name, role: p.role, roleLabel: ROLE_LABELS[p.role], fromRoleLabel: ROLE_LABELS[p.fromRole], staffNo: op.staff_no, idNumberMasked: op.id_number ? maskIdNumber(op.id_number) : null };
}

function loadRequest(ctx: ServiceContext, id: number): RequestRow {
  const r = ctx.db.prepare('SELECT * FROM operator_change_requests WHERE id = ?').get(id) as RequestRow | undefined;
  if (!r) throw notFound(`待确认事项不存在：${id}`);
  return r;
}

function insertRequest(ctx: ServiceContext, by: Operator, kind: 'add' | 'role', operatorId: number | null, payload: AddPayload | RolePayload): RequestRow {
  const id = Number(
    ctx.db
      .prepare('INSERT INTO operator_change_requests (kind, operator_id, payload_json, requested_by, requested_at) VALUES (?, ?, ?, ?, ?)')
      .run(kind, operatorId, JSON.stringify(payload), by.id, nowIso(ctx)).lastInsertRowid,
  );
  return loadRequest(ctx, id);
}

export function requestAddOperator(ctx: ServiceContext, by: Operator, input: NewOperator): OperatorChangeRequestDto {
  const o = checkNewOperator(ctx, input);
  const pending = (ctx.db.prepare(`SELECT payload_json FROM operator_change_requests WHERE kind = 'add' AND status = '待确认'`).all() as Array<{ payload_json: string }>)
    .map((r) => JSON.parse(r.payload_json) as AddPayload);
  if (pending.some((p) => p.login === o.login)) throw conflict(`登录名“${o.login}”已有待确认的新增申请`, 'login');
  const r = insertRequest(ctx, by, 'add', null, { ...o, passwordHash: hashPassword(input.password) });
  audit(ctx, { operator: by, action: 'operator.request_add', recordType: 'operator_change_request', recordId: r.id, detail: { login: o.login, role: o.role, staffNo: o.staffNo, idNumber: o.idNumber } });
  return dto(ctx, r);
}

function checkRoleChange(ctx: ServiceContext, operatorId: number, role: Role) {
  const op = loadOperatorRow(ctx, operatorId);
  if (op.active !== 1) throw conflict(`操作员${op.login}已停用，不能调整岗位`, 'operatorId');
  if (op.role === role) throw conflict(`操作员${op.login}已是${ROLE_LABELS[role]}岗位`, 'role');
  if (op.staff_no && op.id_number) checkPersonRoles(ctx, { staffNo: op.staff_no, idNumber: op.id_number, role, exceptOperatorId: op.id });
  if (op.role === 'admin' && activeAdmins(ctx) <= 1) throw new AppError('RULE', '不能调整最后一名管理员的岗位', 'role');
  return op;
}

export function requestRoleChange(ctx: ServiceContext, by: Operator, operatorId: number, role: Role): OperatorChangeRequestDto {
  const op = checkRoleChange(ctx, operatorId, role);
  if (ctx.db.prepare(`SELECT id FROM operator_change_requests WHERE kind = 'role' AND operator_id = ? AND status = '待确认'`).get(op.id)) {
    throw conflict(`操作员${op.login}已有待确认的岗位调整`, 'operatorId');
  }
  const r = insertRequest(ctx, by, 'role', op.id, { fromRole: op.role, role });
  audit(ctx, { operator: by, action: 'operator.request_role', recordType: 'operator_change_request', recordId: r.id, detail: { login: op.login, fromRole: op.role, role } });
  return dto(ctx, r);
}

export function listChangeRequests(ctx: ServiceContext, includeDecided = false): OperatorChangeRequestDto[] {
  const rows = ctx.db
    .prepare(`SELECT * FROM operator_change_requests ${includeDecided ? '' : `WHERE status = '待确认'`} ORDER BY id DESC LIMIT 200`)
    .all() as RequestRow[];
  return rows.map((r) => dto(ctx, r));
}

/** Applies a pending request; returns it with the operator it created or changed. */
export function confirmChangeRequest(ctx: ServiceContext, by: Operator, requestId: number): { request: OperatorChangeRequestDto; operatorId: number } {
  const r = loadRequest(ctx, requestId);
  if (r.status !== '待确认') throw conflict(`此事项已${r.status.slice(1)}`, 'requestId');
  if (samePerson(ctx, r.requested_by, by.id)) throw new AppError('FORBIDDEN', '须由另一名管理员确认：申请人本人不能确认自己提出的变更（四眼原则）');
  let operatorId: number;
  if (r.kind === 'add') {
    const { passwordHash, ...facts } = JSON.parse(r.payload_json) as AddPayload;
    const o = checkOperatorFacts(ctx, facts);
    operatorId = insertOperator(ctx, by, o, passwordHash, { requestId: r.id, requestedBy: loginOf(ctx, r.requested_by) }).id;
  } else {
    const p = JSON.parse(r.payload_json) as RolePayload;
    const op = checkRoleChange(ctx, r.operator_id!, p.role);
    if (op.role !== p.fromRole) throw conflict(`操作员${op.login}的岗位已变更，请驳回后重新申请`, 'requestId');
    ctx.db.prepare('UPDATE operators SET role = ? WHERE id = ?').run(p.role, op.id);
    operatorId = op.id;
    audit(ctx, { operator: by, action: 'operator.role_change', recordType: 'operator', recordId: op.id, detail: { login: op.login, fromRole: p.fromRole, role: p.role, requestId: r.id } });
  }
  ctx.db.prepare(`UPDATE operator_change_requests SET status = '已确认', decided_by = ?, decided_at = ? WHERE id = ?`).run(by.id, nowIso(ctx), r.id);
  audit(ctx, { operator: by, action: 'operator.request_confirm', recordType: 'operator_change_request', recordId: r.id, detail: { kind: r.kind, operatorId } });
  return { request: dto(ctx, loadRequest(ctx, r.id)), operatorId };
}

export function rejectChangeRequest(ctx: ServiceContext, by: Operator, requestId: number, note: string): OperatorChangeRequestDto {
  const r = loadRequest(ctx, requestId);
  if (r.status !== '待确认') throw conflict(`此事项已${r.status.slice(1)}`, 'requestId');
  ctx.db.prepare(`UPDATE operator_change_requests SET status = '已驳回', decided_by = ?, decided_at = ?, note = ? WHERE id = ?`).run(by.id, nowIso(ctx), note, r.id);
  audit(ctx, { operator: by, action: 'operator.request_reject', recordType: 'operator_change_request', recordId: r.id, detail: { kind: r.kind, note } });
  return dto(ctx, loadRequest(ctx, r.id));
}

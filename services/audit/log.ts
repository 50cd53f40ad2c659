/**
 * The audit log: who did what, when, on which record. Append-only (database triggers) and hash-chained:
 * each row's hash covers its content and the previous row's hash, so editing or deleting a row (after dropping
 * the trigger) breaks the chain at that row, which `gjj check` reports.
 * Personal data is masked before it is written: ID numbers keep region and last four, passwords never appear.
 */
import { createHash } from 'node:crypto';
import { maskIdNumber } from '../../shared/idcard';
import type { Operator, ServiceContext } from '../context';
import { nowIso } from '../context';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  operator: Pick<Operator, 'id' | 'login'>;
  action: string;
  recordType: string;
  recordId: string | number;
  detail?: unknown;
}

export interface AuditRow {
  id: number;
  at: string;
  operator_id: number | null;
  operator_login: string;
  action: string;
  record_type: string;
  record_id: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

export function rowHash(prev: string, r: Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>): string {
  return createHash('sha256')
    .update(JSON.stringify([prev, r.at, r.operator_id, r.operator_login, r.action, r.record_type, r.record_id, r.detail]))
    .digest('hex');
}

const SECRET_KEYS = new Set(['password', 'newPassword', 'adminPassword', 'token']);
const ID_KEYS = new Set(['idNumber', 'id_number', 'spouseIdNumber']);

/** Masks ID numbers and drops secrets anywhere in a detail object. */
export function maskDetail(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskDetail);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (SECRET_KEYS.has(k)) continue;
      out[k] = ID_KEYS.has(k) && typeof v === 'string' ? maskIdNumber(v) : maskDetail(v);
    }
    return out;
  }
  return value;
}

export function audit(ctx: ServiceContext, input: AuditInput): void {
  const db = ctx.db;
  db.tx(() => {
    const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
    const prev = last?.hash ?? GENESIS_HASH;
    const row = {
      at: nowIso(ctx),
      operator_id: input.operator.id || null,
      operator_login: input.operator.login,
      action: input.action,
      record_type: input.recordType,
      record_id: String(input.recordId),
      detail: JSON.stringify(maskDetail(input.detail ?? {})),
    };
    db.prepare(
      `INSERT INTO audit_log (at, operator_id, operator_login, action, record_type, record_id, detail, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(row.at, row.operator_id, row.operator_login, row.action, row.record_type, row.record_id, row.detail, prev, rowHash(prev, row));
  });
}

/** Walks the chain; returns the first broken row's description, or null when intact. */
export function verifyAuditChain(ctx: ServiceContext): string | null {
  let prev = GENESIS_HASH;
  let expectedId: number | null = null;
  for (const r of ctx.db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    if (expectedId !== null && r.id !== expectedId) return `审计日志缺少第${expectedId}条（已被删除）`;
    if (r.prev_hash !== prev) return `审计日志第${r.id}条的前序哈希不符（前一条被修改或删除）`;
    if (rowHash(prev, r) !== r.hash) return `审计日志第${r.id}条内容与哈希不符（已被修改）`;
    prev = r.hash;
    expectedId = r.id + 1;
  }
  return null;
}

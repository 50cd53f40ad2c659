/**
 * 预约: members book counter visits in the mobile app (its 预约记录) or at the counter. The clerk's home page lists
 * the branch's appointments for the day, checks people in and turns an appointment into an intake.
 * Imports take CSV (header 日期,时段,业务类型,姓名,证件号码,联系电话[,网点]) or a JSON array of
 * { date, slot, business, name, idNumber, phone, branchCode? }; bad rows are skipped and reported, not guessed.
 */
import type { AppointmentDto } from '../../shared/contract/dto';
import { isIsoDate } from '../../shared/dates';
import { badInput, conflict, notFound } from '../../shared/errors';
import { idNumberError, maskIdNumber } from '../../shared/idcard';
import { audit } from '../audit/log';
import type { Operator, ServiceContext } from '../context';
import { nowIso, today } from '../context';

export interface AppointmentInput {
  date: string;
  slot: string;
  business: string;
  name: string;
  idNumber: string;
  phone: string;
  branchCode?: string;
}

interface Row {
  id: number;
  branch_code: string;
  date: string;
  slot: string;
  business: string;
  name: string;
  id_number: string;
  phone: string;
  member_id: number | null;
  status: AppointmentDto['status'];
  source: string;
  application_id: number | null;
}

function toDto(r: Row): AppointmentDto {
  return {
    id: r.id,
    branchCode: r.branch_code,
    date: r.date,
    slot: r.slot,
    business: r.business,
    name: r.name,
    idNumberMasked: maskIdNumber(r.id_number),
    phone: r.phone,
    memberId: r.member_id,
    status: r.status,
    source: r.source,
    applicationId: r.application_id,
  };
}

export function getAppointment(ctx: ServiceContext, id: number): AppointmentDto {
  const r = ctx.db.prepare('SELECT * FROM appointments WHERE id = ?').get(id) as Row | undefined;
  if (!r) throw notFound(`预约不存在：${id}`);
  return toDto(r);
}

function problem(ctx: ServiceContext, a: AppointmentInput): [string, string] | null {
  if (!isIsoDate(a.date)) return ['date', '预约日期应为有效日期（YYYY-MM-DD）'];
  if (!a.slot.trim()) return ['slot', '请填写预约时段'];
  if (!a.business.trim()) return ['business', '请填写业务类型'];
  if (!a.name.trim()) return ['name', '请填写姓名'];
  const idErr = idNumberError(a.idNumber);
  if (idErr) return ['idNumber', `证件号码${idErr}`];
  if (!a.phone.trim()) return ['phone', '请填写联系电话'];
  if (a.branchCode && !ctx.center.branches.some((b) => b.code === a.branchCode)) return ['branchCode', `网点不存在：${a.branchCode}`];
  return null;
}

function insert(ctx: ServiceContext, by: Operator, a: AppointmentInput, source: string): number {
  const id = a.idNumber.trim().toUpperCase();
  const member = ctx.db.prepare('SELECT id FROM members WHERE id_number = ?').get(id) as { id: number } | undefined;
  const dup = ctx.db.prepare(`SELECT 1 FROM appointments WHERE id_number = ? AND date = ? AND slot = ? AND status <> '已取消'`).get(id, a.date, a.slot.trim());
  if (dup) throw conflict(`${a.name}在${a.date} ${a.slot}已有预约`, 'slot');
  return Number(
    ctx.db
      .prepare(
        `INSERT INTO appointments (branch_code, date, slot, business, name, id_number, phone, member_id, status, source, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, '已预约', ?, ?)`,
      )
      .run(a.branchCode || by.branchCode || ctx.center.branches[0]!.code, a.date, a.slot.trim(), a.business.trim(), a.name.trim(), id, a.phone.trim(), member?.id ?? null, source, nowIso(ctx)).lastInsertRowid,
  );
}

export function createAppointment(ctx: ServiceContext, by: Operator, a: AppointmentInput): AppointmentDto {
  const p = problem(ctx, a);
  if (p) throw badInput(p[0], p[1]);
  const id = insert(ctx, by, a, '柜台');
  audit(ctx, { operator: by, action: 'appointment.create', recordType: 'appointment', recordId: id, detail: { date: a.date, slot: a.slot, idNumber: a.idNumber } });
  return getAppointment(ctx, id);
}

const CSV_COLUMNS: Record<string, keyof AppointmentInput> = {
  日期: 'date', 预约日期: 'date', date: 'date',
  时段: 'slot', 预约时段: 'slot', slot: 'slot',
  业务类型: 'business', 业务: 'business', business: 'business',
  姓名: 'name', name: 'name',
  证件号码: 'idNumber', 身份证号: 'idNumber', idNumber: 'idNumber',
  联系电话: 'phone', 手机号: 'phone', phone: 'phone',
  网点: 'branchCode', branchCode: 'branchCode',
};

export function parseCsv(text: string): AppointmentInput[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return [];
  const header = lines[0]!.split(',').map((h) => CSV_COLUMNS[h.trim()]);
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    const row: Record<string, string> = {};
    header.forEach((key, i) => {
      if (key) row[key] = (cells[i] ?? '').trim();
    });
    return row as unknown as AppointmentInput;
  });
}

export function importAppointments(ctx: ServiceContext, by: Operator, format: 'csv' | 'json', content: string) {
  let rows: AppointmentInput[];
  try {
    rows = format === 'csv' ? parseCsv(content) : (JSON.parse(content) as AppointmentInput[]);
  } catch {
    throw badInput('content', '导入内容：不是有效的JSON');
  }
  if (!Array.isArray(rows)) throw badInput('content', '导入内容：JSON 应为预约记录的数组');
  const skipped: string[] = [];
  let imported = 0;
  rows.forEach((raw, i) => {
    const a: AppointmentInput = { date: String(raw.date ?? ''), slot: String(raw.slot ?? ''), business: String(raw.business ?? ''), name: String(raw.name ?? ''), idNumber: String(raw.idNumber ?? ''), phone: String(raw.phone ?? ''), ...(raw.branchCode ? { branchCode: String(raw.branchCode) } : {}) };
    const p = problem(ctx, a);
    if (p) return void skipped.push(`第${i + 1}条：${p[1]}`);
    try {
      insert(ctx, by, a, '导入');
      imported++;
    } catch (e) {
      skipped.push(`第${i + 1}条：${(e as Error).message}`);
    }
  });
  audit(ctx, { operator: by, action: 'appointment.import', recordType: 'appointment', recordId: format, detail: { imported, skipped: skipped.length } });
  return { imported, skipped };
}

export function listAppointments(ctx: ServiceContext, date: string | undefined, branchCode: string | undefined): AppointmentDto[] {
  const rows = ctx.db
    .prepare(`SELECT * FROM appointments WHERE date = ? AND (? IS NULL OR branch_code = ?) ORDER BY slot, id`)
    .all(date ?? today(ctx), branchCode ?? null, branchCode ?? null) as Row[];
  return rows.map(toDto);
}

export function setAppointmentStatus(ctx: ServiceContext, by: Operator, id: number, status: '已签到' | '已取消'): AppointmentDto {
  const a = getAppointment(ctx, id);
  const allowed = status === '已签到' ? ['已预约'] : ['已预约', '已签到'];
  if (!allowed.includes(a.status)) throw conflict(`预约当前为“${a.status}”，不能${status === '已签到' ? '签到' : '取消'}`);
  ctx.db.prepare(`UPDATE appointments SET status = ?, checked_in_at = CASE WHEN ? = '已签到' THEN ? ELSE checked_in_at END WHERE id = ?`).run(status, status, nowIso(ctx), id);
  audit(ctx, { operator: by, action: status === '已签到' ? 'appointment.checkin' : 'appointment.cancel', recordType: 'appointment', recordId: id });
  return getAppointment(ctx, id);
}

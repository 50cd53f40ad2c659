/**
 * A member's own 预约记录, as the mobile app lets the member query it (000_36fdd7b0a82989f4.txt 《宁夏住房公积金
 * 手机APP使用手册》: "宁夏住房公积金"APP可以进行…"预约记录"查询; 003 and 004 do not mention 预约): every
 * appointment booked for the member, newest first, whatever became of it. An appointment is the member's when it
 * was linked at booking (member_id) or carries the member's ID number (booked before the account was opened here).
 */
import type { AppointmentDto } from '../../shared/contract/dto';
import { notFound } from '../../shared/errors';
import type { ServiceContext } from '../context';
import { getAppointment } from './appointments';

/** The newest this many; the page says when there are more. */
export const MEMBER_HISTORY_LIMIT = 100;

export function memberAppointments(ctx: ServiceContext, memberId: number): AppointmentDto[] {
  const m = ctx.db.prepare('SELECT id_number FROM members WHERE id = ?').get(memberId) as { id_number: string } | undefined;
  if (!m) throw notFound(`职工不存在：${memberId}`);
  // A member served here from the center's register carries an opaque person reference ('@…'), never an ID number.
  const idNumber = m.id_number.startsWith('@') ? null : m.id_number;
  const rows = ctx.db
    .prepare(
      `SELECT id FROM appointments WHERE member_id = ? OR (? IS NOT NULL AND id_number = ?)
        ORDER BY date DESC, slot DESC, id DESC LIMIT ?`,
    )
    .all(memberId, idNumber, idNumber, MEMBER_HISTORY_LIMIT) as Array<{ id: number }>;
  return rows.map((r) => getAppointment(ctx, r.id));
}

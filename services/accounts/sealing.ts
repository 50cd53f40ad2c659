/**
 * 封存 / 启封 / 转出. A member who leaves an employer is sealed (封存: no remittance, balance kept and earning
 * interest); joining a new employer unseals the account under the new employer (启封); a sealed account can be
 * transferred out to another center (转出): interest to the day is credited and the whole balance paid to the
 * receiving center in one entry, and the account closes. Every change is an append-only member event.
 *
 * Dates that change money are bounded: a seal or unseal date is not in the future, not before the member's last
 * contribution (the booked date of the last remittance that credited them) nor before the previous member event
 * (or the opening date). A back-dated seal does not start the clock of "sealed for N months" (离职提取) early: the
 * engine's sealedSince is the later of the seal date and the day the seal was recorded.
 */
import { badInput, conflict } from '../../shared/errors';
import { checkContributionLimits } from '../../shared/contribution';
import { chinaDate, isIsoDate } from '../../shared/dates';
import { formatYuanGrouped } from '../../shared/money';
import type { Operator, ServiceContext } from '../context';
import { nowIso, today } from '../context';
import { audit } from '../audit/log';
import { accountIdByCode, memberAccountId } from '../ledger/accounts';
import { postEntry } from '../ledger/post';
import { closingLines } from './closing';
import { getEmployer } from './employers';
import { getMember, type MemberDetail } from './members';
import { assertEntryRespectsHolds } from '../conditions/holds';

function event(ctx: ServiceContext, by: Operator, memberId: number, action: '封存' | '启封' | '转出', date: string, detail: { fromEmployerId?: number; toEmployerId?: number; reason: string; entryId?: number }) {
  ctx.db
    .prepare('INSERT INTO member_events (member_id, at, date, action, from_employer_id, to_employer_id, reason, entry_id, operator_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(memberId, nowIso(ctx), date, action, detail.fromEmployerId ?? null, detail.toEmployerId ?? null, detail.reason, detail.entryId ?? null, by.id || null);
  audit(ctx, { operator: by, action: `member.${action}`, recordType: 'member', recordId: memberId, detail });
}

/**
 * Since when the member's account counts as sealed, when it is sealed now: the later of the seal date and the day
 * the seal was recorded, so a back-dated seal cannot make the member eligible for 离职提取 at once.
 */
export function sealedSince(ctx: ServiceContext, memberId: number): string | null {
  const r = ctx.db.prepare(`SELECT date, at FROM member_events WHERE member_id = ? AND action = '封存' ORDER BY id DESC LIMIT 1`).get(memberId) as { date: string; at: string } | undefined;
  const m = ctx.db.prepare('SELECT status FROM members WHERE id = ?').get(memberId) as { status: string } | undefined;
  if (m?.status !== '封存' || !r) return null;
  const recorded = chinaDate(new Date(r.at));
  return recorded > r.date ? recorded : r.date;
}

/**
 * The earliest date a seal or unseal may carry: the member's last contribution (booked date of the remittance),
 * the previous member event and the opening date, whichever is latest.
 */
function earliestEventDate(ctx: ServiceContext, memberId: number, openedDate: string): { date: string; why: string } {
  const contributed = ctx.db
    .prepare('SELECT MAX(e.booked_date) AS d FROM contributions c JOIN journal_entries e ON e.id = c.entry_id WHERE c.member_id = ?')
    .get(memberId) as { d: string | null };
  const event = ctx.db.prepare('SELECT date, action FROM member_events WHERE member_id = ? ORDER BY id DESC LIMIT 1').get(memberId) as { date: string; action: string } | undefined;
  let out = { date: openedDate, why: `开户日期${openedDate}` };
  if (contributed.d && contributed.d > out.date) out = { date: contributed.d, why: `最后一次缴存入账日期${contributed.d}` };
  if (event && event.date > out.date) out = { date: event.date, why: `上一次${event.action}日期${event.date}` };
  return out;
}

function checkEventDate(ctx: ServiceContext, memberId: number, openedDate: string, date: string, label: string): void {
  if (!isIsoDate(date)) throw badInput('date', `${label}应为有效日期（YYYY-MM-DD）`);
  if (date > today(ctx)) throw badInput('date', `${label}不能晚于今天（${today(ctx)}）`);
  const earliest = earliestEventDate(ctx, memberId, openedDate);
  if (date < earliest.date) throw badInput('date', `${label}不能早于${earliest.why}`);
}

export function sealMember(ctx: ServiceContext, by: Operator, memberId: number, args: { date?: string; reason: string }): MemberDetail {
  const m = getMember(ctx, memberId);
  if (m.status !== '正常') throw conflict(`职工${m.name}的账户为“${m.status}”，不能封存`);
  const date = args.date ?? today(ctx);
  checkEventDate(ctx, memberId, m.openedDate, date, '封存日期');
  ctx.db.prepare(`UPDATE members SET status = '封存' WHERE id = ?`).run(memberId);
  event(ctx, by, memberId, '封存', date, { fromEmployerId: m.employer.id, reason: args.reason });
  return getMember(ctx, memberId);
}

export function unsealMember(ctx: ServiceContext, by: Operator, memberId: number, args: { employerId: number; baseFen: number; date?: string }): MemberDetail {
  const m = getMember(ctx, memberId);
  if (m.status !== '封存') throw conflict(`职工${m.name}的账户为“${m.status}”，只有封存的账户可以启封`);
  const e = getEmployer(ctx, args.employerId);
  const date = args.date ?? today(ctx);
  checkEventDate(ctx, memberId, m.openedDate, date, '启封日期');
  const problem = checkContributionLimits(ctx.center, { baseFen: args.baseFen, employeeRatioPercent: e.employeeRatioPercent, employerRatioPercent: e.employerRatioPercent, district: e.district, date }).find((p) => p.field === 'baseFen');
  if (problem) throw badInput('baseFen', problem.message);
  ctx.db.prepare(`UPDATE members SET status = '正常', employer_id = ?, base_fen = ? WHERE id = ?`).run(e.id, args.baseFen, memberId);
  event(ctx, by, memberId, '启封', date, { fromEmployerId: m.employer.id, toEmployerId: e.id, reason: `新单位${e.name}继续缴存` });
  return getMember(ctx, memberId);
}

export function transferOut(ctx: ServiceContext, by: Operator, memberId: number, args: { toCenter: string; reason: string; idempotencyKey: string }) {
  const m = getMember(ctx, memberId);
  if (m.status !== '封存') throw conflict(`只有封存的账户可以转出；职工${m.name}的账户为“${m.status}”`);
  const unpaid = ctx.db.prepare(`SELECT contract_no FROM loans WHERE (member_id = ? OR spouse_member_id = ?) AND status = '还款中'`).get(memberId, memberId) as { contract_no: string } | undefined;
  if (unpaid) throw conflict(`职工有未结清的住房公积金贷款（${unpaid.contract_no}），不能转出`);
  const date = today(ctx);
  const acct = memberAccountId(ctx, memberId, 'basic')!;
  const { lines, interestFen: interest, totalFen: total } = closingLines(ctx, acct, date, '转出', `转出至${args.toCenter}`);
  if (total <= 0) throw conflict('账户余额为0，无需转出');
  lines.push({ accountId: accountIdByCode(ctx, '101'), side: 'C', amountFen: total, memo: `转出至${args.toCenter}` });
  const entry = postEntry(ctx, { idempotencyKey: args.idempotencyKey, businessType: '转出', summary: '转出', operator: by, lines, refType: 'member', refId: memberId });
  if (!entry.duplicate) {
    assertEntryRespectsHolds(ctx, entry.entryId, '转出');
    ctx.db.prepare(`UPDATE members SET status = '销户' WHERE id = ?`).run(memberId);
    event(ctx, by, memberId, '转出', date, { fromEmployerId: m.employer.id, reason: `${args.reason}；转入${args.toCenter}，${formatYuanGrouped(total)}元`, entryId: entry.entryId });
  }
  return { member: getMember(ctx, memberId), entryNo: entry.entryNo, interestFen: interest, totalFen: total };
}

export function memberEvents(ctx: ServiceContext, memberId: number) {
  return ctx.db
    .prepare(
      `SELECT ev.date, ev.action, ev.reason, fe.name AS from_employer, te.name AS to_employer, o.name AS operator
         FROM member_events ev LEFT JOIN employers fe ON fe.id = ev.from_employer_id LEFT JOIN employers te ON te.id = ev.to_employer_id
         LEFT JOIN operators o ON o.id = ev.operator_id WHERE ev.member_id = ? ORDER BY ev.id`,
    )
    .all(memberId) as Array<{ date: string; action: string; reason: string; from_employer: string | null; to_employer: string | null; operator: string | null }>;
}

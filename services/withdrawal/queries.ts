/** Applications as the screens and forms see them: the DTO, the lists, and the reviewers' and approvers' inbox. */
import type { InboxItem, SignOff, WithdrawalAppDto, WithdrawalState } from '../../shared/contract/dto';
import { maskIdNumber } from '../../shared/idcard';
import type { Role } from '../../shared/roles';
import type { ServiceContext } from '../context';
import { memberCard } from '../accounts/members';
import { loadApp, parseDecision, parseMaterials, parsePayee, type AppRow } from './store';
import { applicantBlock, applicationEvents, decisionDeadline, operatorNamer } from './dtoParts';

/** 住房公积金管理条例: a withdrawal is decided within 3 days of a complete application. */
export const DECISION_DAYS = 3;
const HOUR = 3_600_000;

function deadline(submittedAt: string | null, now: Date): WithdrawalAppDto['deadline'] {
  return decisionDeadline(submittedAt, now, DECISION_DAYS, 24);
}

export function withdrawalDto(ctx: ServiceContext, idOrRow: number | AppRow): WithdrawalAppDto {
  const row = typeof idOrRow === 'number' ? loadApp(ctx, idOrRow) : idOrRow;
  const name = operatorNamer(ctx);
  const sign = (id: number | null, at: string | null): SignOff | null => (id !== null && at ? { operatorId: id, name: name(id), at } : null);
  const m = memberCard(ctx, row.member_id);
  const sp = row.spouse_member_id !== null ? memberCard(ctx, row.spouse_member_id) : null;
  const decision = parseDecision(row);
  const seen = parseMaterials(row);
  const materials = (decision?.materials ?? []).map((x) => ({ id: x.id, text: x.text, seen: seen[x.id] === true }));
  const entryNo = (id: number | null) => (id === null ? null : (ctx.db.prepare('SELECT entry_no FROM journal_entries WHERE id = ?').get(id) as { entry_no: string }).entry_no);
  let interestFen: number | null = null;
  if (row.paid_entry_id !== null) {
    const r = ctx.db.prepare(`SELECT COALESCE(SUM(amount_fen), 0) AS i FROM postings WHERE entry_id = ? AND memo = '销户结息'`).get(row.paid_entry_id) as { i: number };
    interestFen = r.i;
  }
  const events = applicationEvents(ctx, row.id, name);
  const requested = events.find((e) => e.action === 'reversal_request');
  return {
    id: row.id,
    appNo: row.app_no,
    caseId: row.case_id,
    caseName: decision?.caseName ?? row.case_id,
    state: row.state as WithdrawalState,
    version: row.version,
    branchCode: row.branch_code,
    member: applicantBlock(m),
    spouse: sp ? { id: sp.id, name: sp.name, accountNo: sp.accountNo, idNumberMasked: sp.idNumberMasked, balanceFen: sp.balanceFen } : null,
    facts: JSON.parse(row.facts_json) as Record<string, unknown>,
    requestedFen: row.requested_fen,
    approvedFen: row.approved_fen,
    payee: parsePayee(row),
    materials,
    missingMaterials: materials.filter((x) => !x.seen).map((x) => x.text),
    decision,
    created: { operatorId: row.created_by, name: name(row.created_by), at: row.created_at },
    submitted: sign(row.submitted_by, row.submitted_at),
    reviewed: sign(row.reviewed_by, row.reviewed_at),
    approved: sign(row.approved_by, row.approved_at),
    paid: sign(row.paid_by, row.paid_at),
    paidEntryNo: entryNo(row.paid_entry_id),
    paidAmountFen: row.paid_entry_id !== null ? row.approved_fen : null,
    interestFen,
    reversal: row.reversal_reason
      ? {
          reason: row.reversal_reason,
          requested: requested ? sign(row.reversal_requested_by, requested.at) : null,
          reviewed: sign(row.reversal_reviewed_by, events.find((e) => e.action === 'reversal_review')?.at ?? null),
          entryNo: entryNo(row.reversal_entry_id),
        }
      : null,
    lastNote: row.last_note,
    events,
    deadline: ['待复核', '待审批'].includes(row.state) ? deadline(row.submitted_at, ctx.clock.now()) : null,
    appointmentId: row.appointment_id,
  };
}

const INBOX_STATES: Record<Role, WithdrawalState[]> = {
  clerk: ['草稿', '退回', '已审批', '冲正待复核'],
  reviewer: ['待复核', '冲正待复核'],
  approver: ['待审批', '冲正待审批'],
  admin: ['待复核', '待审批', '冲正待复核', '冲正待审批'],
};

/** Newest first, with how long each has waited and whether the 3-day limit is near. */
export function inbox(ctx: ServiceContext, role: Role, opts: { states?: WithdrawalState[]; memberId?: number; limit?: number } = {}): InboxItem[] {
  const states = opts.states ?? INBOX_STATES[role];
  const rows = ctx.db
    .prepare(
      `SELECT a.*, m.name AS member_name, m.account_no AS member_account_no FROM applications a JOIN members m ON m.id = a.member_id
        WHERE a.kind = 'withdrawal' AND a.state IN (SELECT value FROM json_each(?)) AND (? IS NULL OR a.member_id = ?)
        ORDER BY a.updated_at DESC, a.id DESC LIMIT ?`,
    )
    .all(JSON.stringify(states), opts.memberId ?? null, opts.memberId ?? null, opts.limit ?? 200) as Array<AppRow & { member_name: string; member_account_no: string }>;
  const now = ctx.clock.now();
  return rows.map((r) => {
    const d = parseDecision(r);
    const since = r.submitted_at ?? r.created_at;
    return {
      id: r.id,
      appNo: r.app_no,
      caseName: d?.caseName ?? r.case_id,
      state: r.state as WithdrawalState,
      memberName: r.member_name,
      memberAccountNo: r.member_account_no,
      amountFen: r.approved_fen ?? r.requested_fen ?? d?.maxAmountFen ?? null,
      submittedAt: r.submitted_at,
      updatedAt: r.updated_at,
      waitedHours: Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / HOUR)),
      deadlineStatus: ['待复核', '待审批'].includes(r.state) ? (deadline(r.submitted_at, now)?.status ?? null) : null,
      eligible: d?.eligible ?? null,
    };
  });
}

export { maskIdNumber };

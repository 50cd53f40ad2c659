/**
 * 汇缴 (monthly remittance) and 补缴 (back payment) for one employer and month.
 * One journal entry per remittance: Dr 101 住房公积金存款 (the employer's transfer into the fund's bank account),
 * Cr each member's 201 sub-ledger account with employee + employer share; supplementary shares likewise on 202.
 * The employee/employer split of every member is kept in `contributions`, which also answers "months of
 * continuous contribution" for the loan and withdrawal rules.
 */
import { checkContributionLimits, lowerBaseFen } from '../../shared/contribution';
import { limitsOn } from '../../shared/centers';
import { percentOfFen } from '../../shared/money';
import { addMonthsToMonth, monthOf } from '../../shared/dates';
import { badInput, conflict, AppError } from '../../shared/errors';
import { formatYuan } from '../../shared/money';
import { audit } from '../audit/log';
import type { Operator, ServiceContext } from '../context';
import { nowIso, today } from '../context';
import { getEmployer, type EmployerDto } from '../accounts/employers';
import { accountIdByCode, openMemberAccounts } from '../ledger/accounts';
import { postEntry, type PostingLine } from '../ledger/post';
import { insertRows } from '../../db/bulk';
import type { RemittanceLine, RemittancePreview, RemittanceResult } from '../../shared/contract/dto';
export type { RemittanceLine, RemittancePreview, RemittanceResult };


import type { RemittanceKind } from '../../shared/contract/dto';
import type { BatchReport } from '../batch/report';
export type { RemittanceKind };




interface Candidate {
  id: number;
  account_no: string;
  name: string;
  base_fen: number;
  basic_account_id: number;
  supp_account_id: number | null;
}

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

function validateMonth(ctx: ServiceContext, month: string, kind: RemittanceKind): void {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw badInput('month', '缴存月份格式应为YYYY-MM');
  const current = monthOf(today(ctx));
  if (month > current) throw badInput('month', `缴存月份${month}晚于本月${current}，不能预缴`);
  if (kind === '补缴' && month >= current) throw badInput('month', `补缴只适用于本月（${current}）以前的月份`);
}

function candidates(ctx: ServiceContext, employer: EmployerDto, month: string, memberIds?: number[]): Candidate[] {
  // Active members opened by the month's end who have no (unreversed) basic contribution for that month yet.
  const rows = ctx.db
    .prepare(
      `SELECT m.id, m.account_no, m.name, m.base_fen,
              (SELECT a.id FROM accounts a WHERE a.member_id = m.id AND a.parent_code = '201') AS basic_account_id,
              (SELECT a.id FROM accounts a WHERE a.member_id = m.id AND a.parent_code = '202') AS supp_account_id
         FROM members m
        WHERE m.employer_id = ? AND m.status = '正常' AND m.opened_date <= ?
          AND NOT EXISTS (SELECT 1 FROM contributions c WHERE c.member_id = m.id AND c.month = ? AND c.fund = 'basic'
                            AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses_entry_id = c.entry_id))
        ORDER BY m.id`,
    )
    .all(employer.id, lastDay(month), month) as Candidate[];
  if (!memberIds) return rows;
  const wanted = new Set(memberIds);
  const found = rows.filter((r) => wanted.has(r.id));
  if (found.length !== wanted.size) {
    const missing = [...wanted].filter((id) => !found.some((f) => f.id === id));
    const who = missing.map((id) => {
      const m = ctx.db.prepare('SELECT name, account_no FROM members WHERE id = ?').get(id) as { name: string; account_no: string } | undefined;
      return m ? `${m.name}（${m.account_no}）` : `编号${id}（不存在）`;
    });
    throw badInput('memberIds', `以下职工不在本单位、已封存或该月已缴存，不能补缴：${who.join('、')}`);
  }
  return found;
}

/** The month's 汇缴 of an employer, when posted and not reversed: its entry number and booking day. */
export function remittedMonth(ctx: ServiceContext, employerId: number, month: string): { entryNo: string; bookedOn: string } | null {
  const done = ctx.db
    .prepare(
      `SELECT r.created_at, e.entry_no FROM remittances r JOIN journal_entries e ON e.id = r.entry_id
        WHERE r.employer_id = ? AND r.month = ? AND r.kind = '汇缴'
          AND NOT EXISTS (SELECT 1 FROM journal_entries x WHERE x.reverses_entry_id = r.entry_id)`,
    )
    .get(employerId, month) as { created_at: string; entry_no: string } | undefined;
  return done ? { entryNo: done.entry_no, bookedOn: done.created_at.slice(0, 10) } : null;
}

function refuseRemitted(ctx: ServiceContext, employerId: number, month: string): void {
  const done = remittedMonth(ctx, employerId, month);
  if (done) {
    throw conflict(`该单位${month}的汇缴已于${done.bookedOn}入账（凭证号${done.entryNo}），同一月份不能重复汇缴；漏缴职工请办理补缴`, 'month');
  }
}

export function previewRemittance(
  ctx: ServiceContext,
  args: { employerId: number; month: string; kind?: RemittanceKind; memberIds?: number[] },
): RemittancePreview {
  const kind = args.kind ?? '汇缴';
  validateMonth(ctx, args.month, kind);
  // A month already posted says so (with its voucher), rather than "no member to remit".
  if (kind === '汇缴') refuseRemitted(ctx, args.employerId, args.month);
  const employer = getEmployer(ctx, args.employerId);
  if (employer.remoteCustody) throw badInput('employerId', `${employer.name}不是缴存单位，不能汇缴或补缴`);
  const hasSupp = employer.suppEmployeeRatioPercent !== null && employer.suppEmployerRatioPercent !== null;
  const problems: string[] = [];
  const lines: RemittanceLine[] = [];
  const accountIds = new Map<number, [number, number | null]>();
  // One employer: the ratios are checked once and each member's base against the bounds of the month.
  const limitDate = `${args.month}-01`;
  const ratioProblem = checkContributionLimits(ctx.center, {
    baseFen: lowerBaseFen(limitsOn(ctx.center, limitDate), employer.district),
    employeeRatioPercent: employer.employeeRatioPercent,
    employerRatioPercent: employer.employerRatioPercent,
    district: employer.district,
    date: limitDate,
  })[0];
  if (ratioProblem) problems.push(`单位缴存比例：${ratioProblem.message}`);
  const limits = limitsOn(ctx.center, limitDate);
  const lower = lowerBaseFen(limits, employer.district);
  const unit = ctx.center.contributionRounding;
  const picked = candidates(ctx, employer, args.month, args.memberIds);
  for (const m of picked) {
    if (m.base_fen < lower || m.base_fen > limits.baseUpperFen) {
      const v = checkContributionLimits(ctx.center, { baseFen: m.base_fen, employeeRatioPercent: employer.employeeRatioPercent, employerRatioPercent: employer.employerRatioPercent, district: employer.district, date: limitDate })[0];
      problems.push(`${m.name}（${m.account_no}）：${v?.message ?? '缴存基数超出规定'}`);
    }
    lines.push({
      memberId: m.id,
      accountNo: m.account_no,
      name: m.name,
      baseFen: m.base_fen,
      employeeFen: percentOfFen(m.base_fen, employer.employeeRatioPercent, unit),
      employerFen: percentOfFen(m.base_fen, employer.employerRatioPercent, unit),
      suppEmployeeFen: hasSupp ? percentOfFen(m.base_fen, employer.suppEmployeeRatioPercent!, unit) : 0,
      suppEmployerFen: hasSupp ? percentOfFen(m.base_fen, employer.suppEmployerRatioPercent!, unit) : 0,
    });
    accountIds.set(m.id, [m.basic_account_id, m.supp_account_id]);
  }
  let employeeTotalFen = 0;
  let employerTotalFen = 0;
  let suppTotalFen = 0;
  for (const l of lines) {
    employeeTotalFen += l.employeeFen;
    employerTotalFen += l.employerFen;
    suppTotalFen += l.suppEmployeeFen + l.suppEmployerFen;
  }
  const preview: RemittancePreview = {
    employer: { id: employer.id, accountNo: employer.accountNo, name: employer.name },
    month: args.month,
    kind,
    lines,
    memberCount: lines.length,
    employeeTotalFen,
    employerTotalFen,
    suppTotalFen,
    totalFen: employeeTotalFen + employerTotalFen + suppTotalFen,
    problems,
  };
  previewAccounts.set(preview, accountIds);
  return preview;
}

/** Member account ids found while previewing, so posting does not look them up again. */
const previewAccounts = new WeakMap<RemittancePreview, Map<number, [number, number | null]>>();

/** The steps of a 汇缴 as the page shows them while a large one runs. */
export const REMIT_STEPS = ['核对职工与缴存基数', '开立补充公积金账户', '记账', '写入缴存明细'] as const;

export function postRemittance(
  ctx: ServiceContext,
  by: Operator,
  args: { employerId: number; month: string; kind?: RemittanceKind; memberIds?: number[]; idempotencyKey: string },
  report: BatchReport = () => undefined,
): RemittanceResult {
  const kind = args.kind ?? '汇缴';
  const db = ctx.db;
  // A large employer's 汇缴 runs in the batch worker (services/batch/jobs.ts); the page shows these steps.
  const steps = REMIT_STEPS.length;
  return db.tx(() => {
    report(REMIT_STEPS[0], 0, steps);
    const replay = db.prepare(
      `SELECT r.id FROM remittances r JOIN journal_entries e ON e.id = r.entry_id WHERE e.idempotency_key = ?`,
    ).get(args.idempotencyKey) as { id: number } | undefined;
    if (replay) return getRemittance(ctx, replay.id);
    if (kind === '汇缴') refuseRemitted(ctx, args.employerId, args.month);
    const p = previewRemittance(ctx, args);
    if (p.lines.length === 0) throw badInput('month', `${p.employer.name}在${args.month}没有需要缴存的职工`);
    if (p.problems.length > 0) throw new AppError('RULE', `有${p.problems.length}名职工的缴存基数超出规定，请先调整：${p.problems[0]}`, 'month');

    const ids = previewAccounts.get(p)!;
    report(REMIT_STEPS[1], 1, steps);
    const lines: PostingLine[] = [{ accountId: accountIdByCode(ctx, '101'), side: 'D', amountFen: p.totalFen }];
    // Supplementary accounts this month opens: one statement for all of them.
    const opened = openMemberAccounts(
      ctx,
      p.lines.filter((l) => l.suppEmployeeFen + l.suppEmployerFen > 0 && ids.get(l.memberId)![1] === null).map((l) => [l.memberId, l.accountNo] as const),
      'supplementary',
    );
    for (const l of p.lines) {
      const [basicId, suppAccountId] = ids.get(l.memberId)!;
      lines.push({ accountId: basicId, side: 'C', amountFen: l.employeeFen + l.employerFen });
      const supp = l.suppEmployeeFen + l.suppEmployerFen;
      if (supp > 0) lines.push({ accountId: suppAccountId ?? opened.get(l.memberId)!, side: 'C', amountFen: supp });
    }
    const remittanceId = (db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS n FROM remittances').get() as { n: number }).n;
    report(REMIT_STEPS[2], 2, steps);
    const entry = postEntry(ctx, {
      idempotencyKey: args.idempotencyKey,
      businessType: kind,
      summary: kind,
      operator: by,
      lines,
      refType: 'remittance',
      refId: remittanceId,
    });
    db.prepare(
      `INSERT INTO remittances (id, employer_id, month, kind, entry_id, member_count, employee_total_fen, employer_total_fen, supp_total_fen, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(remittanceId, p.employer.id, p.month, kind, entry.entryId, p.memberCount, p.employeeTotalFen, p.employerTotalFen, p.suppTotalFen, nowIso(ctx));
    report(REMIT_STEPS[3], 3, steps);
    const rows: Array<[number, string, string, number, number, number, number, number]> = [];
    for (const l of p.lines) {
      rows.push([l.memberId, p.month, 'basic', l.baseFen, l.employeeFen, l.employerFen, remittanceId, entry.entryId]);
      if (l.suppEmployeeFen + l.suppEmployerFen > 0) {
        rows.push([l.memberId, p.month, 'supplementary', l.baseFen, l.suppEmployeeFen, l.suppEmployerFen, remittanceId, entry.entryId]);
      }
    }
    insertRows(db.sqlite, 'contributions', ['member_id', 'month', 'fund', 'base_fen', 'employee_fen', 'employer_fen', 'remittance_id', 'entry_id'], rows);
    audit(ctx, {
      operator: by,
      action: kind === '汇缴' ? 'remittance.post' : 'remittance.backpay',
      recordType: 'remittance',
      recordId: remittanceId,
      detail: { employerId: p.employer.id, month: p.month, members: p.memberCount, total: formatYuan(p.totalFen), entryNo: entry.entryNo },
    });
    return getRemittance(ctx, remittanceId);
  });
}

export function getRemittance(ctx: ServiceContext, id: number): RemittanceResult {
  const r = ctx.db
    .prepare(
      `SELECT r.*, e.entry_no, em.account_no AS employer_account_no, em.name AS employer_name
         FROM remittances r JOIN journal_entries e ON e.id = r.entry_id JOIN employers em ON em.id = r.employer_id WHERE r.id = ?`,
    )
    .get(id) as {
    id: number;
    employer_id: number;
    month: string;
    kind: RemittanceKind;
    entry_id: number;
    entry_no: string;
    member_count: number;
    employee_total_fen: number;
    employer_total_fen: number;
    supp_total_fen: number;
    employer_account_no: string;
    employer_name: string;
  };
  return {
    remittanceId: r.id,
    entryId: r.entry_id,
    entryNo: r.entry_no,
    employer: { id: r.employer_id, accountNo: r.employer_account_no, name: r.employer_name },
    month: r.month,
    kind: r.kind,
    memberCount: r.member_count,
    employeeTotalFen: r.employee_total_fen,
    employerTotalFen: r.employer_total_fen,
    suppTotalFen: r.supp_total_fen,
    totalFen: r.employee_total_fen + r.employer_total_fen + r.supp_total_fen,
  };
}

export function listRemittances(ctx: ServiceContext, employerId: number) {
  const rows = ctx.db
    .prepare(
      `SELECT r.id, (SELECT x.entry_no FROM journal_entries x WHERE x.reverses_entry_id = r.entry_id) AS reversed_by
         FROM remittances r WHERE r.employer_id = ? ORDER BY r.month DESC, r.id DESC LIMIT 60`,
    )
    .all(employerId) as Array<{ id: number; reversed_by: string | null }>;
  return rows.map((r) => ({ ...getRemittance(ctx, r.id), reversedBy: r.reversed_by }));
}

/** The next month an employer has not remitted yet (what the employer page proposes). */
/**
 * The month the employer's next 汇缴 is for, or null when this month's is already posted (the page then shows the
 * posted month and its voucher instead of a month still 待汇缴).
 */
export function nextRemittanceMonth(ctx: ServiceContext, employerId: number): string | null {
  const row = ctx.db
    .prepare(`SELECT MAX(month) AS m FROM remittances WHERE employer_id = ? AND kind = '汇缴'`)
    .get(employerId) as { m: string | null };
  const current = monthOf(today(ctx));
  if (!row.m) return current;
  const next = addMonthsToMonth(row.m, 1);
  if (next <= current) return next;
  return remittedMonth(ctx, employerId, current) ? null : current;
}

/**
 * `gjj sync apply`: a center batch (services/branch/downBatch.ts) applied at this branch, in center order and
 * exactly once, in ONE transaction (so the integrity layer logs and seals every row it writes): rate rows, 罚息
 * settings and policy overrides through the same service functions an administrator uses (they keep their effective
 * dates; created_by 'center'), notices, the member register (employers and members opened at other branches, with
 * their owning branch), and ownership transfers. Each change is recorded in `center_applied`, which travels up in
 * the next batch as the acknowledgement. Refused with nothing applied: a bad signature, another center or branch,
 * a gap, a change that cannot be applied.
 */
import { AppError } from '../../shared/errors';
import type { DepositRateRow } from '../../shared/rates/depositRates';
import type { LoanRateRow } from '../../shared/rates/loanRates';
import type { PenaltySetting } from '../../shared/rates/penaltyRates';
import { audit } from '../audit/log';
import { nowIso, SYSTEM_OPERATOR, type Operator, type ServiceContext } from '../context';
import { accountIdByCode, memberAccountId, openMemberAccount } from '../ledger/accounts';
import { MEMBER_FUNDS, type Fund } from '../ledger/chart';
import { postEntry } from '../ledger/post';
import { insertOperator } from '../auth/operators';
import type { Role } from '../../shared/roles';
import { postNotice } from '../notices/notices';
import { addOverride } from '../policy/decide';
import { addDepositRate, addLoanRate, addPenaltySetting } from '../policy/tables';
import { verifyDownBatch, type CenterChange } from './downBatch';
import { networkOf } from './join';

/** Rows the center sent: created_by 'center'; the audit rows name the system operator. */
export const CENTER_OPERATOR: Operator = { ...SYSTEM_OPERATOR, login: 'center', name: '中心下发' };

export interface ApplyResult {
  applied: boolean;
  message: string;
  fromSeq: number;
  toSeq: number;
  changes: number;
  notes: string[];
  held: string | null;
}

export function lastAppliedSeq(ctx: ServiceContext): number {
  return (ctx.db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM center_applied').get() as { n: number }).n;
}

function centerKey(ctx: ServiceContext): string {
  const r = ctx.db.prepare(`SELECT value FROM meta WHERE key = 'network_center_key'`).get() as { value: string } | undefined;
  if (!r) throw new AppError('NOT_FOUND', '本数据目录没有中心公钥：请先运行 gjj sync join');
  return r.value;
}

/** A dated row the branch may already hold for the same date (local, or seeded): same values = nothing to do. */
function datedClash(ctx: ServiceContext, table: string, where: string, args: unknown[], same: Record<string, unknown>): string | null {
  const row = ctx.db.prepare(`SELECT * FROM ${table} WHERE ${where}`).get(...args) as Record<string, unknown> | undefined;
  if (!row) return null;
  const differs = Object.entries(same).some(([k, v]) => String(row[k] ?? '') !== String(v ?? ''));
  return differs ? `本网点${table}已有同一生效日期的行（${String(row.created_by)}录入，与中心不同），保留本网点的行` : '本网点已有相同的行';
}

function applyOne(ctx: ServiceContext, host: string, c: CenterChange): string | { note: string; moves?: Move[] } {
  const p = c.payload as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  switch (c.kind) {
    case 'loan_rate': {
      const clash = datedClash(ctx, 'loan_rates', 'effective_from = ?', [p.effectiveFrom], { first_up_to_5y: p.firstUpTo5y, first_over_5y: p.firstOver5y, second_up_to_5y: p.secondUpTo5y, second_over_5y: p.secondOver5y });
      if (clash) return clash;
      addLoanRate(ctx, CENTER_OPERATOR, p as LoanRateRow);
      return `贷款利率 ${String(p.effectiveFrom)} 起`;
    }
    case 'deposit_rate': {
      const clash = datedClash(ctx, 'deposit_rates', 'effective_from = ?', [p.effectiveFrom], { annual_rate_percent: p.annualRatePercent });
      if (clash) return clash;
      addDepositRate(ctx, CENTER_OPERATOR, p as DepositRateRow);
      return `存款利率 ${String(p.effectiveFrom)} 起`;
    }
    case 'penalty': {
      const clash = datedClash(ctx, 'penalty_settings', 'effective_from = ?', [p.effectiveFrom], { multiplier: p.multiplier, day_basis: p.dayBasis });
      if (clash) return clash;
      addPenaltySetting(ctx, CENTER_OPERATOR, p as PenaltySetting);
      return `罚息设置 ${String(p.effectiveFrom)} 起`;
    }
    case 'override': {
      const clash = datedClash(ctx, 'policy_overrides', 'param_id = ? AND effective_from = ?', [p.paramId, p.effectiveFrom], { value_json: JSON.stringify(p.value) });
      if (clash) return clash;
      addOverride(ctx, CENTER_OPERATOR, { paramId: p.paramId, effectiveFrom: p.effectiveFrom, value: p.value, note: p.note });
      return `政策参数 ${String(p.paramId)} ${String(p.effectiveFrom)} 起`;
    }
    case 'notice':
      postNotice(ctx, CENTER_OPERATOR, { kind: p.kind, title: p.title, body: p.body });
      return `${String(p.kind)}：${String(p.title)}`;
    case 'operator':
      return applyOperator(ctx, host, c);
    case 'employer':
      return applyEmployer(ctx, host, c);
    case 'member':
      return applyMember(ctx, host, c);
    case 'transfer':
      return applyTransfer(ctx, host, c);
    default:
      throw new AppError('BAD_INPUT', `中心第${c.seq}号变更的类别${String(c.kind)}本程序不认识：请先升级本网点的程序，未应用`);
  }
}

/**
 * A login the center manages: created without a usable password (the branch administrator sets one with the
 * password reset, which forces a change at first login); name, role and active follow the center afterwards.
 * The person is named by 工号 (`@staff:工号` stands where a local login has the ID number). A local login of another
 * person under the same name is left alone and the clash noted.
 */
function applyOperator(ctx: ServiceContext, host: string, c: CenterChange): string {
  const p = c.payload as { login: string; name: string; role: Role; staffNo: string; active: boolean };
  const have = ctx.db.prepare('SELECT id, staff_no FROM operators WHERE login = ?').get(p.login) as { id: number; staff_no: string | null } | undefined;
  if (have && have.staff_no !== p.staffNo) return `本网点已有登录名${p.login}（工号${have.staff_no ?? '无'}，另一人），未写入`;
  if (!have) {
    insertOperator(ctx, SYSTEM_OPERATOR, { login: p.login, name: p.name, role: p.role, branchCode: host, staffNo: p.staffNo, idNumber: `@staff:${p.staffNo}` }, '!', { fromCenter: c.seq });
    if (!p.active) ctx.db.prepare('UPDATE operators SET active = 0, disabled_at = ? WHERE login = ?').run(nowIso(ctx), p.login);
    return `操作员${p.name}（${p.login}，工号${p.staffNo}）：待本网点管理员设置初始密码`;
  }
  ctx.db.prepare('UPDATE operators SET name = ?, role = ?, active = ?, disabled_at = CASE WHEN ? THEN NULL ELSE COALESCE(disabled_at, ?) END WHERE id = ?').run(p.name, p.role, p.active ? 1 : 0, p.active ? 1 : 0, nowIso(ctx), have.id);
  audit(ctx, { operator: SYSTEM_OPERATOR, action: 'center.operator', recordType: 'operator', recordId: have.id, detail: { seq: c.seq, login: p.login, role: p.role, active: p.active } });
  return `操作员${p.name}（${p.login}）：${p.active ? p.role : '停用'}`;
}

type Move = [accountNo: string, fund: Fund, fen: number];

/**
 * An ownership transfer (docs/branch-network.md §7). At the old owner: the members' balances held here move out to
 * 219 其他应付款 (one entry, posted while this branch still owns them), then the owner changes: from now on this
 * branch refuses their debits. The moved amounts go into center_applied.moves (the acknowledgement). At the new
 * owner: the owner changes and the same amounts move in from 219, so the members' money is spendable there and
 * 219 nets to zero across the two branches. Elsewhere: only the owner changes.
 */
function applyTransfer(ctx: ServiceContext, host: string, c: CenterChange): { note: string; moves?: Move[] } {
  const p = c.payload as { employerAccountNo: string; name: string; from: string; to: string; moves?: Move[] };
  const employer = ctx.db.prepare('SELECT id FROM employers WHERE account_no = ?').get(p.employerAccountNo) as { id: number } | undefined;
  if (!employer) throw new AppError('CONFLICT', `中心第${c.seq}号变更转移单位${p.employerAccountNo}的归属，但本网点没有该单位（缺少中心的单位名册），未应用`);
  const what = `单位${p.name}（${p.employerAccountNo}）的账户归属：${p.from} → ${p.to}`;
  const clearing = () => accountIdByCode(ctx, '219');
  const op = { ...SYSTEM_OPERATOR, branchCode: host };
  let moves: Move[] | undefined;
  if (p.from === host) {
    const held = ctx.db
      .prepare(
        `SELECT a.id, m.account_no, a.parent_code, a.credits_fen - a.debits_fen AS bal FROM members m JOIN accounts a ON a.member_id = m.id
          WHERE m.employer_id = ? AND a.credits_fen - a.debits_fen > 0 ORDER BY m.id, a.parent_code`,
      )
      .all(employer.id) as Array<{ id: number; account_no: string; parent_code: string; bal: number }>;
    moves = held.map((h) => [h.account_no, h.parent_code === MEMBER_FUNDS.basic ? 'basic' : 'supplementary', h.bal]);
    if (held.length) {
      const total = held.reduce((n, h) => n + h.bal, 0);
      postEntry(ctx, {
        idempotencyKey: `center-transfer-out:${c.seq}`,
        businessType: '归属转移转出',
        summary: `单位${p.name}职工账户归属转移至${p.to}（中心第${c.seq}号变更）`,
        operator: op,
        lines: [...held.map((h) => ({ accountId: h.id, side: 'D' as const, amountFen: h.bal })), { accountId: clearing(), side: 'C' as const, amountFen: total }],
      });
    }
  }
  ctx.db.prepare('UPDATE employers SET branch_code = ? WHERE id = ?').run(p.to, employer.id);
  if (p.to === host && p.moves?.length) {
    const lines = p.moves.map(([accountNo, fund, fen]) => {
      const m = ctx.db.prepare('SELECT id FROM members WHERE account_no = ?').get(accountNo) as { id: number } | undefined;
      if (!m) throw new AppError('CONFLICT', `中心第${c.seq}号变更转入职工${accountNo}的余额，但本网点没有该职工（缺少中心的职工名册），未应用`);
      const accountId = memberAccountId(ctx, m.id, fund) ?? openMemberAccount(ctx, m.id, accountNo, fund);
      return { accountId, side: 'C' as const, amountFen: fen };
    });
    const total = lines.reduce((n, l) => n + l.amountFen, 0);
    postEntry(ctx, {
      idempotencyKey: `center-transfer-in:${c.seq}`,
      businessType: '归属转移转入',
      summary: `单位${p.name}职工账户归属自${p.from}转入（中心第${c.seq}号变更）`,
      operator: op,
      lines: [{ accountId: clearing(), side: 'D', amountFen: total }, ...lines],
    });
  }
  audit(ctx, { operator: SYSTEM_OPERATOR, action: 'center.transfer', recordType: 'employer', recordId: p.employerAccountNo, detail: { seq: c.seq, from: p.from, to: p.to, moved: (moves ?? p.moves ?? []).length } });
  const moved = (moves ?? (p.to === host ? p.moves : undefined) ?? []).reduce((n, m) => n + m[2], 0);
  return { note: moved ? `${what}（${p.from === host ? '转出' : '转入'}余额${moved}分）` : what, ...(moves ? { moves } : {}) };
}

const EMPLOYER_COLUMNS = ['name', 'uscc', 'uscc_confirmed', 'district', 'employee_ratio', 'employer_ratio', 'supp_employee_ratio', 'supp_employer_ratio', 'contact_name', 'contact_phone', 'address', 'opened_date', 'status', 'custody', 'remote_custody'];
const MEMBER_COLUMNS = ['name', 'birth_date', 'sex', 'phone', 'base_fen', 'status', 'opened_date'];

function applyEmployer(ctx: ServiceContext, host: string, c: CenterChange): string {
  const p = c.payload;
  if (c.origin === host) return '本网点登记的单位';
  const have = ctx.db.prepare('SELECT id, uscc, name FROM employers WHERE account_no = ?').get(p.accountNo) as { id: number; uscc: string; name: string } | undefined;
  if (have && have.uscc !== p.uscc) {
    throw new AppError('CONFLICT', `单位账号${String(p.accountNo)}在本网点已是另一单位（${have.name}）的账号：两个网点在加入中心前发出了相同的账号，须先改号`);
  }
  // custody (018_custody_accounts) is absent from the register rows of a branch that has not migrated yet: not a custody account.
  // remote_custody (019_remote_borrowers) likewise: absent means a real employer.
  const values = EMPLOYER_COLUMNS.map((k) => p[k] ?? (k === 'custody' || k === 'remote_custody' ? 0 : null));
  if (have) {
    // The owner changes only by a 'transfer' change, never by a register update.
    ctx.db.prepare(`UPDATE employers SET ${EMPLOYER_COLUMNS.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`).run(...values, have.id);
  } else {
    const id = (ctx.db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS n FROM employers').get() as { n: number }).n;
    ctx.db
      .prepare(`INSERT INTO employers (id, account_no, ${EMPLOYER_COLUMNS.join(', ')}, created_at, branch_code) VALUES (?, ?, ${EMPLOYER_COLUMNS.map(() => '?').join(', ')}, ?, ?)`)
      .run(id, p.accountNo, ...values, nowIso(ctx), p.owner);
  }
  audit(ctx, { operator: SYSTEM_OPERATOR, action: 'center.register.employer', recordType: 'employer', recordId: String(p.accountNo), detail: { seq: c.seq, origin: c.origin, owner: p.owner } });
  return `单位${String(p.name)}（${String(p.accountNo)}，归属${String(p.owner)}）`;
}

function applyMember(ctx: ServiceContext, host: string, c: CenterChange): string {
  const p = c.payload;
  if (c.origin === host) return '本网点开户的职工';
  const employer = ctx.db.prepare('SELECT id, supp_employee_ratio FROM employers WHERE account_no = ?').get(p.employerAccountNo) as { id: number; supp_employee_ratio: string | null } | undefined;
  if (!employer) throw new AppError('CONFLICT', `中心第${c.seq}号变更的职工${String(p.accountNo)}所在单位${String(p.employerAccountNo)}不在本网点的名册中，未应用`);
  const have = ctx.db.prepare('SELECT id, id_number, name FROM members WHERE account_no = ?').get(p.accountNo) as { id: number; id_number: string; name: string } | undefined;
  if (have && have.id_number !== `@${String(p.personRef)}`) {
    throw new AppError('CONFLICT', `个人账号${String(p.accountNo)}在本网点已是另一职工（${have.name}）的账号：两个网点在加入中心前发出了相同的账号，须先改号`);
  }
  const values = MEMBER_COLUMNS.map((k) => p[k] ?? null);
  if (have) {
    ctx.db.prepare(`UPDATE members SET ${MEMBER_COLUMNS.map((k) => `${k} = ?`).join(', ')}, employer_id = ? WHERE id = ?`).run(...values, employer.id, have.id);
  } else {
    const id = (ctx.db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS n FROM members').get() as { n: number }).n;
    // The full ID number stays at the branch that opened the account: here an opaque person reference stands in.
    ctx.db
      .prepare(`INSERT INTO members (id, account_no, id_number, employer_id, ${MEMBER_COLUMNS.join(', ')}, created_at) VALUES (?, ?, ?, ?, ${MEMBER_COLUMNS.map(() => '?').join(', ')}, ?)`)
      .run(id, p.accountNo, `@${String(p.personRef)}`, employer.id, ...values, nowIso(ctx));
    openMemberAccount(ctx, id, String(p.accountNo), 'basic');
    if (employer.supp_employee_ratio !== null) openMemberAccount(ctx, id, String(p.accountNo), 'supplementary');
  }
  audit(ctx, { operator: SYSTEM_OPERATOR, action: 'center.register.member', recordType: 'member', recordId: String(p.accountNo), detail: { seq: c.seq, origin: c.origin } });
  return `职工${String(p.name)}（${String(p.accountNo)}）`;
}

export function applyCenterBatch(ctx: ServiceContext, content: string): ApplyResult {
  const net = networkOf(ctx);
  const b = verifyDownBatch(content, { centerKey: centerKey(ctx), centerId: net.centerId, branch: net.branch });
  const base = { fromSeq: b.fromSeq, toSeq: b.toSeq, held: b.held ?? null };
  return ctx.db.tx(() => {
    const last = lastAppliedSeq(ctx);
    if (b.fromSeq > last + 1) {
      throw new AppError('CONFLICT', `缺少中心第${last + 1}至${b.fromSeq - 1}号变更，本文件从第${b.fromSeq}号开始：请中心用 gjj center outbox --from ${last} 重新导出，未应用`);
    }
    if (b.toSeq <= last) return { ...base, applied: false, message: `没有新内容：中心第${b.fromSeq}至${b.toSeq}号变更已应用过`, changes: 0, notes: [] };
    const todo = b.changes.filter((c) => c.seq > last);
    const put = ctx.db.prepare('INSERT INTO center_applied (seq, kind, applied_at, detail, moves) VALUES (?, ?, ?, ?, ?)');
    const notes: string[] = [];
    for (const c of todo) {
      let done: ReturnType<typeof applyOne>;
      try {
        done = applyOne(ctx, net.branch, c);
      } catch (err) {
        if (err instanceof AppError) throw new AppError(err.code, `中心第${c.seq}号变更无法应用：${err.message}；整个文件未应用`, err.field);
        throw err;
      }
      const note = typeof done === 'string' ? done : done.note;
      put.run(c.seq, c.kind, nowIso(ctx), note, typeof done !== 'string' && done.moves ? JSON.stringify(done.moves) : null);
      notes.push(`${c.seq}：${note}`);
    }
    audit(ctx, { operator: SYSTEM_OPERATOR, action: 'center.apply', recordType: 'center_batch', recordId: `${todo[0]!.seq}-${b.toSeq}`, detail: { centerId: b.centerId, changes: todo.length } });
    return { ...base, applied: true, message: `已应用中心第${todo[0]!.seq}至${b.toSeq}号变更（${todo.length}项）`, changes: todo.length, notes };
  });
}

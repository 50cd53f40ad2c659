/**
 * Center-authored changes (docs/branch-network.md §6): rate rows, 罚息 settings, policy overrides, notices, and the
 * ownership transfer of an employer. Each is one row of `center_changes` with the next center sequence number:
 * gapless (the table is locked while the number is taken), append-only, so every branch applies the same list in
 * the same order.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CenterId } from '../../shared/centers';
import { centerConfig } from '../../shared/centers';
import { chinaDate, isIsoDate } from '../../shared/dates';
import { AppError, badInput } from '../../shared/errors';
import { penaltyOutOfBounds, rateOutOfBounds } from '../../shared/rates/bounds';
import { checkStaffNo } from '../auth/people';
import { validateOverrides } from '../rules/engine';
import type { CenterChangeKind } from '../branch/downBatch';
import type { CenterStore } from './store';

type Db = Kysely<unknown> | Transaction<unknown>;

/** Appends one change with the next center sequence number; call inside a transaction. */
export async function appendChange(trx: Db, kind: CenterChangeKind, payload: Record<string, unknown>, origin: string | null, by: string): Promise<number> {
  await sql`LOCK TABLE center_changes IN EXCLUSIVE MODE`.execute(trx);
  const r = await sql<{ n: string }>`SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM center_changes`.execute(trx);
  const seq = Number(r.rows[0]!.n);
  await sql`INSERT INTO center_changes (seq, kind, payload, origin_branch, created_by) VALUES (${seq}, ${kind}, ${JSON.stringify(payload)}::jsonb, ${origin}, ${by})`.execute(trx);
  return seq;
}

const RATE = /^\d{1,2}(\.\d{1,4})?$/;
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

function rate(field: string, label: string, v: unknown, optional = false): string | null {
  if (optional && (v === undefined || v === null || v === '')) return null;
  const s = str(v);
  if (!RATE.test(s)) throw badInput(field, `${label}应为年利率百分数，如 2.60`);
  const bad = rateOutOfBounds(s);
  if (bad) throw badInput(field, `${label}${bad}`);
  return s;
}

/** An effective date; one before `today` (a retroactive change of past decisions) needs a stated reason. */
function date(v: unknown, input: Record<string, unknown>, today: string): string {
  if (!isIsoDate(str(v))) throw badInput('effectiveFrom', '生效日期应为有效日期（YYYY-MM-DD）');
  if (str(v) < today && !str(input.backdateReason)) throw badInput('effectiveFrom', `生效日期${str(v)}早于今天（${today}）：追溯调整须写明理由（backdateReason）`);
  return str(v);
}

/** Validates one center change as the branches will read it; returns the normalised payload. */
export function centerChangePayload(center: CenterId, kind: string, input: Record<string, unknown>, today: string): { kind: CenterChangeKind; payload: Record<string, unknown> } {
  const source = str(input.source) || '中心发布';
  const reason = str(input.backdateReason) ? { backdateReason: str(input.backdateReason) } : {};
  switch (kind) {
    case 'loan_rate':
      return {
        kind,
        payload: {
          effectiveFrom: date(input.effectiveFrom, input, today),
          firstUpTo5y: rate('firstUpTo5y', '首套五年以下（含五年）利率', input.firstUpTo5y),
          firstOver5y: rate('firstOver5y', '首套五年以上利率', input.firstOver5y),
          secondUpTo5y: rate('secondUpTo5y', '第二套五年以下（含五年）利率', input.secondUpTo5y, true),
          secondOver5y: rate('secondOver5y', '第二套五年以上利率', input.secondOver5y, true),
          source,
          ...reason,
        },
      };
    case 'deposit_rate':
      return { kind, payload: { effectiveFrom: date(input.effectiveFrom, input, today), annualRatePercent: rate('annualRatePercent', '存款年利率', input.annualRatePercent), source, ...reason } };
    case 'penalty': {
      const multiplier = str(input.multiplier);
      if (!/^\d(\.\d{1,4})?$/.test(multiplier) || Number(multiplier) < 1) throw badInput('multiplier', '罚息倍数应为不小于1的数，如 1.5');
      const bad = penaltyOutOfBounds(multiplier);
      if (bad) throw badInput('multiplier', `罚息倍数${bad}`);
      const dayBasis = Number(input.dayBasis ?? 360);
      if (dayBasis !== 360 && dayBasis !== 365) throw badInput('dayBasis', '计息基数应为360或365天');
      return { kind, payload: { effectiveFrom: date(input.effectiveFrom, input, today), multiplier, dayBasis, source, ...reason } };
    }
    case 'override': {
      const o = { paramId: str(input.paramId), effectiveFrom: date(input.effectiveFrom, input, today), value: input.value, note: str(input.note) || '中心发布' };
      if (!o.paramId) throw badInput('paramId', '请填写参数编号');
      const issues = validateOverrides(center, [o]);
      if (issues[0]) throw badInput('value', issues[0].message);
      return { kind, payload: { ...o, ...reason } };
    }
    case 'notice': {
      const k = str(input.noticeKind) || '公告';
      if (k !== '公告' && k !== '中心动态') throw badInput('noticeKind', '公告类别（noticeKind）应为“公告”或“中心动态”');
      if (!str(input.title)) throw badInput('title', '请填写公告标题');
      if (!str(input.body)) throw badInput('body', '请填写公告正文');
      return { kind, payload: { kind: k, title: str(input.title), body: str(input.body) } };
    }
    case 'operator': {
      // A person is named by 工号 only (one person per 工号): no ID number leaves the center in any file.
      const login = str(input.login);
      if (!/^[a-z][a-z0-9_.-]{1,31}$/.test(login)) throw badInput('login', '登录名须为2至32位小写字母、数字或 _ . -，以字母开头');
      if (!str(input.name)) throw badInput('name', '请填写姓名');
      const role = str(input.role);
      if (!['clerk', 'reviewer', 'approver', 'admin'].includes(role)) throw badInput('role', '角色应为 clerk、reviewer、approver 或 admin');
      return { kind, payload: { login, name: str(input.name), role, staffNo: checkStaffNo(str(input.staffNo)), active: input.active !== false } };
    }
    default:
      throw badInput('kind', `中心下发的内容类别应为 loan_rate、deposit_rate、penalty、override、notice 或 operator，不是 ${kind}`);
  }
}

/** `gjj center publish`: one or more center changes, all or none, in the order given. */
export async function publishChanges(store: CenterStore, items: ReadonlyArray<{ kind: string } & Record<string, unknown>>, opts: { by?: string; today?: string } = {}): Promise<number[]> {
  const by = opts.by ?? 'center';
  const today = opts.today ?? chinaDate(new Date());
  const checked = items.map((it, i) => {
    try {
      return centerChangePayload(store.config.center as CenterId, it.kind, it, today);
    } catch (err) {
      throw err instanceof AppError && items.length > 1 ? new AppError(err.code, `第${i + 1}项：${err.message}`, err.field) : err;
    }
  });
  return store.db.transaction().execute(async (trx) => {
    const seqs: number[] = [];
    for (const c of checked) seqs.push(await appendChange(trx, c.kind, c.payload, null, by));
    return seqs;
  });
}

/**
 * `gjj center transfer`: the employer's accounts move to another branch. Recorded at once at the center (register
 * owner) as a 'transfer' change; the old owner applies it first (it stops debiting), acknowledges it (its next
 * batch up carries center_applied), and only then the new owner's batches include it (services/center/outbox.ts).
 */
export async function transferEmployer(store: CenterStore, accountNo: string, to: string, by = 'center'): Promise<{ seq: number; from: string; to: string; name: string }> {
  const center = centerConfig(store.config.center as CenterId);
  if (!center.branches.some((b) => b.code === to)) throw badInput('to', `网点代码不存在：${to}`);
  return store.db.transaction().execute(async (trx) => {
    const reg = await sql<{ owner: string }>`SELECT owner FROM center_register_employers WHERE account_no = ${accountNo} FOR UPDATE`.execute(trx);
    if (!reg.rows[0]) throw new AppError('NOT_FOUND', `中心的单位名册中没有单位账号${accountNo}（该单位所在网点的批次尚未导入）`, 'employer');
    const from = reg.rows[0].owner;
    if (from === to) throw new AppError('CONFLICT', `单位${accountNo}已归属网点${to}`, 'to');
    const pending = await pendingTransfer(trx, accountNo);
    if (pending) throw new AppError('CONFLICT', `单位${accountNo}的上一次归属转移（中心第${pending.seq}号变更，${pending.from}→${pending.to}）尚未得到原归属网点${pending.from}确认，不能再次转移`, 'employer');
    const named = await sql<{ name: string }>`SELECT payload->>'name' AS name FROM center_changes WHERE kind = 'employer' AND payload->>'accountNo' = ${accountNo} ORDER BY seq DESC LIMIT 1`.execute(trx);
    const name = named.rows[0]?.name ?? accountNo;
    const seq = await appendChange(trx, 'transfer', { employerAccountNo: accountNo, name, from, to }, null, by);
    await sql`UPDATE center_register_employers SET owner = ${to} WHERE account_no = ${accountNo}`.execute(trx);
    return { seq, from, to, name };
  });
}

/** The last transfer of this employer that its old owner has not acknowledged yet. */
export async function pendingTransfer(db: Db, accountNo: string): Promise<{ seq: number; from: string; to: string } | null> {
  const r = await sql<{ seq: string; from: string; to: string }>`
    SELECT c.seq, c.payload->>'from' AS from, c.payload->>'to' AS to FROM center_changes c
      LEFT JOIN center_down_acks a ON a.branch_code = c.payload->>'from'
     WHERE c.kind = 'transfer' AND c.payload->>'employerAccountNo' = ${accountNo} AND COALESCE(a.seq, 0) < c.seq
     ORDER BY c.seq DESC LIMIT 1`.execute(db);
  const x = r.rows[0];
  return x ? { seq: Number(x.seq), from: x.from, to: x.to } : null;
}

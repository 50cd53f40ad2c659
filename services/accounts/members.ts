import { checkContributionLimits, computeContribution } from '../../shared/contribution';
import { accountSeq } from '../branch/numbering';
import { badInput, conflict, notFound } from '../../shared/errors';
import { idFacts, idNumberError, maskIdNumber } from '../../shared/idcard';
import type { MemberStatus } from '../../db/schema';
import { audit } from '../audit/log';
import type { Operator, ServiceContext } from '../context';
import { nowIso, today } from '../context';
import { memberBalances, openMemberAccount } from '../ledger/accounts';
import { getEmployer } from './employers';
import { memberAccountNo } from './numbers';
import type { MemberInput, MemberListItem, MemberDetail } from '../../shared/contract/dto';
export type { MemberInput, MemberListItem, MemberDetail };





export function openMember(ctx: ServiceContext, by: Operator, input: MemberInput): MemberDetail {
  const idNumber = input.idNumber.trim().toUpperCase();
  const idErr = idNumberError(idNumber);
  if (idErr) throw badInput('idNumber', `证件号码${idErr}`);
  if (!/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/.test(input.phone.trim())) {
    throw badInput('phone', '联系电话须为11位手机号码或带区号的固定电话');
  }
  const employer = getEmployer(ctx, input.employerId);
  if (employer.status !== '正常') throw badInput('employerId', `单位${employer.name}已注销，不能开户`);
  if (employer.remoteCustody) throw badInput('employerId', `${employer.name}不是缴存单位，不能在其下开户；异地缴存职工在贷款受理时登记`);
  const limits = checkContributionLimits(ctx.center, {
    baseFen: input.baseFen,
    employeeRatioPercent: employer.employeeRatioPercent,
    employerRatioPercent: employer.employerRatioPercent,
    district: employer.district,
    date: input.openedDate ?? today(ctx),
  });
  const baseProblem = limits.find((l) => l.field === 'baseFen');
  if (baseProblem) throw badInput('baseFen', baseProblem.message);
  const facts = idFacts(idNumber);
  return ctx.db.tx(() => {
    const dup = ctx.db.prepare('SELECT account_no, status FROM members WHERE id_number = ?').get(idNumber) as
      | { account_no: string; status: string }
      | undefined;
    if (dup) throw conflict(`该证件号码已开户：个人账号${dup.account_no}（${dup.status}）`, 'idNumber');
    const seq = (ctx.db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS n FROM members').get() as { n: number }).n;
    const accountNo = memberAccountNo(ctx.center.accountPrefix, accountSeq(ctx, 'members', seq));
    const id = Number(
      ctx.db
        .prepare(
          `INSERT INTO members (id, account_no, name, id_number, birth_date, sex, phone, employer_id, base_fen, status, opened_date, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '正常', ?, ?)`,
        )
        .run(seq, accountNo, input.name.trim(), idNumber, facts.birthDate, facts.sex, input.phone.trim(), employer.id, input.baseFen, input.openedDate ?? today(ctx), nowIso(ctx))
        .lastInsertRowid,
    );
    openMemberAccount(ctx, id, accountNo, 'basic');
    if (employer.suppEmployeeRatioPercent !== null) openMemberAccount(ctx, id, accountNo, 'supplementary');
    audit(ctx, { operator: by, action: 'member.open', recordType: 'member', recordId: id, detail: { accountNo, name: input.name, idNumber, employerId: employer.id } });
    return getMember(ctx, id);
  });
}

interface MemberRow {
  id: number;
  account_no: string;
  name: string;
  id_number: string;
  birth_date: string;
  sex: 'M' | 'F';
  phone: string;
  employer_id: number;
  base_fen: number;
  status: MemberStatus;
  opened_date: string;
}

export function getMember(ctx: ServiceContext, id: number): MemberDetail {
  const m = ctx.db.prepare('SELECT * FROM members WHERE id = ?').get(id) as MemberRow | undefined;
  if (!m) throw notFound(`职工不存在：${id}`);
  const e = getEmployer(ctx, m.employer_id, { memberCount: false });
  const bal = memberBalances(ctx, m.id);
  const months = (
    ctx.db
      .prepare(
        `SELECT DISTINCT c.month FROM contributions c
          WHERE c.member_id = ? AND c.fund = 'basic'
            AND NOT EXISTS (SELECT 1 FROM journal_entries r WHERE r.reverses_entry_id = c.entry_id)
          ORDER BY c.month DESC`,
      )
      .all(m.id) as Array<{ month: string }>
  ).map((r) => r.month);
  const shares = monthlyShares(m.base_fen, e.employeeRatioPercent, e.employerRatioPercent, ctx);
  return {
    ...identity(m),
    birthDate: m.birth_date,
    sex: m.sex === 'M' ? '男' : '女',
    phone: m.phone,
    status: m.status,
    openedDate: m.opened_date,
    baseFen: m.base_fen,
    employer: { id: e.id, accountNo: e.accountNo, name: e.name, employeeRatioPercent: e.employeeRatioPercent, employerRatioPercent: e.employerRatioPercent, custody: e.custody, ...(e.remoteCustody ? { remoteCustody: true } : {}) },
    monthlyEmployeeFen: shares.employeeFen,
    monthlyEmployerFen: shares.employerFen,
    balanceFen: bal.basicFen,
    supplementaryBalanceFen: bal.supplementaryFen,
    lastContributionMonth: months[0] ?? null,
    continuousMonths: continuousMonths(months),
  };
}

/** Who the member is, as every member view names them (the ID number also masked, for lists and logs). */
function identity(m: Pick<MemberRow, 'id' | 'account_no' | 'name' | 'id_number'>) {
  return { id: m.id, accountNo: m.account_no, name: m.name, idNumber: m.id_number, idNumberMasked: maskIdNumber(m.id_number) };
}

/** What an application's header shows of a member: no contribution history, no monthly shares (getMember has them). */
export type MemberCard = Pick<MemberDetail, 'id' | 'accountNo' | 'name' | 'idNumber' | 'idNumberMasked' | 'phone' | 'status' | 'balanceFen'> & {
  employer: Pick<MemberDetail['employer'], 'name' | 'accountNo' | 'custody'>;
};

export function memberCard(ctx: ServiceContext, id: number): MemberCard {
  const m = ctx.db
    .prepare(
      `SELECT m.id, m.account_no, m.name, m.id_number, m.phone, m.status, e.name AS employer_name, e.account_no AS employer_account_no, e.custody
         FROM members m JOIN employers e ON e.id = m.employer_id WHERE m.id = ?`,
    )
    .get(id) as (Pick<MemberRow, 'id' | 'account_no' | 'name' | 'id_number' | 'phone' | 'status'> & { employer_name: string; employer_account_no: string; custody: number }) | undefined;
  if (!m) throw notFound(`职工不存在：${id}`);
  return {
    ...identity(m),
    phone: m.phone,
    status: m.status,
    balanceFen: memberBalances(ctx, m.id).basicFen,
    employer: { name: m.employer_name, accountNo: m.employer_account_no, custody: m.custody === 1 },
  };
}

function monthlyShares(baseFen: number, er: string, rr: string, ctx: ServiceContext) {
  return computeContribution(ctx.center, { baseFen, employeeRatioPercent: er, employerRatioPercent: rr });
}

/** Months paid without a gap, counting back from the latest paid month (months sorted newest first). */
export function continuousMonths(monthsDesc: readonly string[]): number {
  if (monthsDesc.length === 0) return 0;
  let n = 1;
  for (let i = 1; i < monthsDesc.length; i++) {
    const [y, m] = monthsDesc[i - 1]!.split('-').map(Number) as [number, number];
    const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
    if (monthsDesc[i] !== prev) break;
    n++;
  }
  return n;
}

/** Member search by name, ID number (whole, or its last digits) or account number: services/accounts/memberSearch.ts. */
export { searchMembers } from './memberSearch';

export function listEmployerMembers(ctx: ServiceContext, employerId: number, limit = 200): MemberListItem[] {
  const rows = ctx.db
    .prepare(
      `SELECT m.id, m.account_no, m.name, m.id_number, m.status, e.name AS employer_name,
              COALESCE((SELECT a.credits_fen - a.debits_fen FROM accounts a WHERE a.member_id = m.id AND a.parent_code = '201'), 0) AS balance
         FROM members m JOIN employers e ON e.id = m.employer_id WHERE m.employer_id = ? ORDER BY m.id LIMIT ?`,
    )
    .all(employerId, limit) as Array<{ id: number; account_no: string; name: string; id_number: string; status: MemberStatus; employer_name: string; balance: number }>;
  return rows.map((r) => ({ id: r.id, accountNo: r.account_no, name: r.name, idNumberMasked: maskIdNumber(r.id_number), employerName: r.employer_name, status: r.status, balanceFen: r.balance }));
}

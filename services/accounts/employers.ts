import { hostBranch } from '../branch/ownership';
import { accountSeq } from '../branch/numbering';
import type { CenterConfig } from '../../shared/centers';
import { checkContributionLimits } from '../../shared/contribution';
import { badInput, conflict, notFound } from '../../shared/errors';
import { checkUscc } from '../../shared/uscc';
import { audit } from '../audit/log';
import type { Operator, ServiceContext } from '../context';
import { nowIso, today } from '../context';
import { employerAccountNo } from './numbers';
import type { EmployerInput, EmployerDto } from '../../shared/contract/dto';
export type { EmployerInput, EmployerDto };




interface EmployerRow {
  id: number;
  account_no: string;
  name: string;
  uscc: string;
  district: string;
  employee_ratio: string;
  employer_ratio: string;
  supp_employee_ratio: string | null;
  supp_employer_ratio: string | null;
  contact_name: string;
  contact_phone: string;
  address: string;
  opened_date: string;
  status: string;
  member_count?: number;
  custody: number;
  remote_custody?: number;
}

function toDto(r: EmployerRow): EmployerDto {
  return {
    id: r.id,
    accountNo: r.account_no,
    name: r.name,
    uscc: r.uscc,
    district: r.district,
    employeeRatioPercent: r.employee_ratio,
    employerRatioPercent: r.employer_ratio,
    suppEmployeeRatioPercent: r.supp_employee_ratio,
    suppEmployerRatioPercent: r.supp_employer_ratio,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    address: r.address,
    openedDate: r.opened_date,
    status: r.status,
    memberCount: r.member_count ?? 0,
    custody: r.custody === 1,
    ...(r.remote_custody === 1 ? { remoteCustody: true } : {}),
  };
}

/** Validates what the seeds and standards say about an employer; throws the first problem, naming its field. */
export function validateEmployer(center: CenterConfig, input: EmployerInput): void {
  const v = checkUscc(input.uscc);
  if (!v.ok && (v.fatal || !input.usccConfirmed)) {
    throw badInput('uscc', `统一社会信用代码${v.reason}`);
  }
  if (!center.districts.includes(input.district)) {
    throw badInput('district', `所属区县须为本中心辖区之一：${center.districts.join('、')}`);
  }
  const problems = checkContributionLimits(center, {
    baseFen: 1, // ratios only; the base is each member's
    employeeRatioPercent: input.employeeRatioPercent,
    employerRatioPercent: input.employerRatioPercent,
  }).filter((p) => p.field !== 'baseFen');
  if (problems[0]) throw badInput(problems[0].field, problems[0].message);
  const supp = [input.suppEmployeeRatioPercent ?? null, input.suppEmployerRatioPercent ?? null];
  if ((supp[0] === null) !== (supp[1] === null)) {
    throw badInput('suppEmployerRatioPercent', '补充住房公积金的个人和单位比例须同时填写或同时不填');
  }
  for (const [i, r] of supp.entries()) {
    if (r !== null && !/^(\d|1[0-2])(\.\d{1,2})?$/.test(r)) {
      throw badInput(i === 0 ? 'suppEmployeeRatioPercent' : 'suppEmployerRatioPercent', `补充住房公积金缴存比例须在0至12%之间：${r}`);
    }
  }
}

export function createEmployer(ctx: ServiceContext, by: Operator, input: EmployerInput): EmployerDto {
  const uscc = input.uscc.trim().toUpperCase();
  validateEmployer(ctx.center, { ...input, uscc });
  return ctx.db.tx(() => {
    const dup = ctx.db.prepare('SELECT account_no, name FROM employers WHERE uscc = ?').get(uscc) as
      | { account_no: string; name: string }
      | undefined;
    if (dup) throw conflict(`统一社会信用代码已登记：${dup.name}（单位账号${dup.account_no}）`, 'uscc');
    const seq = (ctx.db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS n FROM employers').get() as { n: number }).n;
    const accountNo = employerAccountNo(ctx.center.accountPrefix, accountSeq(ctx, 'employers', seq));
    const id = Number(
      ctx.db
        .prepare(
          `INSERT INTO employers (id, account_no, name, uscc, uscc_confirmed, district, employee_ratio, employer_ratio,
             supp_employee_ratio, supp_employer_ratio, contact_name, contact_phone, address, opened_date, status, created_at, branch_code, custody)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '正常', ?, ?, ?)`,
        )
        .run(
          seq,
          accountNo,
          input.name.trim(),
          uscc,
          input.usccConfirmed ? 1 : 0,
          input.district,
          input.employeeRatioPercent,
          input.employerRatioPercent,
          input.suppEmployeeRatioPercent ?? null,
          input.suppEmployerRatioPercent ?? null,
          input.contactName.trim(),
          input.contactPhone.trim(),
          input.address?.trim() ?? '',
          input.openedDate ?? today(ctx),
          nowIso(ctx),
          hostBranch(ctx) ?? '',
          input.custody ? 1 : 0,
        ).lastInsertRowid,
    );
    audit(ctx, { operator: by, action: 'employer.create', recordType: 'employer', recordId: id, detail: { accountNo, name: input.name, uscc, ...(input.custody ? { custody: true } : {}) } });
    return getEmployer(ctx, id);
  });
}

const MEMBER_COUNT = `(SELECT COUNT(*) FROM members m WHERE m.employer_id = e.id AND m.status = '正常') AS member_count`;

/**
 * `memberCount: false` for a member's record, which shows the employer but not its size: counting a big employer's
 * members walks its index entries (50,000 for a large employer) on every member read otherwise; memberCount is 0 then.
 */
export function getEmployer(ctx: ServiceContext, id: number, opts: { memberCount?: boolean } = {}): EmployerDto {
  const row = ctx.db.prepare(`SELECT e.*${opts.memberCount === false ? '' : `, ${MEMBER_COUNT}`} FROM employers e WHERE e.id = ?`).get(id) as EmployerRow | undefined;
  if (!row) throw notFound(`单位不存在：${id}`);
  return toDto(row);
}

export function searchEmployers(ctx: ServiceContext, query: string, limit = 50): EmployerDto[] {
  const q = query.trim();
  const rows = ctx.db
    .prepare(
      `SELECT e.*, ${MEMBER_COUNT}
         FROM employers e
        WHERE (? = '' OR e.name LIKE ? OR e.account_no = ? OR e.uscc = ?) AND e.remote_custody = 0
        ORDER BY e.id LIMIT ?`,
    )
    .all(q, `%${q}%`, q, q.toUpperCase(), limit) as EmployerRow[];
  return rows.map(toDto);
}

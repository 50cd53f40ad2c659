/**
 * `gjj demo`: fills a center's database with synthetic employers, members and months of remittance history —
 * valid ID numbers (GB 11643) and credit codes (GB 32100), Chinese names, bases within the center's limits.
 * Employers and members are inserted in bulk (one transaction, prepared statements); the history goes through
 * the real remittance service, so the demo ledger is exactly what the counter would have posted.
 */
import { makeIdNumber } from '../../shared/idcard';
import { makeUscc } from '../../shared/uscc';
import { addMonthsToMonth, monthOf } from '../../shared/dates';
import { limitsOn } from '../../shared/centers';
import { lowerBaseFen } from '../../shared/contribution';
import type { Operator, ServiceContext } from '../context';
import { nowIso, today } from '../context';
import { memberAccountCode } from '../ledger/chart';
import { employerAccountNo, memberAccountNo } from '../accounts/numbers';
import { accountSeq, NUMBER_STRIDE } from '../branch/numbering';
import { hostBranch } from '../branch/ownership';
import { postRemittance } from '../contributions/remit';
import { systemKey } from '../ledger/keys';
import { audit } from '../audit/log';
import { COMPANY_FORM, COMPANY_PREFIX, COMPANY_TRADE, GIVEN, ODD_CHARS, REGION_CODES, SURNAMES, rng } from './names';
import type { BatchReport } from '../batch/report';

export interface DemoOptions {
  members: number;
  /** Months of remittance history ending with the current month. */
  months: number;
  /** Members per employer on average; one employer may be made large for benchmarks. */
  perEmployer?: number;
  seed?: number;
  /** Progress for whoever runs it (`gjj demo` prints it): members opened, then remittances posted. */
  report?: BatchReport;
}

export interface DemoResult {
  employers: number;
  members: number;
  remittances: number;
  seconds: number;
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function base31(n: number, width: number): string {
  let s = '';
  for (let i = 0; i < width; i++) {
    s = USCC_ALPHABET[n % 31] + s;
    n = Math.floor(n / 31);
  }
  return s;
}

export function generateDemo(ctx: ServiceContext, by: Operator, opts: DemoOptions): DemoResult {
  const started = performance.now();
  const report = opts.report ?? (() => undefined);
  const rand = rng(opts.seed ?? 20260601);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const db = ctx.db;
  const center = ctx.center;
  const perEmployer = opts.perEmployer ?? 50;
  const employerCount = Math.max(1, Math.ceil(opts.members / perEmployer));
  const startMonth = addMonthsToMonth(monthOf(today(ctx)), -(opts.months - 1));
  const openedDate = opts.months > 0 ? `${startMonth}-01` : today(ctx);
  const limits = limitsOn(center, openedDate);
  const regions = REGION_CODES[center.id]!;
  const firstEmployer = (db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM employers').get() as { n: number }).n;
  const firstMember = (db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM members').get() as { n: number }).n;
  const now = nowIso(ctx);
  // In a branch network the numbers follow this branch's series and the employers belong to it (services/branch).
  const branch = hostBranch(ctx) ?? '';
  const employerBase = branch ? accountSeq(ctx, 'employers', 0) : 0;
  const memberBase = branch ? accountSeq(ctx, 'members', 0) : 0;

  const employerIds: number[] = [];
  db.tx(() => {
    const insEmployer = db.prepare(
      `INSERT INTO employers (id, account_no, name, uscc, uscc_confirmed, district, employee_ratio, employer_ratio,
         supp_employee_ratio, supp_employer_ratio, contact_name, contact_phone, address, opened_date, status, created_at, branch_code)
       VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, '正常', ?, '${branch.replaceAll("'", "''")}')`,
    );
    const insMember = db.prepare(
      `INSERT INTO members (id, account_no, name, id_number, birth_date, sex, phone, employer_id, base_fen, status, opened_date, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '正常', ?, ?)`,
    );
    const insAccount = db.prepare(`INSERT INTO accounts (code, name, type, parent_code, member_id) VALUES (?, ?, 'liability', ?, ?)`);
    const districts = Object.keys(regions);
    const employerDistrict: string[] = [];
    for (let e = 1; e <= employerCount; e++) {
      const id = firstEmployer + e;
      const district = pick(districts);
      const ratio = center.contributionLimits[0]!.ratioWholeNumbers ? String(5 + Math.floor(rand() * 8)) : pick(['5', '8', '10', '12', '7.5']);
      const supp = rand() < 0.1;
      insEmployer.run(
        id,
        employerAccountNo(center.accountPrefix, branch ? employerBase + (e - 1) * NUMBER_STRIDE : id),
        `${center.shortName}${pick(COMPANY_PREFIX)}${pick(COMPANY_TRADE)}${pick(COMPANY_FORM)}（${id}）`,
        makeUscc(`91${regions[district]}MA${base31(id, 7)}`),
        district,
        ratio,
        ratio,
        supp ? '3' : null,
        supp ? '3' : null,
        `${pick(SURNAMES)}${pick(GIVEN)}`,
        `0951-${String(5000000 + Math.floor(rand() * 999999))}`,
        `${district}${pick(COMPANY_PREFIX)}路${1 + Math.floor(rand() * 300)}号`,
        openedDate,
        now,
      );
      employerIds.push(id);
      employerDistrict.push(district);
    }
    for (let i = 1; i <= opts.members; i++) {
      const id = firstMember + i;
      const employerIndex = (i - 1) % employerCount;
      const district = employerDistrict[employerIndex]!;
      const region = regions[district]!;
      // Birth date and sequence derived from the member index keep ID numbers unique without a lookup.
      const day = new Date(Date.UTC(1966, 0, 1) + ((id * 7919) % 13500) * 86400000);
      const birth = day.toISOString().slice(0, 10).replaceAll('-', '');
      const seq = Math.floor(id / 13500) % 1000;
      const idNumber = makeIdNumber(region, birth, seq);
      const sex = Number(idNumber[16]) % 2 === 1 ? 'M' : 'F';
      const given = rand() < 0.02 ? pick(ODD_CHARS) + pick(GIVEN) : rand() < 0.5 ? pick(GIVEN) : pick(GIVEN) + pick(GIVEN);
      const lower = lowerBaseFen(limits, district);
      const base = Math.round((lower + rand() * (Math.min(limits.baseUpperFen, 1500000) - lower)) / 100) * 100;
      const accountNo = memberAccountNo(center.accountPrefix, branch ? memberBase + (i - 1) * NUMBER_STRIDE : id);
      insMember.run(id, accountNo, pick(SURNAMES) + given, idNumber, `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`, sex, `1${pick(['38', '39', '50', '58', '88', '99'])}${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`, firstEmployer + employerIndex + 1, base, openedDate, now);
      insAccount.run(memberAccountCode('basic', accountNo), '住房公积金个人账户', '201', id);
      if (i % 1000 === 0) report('职工开户', i, opts.members);
    }
    audit(ctx, { operator: by, action: 'demo.generate', recordType: 'center', recordId: center.id, detail: { employers: employerCount, members: opts.members, months: opts.months } });
  });

  let remittances = 0;
  for (let k = 0; k < opts.months; k++) {
    const month = addMonthsToMonth(startMonth, k);
    // Each month is booked on its own 20th (or today, for the current month), as the counter would have.
    const at = month === monthOf(today(ctx)) ? ctx.clock.now() : new Date(`${month}-20T02:00:00Z`);
    const monthCtx: ServiceContext = { ...ctx, clock: { now: () => at } };
    // One transaction per month: a demo of 100,000 members is not worth 24,000 fsyncs.
    db.tx(() => {
      for (const employerId of employerIds) {
        postRemittance(monthCtx, by, { employerId, month, idempotencyKey: systemKey('demo', employerId, month) });
        remittances++;
        report('汇缴', remittances, opts.months * employerIds.length);
      }
    });
  }
  return { employers: employerCount, members: opts.members, remittances, seconds: (performance.now() - started) / 1000 };
}

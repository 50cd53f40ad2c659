/**
 * 异地缴存职工（本中心无账户）的贷款受理 (银川 003 6、宁夏区内异地缴存住房公积金的职工在银川市购买住房申请公积金贷款时,须在当地公积金管理中心
 * 开具职工住房公积金缴存证明 …;(有效期限为一个月); issue 13, option B). applications.member_id stays NOT NULL: in the
 * same transaction as the application the borrower gets a sealed, zero-balance member account under the center's one
 * pseudo-employer “异地缴存职工（中心代管）” (employers.remote_custody, 019_remote_borrowers), and what the other
 * center's 缴存证明 states is recorded in remote_certificates with who recorded it and when. The loan rules read the
 * remote contribution from that record (services/policy/facts.ts), never from the caller's facts.
 */
import type { Payee } from '../../shared/contract/dto';
import { limitsOn } from '../../shared/centers';
import { badInput } from '../../shared/errors';
import { idFacts, idNumberError } from '../../shared/idcard';
import { audit } from '../audit/log';
import { accountSeq } from '../branch/numbering';
import { hostBranch } from '../branch/ownership';
import type { Operator, ServiceContext } from '../context';
import { nowIso, today } from '../context';
import { employerAccountNo, memberAccountNo } from '../accounts/numbers';
import { openMemberAccount } from '../ledger/accounts';
import type { AppRow } from '../withdrawal/store';
import { createLoanApp } from './intake';
export { isRemoteBorrower, isRemoteEmployer, recordedRemoteContribution } from './remoteCertificates';
import type { LoanTerms } from './compose';

export const REMOTE_EMPLOYER_NAME = '异地缴存职工（中心代管）';

export interface RemoteCertificateInput {
  place: 'province' | 'elsewhere';
  centerName: string;
  certificateDate: string;
  openedDate: string;
  agreementDate?: string | undefined;
  monthlyDepositFen: number;
  baseFen: number;
  continuousMonths: number;
  balanceFen: number;
}

export interface RemoteLoanIntake extends Omit<LoanTerms, 'memberId'> {
  borrower: { name: string; idNumber: string; phone: string };
  certificate: RemoteCertificateInput;
  payee: Payee;
  materialsSeen: string[];
}

/**
 * The pseudo-employer, created on first use (remote_custody = 1). One per data folder: in a branch network each branch
 * host has its own (its USCC slot names the branch), since the register carries employers between branches.
 */
function remoteEmployerId(ctx: ServiceContext): number {
  const uscc = `REMOTE-${ctx.center.id.toUpperCase()}${hostBranch(ctx) ? `-${hostBranch(ctx)}` : ''}`;
  const have = ctx.db.prepare('SELECT id FROM employers WHERE remote_custody = 1 AND uscc = ?').get(uscc) as { id: number } | undefined;
  if (have) return have.id;
  const seq = (ctx.db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS n FROM employers').get() as { n: number }).n;
  const accountNo = employerAccountNo(ctx.center.accountPrefix, accountSeq(ctx, 'employers', seq));
  // Never remitted for: the ratios only satisfy the employers table (the center's lowest ratio).
  const ratio = limitsOn(ctx.center, today(ctx)).ratioMinPercent;
  ctx.db
    .prepare(
      `INSERT INTO employers (id, account_no, name, uscc, uscc_confirmed, district, employee_ratio, employer_ratio, contact_name, contact_phone,
         address, opened_date, status, created_at, branch_code, custody, remote_custody)
       VALUES (?, ?, ?, ?, 1, ?, ?, ?, '中心代管', '-', '', ?, '正常', ?, ?, 0, 1)`,
    )
    .run(seq, accountNo, REMOTE_EMPLOYER_NAME, uscc, ctx.center.districts[0]!, ratio, ratio, today(ctx), nowIso(ctx), hostBranch(ctx) ?? '');
  return seq;
}

function checkCertificate(ctx: ServiceContext, c: RemoteCertificateInput): void {
  if (c.certificateDate > today(ctx)) throw badInput('certificate.certificateDate', `缴存证明出具日期${c.certificateDate}晚于今天`);
  if (c.agreementDate && c.agreementDate > today(ctx)) throw badInput('certificate.agreementDate', `提取协议日期${c.agreementDate}晚于今天`);
  if (c.openedDate > c.certificateDate) throw badInput('certificate.openedDate', `开户日期${c.openedDate}晚于缴存证明出具日期${c.certificateDate}`);
  if (c.baseFen <= 0) throw badInput('certificate.baseFen', '缴存证明载明的缴存基数须大于0');
}

/**
 * Opens (or reuses) the remote borrower's sealed zero-balance account, records the certificate and creates the
 * loan application, all in one transaction: a refusal anywhere writes nothing.
 */
export function createRemoteLoanApp(ctx: ServiceContext, by: Operator, input: RemoteLoanIntake): AppRow {
  const idNumber = input.borrower.idNumber.trim().toUpperCase();
  const idErr = idNumberError(idNumber);
  if (idErr) throw badInput('borrower.idNumber', `借款人证件号码${idErr}`);
  if (!/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/.test(input.borrower.phone.trim())) throw badInput('borrower.phone', '借款人联系电话须为11位手机号码或带区号的固定电话');
  checkCertificate(ctx, input.certificate);
  const extra = input.facts.borrowerExtra as { remoteContribution?: unknown } | undefined;
  if (extra?.remoteContribution !== undefined) throw badInput('facts.borrowerExtra.remoteContribution', '异地缴存证明在“缴存证明”一栏录入，不在借款人补充信息中填写');
  return ctx.db.tx(() => {
    const at = nowIso(ctx);
    const have = ctx.db
      .prepare('SELECT m.id, m.account_no, m.name, m.status, e.remote_custody FROM members m JOIN employers e ON e.id = m.employer_id WHERE m.id_number = ?')
      .get(idNumber) as { id: number; account_no: string; name: string; status: string; remote_custody: number } | undefined;
    if (have && have.remote_custody !== 1) {
      throw badInput('borrower.idNumber', `证件号码${idNumber}已在本中心开户（${have.name}，个人账号${have.account_no}，${have.status}），请按本中心职工受理贷款，不走“异地缴存职工（本中心无账户）”`);
    }
    let memberId: number;
    if (have) {
      memberId = have.id;
      // 异地住房公积金贷款在银川住房公积金管理中心只能受理一次 (003 二、; rule yc.loan.remote.once reads disbursed loans).
      const open = ctx.db
        .prepare(`SELECT app_no, state FROM applications WHERE kind = 'loan' AND member_id = ? AND state <> '撤销' ORDER BY id LIMIT 1`)
        .get(memberId) as { app_no: string; state: string } | undefined;
      if (open) throw badInput('borrower.idNumber', `异地贷款在本中心只能受理一次：该借款人已有贷款申请${open.app_no}（${open.state}）`);
    } else {
      const facts = idFacts(idNumber);
      const seq = (ctx.db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS n FROM members').get() as { n: number }).n;
      const accountNo = memberAccountNo(ctx.center.accountPrefix, accountSeq(ctx, 'members', seq));
      const employerId = remoteEmployerId(ctx);
      ctx.db
        .prepare(
          `INSERT INTO members (id, account_no, name, id_number, birth_date, sex, phone, employer_id, base_fen, status, opened_date, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '封存', ?, ?)`,
        )
        .run(seq, accountNo, input.borrower.name.trim(), idNumber, facts.birthDate, facts.sex, input.borrower.phone.trim(), employerId, input.certificate.baseFen, today(ctx), at);
      openMemberAccount(ctx, seq, accountNo, 'basic');
      memberId = seq;
      audit(ctx, { operator: by, action: 'member.openRemote', recordType: 'member', recordId: seq, detail: { accountNo, name: input.borrower.name, idNumber, employerId } });
    }
    const c = input.certificate;
    const certId = Number(
      ctx.db
        .prepare(
          `INSERT INTO remote_certificates (member_id, place, center_name, certificate_date, opened_date, agreement_date, monthly_deposit_fen, base_fen, continuous_months, balance_fen, recorded_by, recorded_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(memberId, c.place, c.centerName.trim(), c.certificateDate, c.openedDate, c.agreementDate ?? null, c.monthlyDepositFen, c.baseFen, c.continuousMonths, c.balanceFen, by.id, at).lastInsertRowid,
    );
    const { borrower: _b, certificate: _c, ...terms } = input;
    const app = createLoanApp(ctx, by, { ...terms, memberId }, { remoteBorrower: true });
    ctx.db.prepare('UPDATE remote_certificates SET application_id = ? WHERE id = ?').run(app.id, certId);
    return app;
  });
}

/**
 * A member's facts as the ledger knows them, in the policy engine's input shape (shared/rules Person), so the
 * intake form starts from the books rather than from what the applicant says. The clerk adds what only the
 * applicant's papers show (credit report, houses, contracts …).
 */
import type { Person } from '../../shared/rules/personSchema';
import type { ServiceContext } from '../context';
import { getMember } from '../accounts/members';
import { today } from '../context';
import { memberLoanFacts } from '../loan/servicing/state';
import { chinaDate } from '../../shared/dates';
import { sealedSince } from '../accounts/sealing';
import { recordedRemoteContribution } from '../loan/remoteCertificates';
import { remoteRatioPercent } from '../../shared/loan/remoteRatio';

export function memberFacts(ctx: ServiceContext, memberId: number): Person {
  const m = getMember(ctx, memberId);
  const sealed = sealedSince(ctx, memberId);
  return {
    name: m.name,
    // A member served here from the center's register carries an opaque person reference ('@…'), not the ID number.
    ...(m.idNumber.startsWith('@') ? {} : { idNumber: m.idNumber }),
    birthDate: m.birthDate,
    sex: m.sex === '男' ? 'M' : 'F',
    accountStatus: m.status,
    balanceFen: m.balanceFen,
    // Interest accrues from 1 July and is credited on 30 June (年终结息); the accrual to a date is computed when
    // the account-closing withdrawal is paid out, not at intake.
    accruedInterestFen: 0,
    openedDate: m.openedDate,
    continuousMonths: m.continuousMonths,
    contributionRatioPercent: m.employer.employeeRatioPercent,
    contributionPlace: 'local',
    // This center's loans as the credit-record and second-loan rules read them (services/loan/servicing/state.ts).
    loans: memberLoanFacts(ctx, memberId, today(ctx)),
    withdrawals: paidWithdrawals(ctx, memberId),
    dishonest: false,
    // 住房公积金托管专户 (003): the ledger knows which employer is the center's custody account.
    custodyAccount: m.employer.custody,
    ...(sealed ? { sealedSince: sealed } : {}),
    // 异地缴存职工（本中心无账户）: the other center's 缴存证明 as recorded at intake (019_remote_borrowers), not a caller's claim.
    ...(m.employer.remoteCustody ? remoteFacts(ctx, memberId) : {}),
  };
}

function remoteFacts(ctx: ServiceContext, memberId: number): Partial<Person> {
  const rc = recordedRemoteContribution(ctx, memberId);
  if (!rc) return {};
  // The account here was opened only to hold the loan: 开户日期 and 缴存比例 are the other center's, as its certificate states.
  return { remoteContribution: rc, openedDate: rc.openedDate!, contributionRatioPercent: remoteRatioPercent(rc.monthlyDepositFen ?? 0, rc.baseFen ?? 0) };
}

/** Withdrawals already paid from this member's account (the engine's once-per-house and yearly caps read them). */
function paidWithdrawals(ctx: ServiceContext, memberId: number) {
  const rows = ctx.db
    .prepare(`SELECT case_id, paid_at, approved_fen, facts_json FROM applications WHERE kind = 'withdrawal' AND member_id = ? AND state IN ('已支付', '冲正待复核', '冲正待审批') ORDER BY paid_at`)
    .all(memberId) as Array<{ case_id: string; paid_at: string; approved_fen: number; facts_json: string }>;
  return rows.map((r) => {
    const f = JSON.parse(r.facts_json) as { house?: { houseId?: string }; repayment?: { loanContractNo?: string } };
    const ref = f.house?.houseId ?? f.repayment?.loanContractNo;
    return { caseId: r.case_id, date: chinaDate(new Date(r.paid_at)), amountFen: r.approved_fen, ...(ref ? { ref } : {}) };
  });
}

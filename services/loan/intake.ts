/** Loan intake (受理): borrower from the ledger, spouse, house, guarantee, amount and term; the engine judges. */
import type { Payee } from '../../shared/contract/dto';
import { badInput } from '../../shared/errors';
import type { Operator, ServiceContext } from '../context';
import { nowIso, today } from '../context';
import { getMember } from '../accounts/members';
import { expectState, expectVersion, loadApp, nextAppNo, transition, type AppRow } from '../withdrawal/store';
import { clerkLoanFacts, composeLoan, type LoanTerms } from './compose';
import { recordedRemoteContribution } from './remoteCertificates';
import { checkRecordedPerson, recordedBy, refuseLedgerPersons } from '../policy/recordedFacts';

export interface LoanIntake extends LoanTerms {
  payee: Payee;
  materialsSeen: string[];
}

function validate(ctx: ServiceContext, input: LoanIntake, opts: { remoteBorrower?: boolean } = {}) {
  const m = getMember(ctx, input.memberId);
  const typed = (input.facts.borrowerExtra as { remoteContribution?: unknown } | undefined)?.remoteContribution;
  // 异地缴存职工（本中心无账户）: the certificate was recorded at intake (services/loan/remoteBorrower.ts), never typed here.
  if (m.employer.remoteCustody) {
    if (opts.remoteBorrower === false) throw badInput('memberId', `借款人${m.name}在本中心没有缴存账户（异地缴存职工），请在“异地缴存职工（本中心无账户）”受理`);
    if (typed !== undefined) throw badInput('facts.borrowerExtra.remoteContribution', '异地缴存职工的缴存证明已在受理时登记，不能在借款人补充信息中填写');
  }
  const remote = typed ?? (m.employer.remoteCustody ? recordedRemoteContribution(ctx, m.id) : undefined);
  // A borrower who moved to another center (account 封存 here) applies with that center's certificate (003 6、).
  if (remote && m.status === '正常') throw badInput('facts.borrowerExtra.remoteContribution', `借款人${m.name}在本中心正常缴存，不是异地缴存职工，不能录入异地缴存证明`);
  if (m.status !== '正常' && !(remote && m.status === '封存')) {
    throw badInput('memberId', `借款人${m.name}的账户状态为“${m.status}”，不能申请贷款${m.status === '封存' ? '；异地缴存的，请录入缴存地公积金中心出具的缴存证明' : ''}`);
  }
  const spouseRemote = (input.facts.spouseExtra as { remoteContribution?: unknown } | undefined)?.remoteContribution;
  if (spouseRemote && input.spouseMemberId !== null && getMember(ctx, input.spouseMemberId).status === '正常') {
    throw badInput('facts.spouseExtra.remoteContribution', '配偶在本中心正常缴存，不能录入异地缴存证明');
  }
  // What the ledger knows is never taken from the request (balances, months, ratios, this center's loans …).
  refuseLedgerPersons(input.facts, { borrower: '借款人', spouse: '配偶' });
  checkRecordedPerson(input.facts.borrowerExtra, 'borrowerExtra', '借款人');
  checkRecordedPerson(input.facts.spouseExtra, 'spouseExtra', '配偶');
  const { decision } = composeLoan(ctx, { ...input, facts: clerkLoanFacts(input.facts) });
  const known = new Set(decision.materials.map((x) => x.id));
  const unknown = input.materialsSeen.find((id) => !known.has(id));
  if (unknown) throw badInput('materialsSeen', `材料清单中没有此项：${unknown}`);
  if (!/^\d{8,30}$/.test(input.payee.accountNo.replace(/\s/g, ''))) throw badInput('payee.accountNo', '放款账号：应为8至30位数字');
  return { decision, materials: Object.fromEntries(decision.materials.map((x) => [x.id, input.materialsSeen.includes(x.id)])) };
}

function terms(row: AppRow): Pick<LoanTerms, 'months' | 'method'> {
  const f = JSON.parse(row.facts_json) as { loanTerms?: { months: number; method: LoanTerms['method'] } };
  return f.loanTerms!;
}
export { terms as storedTerms };

/** The clerk's facts as recorded from the papers, with who recorded them and when. */
function storedFacts(input: LoanIntake, by: Operator, at: string): string {
  return JSON.stringify({ ...clerkLoanFacts(input.facts), loanTerms: { months: input.months, method: input.method }, recorded: recordedBy(by, at) });
}

export function createLoanApp(ctx: ServiceContext, by: Operator, input: LoanIntake, opts: { remoteBorrower?: boolean } = { remoteBorrower: false }): AppRow {
  const { decision, materials } = validate(ctx, input, opts);
  const at = nowIso(ctx);
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO applications (app_no, kind, case_id, member_id, spouse_member_id, state, version, facts_json, decision_json,
           requested_fen, payee_json, materials_json, branch_code, created_by, created_at, updated_at)
         VALUES (?, 'loan', ?, ?, ?, '草稿', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(nextAppNo(ctx, today(ctx), 'loan'), input.caseId, input.memberId, input.spouseMemberId, storedFacts(input, by, at), JSON.stringify(decision), input.requestedFen, JSON.stringify(input.payee), JSON.stringify(materials), by.branchCode || ctx.center.branches[0]!.code, by.id, at, at)
      .lastInsertRowid,
  );
  ctx.db
    .prepare(`INSERT INTO application_events (application_id, at, operator_id, action, from_state, to_state, note, decision_json) VALUES (?, ?, ?, 'create', NULL, '草稿', NULL, ?)`)
    .run(id, at, by.id, JSON.stringify(decision));
  return loadApp(ctx, id, 'loan');
}

export function updateLoanApp(ctx: ServiceContext, by: Operator, id: number, version: number, input: Omit<LoanIntake, 'memberId'>): AppRow {
  const row = loadApp(ctx, id, 'loan');
  expectState(row, ['草稿', '退回'], '修改');
  expectVersion(row, version);
  const { decision, materials } = validate(ctx, { ...input, memberId: row.member_id });
  transition(ctx, by, row, row.state, 'update', {
    case_id: input.caseId,
    spouse_member_id: input.spouseMemberId,
    facts_json: storedFacts({ ...input, memberId: row.member_id }, by, nowIso(ctx)),
    requested_fen: input.requestedFen,
    payee_json: JSON.stringify(input.payee),
    materials_json: JSON.stringify(materials),
  }, null, decision);
  return loadApp(ctx, id, 'loan');
}

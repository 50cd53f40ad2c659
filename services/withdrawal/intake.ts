/**
 * Intake (受理): the clerk records the case, the facts and the materials seen; the engine's decision is stored
 * with the draft so the screen, the inbox and the printed 一次性告知书 all show the same verdict.
 */
import type { Payee } from '../../shared/contract/dto';
import { badInput } from '../../shared/errors';
import type { WithdrawalDecision } from '../../shared/rules';
import type { Operator, ServiceContext } from '../context';
import { nowIso, today } from '../context';
import { getMember } from '../accounts/members';
import { clerkFacts, composeAndDecide } from './compose';
import { checkRecordedPerson, refuseLedgerPersons } from '../policy/recordedFacts';
import { stampDishonestChecks } from '../policy/dishonestCheck';
import { checkPayeeBank } from './payeeBank';
import { expectState, expectVersion, loadApp, nextAppNo, transition, type AppRow } from './store';
import { assertNoExcessOwed } from '../conditions/excess';

export interface IntakeInput {
  caseId: string;
  memberId: number;
  spouseMemberId?: number | null;
  facts: Record<string, unknown>;
  requestedFen?: number | null;
  payee: Payee;
  materialsSeen: string[];
  appointmentId?: number | null;
}

/**
 * The payee the policy requires: the developer's sale account, the loan, or the 提取人's own real-name card — the
 * member's, or, when an heir, legatee or guardian applies (or an agent with a notarised power to receive), that
 * person's, named in `facts.applicant`.
 */
export function checkPayee(decision: WithdrawalDecision, payee: Payee, memberName: string, applicant?: { role?: string; name?: string; payToAgentCard?: boolean }): void {
  const kinds = decision.postConditions.map((p) => p.kind);
  if (kinds.includes('payee_developer') && payee.kind !== 'developer') {
    throw badInput('payee.kind', '收款账户：本情形提取款项须转入房产公司在中心备案的售房账户');
  }
  if (kinds.includes('payee_loan') && payee.kind !== 'loan') {
    throw badInput('payee.kind', '收款账户：本情形提取款项须用于归还住房公积金贷款');
  }
  const other = applicant && applicant.role && applicant.role !== 'self' && applicant.name && (applicant.role !== 'agent' && applicant.role !== 'relativeAgent' ? true : applicant.payToAgentCard === true);
  const owner = other ? applicant!.name!.trim() : memberName;
  if (payee.kind === 'own' && payee.accountName.trim() !== owner) {
    throw badInput('payee.accountName', `收款户名：须为提取人${owner}本人的实名制账户`);
  }
  if (!/^\d{12,30}$/.test(payee.accountNo.replace(/\s/g, ''))) throw badInput('payee.accountNo', '收款账号：应为12至30位数字');
  if (payee.bankName.trim().length < 2) throw badInput('payee.bankName', '请填写收款开户银行');
  checkPayeeBank(kinds, payee);
}

/**
 * The member's facts are the ledger's, never the request's. A typed spouse stands only for a spouse outside this
 * center (recorded from papers): one who is a member here must be picked, and a typed spouse's account cannot be
 * drawn (提取配偶账户 needs the spouse picked from the ledger).
 */
function checkTypedPersons(ctx: ServiceContext, input: IntakeInput): void {
  refuseLedgerPersons(input.facts, { member: '职工' });
  checkRecordedPerson(input.facts.memberExtra, 'memberExtra', '职工');
  checkRecordedPerson(input.facts.spouseExtra, 'spouseExtra', '配偶');
  const typed = input.facts.spouse as { idNumber?: unknown } | undefined;
  if (!typed || typeof typed !== 'object' || (input.spouseMemberId ?? null) !== null) return;
  if (typeof typed.idNumber === 'string' && ctx.db.prepare('SELECT 1 FROM members WHERE id_number = ?').get(typed.idNumber.toUpperCase())) {
    throw badInput('facts.spouse.idNumber', '配偶是本中心职工：请选择配偶，其账户信息取自本中心账务，不能手工填写');
  }
  if (input.facts.includeSpouse === true) throw badInput('facts.includeSpouse', '提取配偶账户须选择本中心的配偶职工，手工填写的配偶账户不能提取');
}

function validate(ctx: ServiceContext, input: IntakeInput) {
  const member = getMember(ctx, input.memberId);
  if (member.status === '销户') throw badInput('memberId', `职工${member.name}的账户已销户，不能提取`);
  // 异地缴存职工（中心代管）: a zero-balance account held only for a loan (019_remote_borrowers), never withdrawn from.
  if (member.employer.remoteCustody) throw badInput('memberId', `${member.name}是异地缴存职工（本中心无缴存账户），不能在本中心办理提取`);
  checkTypedPersons(ctx, input);
  const { decision } = composeAndDecide(ctx, {
    caseId: input.caseId,
    memberId: input.memberId,
    spouseMemberId: input.spouseMemberId ?? null,
    facts: clerkFacts(input.facts),
    requestedFen: input.requestedFen ?? null,
  });
  checkPayee(decision, input.payee, member.name, input.facts.applicant as { role?: string; name?: string; payToAgentCard?: boolean } | undefined);
  const known = new Set(decision.materials.map((m) => m.id));
  const unknown = input.materialsSeen.find((id) => !known.has(id));
  if (unknown) throw badInput('materialsSeen', `材料清单中没有此项：${unknown}`);
  const materials = Object.fromEntries(decision.materials.map((m) => [m.id, input.materialsSeen.includes(m.id)]));
  return { member, decision, materials };
}

export function createWithdrawal(ctx: ServiceContext, by: Operator, raw: IntakeInput): AppRow {
  assertNoExcessOwed(ctx, [raw.memberId], '申请提取');
  const at = nowIso(ctx);
  const input = { ...raw, facts: stampDishonestChecks(raw.facts, null, by, at) };
  const { decision, materials } = validate(ctx, input);
  const id = Number(
    ctx.db
      .prepare(
        `INSERT INTO applications (app_no, kind, case_id, member_id, spouse_member_id, state, version, facts_json, decision_json,
           requested_fen, payee_json, materials_json, branch_code, appointment_id, created_by, created_at, updated_at)
         VALUES (?, 'withdrawal', ?, ?, ?, '草稿', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        nextAppNo(ctx, today(ctx)),
        input.caseId,
        input.memberId,
        input.spouseMemberId ?? null,
        JSON.stringify(clerkFacts(input.facts)),
        JSON.stringify(decision),
        input.requestedFen ?? null,
        JSON.stringify(input.payee),
        JSON.stringify(materials),
        by.branchCode || ctx.center.branches[0]!.code,
        input.appointmentId ?? null,
        by.id,
        at,
        at,
      ).lastInsertRowid,
  );
  const row = loadApp(ctx, id);
  ctx.db
    .prepare(`INSERT INTO application_events (application_id, at, operator_id, action, from_state, to_state, note, decision_json) VALUES (?, ?, ?, 'create', NULL, '草稿', NULL, ?)`)
    .run(id, at, by.id, JSON.stringify(decision));
  if (input.appointmentId) {
    ctx.db.prepare(`UPDATE appointments SET status = '已受理', application_id = ? WHERE id = ? AND status IN ('已预约', '已签到')`).run(id, input.appointmentId);
  }
  return row;
}

export function updateWithdrawal(ctx: ServiceContext, by: Operator, id: number, version: number, raw: Omit<IntakeInput, 'memberId' | 'appointmentId'>): AppRow {
  const row = loadApp(ctx, id);
  const input = { ...raw, facts: stampDishonestChecks(raw.facts, JSON.parse(row.facts_json) as Record<string, unknown>, by, nowIso(ctx)) };
  expectState(row, ['草稿', '退回'], '修改');
  expectVersion(row, version);
  // Leaving the spouse out of an update keeps the one on file; null removes it.
  const spouseMemberId = input.spouseMemberId === undefined ? row.spouse_member_id : input.spouseMemberId;
  const { decision, materials } = validate(ctx, { ...input, spouseMemberId, memberId: row.member_id });
  transition(ctx, by, row, row.state, 'update', {
    case_id: input.caseId,
    spouse_member_id: spouseMemberId,
    facts_json: JSON.stringify(clerkFacts(input.facts)),
    requested_fen: input.requestedFen ?? null,
    payee_json: JSON.stringify(input.payee),
    materials_json: JSON.stringify(materials),
  }, null, decision);
  return loadApp(ctx, id);
}

/**
 * One handler per contract call. Handlers receive input already validated by the call's schema and an operator
 * whose role the dispatcher has already checked; they only translate to service calls.
 */
import type { CallName, CallOutput, CallParsed, OperatorDto } from '../../shared/contract/calls';
import { AppError } from '../../shared/errors';
import { ROLE_LABELS } from '../../shared/roles';
import { computeContribution, checkContributionLimits } from '../../shared/contribution';
import { addOperator, disableOperator, listOperators, resetPassword } from '../auth/operators';
import { authenticate, changeOwnPassword } from '../auth/login';
import { confirmChangeRequest, listChangeRequests, rejectChangeRequest, requestAddOperator, requestRoleChange } from '../auth/changeRequests';
import { passwordProblem } from '../auth/passwords';
import type { Operator, ServiceContext } from '../context';
import { SYSTEM_OPERATOR } from '../context';
import { createEmployer, getEmployer, searchEmployers } from '../accounts/employers';
import { getMember, listEmployerMembers, openMember, searchMembers } from '../accounts/members';
import { memberStatement } from '../accounts/statement';
import { memberEvents, sealMember, transferOut, unsealMember } from '../accounts/sealing';
import { dailyJournal } from '../ledger/daily';
import { printDailyJournal, printMemberForm } from '../print/memberForms';
import { listRemittances, nextRemittanceMonth, remittedMonth, postRemittance, previewRemittance } from '../contributions/remit';
import { reverseEntry } from '../ledger/reverse';
import { checkLedger } from '../ledger/check';
import { checkOffThread } from '../integrity/parallelCheck';
import { initCenter, centerOf } from '../app/open';
import { audit } from '../audit/log';
import { listNotices, postNotice, withdrawNotice } from '../notices/notices';
import { guides, listParams, listRules, loanHouseTypes, withdrawalCases } from '../rules/engine';
import { decideLoan, decideWithdrawal, evalOptions } from '../policy/decide';
import { ledgerPerson } from '../withdrawal/compose';
import { depositRates, loanRates, penaltySettings, policyOverrides } from '../policy/tables';
import { decideChange, listChanges, previewEffect, submitChange } from '../policy/privileged';
import { nowIso, today } from '../context';
import { createWithdrawal, updateWithdrawal } from '../withdrawal/intake';
import { approveWithdrawal, cancelWithdrawal, reviewWithdrawal, submitWithdrawal } from '../withdrawal/workflow';
import { approveReversal, payWithdrawal, requestReversal, reviewReversal } from '../withdrawal/payout';
import { inbox, withdrawalDto } from '../withdrawal/queries';
import { printWithdrawalForm } from '../print/withdrawalForms';
import { createRemoteLoanApp } from '../loan/remoteBorrower';
import { createLoanApp, updateLoanApp } from '../loan/intake';
import { approveLoan, cancelLoan, reviewLoan, signLoanContract, submitLoan } from '../loan/workflow';
import { disburseLoan } from '../loan/disburse';
import { repayLoan } from '../loan/servicing/repay';
import { prepayLoan, previewPrepayment } from '../loan/servicing/prepay';
import { repriceLoans } from '../loan/servicing/reprice';
import { loanRepayments } from '../loan/servicing/record';
import { loanStatus, settlementCertificateData } from '../loan/servicing/status';
import { loanAppDto, loanInbox, loanSchedule, memberLoans } from '../loan/queries';
import { printLoanForm } from '../print/loanForms';
import { renderSettlementCertificate } from '../print/settlementCertificate';
import { runYearEndInterest } from '../interest/yearEnd';
import { createAppointment, importAppointments, listAppointments, setAppointmentStatus } from '../appointments/appointments';
import { memberAppointments } from '../appointments/memberHistory';
import { chinaDateTime } from '../../shared/dates';
import { renderGuidePdf } from '../print/guide';
import type { AppState } from './state';
import { HOST_HANDLERS } from './hostHandlers';
import { SYNC_HANDLERS } from './syncHandlers';
import { CONDITION_HANDLERS } from '../conditions/handlers';
import { DRAFT_HANDLERS } from './draftHandlers';
import { SYNC_FILE_HANDLERS } from './syncFileHandlers';
import type { ClientInfo } from '../auth/sessions';

export interface HandlerEnv {
  app: AppState;
  operator: Operator | null;
  token: string | null;
  client?: ClientInfo;
}

// Reads may finish asynchronously (PDF rendering); writes never do (one synchronous transaction).
type Handler<N extends CallName> = (env: HandlerEnv, input: CallParsed<N>) => CallOutput<N> | Promise<CallOutput<N>>;
export type Handlers = { [N in CallName]: Handler<N> };

export function operatorDto(op: Operator): OperatorDto {
  return { id: op.id, login: op.login, name: op.name, role: op.role, roleLabel: ROLE_LABELS[op.role], branchCode: op.branchCode };
}

export function ctxOf(env: HandlerEnv): ServiceContext {
  if (!env.app.ctx) throw new AppError('NOT_FOUND', '系统尚未初始化：请先选择公积金中心并创建管理员');
  return env.app.ctx;
}

export function op(env: HandlerEnv): Operator {
  if (!env.operator) throw new AppError('NO_SESSION', '请先登录');
  return env.operator;
}

function setupStatus(app: AppState) {
  const center = centerOf(app.db);
  const hasOperators = (app.db.prepare('SELECT COUNT(*) AS n FROM operators').get() as { n: number }).n > 0;
  return { initialised: center !== null && hasOperators, center, centerName: app.ctx?.center.name ?? null, hasOperators };
}

export const handlers: Handlers = {
  'setup.status': (env) => setupStatus(env.app),
  'setup.init': (env, input) => {
    const status = setupStatus(env.app);
    if (status.initialised) throw new AppError('CONFLICT', '系统已初始化，不能重复初始化');
    const problem = passwordProblem(input.adminPassword);
    if (problem) throw new AppError('BAD_INPUT', `管理员密码：${problem}`, 'adminPassword');
    const ctx = initCenter(env.app.db, input.center, env.app.clock);
    env.app.ctx = ctx;
    addOperator(ctx, SYSTEM_OPERATOR, { login: input.adminLogin, name: input.adminName, role: 'admin', password: input.adminPassword, staffNo: input.adminStaffNo, idNumber: input.adminIdNumber });
    return setupStatus(env.app);
  },
  'session.login': (env, input) => {
    const ctx = ctxOf(env);
    const { operator, mustChangePassword } = authenticate(ctx, input.login, input.password);
    return { token: env.app.sessions.open(operator, env.client), operator: operatorDto(operator), mustChangePassword };
  },
  'session.changePassword': (env, input) => {
    changeOwnPassword(ctxOf(env), op(env), input.oldPassword, input.newPassword);
    return { ok: true as const };
  },
  'session.logout': (env) => {
    if (env.token) env.app.sessions.close(env.token);
    audit(ctxOf(env), { operator: op(env), action: 'session.logout', recordType: 'operator', recordId: op(env).id });
    return { ok: true as const };
  },
  'session.me': (env) => operatorDto(op(env)),
  'center.info': (env) => ctxOf(env).center,

  'employers.search': (env, input) => searchEmployers(ctxOf(env), input.query),
  'employers.get': (env, input) => {
    const ctx = ctxOf(env);
    return {
      employer: getEmployer(ctx, input.employerId),
      nextMonth: nextRemittanceMonth(ctx, input.employerId),
      currentMonthRemitted: ((month) => {
        const done = remittedMonth(ctx, input.employerId, month);
        return done ? { month, ...done } : null;
      })(today(ctx).slice(0, 7)),
      remittances: listRemittances(ctx, input.employerId),
      members: listEmployerMembers(ctx, input.employerId),
    };
  },
  'employers.create': (env, { idempotencyKey: _key, ...input }) => createEmployer(ctxOf(env), op(env), input),

  'members.search': (env, input) => searchMembers(ctxOf(env), input.query, input.limit),
  'members.get': (env, input) => getMember(ctxOf(env), input.memberId),
  'members.statement': (env, input) => memberStatement(ctxOf(env), input.memberId, input.year),
  'members.open': (env, { idempotencyKey: _key, ...input }) => openMember(ctxOf(env), op(env), input),

  'members.seal': (env, i) => sealMember(ctxOf(env), op(env), i.memberId, { reason: i.reason, ...(i.date ? { date: i.date } : {}) }),
  'members.unseal': (env, i) => unsealMember(ctxOf(env), op(env), i.memberId, { employerId: i.employerId, baseFen: i.baseFen, ...(i.date ? { date: i.date } : {}) }),
  'members.transferOut': (env, i) => transferOut(ctxOf(env), op(env), i.memberId, i),
  'members.events': (env, i) =>
    memberEvents(ctxOf(env), i.memberId).map((e) => ({ date: e.date, action: e.action, reason: e.reason, fromEmployer: e.from_employer, toEmployer: e.to_employer, operator: e.operator })),
  'ledger.daily': (env, i) => dailyJournal(ctxOf(env), i.date, i.branchCode),
  'print.member': (env, i) => printMemberForm(ctxOf(env), op(env), i.memberId, i.form),
  'print.daily': (env, i) => printDailyJournal(ctxOf(env), op(env), i.date, i.branchCode),
  'remit.preview': (env, input) => previewRemittance(ctxOf(env), input),
  'remit.post': (env, input) => postRemittance(ctxOf(env), op(env), input),

  'calc.contribution': (env, input) => {
    const ctx = ctxOf(env);
    const problem = checkContributionLimits(ctx.center, input)[0];
    if (problem) throw new AppError('BAD_INPUT', problem.message, problem.field);
    if ((input.suppEmployeeRatioPercent === undefined) !== (input.suppEmployerRatioPercent === undefined)) {
      const missing = input.suppEmployeeRatioPercent === undefined ? 'suppEmployeeRatioPercent' : 'suppEmployerRatioPercent';
      throw new AppError('BAD_INPUT', `请填写${missing === 'suppEmployeeRatioPercent' ? '补充公积金个人比例' : '补充公积金单位比例'}（补充住房公积金须同时填写个人和单位比例）`, missing);
    }
    return computeContribution(ctx.center, input);
  },

  'ledger.reverse': (env, input) => {
    const ctx = ctxOf(env);
    guardGenericReversal(ctx, input.entryId);
    const posted = reverseEntry(ctx, { ...input, operator: op(env) });
    audit(ctx, { operator: op(env), action: 'ledger.reverse', recordType: 'journal_entry', recordId: input.entryId, detail: { reason: input.reason, reversal: posted.entryNo } });
    return { entryId: posted.entryId, entryNo: posted.entryNo };
  },
  // On a host the whole check runs in a worker thread (seconds on a large ledger): the counters keep being answered.
  // Its progress is listed in `batch.progress` (lane 'ledger.check') for the 账务核对 page.
  'ledger.check': (env) => {
    const { batches, db } = env.app;
    if (!batches || !db.integrity) return checkLedger(ctxOf(env));
    const t = batches.track('ledger.check', '账务核对', op(env));
    return checkOffThread(env.app.dataDir, db.integrity, t.report, { stepPauseMs: batches.tuning.stepPauseMs }).then(
      (r) => (t.finish(null), r.report),
      (e: Error) => {
        t.finish(e.message);
        throw e;
      },
    );
  },

  'users.list': (env) => listOperators(ctxOf(env)),
  'users.add': (env, { idempotencyKey: _key, ...input }) => requestAddOperator(ctxOf(env), op(env), input),
  'users.setRole': (env, i) => requestRoleChange(ctxOf(env), op(env), i.operatorId, i.role),
  'users.requests': (env, i) => listChangeRequests(ctxOf(env), i.includeDecided ?? false),
  'users.confirm': (env, i) => {
    const { request, operatorId } = confirmChangeRequest(ctxOf(env), op(env), i.requestId);
    // A role change takes effect at once: the operator's open sessions end (resolve would refuse them anyway).
    if (request.kind === 'role') env.app.sessions.endFor(operatorId);
    return request;
  },
  'users.reject': (env, i) => rejectChangeRequest(ctxOf(env), op(env), i.requestId, i.note),
  'users.disable': (env, i) => {
    const row = disableOperator(ctxOf(env), op(env), i.operatorId, i.reason);
    env.app.sessions.endFor(row.id);
    return listOperators(ctxOf(env)).find((o) => o.id === row.id)!;
  },
  'users.resetPassword': (env, i) => {
    const row = resetPassword(ctxOf(env), op(env), i.operatorId, i.password);
    env.app.sessions.endFor(row.id);
    return listOperators(ctxOf(env)).find((o) => o.id === row.id)!;
  },
  'notices.list': (env, input) => listNotices(ctxOf(env), input),
  'notices.post': (env, { idempotencyKey: _key, ...input }) => postNotice(ctxOf(env), op(env), input),
  'notices.withdraw': (env, input) => withdrawNotice(ctxOf(env), op(env), input.noticeId),
  'rules.evaluateWithdrawal': (env, input) => decideWithdrawal(ctxOf(env), input.application),
  'rules.evaluateLoan': (env, input) => decideLoan(ctxOf(env), input.application),
  'rules.list': (env) => listRules(ctxOf(env).center.id),
  'rules.params': (env) => listParams(ctxOf(env).center.id),
  'rules.cases': (env) => ({ withdrawal: withdrawalCases(ctxOf(env).center.id), loan: loanHouseTypes(ctxOf(env).center.id) }),
  'rules.guides': (env, input) => {
    const ctx = ctxOf(env);
    return guides(ctx.center.id, input.asOf ?? today(ctx), evalOptions(ctx).overrides);
  },
  // With the interest accrued to today, so the live panel shows what a 销户 would pay.
  'rules.memberFacts': (env, input) => ledgerPerson(ctxOf(env), input.memberId, today(ctxOf(env))),
  'rates.list': (env) => ({ loan: loanRates(ctxOf(env)), deposit: depositRates(ctxOf(env)), penalty: penaltySettings(ctxOf(env)) }),
  // A row from today on is written at once; a back-dated one (with 补录原因) waits for a second administrator and the
  // table comes back unchanged (rates.pendingChanges lists it).
  'rates.addPenalty': (env, { idempotencyKey: _k, backdateReason, ...row }) => {
    submitChange(ctxOf(env), op(env), { kind: 'penalty', row }, backdateReason);
    return penaltySettings(ctxOf(env));
  },
  'rates.addLoan': (env, { idempotencyKey: _key, backdateReason, ...row }) => {
    submitChange(ctxOf(env), op(env), { kind: 'loan_rate', row: { ...row, secondUpTo5y: row.secondUpTo5y || null, secondOver5y: row.secondOver5y || null } }, backdateReason);
    return loanRates(ctxOf(env));
  },
  'rates.addDeposit': (env, { idempotencyKey: _key, backdateReason, ...row }) => {
    submitChange(ctxOf(env), op(env), { kind: 'deposit_rate', row }, backdateReason);
    return depositRates(ctxOf(env));
  },
  'rates.previewEffect': (env, i) => previewEffect(ctxOf(env), i.kind, i.effectiveFrom, i.paramId),
  'rates.pendingChanges': (env) => listChanges(ctxOf(env)),
  'rates.decideChange': (env, i) => decideChange(ctxOf(env), op(env), i.requestId, i.pass, i.note),
  'policy.overrides': (env) => policyOverrides(ctxOf(env)),
  'policy.addOverride': (env, { idempotencyKey: _key, backdateReason, ...o }) => {
    submitChange(ctxOf(env), op(env), { kind: 'override', row: o }, backdateReason);
    return policyOverrides(ctxOf(env));
  },
  'print.guide': (env, input) => {
    const ctx = ctxOf(env);
    const g = guides(ctx.center.id, today(ctx), evalOptions(ctx).overrides).find((x) => x.kind === input.kind && x.caseId === input.caseId);
    if (!g) throw new AppError('NOT_FOUND', `没有这项业务的办事指南：${input.caseId}`, 'caseId');
    return renderGuidePdf(g, chinaDateTime(ctx.clock.now())).then((pdf) => ({ fileName: `${g.title}.pdf`, pdfBase64: pdf.toString('base64') }));
  },
  'withdrawal.create': (env, { idempotencyKey: _k, ...input }) => withdrawalDto(ctxOf(env), createWithdrawal(ctxOf(env), op(env), input)),
  'withdrawal.update': (env, { idempotencyKey: _k, applicationId, version, ...input }) =>
    withdrawalDto(ctxOf(env), updateWithdrawal(ctxOf(env), op(env), applicationId, version, input)),
  'withdrawal.submit': (env, input) => withdrawalDto(ctxOf(env), submitWithdrawal(ctxOf(env), op(env), input.applicationId, input.version)),
  'withdrawal.review': (env, i) => withdrawalDto(ctxOf(env), reviewWithdrawal(ctxOf(env), op(env), i.applicationId, { ...(i.version !== undefined ? { version: i.version } : {}), pass: i.pass, ...(i.note ? { note: i.note } : {}) })),
  'withdrawal.approve': (env, i) => withdrawalDto(ctxOf(env), approveWithdrawal(ctxOf(env), op(env), i.applicationId, { ...(i.version !== undefined ? { version: i.version } : {}), pass: i.pass, ...(i.note ? { note: i.note } : {}) })),
  'withdrawal.pay': (env, i) => withdrawalDto(ctxOf(env), payWithdrawal(ctxOf(env), op(env), i.applicationId, i.idempotencyKey)),
  'withdrawal.cancel': (env, i) => withdrawalDto(ctxOf(env), cancelWithdrawal(ctxOf(env), op(env), i.applicationId, i.reason)),
  'withdrawal.requestReversal': (env, i) => withdrawalDto(ctxOf(env), requestReversal(ctxOf(env), op(env), i.applicationId, i.reason)),
  'withdrawal.reviewReversal': (env, i) => withdrawalDto(ctxOf(env), reviewReversal(ctxOf(env), op(env), i.applicationId, i.pass, i.note)),
  'withdrawal.approveReversal': (env, i) => withdrawalDto(ctxOf(env), approveReversal(ctxOf(env), op(env), i.applicationId, i.pass, i.idempotencyKey, i.note)),
  'withdrawal.get': (env, i) => withdrawalDto(ctxOf(env), i.applicationId),
  'withdrawal.list': (env, i) => inbox(ctxOf(env), op(env).role, i),
  'print.withdrawal': (env, i) => printWithdrawalForm(ctxOf(env), op(env), i.applicationId, i.form, i.ruleIds),
  'loan.create': (env, { idempotencyKey: _k, ...i }) => loanAppDto(ctxOf(env), createLoanApp(ctxOf(env), op(env), i)),
  'loan.createRemote': (env, { idempotencyKey: _k, ...i }) => loanAppDto(ctxOf(env), createRemoteLoanApp(ctxOf(env), op(env), i)),
  'loan.update': (env, { idempotencyKey: _k, applicationId, version, ...i }) => loanAppDto(ctxOf(env), updateLoanApp(ctxOf(env), op(env), applicationId, version, i)),
  'loan.submit': (env, i) => loanAppDto(ctxOf(env), submitLoan(ctxOf(env), op(env), i.applicationId, i.version)),
  'loan.review': (env, i) => loanAppDto(ctxOf(env), reviewLoan(ctxOf(env), op(env), i.applicationId, { ...(i.version !== undefined ? { version: i.version } : {}), pass: i.pass, ...(i.note ? { note: i.note } : {}) })),
  'loan.approve': (env, i) => loanAppDto(ctxOf(env), approveLoan(ctxOf(env), op(env), i.applicationId, { ...(i.version !== undefined ? { version: i.version } : {}), pass: i.pass, ...(i.note ? { note: i.note } : {}) })),
  'loan.cancel': (env, i) => loanAppDto(ctxOf(env), cancelLoan(ctxOf(env), op(env), i.applicationId, i.reason)),
  'loan.sign': (env, i) => loanAppDto(ctxOf(env), signLoanContract(ctxOf(env), op(env), i.applicationId, i)),
  'loan.disburse': (env, i) => loanAppDto(ctxOf(env), disburseLoan(ctxOf(env), op(env), i.applicationId, i.idempotencyKey)),
  'loan.get': (env, i) => loanAppDto(ctxOf(env), i.applicationId),
  'loan.list': (env, i) => loanInbox(ctxOf(env), op(env).role, i),
  'loan.schedule': (env, i) => loanSchedule(ctxOf(env), i.loanId),
  'members.loans': (env, i) => memberLoans(ctxOf(env), i.memberId),
  'print.loan': (env, i) => printLoanForm(ctxOf(env), op(env), i.applicationId, i.form, i.ruleIds),
  'loan.repay': (env, { idempotencyKey, ...i }) => repayLoan(ctxOf(env), op(env), { ...i, idempotencyKey }),
  'loan.prepay': (env, { idempotencyKey, ...i }) => prepayLoan(ctxOf(env), op(env), { ...i, idempotencyKey }),
  'loan.prepayPreview': (env, i) => previewPrepayment(ctxOf(env), i),
  'loan.status': (env, i) => loanStatus(ctxOf(env), i.loanId, i.asOf),
  'loan.repayments': (env, i) => loanRepayments(ctxOf(env), i.loanId),
  'loan.settlement': (env, i) => settlementCertificateData(ctxOf(env), i.loanId),
  'print.settlement': (env, i) => {
    const ctx = ctxOf(env);
    const data = settlementCertificateData(ctx, i.loanId);
    const env_ = { center: ctx.center, operator: op(env), printedAt: nowIso(ctx), today: today(ctx), reprint: false };
    return renderSettlementCertificate(data, env_).then((r) => ({ ...r, reprint: false }));
  },
  'interest.yearEnd': (env, i) => runYearEndInterest(ctxOf(env), op(env), i.year),
  // On a host the batch itself runs in the worker (dispatch.ts); here only its progress is read.
  'batch.progress': (env) => env.app.batches?.progress() ?? [],
  'loan.reprice': (env, i) => repriceLoans(ctxOf(env), op(env), { asOf: i.asOf, limit: i.limit ?? 1000 }),
  'appointments.list': (env, i) => listAppointments(ctxOf(env), i.date, i.branchCode),
  'appointments.create': (env, { idempotencyKey: _k, ...a }) => createAppointment(ctxOf(env), op(env), a),
  'appointments.import': (env, i) => importAppointments(ctxOf(env), op(env), i.format, i.content),
  'appointments.checkIn': (env, i) => setAppointmentStatus(ctxOf(env), op(env), i.appointmentId, '已签到'),
  'appointments.cancel': (env, i) => setAppointmentStatus(ctxOf(env), op(env), i.appointmentId, '已取消'),
  'appointments.forMember': (env, i) => memberAppointments(ctxOf(env), i.memberId),
  'audit.list': (env, input) =>
    (
      env.app.db
        .prepare('SELECT id, at, operator_login, action, record_type, record_id, detail FROM audit_log ORDER BY id DESC LIMIT ?')
        .all(input.limit) as Array<{ id: number; at: string; operator_login: string; action: string; record_type: string; record_id: string; detail: string }>
    ).map((r) => ({ id: r.id, at: r.at, operatorLogin: r.operator_login, action: r.action, recordType: r.record_type, recordId: r.record_id, detail: r.detail })),
  ...HOST_HANDLERS,
  ...SYNC_HANDLERS,
  ...CONDITION_HANDLERS,
  ...DRAFT_HANDLERS,
  ...SYNC_FILE_HANDLERS,
};

/**
 * The generic 冲正 call is for entries no workflow owns (remittances, manual corrections). A withdrawal payout is
 * undone by its own reviewed and approved reversal; a prepayment or a disbursement changed a loan's schedule and
 * status, which a bare reversal would leave behind — those are refused here rather than half-undone.
 */
function guardGenericReversal(ctx: ServiceContext, entryId: number): void {
  const e = ctx.db.prepare('SELECT business_type, ref_type FROM journal_entries WHERE id = ?').get(entryId) as { business_type: string; ref_type: string | null } | undefined;
  if (!e) return;
  if (e.ref_type === 'application') throw new AppError('CONFLICT', '提取支付须通过提取申请的冲正流程（申请冲正 → 复核 → 审批）办理', 'entryId');
  if (e.business_type === '贷款发放') throw new AppError('CONFLICT', '贷款发放不能直接冲正：贷款已生成还款计划和借款合同', 'entryId');
  const prepay = ctx.db.prepare(`SELECT kind FROM loan_repayments WHERE entry_id = ? AND kind <> 'repay'`).get(entryId) as { kind: string } | undefined;
  if (prepay) throw new AppError('CONFLICT', '提前还款已改变贷款的还款计划（或已结清），不能直接冲正；请按新的还款计划办理', 'entryId');
}

/**
 * 003 贷款程序5: 到公积金管理中心开具放款通知单(未婚、离异、农业户口、共有产权的须在银川市公证处办理贷款公证)
 * (rule yc.flow.loanNotarisation). Whether it applies is read from the application's recorded facts (婚姻状况,
 * 农业户口, 共有产权); the notarisation is recorded (公证处, 公证书编号, 公证日期, who recorded it) after approval, and
 * disbursement — with the 放款通知单 — is refused without it.
 */
import type { NotarisationDto, NotarisationStatusDto } from '../../shared/contract/conditions';
import { AppError, badInput, conflict } from '../../shared/errors';
import { audit } from '../audit/log';
import type { Operator, ServiceContext } from '../context';
import { nowIso, today } from '../context';
import { expectState, loadApp, type AppRow } from '../withdrawal/store';
import { hasWorkflowRule, RULE_IDS } from './rules';

export function notarisationReasons(ctx: ServiceContext, row: Pick<AppRow, 'facts_json'>): string[] {
  if (!hasWorkflowRule(ctx.center.id, RULE_IDS.notarisation)) return [];
  const f = JSON.parse(row.facts_json) as { maritalStatus?: string; agriculturalHukou?: boolean; house?: { coOwnership?: boolean } };
  const reasons: string[] = [];
  if ((f.maritalStatus ?? 'single') === 'single') reasons.push('未婚');
  if (f.maritalStatus === 'divorced') reasons.push('离异');
  if (f.agriculturalHukou === true) reasons.push('农业户口');
  if (f.house?.coOwnership === true) reasons.push('共有产权');
  return reasons;
}

function record(ctx: ServiceContext, applicationId: number): NotarisationDto | null {
  const r = ctx.db
    .prepare('SELECT n.*, o.name AS recorded_name FROM loan_notarisations n JOIN operators o ON o.id = n.recorded_by WHERE n.application_id = ?')
    .get(applicationId) as { application_id: number; notary_office: string; notary_no: string; notarised_date: string; recorded_name: string; recorded_at: string } | undefined;
  return r ? { applicationId: r.application_id, notaryOffice: r.notary_office, notaryNo: r.notary_no, notarisedDate: r.notarised_date, recordedBy: r.recorded_name, recordedAt: r.recorded_at } : null;
}

export function notarisationStatus(ctx: ServiceContext, applicationId: number): NotarisationStatusDto {
  const row = loadApp(ctx, applicationId, 'loan');
  const reasons = notarisationReasons(ctx, row);
  return { reasons, required: reasons.length > 0, record: record(ctx, applicationId) };
}

export function recordNotarisation(ctx: ServiceContext, by: Operator, applicationId: number, input: { notaryOffice: string; notaryNo: string; notarisedDate: string }): NotarisationStatusDto {
  const row = loadApp(ctx, applicationId, 'loan');
  const reasons = notarisationReasons(ctx, row);
  if (reasons.length === 0) throw new AppError('RULE', '本笔贷款的借款人不属于未婚、离异、农业户口、共有产权情形，无需登记贷款公证');
  expectState(row, ['已审批', '已签约'], '登记贷款公证');
  if (record(ctx, applicationId)) throw conflict(`申请${row.app_no}已登记贷款公证`);
  if (input.notarisedDate > today(ctx)) throw badInput('notarisedDate', `公证日期不能晚于今天（${today(ctx)}）`);
  const approved = row.approved_at!.slice(0, 10);
  if (input.notarisedDate < approved) throw badInput('notarisedDate', `公证日期不能早于贷款审批日期（${approved}）`);
  if (!/^[\p{Script=Han}A-Za-z0-9()（）〔〕\-第号字]{4,60}$/u.test(input.notaryNo)) throw badInput('notaryNo', '公证书编号：应为公证书上的编号，如（2026）宁银证字第1234号');
  ctx.db
    .prepare('INSERT INTO loan_notarisations (application_id, notary_office, notary_no, notarised_date, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(applicationId, input.notaryOffice, input.notaryNo, input.notarisedDate, by.id, nowIso(ctx));
  audit(ctx, { operator: by, action: 'loan.recordNotarisation', recordType: 'application', recordId: applicationId, detail: { ...input, reasons } });
  return notarisationStatus(ctx, applicationId);
}

/** Disbursement (and the 放款通知单) wait for it. */
export function assertNotarised(ctx: ServiceContext, row: AppRow): void {
  const reasons = notarisationReasons(ctx, row);
  if (reasons.length === 0 || record(ctx, row.id)) return;
  throw new AppError('RULE', `借款人属于${reasons.join('、')}情形，须在银川市公证处办理贷款公证：请先登记公证书编号和公证日期，再放款（003：未婚、离异、农业户口、共有产权的须在银川市公证处办理贷款公证）`);
}

export function notarisationOf(ctx: ServiceContext, applicationId: number): NotarisationDto | null {
  return record(ctx, applicationId);
}

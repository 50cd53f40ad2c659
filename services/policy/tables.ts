/**
 * The dated policy data an administrator maintains in the database: loan rates, deposit rates and parameter
 * overrides. Seeded from shared/rates at initialisation; rows are append-only (a later effective date supersedes).
 */
import { DEPOSIT_RATES, type DepositRateRow } from '../../shared/rates/depositRates';
import { NATIONAL_LOAN_RATES, type LoanRateRow } from '../../shared/rates/loanRates';
import type { PenaltySetting } from '../../shared/rates/penaltyRates';
import { isIsoDate } from '../../shared/dates';
import { penaltyOutOfBounds, rateOutOfBounds } from '../../shared/rates/bounds';
import { badInput, conflict } from '../../shared/errors';
import { audit } from '../audit/log';
import type { Operator, ServiceContext } from '../context';
import { nowIso } from '../context';

export interface ParamOverrideRow {
  paramId: string;
  effectiveFrom: string;
  value: unknown;
  note: string;
  createdAt: string;
  createdBy: string;
}

const RATE = /^\d{1,2}(\.\d{1,4})?$/;

export function seedPolicyTables(ctx: ServiceContext): void {
  const at = nowIso(ctx);
  const loan = ctx.db.prepare(
    `INSERT OR IGNORE INTO loan_rates (effective_from, first_up_to_5y, first_over_5y, second_up_to_5y, second_over_5y, source, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'system')`,
  );
  for (const r of NATIONAL_LOAN_RATES) loan.run(r.effectiveFrom, r.firstUpTo5y, r.firstOver5y, r.secondUpTo5y, r.secondOver5y, r.source, at);
  const dep = ctx.db.prepare(
    `INSERT OR IGNORE INTO deposit_rates (effective_from, annual_rate_percent, source, created_at, created_by) VALUES (?, ?, ?, ?, 'system')`,
  );
  for (const r of DEPOSIT_RATES) dep.run(r.effectiveFrom, r.annualRatePercent, r.source, at);
}

export function loanRates(ctx: ServiceContext): LoanRateRow[] {
  return (
    ctx.db.prepare('SELECT * FROM loan_rates ORDER BY effective_from').all() as Array<{
      effective_from: string;
      first_up_to_5y: string;
      first_over_5y: string;
      second_up_to_5y: string | null;
      second_over_5y: string | null;
      source: string;
    }>
  ).map((r) => ({
    effectiveFrom: r.effective_from,
    firstUpTo5y: r.first_up_to_5y,
    firstOver5y: r.first_over_5y,
    secondUpTo5y: r.second_up_to_5y,
    secondOver5y: r.second_over_5y,
    source: r.source,
  }));
}

export function depositRates(ctx: ServiceContext): DepositRateRow[] {
  return (
    ctx.db.prepare('SELECT effective_from, annual_rate_percent, source FROM deposit_rates ORDER BY effective_from').all() as Array<{
      effective_from: string;
      annual_rate_percent: string;
      source: string;
    }>
  ).map((r) => ({ effectiveFrom: r.effective_from, annualRatePercent: r.annual_rate_percent, source: r.source }));
}

/** 罚息 settings (multiplier on the contract rate, day basis), dated; seeded by migration 008 from shared/rates/penaltyRates.ts. */
export function penaltySettings(ctx: ServiceContext): PenaltySetting[] {
  return (
    ctx.db.prepare('SELECT effective_from, multiplier, day_basis, source FROM penalty_settings ORDER BY effective_from').all() as Array<{
      effective_from: string;
      multiplier: string;
      day_basis: 360 | 365;
      source: string;
    }>
  ).map((r) => ({ effectiveFrom: r.effective_from, multiplier: r.multiplier, dayBasis: r.day_basis, source: r.source }));
}

/** Checks a 罚息 row (format, bounds, no second row on its date) without writing. */
export function checkPenaltySetting(ctx: ServiceContext, row: PenaltySetting): void {
  if (!isIsoDate(row.effectiveFrom)) throw badInput('effectiveFrom', '生效日期应为有效日期（YYYY-MM-DD）');
  if (!/^\d(\.\d{1,4})?$/.test(row.multiplier) || Number(row.multiplier) < 1) throw badInput('multiplier', '罚息倍数应为不小于1的数，如 1.5（合同利率加收50%）');
  const outOfBounds = penaltyOutOfBounds(row.multiplier);
  if (outOfBounds) throw badInput('multiplier', `罚息倍数${outOfBounds}`);
  if (row.dayBasis !== 360 && row.dayBasis !== 365) throw badInput('dayBasis', '计息基数应为360或365天');
  const dup = ctx.db.prepare('SELECT 1 FROM penalty_settings WHERE effective_from = ?').get(row.effectiveFrom);
  if (dup) throw conflict(`${row.effectiveFrom} 已有一行罚息设置`, 'effectiveFrom');
}

/** 罚息 settings are dated data like the rates: a later effective date supersedes, nothing is edited. */
export function addPenaltySetting(ctx: ServiceContext, by: Operator, row: PenaltySetting): PenaltySetting[] {
  checkPenaltySetting(ctx, row);
  ctx.db
    .prepare('INSERT INTO penalty_settings (effective_from, multiplier, day_basis, source, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
    .run(row.effectiveFrom, row.multiplier, row.dayBasis, row.source, nowIso(ctx), by.login);
  audit(ctx, { operator: by, action: 'rates.penalty.add', recordType: 'penalty_setting', recordId: row.effectiveFrom, detail: row });
  return penaltySettings(ctx);
}

/** Checks a loan-rate row (format, plausible bounds, no second row on its date) without writing. */
export function checkLoanRate(ctx: ServiceContext, row: LoanRateRow): void {
  if (!isIsoDate(row.effectiveFrom)) throw badInput('effectiveFrom', '生效日期应为有效日期（YYYY-MM-DD）');
  for (const [field, label, v] of [
    ['firstUpTo5y', '首套五年以下（含五年）利率', row.firstUpTo5y],
    ['firstOver5y', '首套五年以上利率', row.firstOver5y],
    ['secondUpTo5y', '第二套五年以下（含五年）利率', row.secondUpTo5y],
    ['secondOver5y', '第二套五年以上利率', row.secondOver5y],
  ] as const) {
    if (v !== null && !RATE.test(v)) throw badInput(field, `${label}应为年利率百分数，如 2.60`);
    const outOfBounds = v === null ? null : rateOutOfBounds(v);
    if (outOfBounds) throw badInput(field, `${label}${outOfBounds}`);
  }
  const dup = ctx.db.prepare('SELECT 1 FROM loan_rates WHERE effective_from = ?').get(row.effectiveFrom);
  if (dup) throw conflict(`${row.effectiveFrom} 已有一行利率；利率表只追加，请用新的生效日期`, 'effectiveFrom');
}

export function addLoanRate(ctx: ServiceContext, by: Operator, row: LoanRateRow): LoanRateRow[] {
  checkLoanRate(ctx, row);
  ctx.db
    .prepare(
      `INSERT INTO loan_rates (effective_from, first_up_to_5y, first_over_5y, second_up_to_5y, second_over_5y, source, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(row.effectiveFrom, row.firstUpTo5y, row.firstOver5y, row.secondUpTo5y, row.secondOver5y, row.source, nowIso(ctx), by.login);
  audit(ctx, { operator: by, action: 'rates.loan.add', recordType: 'loan_rate', recordId: row.effectiveFrom, detail: row });
  return loanRates(ctx);
}

/** Checks a deposit-rate row (format, plausible bounds, no second row on its date) without writing. */
export function checkDepositRate(ctx: ServiceContext, row: DepositRateRow): void {
  if (!isIsoDate(row.effectiveFrom)) throw badInput('effectiveFrom', '生效日期应为有效日期（YYYY-MM-DD）');
  if (!RATE.test(row.annualRatePercent)) throw badInput('annualRatePercent', '存款年利率应为百分数，如 1.50');
  const outOfBounds = rateOutOfBounds(row.annualRatePercent);
  if (outOfBounds) throw badInput('annualRatePercent', `存款年利率${outOfBounds}`);
  const dup = ctx.db.prepare('SELECT 1 FROM deposit_rates WHERE effective_from = ?').get(row.effectiveFrom);
  if (dup) throw conflict(`${row.effectiveFrom} 已有一行存款利率`, 'effectiveFrom');
}

export function addDepositRate(ctx: ServiceContext, by: Operator, row: DepositRateRow): DepositRateRow[] {
  checkDepositRate(ctx, row);
  ctx.db
    .prepare('INSERT INTO deposit_rates (effective_from, annual_rate_percent, source, created_at, created_by) VALUES (?, ?, ?, ?, ?)')
    .run(row.effectiveFrom, row.annualRatePercent, row.source, nowIso(ctx), by.login);
  audit(ctx, { operator: by, action: 'rates.deposit.add', recordType: 'deposit_rate', recordId: row.effectiveFrom, detail: row });
  return depositRates(ctx);
}

export function policyOverrides(ctx: ServiceContext): ParamOverrideRow[] {
  return (
    ctx.db.prepare('SELECT * FROM policy_overrides ORDER BY param_id, effective_from').all() as Array<{
      param_id: string;
      effective_from: string;
      value_json: string;
      note: string;
      created_at: string;
      created_by: string;
    }>
  ).map((r) => ({ paramId: r.param_id, effectiveFrom: r.effective_from, value: JSON.parse(r.value_json) as unknown, note: r.note, createdAt: r.created_at, createdBy: r.created_by }));
}

/** Checks an override's date and that its parameter has no other override on that date, without writing. */
export function checkPolicyOverrideDate(ctx: ServiceContext, o: { paramId: string; effectiveFrom: string }): void {
  if (!isIsoDate(o.effectiveFrom)) throw badInput('effectiveFrom', '生效日期应为有效日期（YYYY-MM-DD）');
  const dup = ctx.db.prepare('SELECT 1 FROM policy_overrides WHERE param_id = ? AND effective_from = ?').get(o.paramId, o.effectiveFrom);
  if (dup) throw conflict(`参数 ${o.paramId} 在 ${o.effectiveFrom} 已有调整`, 'effectiveFrom');
}

/** Stores an override after the caller has validated it against the pack's parameter schema. */
export function addPolicyOverride(ctx: ServiceContext, by: Operator, o: { paramId: string; effectiveFrom: string; value: unknown; note: string }): ParamOverrideRow[] {
  checkPolicyOverrideDate(ctx, o);
  ctx.db
    .prepare('INSERT INTO policy_overrides (param_id, effective_from, value_json, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
    .run(o.paramId, o.effectiveFrom, JSON.stringify(o.value), o.note, nowIso(ctx), by.login);
  audit(ctx, { operator: by, action: 'policy.override.add', recordType: 'policy_param', recordId: o.paramId, detail: o });
  return policyOverrides(ctx);
}

/**
 * 罚息 (penalty interest) on one overdue installment, pure.
 *
 * penalty = Σ over days past due of (overdue principal + overdue interest of the installment that day)
 *           × the installment's annual rate × multiplier ÷ day basis
 * with the multiplier and day basis from the dated penalty setting in force that day (services/policy/tables.ts
 * penaltySettings, seeded from shared/rates/penaltyRates.ts: 1.5 and 360 — data, not code). Days are counted from
 * the due date (exclusive of nothing: a payment ON the due date owes no penalty; each later day counts) up to the
 * as-of date, 算头不算尾: due 2026-07-25, as of 2026-08-04 → 10 days. A payment on a day lowers the overdue amount
 * from that day on. The exact sum is rounded half-up to the fen once (shared/money roundFen).
 */
import { D, roundFen } from '../../../shared/money';
import { penaltySettingOn, type PenaltySetting } from '../../../shared/rates/penaltyRates';
import { dayNo, fromDayNo } from './dates';

export interface PenaltyInput {
  dueDate: string;
  /** Principal + interest of the installment. */
  paymentFen: number;
  annualRatePercent: string;
  /** Payments of this installment's principal and interest, any order. */
  payments: ReadonlyArray<{ date: string; principalFen: number; interestFen: number }>;
  asOf: string;
  settings: readonly PenaltySetting[];
}

export interface PenaltySegment {
  from: string;
  to: string;
  days: number;
  overdueFen: number;
  multiplier: string;
  dayBasis: number;
}

export function penaltyAccrued(input: PenaltyInput): { fen: number; segments: PenaltySegment[] } {
  const due = dayNo(input.dueDate);
  const end = dayNo(input.asOf);
  if (end <= due) return { fen: 0, segments: [] };
  let overdue = input.paymentFen;
  const byDay = new Map<number, number>();
  for (const p of input.payments) {
    const d = dayNo(p.date);
    const amount = p.principalFen + p.interestFen;
    if (d <= due) overdue -= amount;
    else byDay.set(d, (byDay.get(d) ?? 0) + amount);
  }
  const points = new Set<number>([due, end]);
  for (const d of byDay.keys()) if (d < end) points.add(d);
  for (const s of input.settings) {
    const d = dayNo(s.effectiveFrom);
    if (d > due && d < end) points.add(d);
  }
  const sorted = [...points].sort((a, b) => a - b);
  const segments: PenaltySegment[] = [];
  let yuan = new D(0);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    if (i > 0) overdue -= byDay.get(a) ?? 0;
    if (overdue <= 0) break;
    const b = sorted[i + 1]!;
    const setting = penaltySettingOn(input.settings, fromDayNo(a));
    segments.push({ from: fromDayNo(a), to: fromDayNo(b), days: b - a, overdueFen: overdue, multiplier: setting.multiplier, dayBasis: setting.dayBasis });
    // fen × days × percent × multiplier ÷ 100 (percent) ÷ basis ÷ 100 (fen → yuan)
    yuan = yuan.plus(new D(overdue).times(b - a).times(input.annualRatePercent).times(setting.multiplier).dividedBy(setting.dayBasis).dividedBy(10_000));
  }
  return { fen: roundFen(yuan), segments };
}

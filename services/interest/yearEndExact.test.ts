/**
 * 年终结息 in integer arithmetic (issue 14) gives the same fen as the decimal.js formula it replaced: on random and
 * half-way cases, and account by account on a demo database (the oracle recomputes each account's 积数 itself).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../testing/harness';
import { generateDemo } from '../demo/generate';
import { rng } from '../demo/names';
import { SYSTEM_OPERATOR } from '../context';
import { depositRates } from '../policy/tables';
import { runYearEndInterest, yearInterestFen, yearInterestFenDecimal } from './yearEnd';
import { yearEndWorkerFile } from './yearEndSums';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

describe('年终结息, integer arithmetic', () => {
  it('rounds exactly as the decimal formula, half-way cases included', () => {
    const rand = rng(14);
    const rates = ['1.5', '1.50', '0.35', '2.75', '1.1', '3.25', '1.123456', '1.1234567'];
    for (let i = 0; i < 20_000; i++) {
      const parts = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => ({
        fenDays: Math.floor(rand() * (rand() < 0.5 ? 1e6 : 4e11)),
        rate: rates[Math.floor(rand() * rates.length)]!,
      }));
      expect(yearInterestFen(parts), JSON.stringify(parts)).toBe(yearInterestFenDecimal(parts));
    }
    // fen-days × 1.5 / 36,000 = k + 0.5 exactly: half-up gives k + 1.
    for (const k of [0, 1, 86, 999_999]) {
      const parts = [{ fenDays: 24_000 * k + 12_000, rate: '1.5' }];
      expect(yearInterestFen(parts)).toBe(k + 1);
      expect(yearInterestFenDecimal(parts)).toBe(k + 1);
      expect(yearInterestFen([{ fenDays: 24_000 * k + 11_999, rate: '1.5' }])).toBe(k);
    }
    // 2,081,400 yuan-days × 1.50% ÷ 360 = 86.725 → 86.73 (services/interest/yearEnd.test.ts)
    expect(yearInterestFen([{ fenDays: 208_140_000, rate: '1.50' }])).toBe(8673);
  });

  // 36 months: two years of history before the settlement year, which the run no longer reads (it starts from the
  // running totals); the oracle below still sums every posting since the first. With a second thread: half the year's
  // postings read by yearEndWorker (yearEndSums.ts), even on this small ledger.
  it.each([
    [12, 'one thread'],
    [36, 'one thread'],
    [12, 'a second thread'],
  ] as const)('credits every account of a demo database (%i months of history, %s) to the fen of the decimal formula', (months, threads) => {
    h = harness('yinchuan', '2026-07-10T02:00:00Z');
    const ctx = h.app.ctx!;
    generateDemo(ctx, SYSTEM_OPERATOR, { members: 400, months, perEmployer: 40 });
    const before = ctx.db.sqlite.prepare(`SELECT COUNT(*) FROM postings p JOIN journal_entries e ON e.id = p.entry_id WHERE e.booked_date < '2025-07-01'`).pluck().get() as number;
    const after = ctx.db.sqlite.prepare(`SELECT COUNT(*) FROM postings p JOIN journal_entries e ON e.id = p.entry_id WHERE e.booked_date >= '2026-07-01'`).pluck().get() as number;
    if (months > 12) expect(before).toBeGreaterThan(10_000);
    expect(after).toBeGreaterThan(0); // this month's 汇缴, after the year: part of the running totals, not of the 积数
    // A rate change inside the year, so that accounts have two segments.
    ctx.db.sqlite.prepare(`INSERT INTO deposit_rates (effective_from, annual_rate_percent, source, created_at, created_by) VALUES ('2026-02-01', '1.35', '测试', '2026-01-01T00:00:00Z', 'test')`).run();
    const start = '2025-07-01';
    const end = '2026-07-01';
    const rates = depositRates(ctx);
    const cuts = [start, ...rates.map((r) => r.effectiveFrom).filter((d) => d > start && d < end), end].sort();
    expect(cuts).toHaveLength(3);
    const want = new Map<number, Array<{ fenDays: number; rate: string }>>();
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [from, to] = [cuts[i]!, cuts[i + 1]!];
      const rate = rates.filter((r) => r.effectiveFrom <= from).pop()!.annualRatePercent;
      const rows = ctx.db.sqlite
        .prepare(
          `SELECT p.account_id AS id, SUM((CASE p.side WHEN 'C' THEN p.amount_fen ELSE -p.amount_fen END)
                    * (julianday(?) - julianday(MAX(e.booked_date, ?)))) AS fd
             FROM postings p JOIN journal_entries e ON e.id = p.entry_id JOIN accounts a ON a.id = p.account_id
            WHERE a.parent_code IN ('201', '202') AND e.booked_date < ? GROUP BY p.account_id`,
        )
        .all(to, from, to) as Array<{ id: number; fd: number }>;
      for (const r of rows) if (r.fd > 0) want.set(r.id, [...(want.get(r.id) ?? []), { fenDays: Math.round(r.fd), rate }]);
    }
    const r = runYearEndInterest(ctx, SYSTEM_OPERATOR, 2026, threads === 'one thread' ? { sumsWorker: null } : { sumsWorker: yearEndWorkerFile(), sumsWorkerMinPostings: 0 });
    const got = new Map(
      (ctx.db.sqlite.prepare(`SELECT p.account_id AS id, p.amount_fen AS fen FROM postings p JOIN journal_entries e ON e.id = p.entry_id WHERE e.business_type = '年终结息' AND p.side = 'C'`).all() as Array<{ id: number; fen: number }>).map((x) => [x.id, x.fen]),
    );
    const expected = new Map([...want].map(([id, parts]) => [id, yearInterestFenDecimal(parts)] as const).filter(([, fen]) => fen > 0));
    expect(got.size).toBeGreaterThan(300);
    expect(got).toEqual(expected);
    expect(r.totalFen).toBe([...expected.values()].reduce((a, b) => a + b, 0));
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';
import { postEntry } from '../ledger/post';
import { accountIdByCode, memberAccountId } from '../ledger/accounts';
import { SYSTEM_OPERATOR } from '../context';
import { accrue, accruedInterest, settlementYearStart } from './accrual';
import { DEPOSIT_RATES, depositRateOn } from '../../shared/rates/depositRates';
import { D, roundFen } from '../../shared/money';

describe('积数 interest (360-day basis, 1.50%)', () => {
  it('10,000.00 held 365 days earns 152.08 (domain notes)', () => {
    const a = accrue(1_000_000, [], '2025-07-01', '2026-07-01', DEPOSIT_RATES);
    expect(a.productFenDays).toBe(1_000_000 * 365);
    expect(a.interestFen).toBe(15208);
  });

  it('counts a deposit from its booking day and a withdrawal likewise, 算头不算尾', () => {
    // 1,000.00 from 07-01; +500.00 on 07-11; −300.00 on 07-21; up to 08-01 (31 days):
    // 1000×10 + 1500×10 + 1200×11 = 38,200 yuan-days → 38,200 × 1.5% ÷ 360 = 1.591666… → 1.59
    const a = accrue(100_000, [{ date: '2025-07-11', amountFen: 50_000 }, { date: '2025-07-21', amountFen: -30_000 }], '2025-07-01', '2025-08-01', DEPOSIT_RATES);
    expect(a.segments.map((s) => [s.days, s.balanceFen])).toEqual([[10, 100_000], [10, 150_000], [11, 120_000]]);
    expect(a.interestFen).toBe(159);
  });

  it('applies each rate from its effective day', () => {
    const rates = [...DEPOSIT_RATES, { effectiveFrom: '2025-07-16', annualRatePercent: '3.00', source: 'test' }];
    // 36,000.00: 15 days at 1.5% (22.50) + 15 days at 3% (45.00) = 67.50
    const a = accrue(3_600_000, [], '2025-07-01', '2025-07-31', rates);
    expect(a.interestFen).toBe(6750);
  });

  it('knows the settlement year (1 July – 30 June)', () => {
    expect(settlementYearStart('2026-06-30')).toBe('2025-07-01');
    expect(settlementYearStart('2026-07-01')).toBe('2026-07-01');
  });
});

/** The first implementation (one decimal product per segment, every movement re-scanned per segment), kept as the reference. */
function referenceAccrue(openingFen: number, movements: Array<{ date: string; amountFen: number }>, fromDate: string, toDate: string, rates: typeof DEPOSIT_RATES) {
  const DAY = 86_400_000;
  const toDay = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY;
  const fromDay = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
  const start = toDay(fromDate);
  const end = toDay(toDate);
  const points = new Set<number>([start, end]);
  for (const m of movements) if (toDay(m.date) > start && toDay(m.date) < end) points.add(toDay(m.date));
  for (const r of rates) if (toDay(r.effectiveFrom) > start && toDay(r.effectiveFrom) < end) points.add(toDay(r.effectiveFrom));
  const sorted = [...points].sort((a, b) => a - b);
  let balance = openingFen;
  for (const m of movements) if (toDay(m.date) <= start) balance += m.amountFen;
  let interest = new D(0);
  let product = 0;
  const segments: Array<[number, number, string]> = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    if (i > 0) for (const m of movements) if (toDay(m.date) === a) balance += m.amountFen;
    const days = sorted[i + 1]! - a;
    const rate = depositRateOn(rates, fromDay(a)).annualRatePercent;
    segments.push([days, balance, rate]);
    product += balance * days;
    interest = interest.plus(new D(balance).times(days).times(rate));
  }
  return { product, segments, interestFen: Math.max(0, roundFen(interest.dividedBy(100).dividedBy(360).dividedBy(100))) };
}

describe('the per-rate integer sums give the reference figures to the fen', () => {
  it('on 2,000 random histories: movements on one day, before the start, after the end, rate changes, large balances', () => {
    let seed = 20261127;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const day = (n: number) => new Date(Date.UTC(2025, 6, 1) + n * 86_400_000).toISOString().slice(0, 10);
    let differentRates = 0;
    for (let k = 0; k < 2000; k++) {
      const rates = [...DEPOSIT_RATES];
      for (let r = rand(3); r > 0; r--) rates.push({ effectiveFrom: day(rand(400) - 20), annualRatePercent: ['1.35', '2.75', '3.00', '1.5'][rand(4)]!, source: 'test' });
      const unique = rates.filter((r, i) => rates.findIndex((x) => x.effectiveFrom === r.effectiveFrom) === i);
      const movements = Array.from({ length: rand(30) }, () => ({ date: day(rand(420) - 30), amountFen: (rand(2) ? 1 : -1) * rand(k % 7 === 0 ? 9_000_000_000_000 : 5_000_000) }));
      const from = day(rand(40));
      const to = day(40 + rand(330));
      const opening = rand(k % 5 === 0 ? 900_000_000_000 : 10_000_000);
      const got = accrue(opening, movements, from, to, unique);
      const want = referenceAccrue(opening, movements, from, to, unique);
      expect(got.interestFen, `history ${k}`).toBe(want.interestFen);
      expect(got.productFenDays).toBe(want.product);
      expect(got.segments.map((s) => [s.days, s.balanceFen, s.ratePercent])).toEqual(want.segments);
      if (new Set(want.segments.map((s) => s[2])).size > 1) differentRates++;
    }
    expect(differentRates).toBeGreaterThan(200);
  });
});

describe('accruedInterest reads the account from the ledger', () => {
  let h: Harness | null = null;
  afterEach(() => h?.close());

  it('from the day after a 年终结息 booked inside the settlement year, with the balance before it as the opening', () => {
    h = harness('yinchuan', '2025-06-01T02:00:00Z');
    const e = newEmployer(h);
    const m = newMember(h, e.id, { baseFen: 1_000_000, openedDate: '2025-06-01' });
    const ctx = h.app.ctx!;
    const acct = memberAccountId(ctx, m.id, 'basic')!;
    const bank = accountIdByCode(ctx, '101');
    const expense = accountIdByCode(ctx, '411');
    const post = (date: string, businessType: string, debit: number, credit: number, fen: number) =>
      postEntry(ctx, { idempotencyKey: `t-${date}-${businessType}`, businessType, summary: businessType, bookedDate: date, operator: SYSTEM_OPERATOR, lines: [{ accountId: debit, side: 'D', amountFen: fen }, { accountId: credit, side: 'C', amountFen: fen }] });
    h.at('2026-03-01T02:00:00Z');
    post('2025-06-10', '汇缴', bank, acct, 500_000); // before the settlement year: opening balance 5,000.00
    post('2025-09-01', '汇缴', bank, acct, 100_000); // +1,000.00
    post('2025-12-31', '年终结息', expense, acct, 2_000); // a 年终结息 booked off 30 June (a center's own date): +20.00
    post('2026-01-10', '汇缴', bank, acct, 300_000); // +3,000.00
    // From 2026-01-01 (the day after the credit) to 2026-02-01: 6,020.00 × 9 days + 9,020.00 × 22 days = 252,620 yuan-days
    // × 1.5% ÷ 360 = 10.525833… → 10.53.
    const a = accruedInterest(ctx, acct, '2026-02-01');
    expect(a.fromDate).toBe('2026-01-01');
    expect(a.segments.map((s) => [s.from, s.days, s.balanceFen])).toEqual([['2026-01-01', 9, 602_000], ['2026-01-10', 22, 902_000]]);
    expect(a.interestFen).toBe(1053);
    // Without that credit the period would open on 2025-07-01: 5,000.00 from then, 6,000.00 from 09-01 …
    const before = accruedInterest(ctx, acct, '2025-12-31');
    expect(before.fromDate).toBe('2025-07-01');
    expect(before.segments.map((s) => [s.days, s.balanceFen])).toEqual([[62, 500_000], [121, 600_000]]);
  });
});

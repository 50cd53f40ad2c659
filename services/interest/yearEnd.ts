/**
 * 年终结息 on 30 June: interest for the settlement year (1 July – 30 June) on every member account that is not
 * closed, by the 积数 method at the deposit rate in force each day (services/interest/accrual.ts states the
 * conventions), credited as 年终结息 entries (Dr 411 业务支出, Cr each member account), booked on 30 June.
 *
 * Set-based for a whole center: Σ balance × days equals opening × days + Σ movement × days remaining, so one
 * grouped query over the postings gives every account's 积数 per rate segment without replaying each day.
 * Idempotent: a run is recorded per year and a second run for the same year posts nothing.
 */
import { D, roundFen, roundFenRatio } from '../../shared/money';
import { AppError } from '../../shared/errors';
import type { Operator, ServiceContext } from '../context';
import { nowIso, today } from '../context';
import { accountIdByCode } from '../ledger/accounts';
import { postEntry, type PostingLine } from '../ledger/post';
import { systemKey } from '../ledger/keys';
import { depositRates } from '../policy/tables';
import { audit } from '../audit/log';
import { DAY_BASIS } from './accrual';

export interface YearEndResult {
  year: number;
  bookedDate: string;
  accounts: number;
  totalFen: number;
  entries: number;
  alreadyRun: boolean;
  seconds: number;
}

const CHUNK = 50_000;

export function runYearEndInterest(ctx: ServiceContext, by: Operator, year: number): YearEndResult {
  const started = performance.now();
  const prior = ctx.db.prepare('SELECT * FROM interest_runs WHERE year = ?').get(year) as
    | { booked_date: string; accounts: number; total_fen: number; entries: number }
    | undefined;
  if (prior) return { year, bookedDate: prior.booked_date, accounts: prior.accounts, totalFen: prior.total_fen, entries: prior.entries, alreadyRun: true, seconds: 0 };
  const start = `${year - 1}-07-01`;
  const end = `${year}-07-01`; // exclusive: 30 June itself earns interest
  const booked = `${year}-06-30`;
  if (booked > today(ctx)) throw new AppError('BAD_INPUT', `${year}年度的结息日${booked}尚未到来`, 'year');
  const later = ctx.db.prepare(`SELECT 1 FROM journal_entries WHERE business_type = '年终结息' AND booked_date > ?`).get(booked);
  if (later) throw new AppError('CONFLICT', `已有晚于${booked}的年终结息，不能补结${year}年度`);

  // Rate segments inside the year: [from, to) with the rate in force from `from`.
  const rates = depositRates(ctx);
  const cuts = [start, ...rates.map((r) => r.effectiveFrom).filter((d) => d > start && d < end), end].sort();
  const segments = cuts.slice(0, -1).map((from, i) => {
    const rate = [...rates].filter((r) => r.effectiveFrom <= from).pop();
    if (!rate) throw new AppError('NOT_FOUND', `${from}没有有效的存款利率`);
    return { from, to: cuts[i + 1]!, rate: rate.annualRatePercent };
  });

  // Per account and segment: opening balance before the segment × its days + each movement inside it × days left.
  const product = new Map<number, Array<{ fenDays: number; rate: string }>>();
  for (const seg of segments) {
    const rows = ctx.db
      .prepare(
        `SELECT a.id AS account_id,
                SUM(CASE WHEN e.booked_date < :from THEN (CASE p.side WHEN 'C' THEN p.amount_fen ELSE -p.amount_fen END) * (julianday(:to) - julianday(:from))
                         ELSE (CASE p.side WHEN 'C' THEN p.amount_fen ELSE -p.amount_fen END) * (julianday(:to) - julianday(e.booked_date)) END) AS fen_days
           FROM accounts a
           JOIN members m ON m.id = a.member_id
           JOIN postings p ON p.account_id = a.id
           JOIN journal_entries e ON e.id = p.entry_id
          WHERE a.parent_code IN ('201', '202') AND m.status <> '销户' AND e.booked_date < :to
          GROUP BY a.id`,
      )
      .all({ from: seg.from, to: seg.to }) as Array<{ account_id: number; fen_days: number }>;
    for (const r of rows) {
      if (r.fen_days <= 0) continue;
      let list = product.get(r.account_id);
      if (!list) product.set(r.account_id, (list = []));
      list.push({ fenDays: Math.round(r.fen_days), rate: seg.rate });
    }
  }

  const credits: PostingLine[] = [];
  let total = 0;
  for (const [accountId, parts] of product) {
    const fen = yearInterestFen(parts);
    if (fen <= 0) continue;
    credits.push({ accountId, side: 'C', amountFen: fen });
    total += fen;
  }
  const expense = accountIdByCode(ctx, '411');
  let entries = 0;
  const op = { ...by, branchCode: by.branchCode || ctx.center.branches[0]!.code };
  ctx.db.tx(() => {
    for (let i = 0; i < credits.length; i += CHUNK) {
      const chunk = credits.slice(i, i + CHUNK);
      const sum = chunk.reduce((t, l) => t + l.amountFen, 0);
      postEntry(ctx, {
        idempotencyKey: systemKey('year-end-interest', year, i / CHUNK),
        businessType: '年终结息',
        summary: '年终结息',
        bookedDate: booked,
        operator: op,
        lines: [{ accountId: expense, side: 'D', amountFen: sum, memo: `${year}年度结息` }, ...chunk],
        refType: 'interest_run',
        refId: year,
      });
      entries++;
    }
    ctx.db
      .prepare('INSERT INTO interest_runs (year, booked_date, accounts, total_fen, entries, day_basis, created_at, operator_login) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(year, booked, credits.length, total, entries, DAY_BASIS, nowIso(ctx), by.login);
    audit(ctx, { operator: by, action: 'interest.year_end', recordType: 'interest_run', recordId: year, detail: { accounts: credits.length, totalFen: total, entries } });
  });
  return { year, bookedDate: booked, accounts: credits.length, totalFen: total, entries, alreadyRun: false, seconds: (performance.now() - started) / 1000 };
}

const RATE_SCALE = 1_000_000n;
const rateScaled = new Map<string, bigint | null>();

/** A rate in percent as an integer of millionths of a percent, or null when it has more decimals. */
function scaledRate(rate: string): bigint | null {
  let v = rateScaled.get(rate);
  if (v === undefined) {
    const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(rate);
    v = m ? BigInt(m[1]!) * RATE_SCALE + BigInt((m[2] ?? '').padEnd(6, '0')) : null;
    rateScaled.set(rate, v);
  }
  return v;
}

/**
 * One account's interest for the year: Σ(积数 in fen-days × annual rate %) / 100 / DAY_BASIS, rounded half-up to
 * the fen. Exact integer arithmetic (issue 14: decimal.js per account was a fifth of the run); decimal.js only
 * for a rate with more than six decimals. Same fen as the decimal formula (services/interest/yearEndExact.test.ts).
 */
export function yearInterestFen(parts: ReadonlyArray<{ fenDays: number; rate: string }>): number {
  let num = 0n;
  for (const p of parts) {
    const r = scaledRate(p.rate);
    if (r === null || !Number.isSafeInteger(p.fenDays)) return yearInterestFenDecimal(parts);
    num += BigInt(p.fenDays) * r;
  }
  return roundFenRatio(num, 100n * BigInt(DAY_BASIS) * RATE_SCALE);
}

/** The decimal.js formula (the one before issue 14), for rates the integer path does not take. */
export function yearInterestFenDecimal(parts: ReadonlyArray<{ fenDays: number; rate: string }>): number {
  let yuan = new D(0);
  for (const p of parts) yuan = yuan.plus(new D(p.fenDays).times(p.rate));
  return roundFen(yuan.dividedBy(100).dividedBy(DAY_BASIS).dividedBy(100));
}

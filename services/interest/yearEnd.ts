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
import type { BatchReport } from '../batch/report';
import { segmentFenDays } from './yearEndSums';

export interface YearEndResult {
  year: number;
  bookedDate: string;
  accounts: number;
  totalFen: number;
  entries: number;
  alreadyRun: boolean;
  seconds: number;
}

/** Lines per 年终结息 entry: each entry is its own short transaction, so clerks' writes get in between chunks. */
export const ENTRY_LINES = 500;


/**
 * Runs (or resumes) the year's 年终结息. The 积数 are computed from one read snapshot; the credits are then posted
 * in entries of ENTRY_LINES accounts, each entry one transaction, and the year is recorded in `interest_runs` by the
 * last one. A run cut short (a kill, a conflict) keeps what it posted: running again credits only the accounts not
 * yet credited for the year, with the same figures, and then records the year.
 * If an entry dated inside the settlement year is booked while the run is going (it would change some account's
 * 积数), the run stops with a CONFLICT before posting another entry; running again computes from the new snapshot.
 */
export interface YearEndOptions {
  report?: BatchReport;
  /** Lines per entry (ENTRY_LINES); tests use a few to see the chunks. */
  entryLines?: number;
  /** The 积数 read's second thread (yearEndSums.ts): its file (null: none), and from how many postings it is used. */
  sumsWorker?: string | null;
  sumsWorkerMinPostings?: number;
}

export function runYearEndInterest(ctx: ServiceContext, by: Operator, year: number, opts: YearEndOptions = {}): YearEndResult {
  const report = opts.report ?? (() => undefined);
  const per = opts.entryLines ?? ENTRY_LINES;
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

  report('计算积数', 0, segments.length);
  const { credits, snapshot } = readSnapshot(ctx, () => {
    const snap = (ctx.db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM journal_entries').get() as { n: number }).n;
    // Accounts a cut-short run already credited for this year keep that credit and are not computed again.
    const done = new Set(
      (ctx.db
        .prepare(
          `SELECT p.account_id AS id FROM journal_entries e JOIN postings p ON p.entry_id = e.id
            WHERE e.booked_date = ? AND e.business_type = '年终结息' AND p.side = 'C'`,
        )
        .pluck()
        .all(booked) as number[]),
    );
    // Per account and segment: opening balance before the segment × its days + each movement inside it × days left.
    // The opening balance is the account's running total less everything booked from the segment's start on, so only
    // the postings of this year and later are read, not the whole history (issue 14: with 4 years of history it reads
    // a quarter of the rows). The running totals are the balances every payout already uses; `gjj check` proves them
    // against the postings. This year's own 年终结息 entries (booked 30 June) are not part of the year's 积数.
    // On a big ledger the second half of the year's postings is read by a second thread (yearEndSums.ts).
    const { fenDays } = segmentFenDays(ctx.db.sqlite, segments, booked, { workerFile: opts.sumsWorker, minPostings: opts.sumsWorkerMinPostings });
    const product = new Map<number, Array<{ fenDays: number; rate: string }>>();
    segments.forEach((seg, n) => {
      for (const [accountId, fd] of fenDays[n]!) {
        if (fd <= 0 || done.has(accountId)) continue;
        let list = product.get(accountId);
        if (!list) product.set(accountId, (list = []));
        list.push({ fenDays: Math.round(fd), rate: seg.rate });
      }
    });
    report('计算积数', segments.length, segments.length);
    const lines: PostingLine[] = [];
    for (const [accountId, parts] of [...product].sort((a, b) => a[0] - b[0])) {
      const fen = yearInterestFen(parts);
      if (fen > 0) lines.push({ accountId, side: 'C', amountFen: fen });
    }
    return { credits: lines, snapshot: snap };
  });

  const expense = accountIdByCode(ctx, '411');
  const op = { ...by, branchCode: by.branchCode || ctx.center.branches[0]!.code };
  report('记账', 0, credits.length);
  for (let i = 0; i < credits.length; i += per) {
    const chunk = credits.slice(i, i + per);
    ctx.db.tx(() => {
      assertStillCurrent(ctx, year, snapshot, end, booked);
      const sum = chunk.reduce((t, l) => t + l.amountFen, 0);
      postEntry(ctx, {
        idempotencyKey: systemKey('year-end-interest', year, `a${chunk[0]!.accountId}`),
        businessType: '年终结息',
        summary: '年终结息',
        bookedDate: booked,
        operator: op,
        lines: [{ accountId: expense, side: 'D', amountFen: sum, memo: `${year}年度结息` }, ...chunk],
        refType: 'interest_run',
        refId: year,
      });
    });
    report('记账', Math.min(i + per, credits.length), credits.length);
  }
  // The year's figures are what its entries hold, including those of an earlier cut-short run: summed outside the
  // write lock (a million postings), then checked cheaply inside it (no entry of the year came or went meanwhile).
  const entriesOfYear = () =>
    (ctx.db.prepare(`SELECT COUNT(*) AS n FROM journal_entries WHERE booked_date = ? AND business_type = '年终结息'`).get(booked) as { n: number }).n;
  const result = readSnapshot(ctx, () => ({
    ...(ctx.db
      .prepare(
        `SELECT COUNT(*) AS accounts, COALESCE(SUM(p.amount_fen), 0) AS total
           FROM journal_entries e JOIN postings p ON p.entry_id = e.id
          WHERE e.booked_date = ? AND e.business_type = '年终结息' AND p.side = 'C'`,
      )
      .get(booked) as { accounts: number; total: number }),
    entries: entriesOfYear(),
  }));
  ctx.db.tx(() => {
    assertStillCurrent(ctx, year, snapshot, end, booked);
    if (entriesOfYear() !== result.entries) throw new AppError('CONFLICT', `${year}年度的结息凭证在汇总时发生变化，请重新执行年终结息`);
    ctx.db
      .prepare('INSERT INTO interest_runs (year, booked_date, accounts, total_fen, entries, day_basis, created_at, operator_login) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(year, booked, result.accounts, result.total, result.entries, DAY_BASIS, nowIso(ctx), by.login);
    audit(ctx, { operator: by, action: 'interest.year_end', recordType: 'interest_run', recordId: year, detail: { accounts: result.accounts, totalFen: result.total, entries: result.entries } });
  });
  return { year, bookedDate: booked, accounts: result.accounts, totalFen: result.total, entries: result.entries, alreadyRun: false, seconds: (performance.now() - started) / 1000 };
}

/** Reads inside one snapshot (a deferred transaction: in WAL mode it blocks no writer); joins an outer transaction. */
function readSnapshot<T>(ctx: ServiceContext, fn: () => T): T {
  const sqlite = ctx.db.sqlite;
  return sqlite.inTransaction ? fn() : sqlite.transaction(fn).deferred();
}

/** Inside each posting transaction: nobody finished the year meanwhile, and nothing changed its 积数. */
function assertStillCurrent(ctx: ServiceContext, year: number, snapshot: number, end: string, booked: string): void {
  if (ctx.db.prepare('SELECT 1 FROM interest_runs WHERE year = ?').get(year)) {
    throw new AppError('CONFLICT', `${year}年度的年终结息已由另一次执行完成`);
  }
  const moved = ctx.db
    .prepare(`SELECT 1 FROM journal_entries WHERE id > ? AND booked_date < ? AND NOT (business_type = '年终结息' AND booked_date = ?) LIMIT 1`)
    .get(snapshot, end, booked);
  if (moved) {
    throw new AppError('CONFLICT', `结息过程中有${end}之前日期的新记账，结息已暂停；已记入的账户保留，请重新执行年终结息，将从中断处继续`);
  }
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

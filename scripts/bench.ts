/**
 * npm run bench — prints figures, asserts nothing (a benchmark is a script, not a timed test). Issue 14: every row
 * beside a bare baseline measured in the same run, and the ratio, at the sizes where size matters; one table at the
 * end. Sizes: 10k and 100k members by default; `BENCH_1M=1` (or `npm run bench -- --1m`) adds 1,000,000 (long: the
 * demo data alone takes minutes); `BENCH_SIZES=10000,50000` replaces the list. `BENCH_SKIP_LARGE=1` skips the
 * 100,000-loan 调息. Sections: scripts/bench/*.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, initCenter } from '../services/app/open';
import { generateDemo } from '../services/demo/generate';
import { fixedClock, SYSTEM_OPERATOR, type Clock } from '../services/context';
import { benchReprice } from '../services/loan/servicing/bench';
import { buildSchedule } from '../shared/loan/schedule';
import { ms, printTable, rows, sizeLabel } from './bench/table';
import { benchSearch } from './bench/search';
import { benchCheck, benchRemit, benchYearEnd } from './bench/batches';
import { benchPayout, benchPayoutBigEmployer } from './bench/payout';
import { benchPdf } from './bench/pdf';
import { benchStartup } from './bench/startup';
import { benchInteractive } from './bench/interactive';

function fresh(center: 'yinchuan' | 'urumqi', clock?: Clock) {
  const dir = mkdtempSync(join(tmpdir(), 'gjj-bench-'));
  const db = openDb(dir);
  return { dir, ctx: initCenter(db, center, clock), done: () => (db.close(), rmSync(dir, { recursive: true, force: true })) };
}

const big = process.env.BENCH_1M === '1' || process.argv.includes('--1m');
const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [10_000, 100_000, ...(big ? [1_000_000] : [])];

// 汇缴 of one employer (the issue's row is 50,000 members): last month's, the employer's first, which also opens every
// member's 补充公积金 account; then this month's, as every later month is.
for (const n of [10_000, 50_000]) {
  const now = new Date();
  const month = (k: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + k, 15)).toISOString().slice(0, 7);
  const clock = fixedClock(`${month(-1)}-15T02:00:00Z`);
  const { ctx, done } = fresh('yinchuan', clock);
  generateDemo(ctx, SYSTEM_OPERATOR, { members: n, months: 0, perEmployer: n });
  benchRemit(ctx, n, month(-1));
  clock.set(`${month(0)}-15T02:00:00Z`);
  benchRemit(ctx, n, month(0), true);
  done();
}

benchPayout();
benchPayoutBigEmployer();

// Throughput figures kept from before issue 14 (no bare baseline).
for (const method of ['annuity', 'linear'] as const) {
  const n = 2000;
  const [, t] = ms(() => {
    for (let i = 0; i < n; i++) buildSchedule({ principalFen: 100000000 + i * 100, annualRatePercent: '3.1', months: 360, method, firstDueDate: '2026-01-20' });
  });
  rows.push({ operation: `还款计划 360 期（${method === 'annuity' ? '等额本息' : '等额本金'}）, per schedule`, size: '—', figure: t / n, baseline: 0, baselineWhat: '', goal: '> 5000/s', note: `${Math.round((n / t) * 1000)}/s` });
}
if (process.env.BENCH_SKIP_LARGE !== '1') {
  const { ctx, done } = fresh('yinchuan');
  const r = benchReprice(ctx, SYSTEM_OPERATOR, Number(process.env.BENCH_REPRICE_LOANS ?? 100_000), { months: [120, 240] });
  rows.push({ operation: '调息', size: `${sizeLabel(Number(process.env.BENCH_REPRICE_LOANS ?? 100_000))} loans`, figure: r.repriceSeconds * 1000, baseline: 0, baselineWhat: '', goal: '—', note: `rerun ${r.rerunSeconds.toFixed(2)} s, ${r.rerunChanged} changed` });
  done();
}

// Printing and start-up are asynchronous (pdfmake, child processes); this script runs as CommonJS (no top-level await).
void (async () => {
  // Members with 12 months of 汇缴: search, `gjj check`, then 年终结息 on the same database.
  for (const n of sizes) {
    const { ctx, done } = fresh('yinchuan');
    const [, demo] = ms(() => generateDemo(ctx, SYSTEM_OPERATOR, { members: n, months: 12 }));
    console.log(`demo ${sizeLabel(n)}: ${(demo / 1000).toFixed(1)} s`);
    benchSearch(ctx, n);
    await benchCheck(ctx, n);
    benchYearEnd(ctx, n);
    done();
  }
  // 年终结息 on four years of history: the run reads from the settlement year on, the GROUP BY everything.
  {
    const { ctx, done } = fresh('yinchuan');
    generateDemo(ctx, SYSTEM_OPERATOR, { members: 10_000, months: 48 });
    benchYearEnd(ctx, 10_000, 48);
    done();
  }
  await benchPdf();
  await benchStartup();
  await benchInteractive(sizes);
  printTable();
})();

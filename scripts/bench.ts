/**
 * npm run bench — prints figures, asserts nothing (DEVELOPERS.md: a benchmark is a script, not a timed test).
 *  1. 汇缴 posting for one employer of 50,000 members (target < 2 s).
 *  2. gjj demo --members 100000 (12 months of history).
 *  3. Repayment schedules per second, 360 months, both methods (target > 5000/s).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, initCenter } from '../services/app/open';
import { generateDemo } from '../services/demo/generate';
import { postRemittance } from '../services/contributions/remit';
import { SYSTEM_OPERATOR } from '../services/context';
import { checkLedger } from '../services/ledger/check';
import { buildSchedule } from '../shared/loan/schedule';

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, (performance.now() - t) / 1000];
}

function fresh(center: 'yinchuan' | 'urumqi') {
  const dir = mkdtempSync(join(tmpdir(), 'gjj-bench-'));
  const db = openDb(dir);
  return { dir, ctx: initCenter(db, center) };
}

const rows: Array<[string, string, string]> = [];

{
  const { dir, ctx } = fresh('yinchuan');
  generateDemo(ctx, SYSTEM_OPERATOR, { members: 50000, months: 0, perEmployer: 50000 });
  const month = new Date().toISOString().slice(0, 7);
  const [r, s] = time(() => postRemittance(ctx, SYSTEM_OPERATOR, { employerId: 1, month, idempotencyKey: 'bench-remit-50000' }));
  rows.push(['汇缴入账，单位 50000 人（一笔凭证）', `${s.toFixed(3)} s`, `${r.memberCount} 人，目标 < 2 s`]);
  ctx.db.close();
  rmSync(dir, { recursive: true, force: true });
}

{
  const { dir, ctx } = fresh('urumqi');
  const mem0 = process.memoryUsage().rss;
  const [r, s] = time(() => generateDemo(ctx, SYSTEM_OPERATOR, { members: 100000, months: 12 }));
  rows.push(['gjj demo --members 100000（12个月汇缴）', `${s.toFixed(1)} s`, `${r.employers} 单位，${r.remittances} 笔汇缴，RSS +${((process.memoryUsage().rss - mem0) / 2 ** 20).toFixed(0)} MiB`]);
  const [c, cs] = time(() => checkLedger(ctx));
  rows.push(['gjj check（上述数据库）', `${cs.toFixed(1)} s`, `${c.ok ? '通过' : c.firstViolation}，${c.postings} 条分录`]);
  ctx.db.close();
  rmSync(dir, { recursive: true, force: true });
}

for (const method of ['annuity', 'linear'] as const) {
  const n = 5000;
  const [, s] = time(() => {
    for (let i = 0; i < n; i++) buildSchedule({ principalFen: 100000000 + i * 100, annualRatePercent: '3.1', months: 360, method, firstDueDate: '2026-01-20' });
  });
  rows.push([`还款计划 360 期（${method === 'annuity' ? '等额本息' : '等额本金'}）`, `${Math.round(n / s)} 个/秒`, '目标 > 5000 个/秒']);
}

console.log('\n公积金柜台 性能数据 / benchmark figures');
for (const [what, figure, note] of rows) console.log(`- ${what}: ${figure}  (${note})`);

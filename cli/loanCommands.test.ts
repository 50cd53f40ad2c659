import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initCenter, openDb } from '../services/app/open';
import { fixedClock, SYSTEM_OPERATOR } from '../services/context';
import { seedBenchLoans } from '../services/loan/servicing/bench';
import { addLoanRate } from '../services/policy/tables';

const ROOT = join(__dirname, '..');
function gjj(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/gjj.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gjj-cli-loan-'));
  const db = openDb(dir);
  const ctx = initCenter(db, 'yinchuan', fixedClock('2026-03-15T02:00:00Z'));
  // Three loans disbursed 2026-03-15 at 2.60% (over five years), then a cut to 2.35% from 2026-10-01.
  seedBenchLoans(ctx, SYSTEM_OPERATOR, { count: 3, months: [240] });
  addLoanRate(ctx, SYSTEM_OPERATOR, { effectiveFrom: '2026-10-01', firstUpTo5y: '1.85', firstOver5y: '2.35', secondUpTo5y: '2.275', secondOver5y: '2.825', source: '测试' });
  db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each test starts several gjj processes (Node + tsx, seconds each on a loaded 2-core machine).
describe('gjj reprice / loan status / loan repayments', { timeout: 120_000 }, () => {
  it('reprices from the next 1 January, shows what changed, and changes nothing the second time', () => {
    const r = gjj(['reprice', '--data', dir, '--as-of', '2026-12-20']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('调整 3 笔');
    expect(r.out).toContain('2027-01-01起按2026-10-01利率表执行：3 笔');
    // First due 2026-04-15: the installment due 2027-01-15 is period 10.
    expect(r.out).toMatch(/BENCH-0000001 {2}第10期\(2027-01-15\) {2}2\.60%→2\.35%/);
    const again = JSON.parse(gjj(['reprice', '--data', dir, '--as-of', '2026-12-20', '--json']).out);
    expect(again).toMatchObject({ changed: 0, alreadyCurrent: 3 });
    const st = JSON.parse(gjj(['loan', 'status', '--data', dir, '--loan', '1', '--as-of', '2027-01-20', '--json']).out);
    expect(st.installments[9]).toMatchObject({ period: 10, annualRatePercent: '2.35', version: 2 });
    expect(st.overdue.termsNow).toBe(10);
    expect(gjj(['loan', 'repayments', '--data', dir, '--loan', '1']).out).toContain('尚无还款记录');
    expect(gjj(['check', '--data', dir]).code).toBe(0);
    expect(gjj(['reprice', '--data', dir, '--as-of', '2026-13-01']).code).toBe(2);
    expect(gjj(['reprice', '--help']).out).toContain('用法');
  });
});

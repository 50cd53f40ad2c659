import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const gjj = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/gjj.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('gjj calc loan / area', () => {
  it('1,000,000 at 3.1% over 360 months 等额本息 pays 4,270.16 a month', () => {
    const r = JSON.parse(gjj(['calc', 'loan', '--principal', '1000000', '--rate', '3.1', '--months', '360', '--method', 'annuity', '--json']).stdout);
    expect(r.summary.monthlyPaymentFen).toBe(427016);
    expect(r.rows).toBeUndefined();
  });
  it('等额本金 decreases by (P/n) × r = 7.18 a month, rows on request sum to P', () => {
    const r = JSON.parse(gjj(['calc', 'loan', '--principal', '1000000', '--rate', '3.1', '--months', '360', '--method', 'linear', '--rows', '--json']).stdout);
    expect(r.summary.monthlyDecreaseFen).toBe(718);
    expect(r.rows).toHaveLength(360);
    expect(r.rows.reduce((t: number, x: { principalFen: number }) => t + x.principalFen, 0)).toBe(100000000);
  });
  it('按面积: 8,500 × 89.75 m², 30% down → loan 534,012.50', () => {
    const r = JSON.parse(gjj(['calc', 'area', '--price-per-m2', '8500', '--area', '89.75', '--down-payment', '30', '--rate', '3.1', '--months', '240', '--method', 'annuity', '--json']).stdout);
    expect(r).toMatchObject({ housePriceFen: 76287500, downPaymentFen: 22886250, loanFen: 53401250 });
  });
  it('refuses impossible input with a usage error', () => {
    const r = gjj(['calc', 'loan', '--principal', '100000', '--rate', '2.6', '--months', '24', '--method', 'lump']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('贷款期限');
  });
});

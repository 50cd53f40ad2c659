import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliProgress, progressLine } from './progress';
import { MAIN_TABLES } from '../services/integrity/parallelCheck';

function sink(isTTY: boolean) {
  const out: string[] = [];
  return { out, s: { isTTY, write: (x: string) => out.push(x) } };
}

describe('progress of a long command on stderr (issue 14)', () => {
  afterEach(() => {
    delete process.env.GJJ_PROGRESS_AFTER_MS;
  });

  it('says phase, count, percentage and elapsed seconds', () => {
    expect(progressLine('年终结息', '记账', 12_500, 50_000, 3_400)).toBe('年终结息：记账 12,500/50,000（25%，已用 3 秒）');
    expect(progressLine('贷款调息', '2027-01-01调整（第1/1次）', 0, 0, 1_600)).toBe('贷款调息：2027-01-01调整（第1/1次）（已用 2 秒）');
    expect(progressLine('汇缴', '记账', 7, 5, 0)).toContain('5/5（100%');
  });

  it('stays silent for the first second; in a log, one line per phase change and at most every 5 s', () => {
    let t = 0;
    const { out, s } = sink(false);
    const p = cliProgress('生成演示数据', s, () => t);
    p.report('职工开户', 1000, 10_000);
    t = 900;
    p.report('职工开户', 2000, 10_000);
    expect(out).toEqual([]);
    t = 1_100;
    p.report('职工开户', 3000, 10_000);
    t = 2_000;
    p.report('职工开户', 4000, 10_000); // same phase, under 5 s since the last line
    t = 2_100;
    p.report('汇缴', 1, 12); // a new phase prints at once
    t = 7_200;
    p.report('汇缴', 6, 12);
    p.done();
    expect(out).toEqual([
      '生成演示数据：职工开户 3,000/10,000（30%，已用 1 秒）\n',
      '生成演示数据：汇缴 1/12（8%，已用 2 秒）\n',
      '生成演示数据：汇缴 6/12（50%，已用 7 秒）\n',
    ]);
  });

  it('on a terminal rewrites one line in place and ends it when done', () => {
    let t = 0;
    const { out, s } = sink(true);
    const p = cliProgress('年终结息', s, () => t);
    t = 1_500;
    p.report('计算积数', 1, 4);
    t = 1_600;
    p.report('计算积数', 2, 4); // under 200 ms: skipped
    t = 1_800;
    p.report('计算积数', 3, 4);
    p.done();
    p.done();
    expect(out).toEqual(['\r\x1b[2K年终结息：计算积数 1/4（25%，已用 2 秒）', '\r\x1b[2K年终结息：计算积数 3/4（75%，已用 2 秒）', '\n']);
  });

  it('gjj demo prints its progress on stderr and keeps stdout to the JSON result', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gjj-progress-'));
    try {
      const run = (args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'gjj.ts'), ...args], { cwd: join(__dirname, '..'), encoding: 'utf8', env: { ...process.env, GJJ_PROGRESS_AFTER_MS: '0' } });
      expect(run(['init', '--center', 'yinchuan', '--data', dir]).status).toBe(0);
      const r = run(['demo', '--data', dir, '--members', '2000', '--months', '2', '--per-employer', '500', '--json']);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ employers: 4, members: 2000, remittances: 8 });
      const lines = r.stderr.trim().split('\n');
      expect(lines[0]).toMatch(/^生成演示数据：职工开户 1,000\/2,000（50%，已用 \d+ 秒）$/);
      expect(lines).toContainEqual(expect.stringMatching(/^生成演示数据：汇缴 1\/8（12%，已用 \d+ 秒）$/));
      const y = run(['interest', '--data', dir, '--year', String(new Date().getUTCFullYear() - 1)]);
      expect(y.status).toBe(0);
      expect(y.stderr).toMatch(/^年终结息：计算积数 /m);
      // gjj check: the bookkeeping checks, the seals and the tables, on stderr; stdout keeps the verdict.
      const c = run(['check', '--data', dir, '--json']);
      expect(c.status).toBe(0);
      expect(JSON.parse(c.stdout)).toMatchObject({ ok: true });
      const seals = (JSON.parse(c.stdout) as { seals: number }).seals;
      // In a log one line per phase: the checks, the big tables' proofs, the seals (the other thread), the verdict's table pass.
      expect(c.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(/^账务核对：核对凭证与明细账 0\/6（0%，已用 \d+ 秒）$/),
        expect.stringMatching(new RegExp(`^账务核对：核对分录等大表 0/${MAIN_TABLES.length}（0%，已用 \\d+ 秒）$`)),
        expect.stringMatching(new RegExp(`^账务核对：核对签封 \\d+/${seals}（\\d+%，已用 \\d+ 秒）$`)),
        expect.stringMatching(/^账务核对：逐表核对业务数据 0\/\d+（0%，已用 \d+ 秒）$/),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

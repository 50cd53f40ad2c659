import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const NODE = process.execPath;
function gjj(args: string[], stdin?: string) {
  const r = spawnSync(NODE, ['--import', 'tsx', join(ROOT, 'cli/gjj.ts'), ...args], { cwd: ROOT, input: stdin ?? '', encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gjj-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gjj CLI', () => {
  it('initialises, adds a user from stdin, fills demo data, remits, prints a statement and checks the ledger', () => {
    expect(gjj(['init', '--center', 'yinchuan', '--data', dir]).out).toContain('银川市公积金管理中心');
    const again = gjj(['init', '--center', 'urumqi', '--data', dir]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('不能改为其他中心');
    expect(gjj(['user', 'add', '--data', dir, '--login', 'clerk1', '--role', 'clerk', '--staff-no', 'GH0001', '--id-number', '11010519491231002X', '--password-stdin'], 'Clerk2026ab\n').out).toContain('经办');
    const weak = gjj(['user', 'add', '--data', dir, '--login', 'clerk2', '--role', 'clerk', '--staff-no', 'GH0002', '--id-number', '110105194912310038', '--password-stdin'], 'short\n');
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('密码至少8位');
    const demo = JSON.parse(gjj(['demo', '--data', dir, '--members', '120', '--months', '3', '--json']).out);
    expect(demo).toMatchObject({ employers: 3, members: 120, remittances: 9 });
    // The current month is already remitted by the demo: the same month again is refused.
    const month = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 7);
    const dup = gjj(['remit', '--data', dir, '--employer', '1', '--month', month]);
    expect(dup.code).toBe(1);
    expect(dup.err).toContain('同一月份不能重复汇缴');
    const st = JSON.parse(gjj(['statement', '--data', dir, '--member', '1', '--json']).out);
    expect(st.member.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(JSON.stringify(st)).not.toMatch(/"idNumber"/);
    expect(st.statement.lines.filter((l: { fund: string }) => l.fund === 'basic')).toHaveLength(3);
    const check = gjj(['check', '--data', dir]);
    expect(check.code).toBe(0);
    expect(check.out).toContain('账务核对通过');
    const backup = gjj(['backup', '--data', dir, '--out', join(dir, 'backup.sqlite')]);
    expect(backup.code).toBe(0);
    expect(backup.out).toContain('备份文件账务核对通过');
  });

  it('exits 1 with the first violation when the ledger was tampered with', () => {
    execFileSync(NODE, ['-e', `
      const D = require('better-sqlite3'); const d = new D(${JSON.stringify(join(dir, 'gjj.sqlite'))});
      d.exec('DROP TRIGGER postings_no_update'); d.exec('UPDATE postings SET amount_fen = amount_fen + 1 WHERE id = 2');`], { cwd: ROOT });
    const r = gjj(['check', '--data', dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('借贷不平衡');
  });

  it('calc contribution computes and names the violated limit', () => {
    const ok = JSON.parse(gjj(['calc', 'contribution', '--base', '5678', '--ratio', '5', '--center', 'yinchuan', '--json']).out);
    expect(ok).toMatchObject({ employeeYuan: '284.00', employerYuan: '284.00', totalYuan: '568.00' });
    const over = gjj(['calc', 'contribution', '--base', '24306.01', '--ratio', '12', '--center', 'urumqi']);
    expect(over.code).toBe(1);
    expect(over.err).toContain('上限24306.00元');
    const frac = gjj(['calc', 'contribution', '--base', '5000', '--ratio', '7.5', '--center', 'urumqi']);
    expect(frac.err).toContain('整数');
  });

  it('usage errors exit 2 and every command has --help', () => {
    expect(gjj(['remit', '--data', dir]).code).toBe(2);
    expect(gjj(['check', '--data', dir, '--bogus', '1']).err).toContain('未知参数 --bogus');
    expect(gjj(['nonsense']).code).toBe(2);
    for (const cmd of [['backup'], ['init'], ['user', 'add'], ['demo'], ['remit'], ['statement'], ['check'], ['calc', 'contribution']]) {
      const r = gjj([...cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.out).toContain('用法');
    }
    // Eleven CLI processes, each loading TypeScript through tsx: allow for a loaded 2-core machine.
  }, 180_000);
});

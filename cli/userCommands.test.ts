import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../shared/idcard';

const ROOT = join(__dirname, '..');
function gjj(args: string[], stdin = '') {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/gjj.ts'), ...args], { cwd: ROOT, input: stdin, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const person = (n: number) => ['--staff-no', `GH${n}0`, '--id-number', makeIdNumber('640104', '19850101', n)];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gjj-cli-user-'));
  expect(gjj(['init', '--center', 'yinchuan', '--data', dir]).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each test starts several gjj processes (Node + tsx, seconds each on a loaded 2-core machine).
describe('gjj user', { timeout: 120_000 }, () => {
  it('adds people, refuses an administrator with a business post, lists masked, resets and disables', () => {
    expect(gjj(['user', 'add', '--data', dir, '--login', 'boss', '--role', 'admin', ...person(1), '--password-stdin'], 'Counter2026\n').code).toBe(0);
    expect(gjj(['user', 'add', '--data', dir, '--login', 'wang', '--role', 'clerk', ...person(2), '--password-stdin'], 'Counter2026\n').code).toBe(0);
    const noPerson = gjj(['user', 'add', '--data', dir, '--login', 'li', '--role', 'clerk', '--password-stdin'], 'Counter2026\n');
    expect(noPerson.code).toBe(2);
    expect(noPerson.err).toContain('工号');
    const mixed = gjj(['user', 'add', '--data', dir, '--login', 'bossrev', '--role', 'reviewer', ...person(1), '--password-stdin'], 'Counter2026\n');
    expect(mixed.code).toBe(1);
    expect(mixed.err).toContain('管理员不能同时担任业务岗位');

    expect(gjj(['user', 'reset-password', '--data', dir, '--login', 'wang', '--password-stdin'], 'Temp2026ab\n').code).toBe(0);
    expect(gjj(['user', 'disable', '--data', dir, '--login', 'wang', '--reason', '调离'], '').code).toBe(0);
    const list = JSON.parse(gjj(['user', 'list', '--data', dir, '--json']).out) as Array<Record<string, unknown>>;
    expect(list.map((r) => [r.login, r.staffNo, r.active, r.mustChangePassword])).toEqual([
      ['boss', 'GH10', true, false],
      ['wang', 'GH20', false, true],
    ]);
    expect(JSON.stringify(list)).not.toContain(makeIdNumber('640104', '19850101', 2));
    expect(list[1]!.idNumberMasked).toMatch(/^640104\*{8}/);
  });
});

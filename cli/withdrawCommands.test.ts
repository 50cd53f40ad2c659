import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../shared/idcard';

const ROOT = join(__dirname, '..');
function gjj(args: string[], stdin = '') {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/gjj.ts'), ...args], { cwd: ROOT, input: stdin, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gjj-cli-wd-'));
  gjj(['init', '--center', 'yinchuan', '--data', dir]);
  for (const [i, [login, role]] of ([['clerk1', 'clerk'], ['review1', 'reviewer'], ['approve1', 'approver']] as const).entries()) {
    const person = ['--staff-no', `GH000${i + 1}`, '--id-number', makeIdNumber('640104', '19850101', i + 1)];
    expect(gjj(['user', 'add', '--data', dir, '--login', login, '--role', role, '--name', login, ...person, '--password-stdin'], 'Counter2026\n').code).toBe(0);
  }
  expect(gjj(['demo', '--data', dir, '--members', '20', '--months', '12']).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each test starts several gjj processes (Node + tsx, seconds each on a loaded 2-core machine).
describe('gjj withdraw run / show / print', { timeout: 120_000 }, () => {
  it('replays the documented script under three logins and pays out', () => {
    const script = JSON.parse(readFileSync(join(ROOT, 'docs/withdrawal-example.json'), 'utf8'));
    const member = JSON.parse(gjj(['statement', '--data', dir, '--member', '1', '--json']).out).member;
    script.memberAccountNo = member.accountNo;
    script.payee.accountName = member.name;
    // Dates relative to today, so the contract is always within its year.
    script.facts.rent.contractDate = new Date(Date.now() - 30 * 86400000).toISOString().slice(0, 10);
    writeFileSync(join(dir, 'script.json'), JSON.stringify(script));
    writeFileSync(join(dir, 'pw.json'), JSON.stringify({ clerk1: 'Counter2026', review1: 'Counter2026', approve1: 'Counter2026' }));
    const r = gjj(['withdraw', 'run', '--data', dir, '--script', join(dir, 'script.json'), '--passwords', join(dir, 'pw.json')]);
    expect(r.err).toBe('');
    expect(r.out).toContain('clerk1 pay → 已支付');
    const id = /申请编号 (TQ\d+)/.exec(r.out)?.[1];
    expect(id).toBeDefined();
    const shown = JSON.parse(gjj(['withdraw', 'show', '--data', dir, '--id', '1', '--json']).out);
    expect(shown).toMatchObject({ state: '已支付', paidAmountFen: 500000 });
    expect(gjj(['check', '--data', dir]).code).toBe(0);
  });

  it('refuses a script whose reviewer is the clerk who entered it (role and four eyes)', () => {
    const script = JSON.parse(readFileSync(join(dir, 'script.json'), 'utf8'));
    script.steps = [{ login: 'clerk1', action: 'create' }, { login: 'clerk1', action: 'submit' }, { login: 'clerk1', action: 'review' }];
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(script));
    const r = gjj(['withdraw', 'run', '--data', dir, '--script', join(dir, 'bad.json'), '--passwords', join(dir, 'pw.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('FORBIDDEN');
  });
});

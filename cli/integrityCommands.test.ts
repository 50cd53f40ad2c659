import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../services/app/open';
import { makeIdNumber } from '../shared/idcard';

const ROOT = join(__dirname, '..');
function gjj(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/gjj.ts'), ...args], { cwd: ROOT, encoding: 'utf8', input });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let base: string;
let dir: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'gjj-cli-integrity-'));
  dir = join(base, 'data');
  expect(gjj(['init', '--center', 'urumqi', '--data', dir]).code).toBe(0);
  expect(gjj(['demo', '--data', dir, '--members', '20', '--months', '2']).code).toBe(0);
}, 120_000);
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('gjj and the integrity key', () => {
  it('keeps the key outside the data folder, 0600, and reports the chain head', () => {
    expect(existsSync(join(base, 'data.key'))).toBe(true);
    expect(statSync(join(base, 'data.key')).mode & 0o777).toBe(0o600);
    const head = JSON.parse(gjj(['integrity', 'head', '--data', dir, '--json']).out) as { printed: string; keyFile: string };
    expect(head.printed).toMatch(/^签封#\d+·变更\d+·[0-9A-F]{16}$/);
    expect(head.keyFile).toBe(join(base, 'data.key'));
    const check = gjj(['check', '--data', dir]);
    expect(check.code).toBe(0);
    expect(check.out).toContain(`完整性校验码 ${head.printed}`);
  });

  it('without the key file, check says where the key should be', () => {
    copyFileSync(join(base, 'data.key'), join(base, 'saved.key'));
    rmSync(join(base, 'data.key'));
    const r = gjj(['check', '--data', dir]);
    expect(r.code).toBe(1);
    expect(r.err + r.out).toContain(`找不到完整性密钥文件 ${join(base, 'data.key')}`);
    copyFileSync(join(base, 'saved.key'), join(base, 'data.key'));
  });

  it('a restored older copy is refused for business until an administrator records why', () => {
    const older = join(base, 'older.sqlite');
    expect(gjj(['backup', '--data', dir, '--out', older]).code).toBe(0);
    const newer = ['user', 'add', '--data', dir, '--login', 'zhao', '--role', 'clerk', '--staff-no', 'G0107', '--id-number', makeIdNumber('650102', '19910203', 77), '--password-stdin'];
    expect(gjj(newer, 'Counter2026\n').code).toBe(0);
    // Put the older database back (as someone hiding the newest entries, or an honest restore would).
    for (const f of ['gjj.sqlite-wal', 'gjj.sqlite-shm']) rmSync(join(dir, f), { force: true });
    copyFileSync(older, join(dir, 'gjj.sqlite'));
    const check = gjj(['check', '--data', dir]);
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/锚定文件：数据库最新的签封为#\d+，锚定文件记载#\d+：最新的变更已从数据库中删除/);
    expect(() => openDb(dir)).toThrow(/数据完整性异常，已停止写入/);
    const again = gjj(['user', 'add', '--data', dir, '--login', 'qian', '--role', 'clerk', '--staff-no', 'G0108', '--id-number', makeIdNumber('650102', '19920203', 78), '--password-stdin'], 'Counter2026\n');
    expect(again.code).toBe(1);
    expect(again.err + again.out).toContain('数据完整性异常，已停止写入');
    const accept = gjj(['integrity', 'accept', '--data', dir, '--reason', '按主任指示从昨日备份恢复']);
    expect(accept.code).toBe(0);
    expect(accept.out).toContain('已记录处理意见并重新锚定');
    expect(gjj(['check', '--data', dir]).code).toBe(0);
    const db = openDb(dir);
    const row = db.prepare(`SELECT detail FROM audit_log WHERE action = 'integrity.accept'`).get() as { detail: string };
    db.close();
    expect(row.detail).toContain('按主任指示从昨日备份恢复');
  });
});

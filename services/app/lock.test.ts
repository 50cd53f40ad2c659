import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataLock, LOCK_FILE, readLock } from './lock';
import { openDb } from './open';

const ROOT = join(__dirname, '../..');
let dir: string;
let child: ChildProcess | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gjj-lock-'));
});
afterEach(() => {
  child?.kill('SIGKILL');
  child = null;
  rmSync(dir, { recursive: true, force: true });
});

/** Another process that takes the lock and keeps it until killed. */
function holder(): Promise<ChildProcess> {
  const code = `import { acquireDataLock } from ${JSON.stringify(join(ROOT, 'services/app/lock.ts'))};
    acquireDataLock(${JSON.stringify(dir)}, 'npm run web'); console.log('held'); setInterval(() => {}, 1000);`;
  const c = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((ok, fail) => {
    c.stdout!.on('data', (d: Buffer) => d.toString().includes('held') && ok(c));
    c.on('exit', (n) => fail(new Error(`holder exited ${n}`)));
  });
}
const gjj = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/gjj.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('one writer process per data folder', () => {
  it('refuses a second writer naming who holds it, and takes over when that process is gone', { timeout: 60_000 }, async () => {
    child = await holder();
    let msg = '';
    try {
      acquireDataLock(dir, 'gjj remit');
    } catch (e) {
      msg = (e as Error).message;
      expect((e as { code: string }).code).toBe('BUSY');
    }
    expect(msg).toContain(`npm run web（进程 ${child.pid}`);
    expect(msg).toContain('自 ');
    expect(readLock(dir)!.pid).toBe(child.pid);
    child.kill('SIGKILL'); // no chance to clean up: a stale lock
    await new Promise((r) => child!.once('exit', r));
    child = null;
    const lock = acquireDataLock(dir, 'gjj remit');
    expect(readLock(dir)).toMatchObject({ pid: process.pid, program: 'gjj remit' });
    expect(statSync(join(dir, LOCK_FILE)).mode & 0o777).toBe(0o600);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('is re-entrant within a process and released by the last holder', () => {
    const a = acquireDataLock(dir, 'test');
    const b = acquireDataLock(dir, 'test');
    b.release();
    expect(readLock(dir)?.pid).toBe(process.pid);
    a.release();
    expect(readLock(dir)).toBeNull();
  });

  it('a gjj write command is refused (exit 3) while the web host holds the folder; read-only commands still run', { timeout: 120_000 }, async () => {
    expect(gjj(['init', '--center', 'yinchuan', '--data', dir]).status).toBe(0);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false); // released at exit
    child = await holder();
    const r = gjj(['interest', '--data', dir, '--year', '2026']);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(`数据目录正由另一个程序使用：npm run web（进程 ${child.pid}`);
    expect(gjj(['check', '--data', dir]).status).toBe(0);
  });

  it('creates data folders 0700 and the database file 0600', () => {
    const sub = join(dir, 'new', 'data');
    openDb(sub).close();
    expect(statSync(sub).mode & 0o777).toBe(0o700);
    expect(statSync(join(sub, 'gjj.sqlite')).mode & 0o777).toBe(0o600);
  });
});

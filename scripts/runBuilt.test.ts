/**
 * scripts/run-built.cjs (issue 14: a command's fixed cost): the prebuilt bundle runs only when it is at least as new
 * as every source file it was built from; a source edited after the build, or GJJ_FROM_SOURCE=1, takes the source.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A checkout in miniature: the launcher, one source file, one bundle, with the given ages in seconds. */
function tree(sourceAge: number, builtAge: number): string {
  root = mkdtempSync(join(tmpdir(), 'gjj-runbuilt-'));
  for (const d of ['scripts', 'cli', 'services', 'out/main']) mkdirSync(join(root, d), { recursive: true });
  copyFileSync(join(__dirname, 'run-built.cjs'), join(root, 'scripts/run-built.cjs'));
  writeFileSync(join(root, 'cli/gjj.ts'), 'console.log("from source")\n');
  writeFileSync(join(root, 'services/a.test.ts'), '// tests are not part of the bundle\n');
  writeFileSync(join(root, 'out/main/gjj.js'), 'console.log("built", process.argv.slice(2).join(" "))\n');
  const now = Date.now() / 1000;
  utimesSync(join(root, 'cli/gjj.ts'), now - sourceAge, now - sourceAge);
  utimesSync(join(root, 'out/main/gjj.js'), now - builtAge, now - builtAge);
  return root;
}

const run = (dir: string, env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(dir, 'scripts/run-built.cjs'), 'gjj', 'calc', '--x', '1'], { encoding: 'utf8', env: { ...process.env, ...env } });

describe('run-built.cjs', () => {
  it('runs the bundle, with the arguments, when it is newer than every source file', () => {
    const dir = tree(100, 10);
    expect(run(dir, { GJJ_PROBE_BUILT: '1' }).stdout.trim()).toBe('built');
    const r = run(dir);
    expect(r.stdout.trim()).toBe('built calc --x 1');
    expect(r.status).toBe(0);
  });

  it('takes the source when a source file changed after the build, or when asked to', () => {
    expect(run(tree(10, 100), { GJJ_PROBE_BUILT: '1' }).stdout.trim()).toBe('source');
    rmSync(root, { recursive: true, force: true });
    expect(run(tree(100, 10), { GJJ_PROBE_BUILT: '1', GJJ_FROM_SOURCE: '1' }).stdout.trim()).toBe('source');
  });

  it('a test file edited after the build does not make the bundle stale', () => {
    const dir = tree(100, 10);
    writeFileSync(join(dir, 'services/a.test.ts'), '// edited\n');
    expect(run(dir, { GJJ_PROBE_BUILT: '1' }).stdout.trim()).toBe('built');
  });

  it('names the entries it knows for anything else, and exits 2', () => {
    const dir = tree(100, 10);
    const r = spawnSync(process.execPath, [join(dir, 'scripts/run-built.cjs'), 'nope'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('gjj|web');
  });
});

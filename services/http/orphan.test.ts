/**
 * Killing what started the web host must not leave the server holding the port (issue 12): the server notices it
 * was re-parented and stops. The wrapper here is a shell that is killed with SIGKILL, so it cannot pass anything
 * on — the harshest case of `npm run web` being killed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'gjj-orphan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const c = connect(port, '127.0.0.1');
    c.once('connect', () => (c.destroy(), ok(true)));
    c.once('error', () => ok(false));
  });
}

async function until(cond: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return cond();
}

describe('npm run web leaves no orphan', () => {
  it('the server stops when its parent is killed with SIGKILL', async () => {
    const port = await freePort();
    const staticDir = join(dir, 'static');
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
    const cmd = `"${process.execPath}" --import tsx services/http/serve.ts --data "${join(dir, 'data')}" --port ${port} --static "${staticDir}" & wait`;
    const wrapper = spawn('sh', ['-c', cmd], { cwd: ROOT, stdio: 'ignore' });
    expect(await until(() => listening(port), 60_000)).toBe(true);
    wrapper.kill('SIGKILL');
    expect(await until(async () => !(await listening(port)), 10_000)).toBe(true);
  }, 90_000);
});

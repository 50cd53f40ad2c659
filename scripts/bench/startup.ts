/**
 * Fixed costs, as child processes: the web host from spawn to its first answer beside a bare node:http server, and
 * a `gjj` command that does nothing much (`gjj calc contribution`) beside `node -e 0`, with peak RSS.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { rows } from './table';

const NODE = process.execPath;

/** Resolves once something answers HTTP on the port (polled every 10 ms); rejects after `ms`. */
export function answered(port: number, ms = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = setTimeout(() => reject(new Error(`no answer on port ${port}`)), ms);
    const poll = () => {
      const req = request({ host: '127.0.0.1', port, path: '/', method: 'GET' }, (res) => {
        res.resume();
        clearTimeout(stop);
        resolve();
      });
      req.on('error', () => setTimeout(poll, 10));
      req.end();
    };
    poll();
  });
}

async function firstAnswer(args: string[], port: number, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const t0 = performance.now();
  const child = spawn(NODE, args, { stdio: 'ignore', env });
  try {
    await answered(port);
  } catch (e) {
    child.kill();
    throw e;
  }
  const t = performance.now() - t0;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  return t;
}

function timeCommand(args: string[]): { ms: number; rssMiB: number } {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', NODE, ...args], { encoding: 'utf8' });
  const ms = performance.now() - t;
  const rss = Number(r.stderr.trim().split('\n').pop()) / 1024;
  return { ms, rssMiB: Number.isFinite(rss) ? rss : NaN };
}

/** Whether scripts/run-built.cjs takes the bundle (the same test it makes), so the row says what it timed. */
export function builtCurrent(name: string): boolean {
  const r = spawnSync(NODE, ['scripts/run-built.cjs', name], { encoding: 'utf8', env: { ...process.env, GJJ_PROBE_BUILT: '1' } });
  return r.stdout.trim() === 'built';
}

const best = (xs: Array<{ ms: number; rssMiB: number }>) => xs.reduce((a, b) => (b.ms < a.ms ? b : a));

export async function benchStartup(): Promise<void> {
  const bare = best([0, 1, 2].map(() => timeCommand(['-e', '0'])));
  const calc = ['calc', 'contribution', '--base', '5678', '--ratio', '5', '--center', 'yinchuan'];
  // What `npm run gjj` runs: the prebuilt bundle when it is current (scripts/run-built.cjs), else the source.
  const built = builtCurrent('gjj');
  const gjj = best([0, 1, 2].map(() => timeCommand(['scripts/run-built.cjs', 'gjj', ...calc])));
  const fromSource = best([0, 1].map(() => timeCommand(['--import', 'tsx', 'cli/gjj.ts', ...calc])));
  rows.push({ operation: `any \`gjj\` command, fixed cost (calc contribution${built ? ', prebuilt' : ', NOT BUILT: from source'})`, size: '—', figure: gjj.ms, baseline: bare.ms, baselineWhat: '`node -e 0`', goal: '< 300 ms', note: `${gjj.rssMiB.toFixed(0)} MiB vs ${bare.rssMiB.toFixed(0)} MiB; from source through tsx ${fromSource.ms.toFixed(0)} ms` });

  const dir = mkdtempSync(join(tmpdir(), 'gjj-bench-host-'));
  try {
    // A stand-in page: the host only checks that a built renderer is there (the figure is the start, not the page).
    mkdirSync(join(dir, 'static'));
    writeFileSync(join(dir, 'static', 'index.html'), '<!doctype html><title>bench</title>');
    const port = 5300 + Math.floor(Math.random() * 500);
    const host = await firstAnswer(['scripts/run-built.cjs', 'web', '--data', join(dir, 'data'), '--port', String(port), '--static', join(dir, 'static')], port);
    const plain = await firstAnswer(['-e', `require('node:http').createServer((q, s) => s.end('ok')).listen(${port + 1}, '127.0.0.1')`], port + 1);
    rows.push({ operation: `web host start to first answer${builtCurrent('web') ? ' (prebuilt)' : ' (NOT BUILT: from source)'}`, size: '—', figure: host, baseline: plain, baselineWhat: 'bare node:http server', goal: '< 0.8 s' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

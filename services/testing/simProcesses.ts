/**
 * Real processes for the branch-network simulation (services/center/simulation.test.ts): `gjj …` children, a
 * TCP relay per branch between its sync worker and the center (the partition switch: a real network cut, TLS and
 * the pinned fingerprint pass through untouched), and a client that calls a branch host's contract over HTTPS.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { request } from 'node:https';
import { createServer as createNet, connect, type Server, type Socket } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const GJJ = resolve(ROOT, 'cli/gjj.ts');

export interface Proc {
  child: ChildProcess;
  out: () => string;
}

export function startGjj(args: string[], env: Record<string, string> = {}): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', GJJ, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let text = '';
  child.stdout!.on('data', (b: Buffer) => (text += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (text += b.toString()));
  return { child, out: () => text };
}

/** A `gjj` command run to its end. */
export const gjj = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', GJJ, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });

export async function waitFor(p: Proc, re: RegExp, ms = 90_000, from = 0): Promise<RegExpExecArray> {
  const end = Date.now() + ms;
  for (;;) {
    const m = re.exec(p.out().slice(from));
    if (m) return m;
    if (p.child.exitCode !== null || Date.now() > end) throw new Error(`waiting for ${re}: ${p.out().slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function until<T>(what: string, fn: () => Promise<T | null | false>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const exited = (p: Proc) => new Promise<void>((ok) => (p.child.exitCode !== null || p.child.signalCode !== null ? ok() : p.child.once('exit', () => ok())));

export function kill9(p: Proc | null): Promise<void> {
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return Promise.resolve();
  const done = exited(p);
  p.child.kill('SIGKILL');
  return done;
}

export function stop(p: Proc | null): Promise<void> {
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return Promise.resolve();
  const done = exited(p);
  p.child.kill('SIGTERM');
  return done;
}

export function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createNet().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => ok(p));
    });
  });
}

/**
 * A TCP relay 127.0.0.1:port → 127.0.0.1:target. `cut()` drops every open connection and refuses new ones (the
 * line is down); `heal()` relays again. `stallAnswers()` relays the branch's bytes to the center but holds back the
 * center's answers on a connection that carried more than 8 KB (a batch), so a push is certainly in flight (sent, maybe applied, unanswered) when the test kills someone.
 */
export class Relay {
  private server: Server;
  private sockets = new Set<Socket>();
  private down = false;
  private stalled = false;
  /** Bytes relayed branch → center since the last `resetCount()`. */
  sent = 0;
  port = 0;

  constructor(private readonly target: () => number) {
    this.server = createNet((client) => {
      if (this.down) return void client.destroy();
      const upstream = connect(this.target(), '127.0.0.1');
      let mine = 0;
      this.sockets.add(client).add(upstream);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('data', (b: Buffer) => {
        this.sent += b.length;
        mine += b.length;
        upstream.write(b);
      });
      upstream.on('data', (b: Buffer) => {
        // A batch is large; a status request and the TLS handshake are small: only the batch's answer is held back.
        if (!(this.stalled && mine > 8192)) client.write(b);
      });
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
    });
  }

  listen(): Promise<number> {
    return new Promise((ok) => this.server.listen(0, '127.0.0.1', () => ok((this.port = (this.server.address() as { port: number }).port))));
  }

  cut(): void {
    this.down = true;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  heal(): void {
    this.down = false;
    this.stalled = false;
  }

  stallAnswers(): void {
    this.stalled = true;
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((ok) => this.server.close(() => ok()));
  }
}

export interface CallResult {
  ok: boolean;
  data?: any;
  error?: { code: string; message: string };
}

/** POST /api/call on a branch host (its self-signed certificate: the fingerprint is checked by the terminals' tests). */
export function httpsCall(port: number, name: string, input: unknown, token: string | null): Promise<CallResult> {
  const body = JSON.stringify({ call: name, input });
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/call',
        method: 'POST',
        rejectUnauthorized: false,
        agent: false,
        headers: { 'Content-Type': 'application/json', Host: `127.0.0.1:${port}`, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          try {
            ok(JSON.parse(text) as CallResult);
          } catch {
            fail(new Error(`${name}: HTTP ${res.statusCode} ${text.slice(0, 200)}`));
          }
        });
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

/**
 * A center killed with kill -9 and not restarted (a failed test) leaves its embedded PostgreSQL running: stop it
 * (fast shutdown), then give it a moment to go, rather than leak it.
 */
export async function stopOrphanPostgres(cdir: string | undefined, settleMs = 1000): Promise<void> {
  const pidFile = join(cdir ?? '', 'pg', 'postmaster.pid');
  if (!cdir || !existsSync(pidFile)) return;
  try {
    process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGINT');
  } catch {
    /* already gone */
  }
  await new Promise((r) => setTimeout(r, settleMs));
}

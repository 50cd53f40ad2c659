/**
 * `npm run stress [-- --seconds 180 --clients 4]`: one data folder, a web host (services/http/serve.ts) killed
 * with SIGKILL at random moments and restarted, several concurrent HTTP clients posting 开户 / 单位开户 / 汇缴 with
 * unique idempotency keys (retrying network errors, BUSY and lost sessions with the SAME key), and now and then a
 * `gjj remit` writer on the same folder (refused by the folder lock while the host runs; sometimes killed too).
 * At the end every key a client saw succeed must have exactly one effect in the database (lost = 0), no key two
 * (duplicated = 0), and `gjj check` must pass. Loopback only; every loop is bounded by the deadline. Not a test.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makeIdNumber } from '../shared/idcard';
import { makeUscc } from '../shared/uscc';

const ROOT = join(__dirname, '..');
const NODE = process.execPath;
const flag = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const SECONDS = flag('seconds', 180);
const CLIENTS = Math.min(flag('clients', 4), 16);
const PASSWORD = 'Stress2026ok';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rand = (a: number, b: number) => a + Math.floor(Math.random() * (b - a + 1));

const dir = mkdtempSync(join(tmpdir(), 'gjj-stress-'));
const data = join(dir, 'data');
const staticDir = join(dir, 'static');
const stats = { tried: 0, ok: 0, refused: 0, gaveUp: 0, rejected: 0, cliFailed: 0, kills: 0, hostStarts: 0, hostRefused: 0, cliOk: 0, cliRefused: 0, cliKilled: 0 };

function gjjSync(args: string[], stdin = ''): { status: number | null; out: string; err: string } {
  const r = spawnSync(NODE, ['--import', 'tsx', join(ROOT, 'cli/gjj.ts'), ...args], { cwd: ROOT, input: stdin, encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

// ---- the web host, killed and restarted -------------------------------------------------------------------
let host: ChildProcess | null = null;
let port = 0;

function startHost(): Promise<boolean> {
  stats.hostStarts++;
  const child = spawn(NODE, ['--import', 'tsx', join(ROOT, 'services/http/serve.ts'), '--data', data, '--port', String(port), '--static', staticDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    // No print warm-up (services/print/warmUp.ts): it holds a fresh host's thread for about a second, and this test
    // kills the host every few seconds — it would measure the warm-up, not the ledger.
    env: { ...process.env, GJJ_PRINT_WARM_UP: '0' },
  });
  return new Promise((ok) => {
    let done = false;
    const finish = (up: boolean) => {
      if (done) return;
      done = true;
      if (up) host = child;
      ok(up);
    };
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('已启动') && finish(true));
    child.stderr!.on('data', (d: Buffer) => {
      if (d.toString().includes('数据目录正由另一个程序使用')) stats.hostRefused++;
    });
    child.on('exit', () => {
      if (host === child) host = null;
      finish(false);
    });
  });
}

async function ensureHost(deadline: number): Promise<void> {
  while (!host && Date.now() < deadline) {
    if (!(await startHost())) await sleep(300);
  }
}

async function killHost(): Promise<void> {
  const h = host;
  if (!h) return;
  host = null;
  const gone = new Promise((r) => h.once('exit', r));
  h.kill('SIGKILL');
  stats.kills++;
  await gone;
}

// ---- HTTP clients -----------------------------------------------------------------------------------------
type Effect = { kind: 'member'; idNumber: string } | { kind: 'employer'; uscc: string } | { kind: 'remit'; employer: string; month: string };
const succeeded = new Map<string, Effect>(); // key → the one effect it must have
const attempted = new Map<string, Effect>(); // every key ever sent (for duplicate checks)
let seq = 0;

async function post(call: string, input: unknown, token: string | null): Promise<{ status: number; body: { ok: boolean; data?: unknown; error?: { code: string; message: string } } }> {
  const res = await fetch(`http://127.0.0.1:${port}/api/call`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ call, input }),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, body: (await res.json()) as never };
}

class Client {
  token: string | null = null;
  constructor(readonly login: string) {}

  /** Sends one call until it is answered for good; the same input (and key) every time. Bounded by `until`. */
  async call(call: string, input: Record<string, unknown>, until: number): Promise<unknown> {
    while (Date.now() < until) {
      try {
        if (!this.token) {
          const r = await post('session.login', { login: this.login, password: PASSWORD }, null);
          if (!r.body.ok) throw new Error(`login: ${r.body.error?.message}`);
          this.token = (r.body.data as { token: string }).token;
        }
        const r = await post(call, input, this.token);
        if (r.body.ok) return r.body.data;
        const code = r.body.error!.code;
        if (code === 'NO_SESSION') this.token = null; // the host restarted: sessions live in memory
        else if (code === 'BUSY') stats.refused++;
        else throw new Error(`${call}: ${code} ${r.body.error!.message}`);
      } catch (e) {
        if (e instanceof Error && /^(login|[a-z]+\.[a-z]+):/.test(e.message)) throw e; // a business refusal
        // connection refused / reset / timeout: the host is down or was killed mid-request
      }
      await sleep(rand(50, 250));
    }
    return undefined;
  }

  async tracked(call: string, input: Record<string, unknown>, effect: Effect, until: number): Promise<unknown> {
    stats.tried++;
    attempted.set(String(input.idempotencyKey), effect);
    let r: unknown;
    try {
      r = await this.call(call, input, until);
    } catch (e) {
      stats.rejected++; // a business refusal (not expected here): counted, never retried with another key
      console.error(`  业务拒绝：${(e as Error).message}`);
      return undefined;
    }
    if (r === undefined) stats.gaveUp++;
    else {
      stats.ok++;
      succeeded.set(String(input.idempotencyKey), effect);
    }
    return r;
  }
}

async function clientLoop(c: Client, n: number, deadline: number, district: string): Promise<void> {
  const grace = () => Math.max(deadline, Date.now()) + 30_000; // an operation begun before the deadline may finish
  while (Date.now() < deadline) {
    // 17 characters before the check digit: room for 99,999 employers per client (a fast run opens more than 9,999).
    const uscc = makeUscc(`91640100MA${String(n).padStart(2, '0')}${String(++seq).padStart(5, '0')}`);
    const emp = (await c.tracked(
      'employers.create',
      { name: '宁夏压力测试有限公司', uscc, district, employeeRatioPercent: '12', employerRatioPercent: '12', contactName: '张会计', contactPhone: '0951-5012345', openedDate: '2022-01-01', idempotencyKey: `stress-emp-${n}-${seq}` },
      { kind: 'employer', uscc },
      grace(),
    )) as { id: number } | undefined;
    if (!emp) continue;
    for (let k = 0; k < 3 && Date.now() < deadline; k++) {
      const s = ++seq;
      const birth = new Date(Date.UTC(1970, 0, 1) + Math.floor(s / 900) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
      const idNumber = makeIdNumber('640104', birth, (s % 900) + 1);
      await c.tracked(
        'members.open',
        { name: '张三', idNumber, phone: '13895001234', employerId: emp.id, baseFen: 500_000, openedDate: '2022-01-01', idempotencyKey: `stress-member-${n}-${s}` },
        { kind: 'member', idNumber },
        grace(),
      );
    }
    for (let m = 1; m <= 12 && Date.now() < deadline; m++) {
      const month = `2022-${String(m).padStart(2, '0')}`;
      await c.tracked('remit.post', { employerId: emp.id, month, idempotencyKey: `stress-remit-${n}-${emp.id}-${month}` }, { kind: 'remit', employer: uscc, month }, grace());
    }
  }
}

// ---- chaos: kill -9 the host at random moments; a CLI writer now and then ----------------------------------
async function chaos(deadline: number): Promise<void> {
  let cliMonth = 1;
  while (Date.now() < deadline) {
    await sleep(rand(1_500, 5_000));
    if (Date.now() >= deadline) break;
    if (Math.random() < 0.5) {
      // A second writer on the same folder: refused while the host holds the lock; runs when it does not.
      const kill = Math.random() < 0.3;
      const raced = Math.random() < 0.4;
      if (raced) await killHost(); // the host restarts while the CLI runs: whichever takes the folder lock first wins
      const month = `2023-${String(cliMonth).padStart(2, '0')}`;
      const key = `stress-cli-remit-${month}`;
      const cli = spawn(NODE, ['--import', 'tsx', join(ROOT, 'cli/gjj.ts'), 'remit', '--data', data, '--employer', '1', '--month', month, '--key', key], { cwd: ROOT, stdio: 'ignore' });
      const timer = kill ? setTimeout(() => cli.kill('SIGKILL'), rand(500, 3_000)) : null;
      const restarting = raced ? ensureHost(deadline + 30_000) : Promise.resolve();
      const code = await new Promise<number | null>((r) => cli.once('exit', (c) => r(c)));
      if (timer) clearTimeout(timer);
      await restarting;
      attempted.set(key, { kind: 'remit', employer: '#1', month });
      if (code === 0) {
        stats.cliOk++;
        succeeded.set(key, { kind: 'remit', employer: '#1', month });
        if (cliMonth < 12) cliMonth++;
      } else if (code === 3) stats.cliRefused++;
      else if (code === null) stats.cliKilled++;
      else stats.cliFailed++;
      await ensureHost(deadline + 30_000);
    } else {
      await killHost();
      await sleep(rand(0, 1_000));
      await ensureHost(deadline + 30_000);
    }
  }
}

// ---- the count --------------------------------------------------------------------------------------------
function count(): { lost: number; duplicated: number; unknownApplied: number; commandsDup: number } {
  const db = new Database(join(data, 'gjj.sqlite'), { readonly: true });
  const effects = (e: Effect): number => {
    if (e.kind === 'member') return (db.prepare('SELECT COUNT(*) AS n FROM members WHERE id_number = ?').get(e.idNumber) as { n: number }).n;
    if (e.kind === 'employer') return (db.prepare('SELECT COUNT(*) AS n FROM employers WHERE uscc = ?').get(e.uscc) as { n: number }).n;
    const employer = e.employer === '#1' ? 1 : ((db.prepare('SELECT id FROM employers WHERE uscc = ?').get(e.employer) as { id: number } | undefined)?.id ?? -1);
    return (db.prepare(`SELECT COUNT(*) AS n FROM remittances WHERE employer_id = ? AND month = ? AND kind = '汇缴'`).get(employer, e.month) as { n: number }).n;
  };
  let lost = 0;
  let duplicated = 0;
  let unknownApplied = 0;
  for (const [key, e] of attempted) {
    const n = effects(e);
    if (n > 1) duplicated++;
    if (succeeded.has(key) && n !== 1) lost++;
    if (!succeeded.has(key) && n === 1) unknownApplied++;
  }
  // Each key at most once in the idempotency table.
  const commandsDup = (db.prepare('SELECT COUNT(*) AS n FROM (SELECT idempotency_key FROM commands GROUP BY idempotency_key HAVING COUNT(*) > 1)').get() as { n: number }).n;
  db.close();
  return { lost, duplicated: duplicated + commandsDup, unknownApplied, commandsDup };
}

async function main(): Promise<void> {
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>stress</title>');
  console.log(`压力测试：${SECONDS} 秒，${CLIENTS} 个客户端，数据目录 ${data}`);
  if (gjjSync(['init', '--center', 'yinchuan', '--data', data]).status !== 0) throw new Error('gjj init failed');
  for (let i = 1; i <= CLIENTS; i++) {
    const person = ['--staff-no', `YL${String(i).padStart(4, '0')}`, '--id-number', makeIdNumber('640104', '19880101', 500 + i)];
    const r = gjjSync(['user', 'add', '--data', data, '--login', `clerk${i}`, '--name', '压测经办', '--role', 'clerk', ...person, '--password-stdin'], `${PASSWORD}\n`);
    if (r.status !== 0) throw new Error(`user add failed: ${r.err}`);
  }
  port = await freePort();
  const start = Date.now();
  const deadline = start + SECONDS * 1000;
  await ensureHost(deadline);
  const district = '兴庆区';
  const clients = Array.from({ length: CLIENTS }, (_, i) => clientLoop(new Client(`clerk${i + 1}`), i + 1, deadline, district));
  await Promise.all([...clients, chaos(deadline)]);
  await ensureHost(Date.now() + 30_000);
  if (host) {
    const h = host;
    const gone = new Promise((r) => h.once('exit', r));
    h.kill('SIGTERM');
    await gone;
  }
  const c = count();
  const check = gjjSync(['check', '--data', data]);
  const secs = ((Date.now() - start) / 1000).toFixed(0);
  console.log(
    [
      `用时 ${secs} 秒；主机启动 ${stats.hostStarts} 次（因数据目录被占用未启动 ${stats.hostRefused} 次），kill -9 ${stats.kills} 次`,
      `tried ${stats.tried}  ok ${stats.ok}  refused ${stats.refused + stats.cliRefused}（BUSY ${stats.refused}，命令行被锁拒绝 ${stats.cliRefused}）  gave-up ${stats.gaveUp}  业务拒绝 ${stats.rejected}`,
      `命令行汇缴：成功 ${stats.cliOk}，被拒绝 ${stats.cliRefused}，被 kill -9 ${stats.cliKilled}，其他失败 ${stats.cliFailed}`,
      `lost ${c.lost}  duplicated ${c.duplicated}  （未确认但已生效 ${c.unknownApplied}）`,
      `gjj check：${check.status === 0 ? '通过' : `失败 ${check.out}${check.err}`}`,
    ].join('\n'),
  );
  const ok = c.lost === 0 && c.duplicated === 0 && check.status === 0;
  if (ok) rmSync(dir, { recursive: true, force: true });
  else console.log(`保留数据目录以便检查：${data}`);
  process.exitCode = ok ? 0 : 1;
}

main().catch(async (e: unknown) => {
  console.error(e);
  await killHost();
  process.exitCode = 1;
});

/**
 * npm run bench:host — the branch host under load (issue 10). Prints figures, asserts nothing.
 * A `gjj serve` child process with TLS on 127.0.0.1; 10 terminal loops in this process, each with its own HTTPS
 * connection (keep-alive, the host's certificate pinned as the only CA), its own session and terminal id, posting
 * (补缴 for one member and month) and querying (members.search by name, then members.get) in turn for DURATION s.
 * Beside it, a baseline measured in the same run: a bare node:https server (same certificate, its own process)
 * answering a tiny JSON, driven by the same loops. Goal: p99 of a posting < 100 ms with no errors.
 * Options: --seconds N (default 20), --terminals N (default 10).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dispatch } from '../services/api/dispatch';
import { openAppState } from '../services/api/state';
import { generateDemo } from '../services/demo/generate';
import { SYSTEM_OPERATOR } from '../services/context';
import { addStaffDirect, TEST_ADMIN } from '../services/testing/staff';
import { makeIdNumber } from '../shared/idcard';
import { makeUscc } from '../shared/uscc';
import { addMonthsToMonth } from '../shared/dates';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 20);
const TERMINALS = arg('terminals', 10);
const MEMBERS_PER_TERMINAL = 5;
const PASSWORD = 'Counter2026';
const SURNAMES = ['马', '王', '李', '张', '刘', '杨', '赵', '黄', '周', '吴'];
const cn = (n: number) => [...String(n)].map((d) => '零一二三四五六七八九'[Number(d)]).join('');

function setup(dir: string): Array<{ login: string; members: number[] }> {
  const app = openAppState(dir);
  const ok = (call: string, input: unknown, token: string | null = null) => {
    const r = dispatch(app, { call, input, token });
    if (!r.ok) throw new Error(`${call}: ${r.error.message}`);
    return r.data as never;
  };
  ok('setup.init', { center: 'yinchuan', adminLogin: 'admin', adminName: '系统管理员', adminPassword: PASSWORD, ...TEST_ADMIN });
  const admin = (ok('session.login', { login: 'admin', password: PASSWORD }) as { token: string }).token;
  // Some branch-sized data to search in.
  generateDemo(app.ctx!, SYSTEM_OPERATOR, { members: 5000, months: 0, perEmployer: 500, seed: 11 });
  const employer = (ok('employers.create', { name: '宁夏压测科技有限公司', uscc: makeUscc('91640100MA76B3N8X'), district: '金凤区', employeeRatioPercent: '12', employerRatioPercent: '12', contactName: '张丽华', contactPhone: '0951-5012345', openedDate: '2000-01-01', idempotencyKey: 'bench-employer' }, admin) as { id: number }).id;
  const terminals: Array<{ login: string; members: number[] }> = [];
  let seq = 0;
  for (let t = 0; t < TERMINALS; t++) {
    const login = `clerk${t + 1}`;
    addStaffDirect(app, 10 + t, login, `${SURNAMES[t % 10]}经办${cn(t + 1)}`, 'clerk', PASSWORD);
    const members: number[] = [];
    for (let k = 0; k < MEMBERS_PER_TERMINAL; k++) {
      seq++;
      members.push((ok('members.open', { name: `${SURNAMES[seq % 10]}压测${cn(seq)}`, idNumber: makeIdNumber('640104', '19800101', 500 + seq), phone: '13895001234', employerId: employer, baseFen: 800_000, openedDate: '2000-01-01', idempotencyKey: `bench-member-${seq}` }, admin) as { id: number }).id);
    }
    terminals.push({ login, members });
  }
  app.db.close();
  return terminals.map((t) => ({ ...t, employer }));
}

function waitFor(child: ChildProcess, re: RegExp): Promise<RegExpExecArray> {
  let out = '';
  return new Promise((ok, fail) => {
    const on = (b: Buffer) => {
      out += b.toString();
      const m = re.exec(out);
      if (m) ok(m);
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', on);
    child.once('exit', (c) => fail(new Error(`exited ${c}: ${out}`)));
  });
}

interface Client {
  agent: Agent;
  port: number;
  terminal: string;
  token: string | null;
}
function post(c: Client, body: unknown): Promise<{ status: number; json: { ok: boolean; data?: any; error?: { message: string } } }> {
  return new Promise((ok, fail) => {
    const req = request(
      { host: '127.0.0.1', port: c.port, path: '/api/call', method: 'POST', agent: c.agent, servername: 'localhost', headers: { Host: `127.0.0.1:${c.port}`, 'Content-Type': 'application/json', 'X-GJJ-Terminal': c.terminal, ...(c.token ? { Authorization: `Bearer ${c.token}` } : {}) } },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => ok({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
      },
    );
    req.on('error', fail);
    req.end(JSON.stringify(body));
  });
}

interface Tally {
  post: number[];
  query: number[];
  errors: string[];
}

async function run(port: number, ca: Buffer, terminals: Array<{ login: string; members: number[]; employer?: number }>, bare: boolean): Promise<Tally> {
  const tally: Tally = { post: [], query: [], errors: [] };
  // Every terminal signs in (and opens its TLS connection) before the clock starts: logins hash passwords.
  const clients = await Promise.all(
    terminals.map(async (t, i) => {
      const c: Client = { agent: new Agent({ keepAlive: true, maxSockets: 1, ca }), port, terminal: `bench-term-${String(i + 1).padStart(2, '0')}`, token: null };
      const r = await post(c, bare ? { call: 'x', input: {} } : { call: 'session.login', input: { login: t.login, password: PASSWORD } });
      if (!bare && !r.json.ok) throw new Error(`login ${t.login}: ${r.json.error?.message}`);
      if (!bare) c.token = r.json.data.token;
      return c;
    }),
  );
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    terminals.map(async (t, i) => {
      const c = clients[i]!;
      let n = 0;
      while (performance.now() < until) {
        // A posting: 补缴 of one member for one month (each terminal its own members, months from 2000-02 on).
        const member = t.members[n % t.members.length]!;
        const month = addMonthsToMonth('2000-02', Math.floor(n / t.members.length));
        const key = `bench-${i}-${n}`;
        let t0 = performance.now();
        try {
          const r = await post(c, { call: 'remit.post', input: { employerId: (t as { employer?: number }).employer ?? 1, month, kind: '补缴', memberIds: [member], idempotencyKey: key } });
          tally.post.push(performance.now() - t0);
          if (!r.json.ok) tally.errors.push(`post ${r.status} ${r.json.error?.message}`);
        } catch (e) {
          tally.errors.push(`post ${(e as Error).message}`);
        }
        // A query: search by surname (a scan), then open the first hit.
        t0 = performance.now();
        try {
          const s = await post(c, { call: 'members.search', input: { query: `${SURNAMES[n % 10]}压测`, limit: 20 } });
          const first = s.json.data?.[0]?.id ?? member;
          const g = await post(c, { call: 'members.get', input: { memberId: first } });
          tally.query.push(performance.now() - t0);
          if (!s.json.ok || !g.json.ok) tally.errors.push(`query ${s.json.error?.message ?? g.json.error?.message}`);
        } catch (e) {
          tally.errors.push(`query ${(e as Error).message}`);
        }
        n++;
      }
      c.agent.destroy();
    }),
  );
  return tally;
}

/** CPU time (user + system) a process has used so far, from /proc (Linux). */
function cpuMs(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const line = (label: string, xs: number[]) =>
  `${label.padEnd(22)} n=${String(xs.length).padStart(6)}  p50 ${pct(xs, 50).toFixed(1).padStart(6)} ms  p95 ${pct(xs, 95).toFixed(1).padStart(6)} ms  p99 ${pct(xs, 99).toFixed(1).padStart(6)} ms  max ${Math.max(...xs).toFixed(1).padStart(6)} ms`;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'gjj-bench-host-'));
  const children: ChildProcess[] = [];
  try {
    console.log(`准备数据：${TERMINALS} 个终端，每终端 ${MEMBERS_PER_TERMINAL} 名职工，另有 5000 名职工供查询…`);
    const terminals = setup(dir);
    const host = spawn(process.execPath, ['--import', 'tsx', resolve('cli/gjj.ts'), 'serve', '--data', dir, '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(host);
    const port = Number((await waitFor(host, /网点主机已启动：https:\/\/127\.0\.0\.1:(\d+)/))[1]);
    const ca = readFileSync(join(dir, 'gjj-tls.crt'));
    const bareCode = `const https=require('node:https');const fs=require('node:fs');const s=https.createServer({cert:fs.readFileSync(${JSON.stringify(join(dir, 'gjj-tls.crt'))}),key:fs.readFileSync(${JSON.stringify(join(dir, 'gjj-tls.key'))})},(q,r)=>{let b='';q.on('data',d=>b+=d);q.on('end',()=>{r.writeHead(200,{'Content-Type':'application/json'});r.end('{"ok":true,"data":[]}')})});s.listen(0,'127.0.0.1',()=>console.log('bare:'+s.address().port));`;
    const bare = spawn(process.execPath, ['-e', bareCode], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(bare);
    const barePort = Number((await waitFor(bare, /bare:(\d+)/))[1]);

    console.log(`网点主机：${TERMINALS} 个终端循环 ${SECONDS} 秒（补缴入账 + 查询）…`);
    const cpu0 = cpuMs(host.pid!);
    const h = await run(port, ca, terminals, false);
    const hostCpu = cpuMs(host.pid!) - cpu0;
    console.log(`基线（裸 node:https，同一证书）：同样的循环 ${SECONDS} 秒…`);
    const b = await run(barePort, ca, terminals, true);
    console.log('');
    console.log(line('主机 入账(补缴)', h.post));
    console.log(line('主机 查询(检索+详情)', h.query));
    console.log(`主机 错误 ${h.errors.length}${h.errors.length ? `：${[...new Set(h.errors)].slice(0, 5).join('；')}` : ''}`);
    console.log(`主机 吞吐 入账 ${(h.post.length / SECONDS).toFixed(1)}/s，查询 ${(h.query.length / SECONDS).toFixed(1)}/s`);
    console.log(`主机进程 CPU ${(hostCpu / 1000).toFixed(1)} s / ${SECONDS} s，平均每个请求 ${(hostCpu / (h.post.length * 3)).toFixed(2)} ms（每轮 1 次入账 + 2 次查询）`);
    console.log(line('基线 单请求', b.post));
    console.log(line('基线 两请求', b.query));
    console.log(`基线 错误 ${b.errors.length}`);
    console.log(`本机负载（1/5/15 分钟）：${loadavg().map((x) => x.toFixed(2)).join(' / ')}，CPU ${cpus().length} 核（他人的进程也在运行时数字偏高）`);
    console.log(`目标：入账 p99 < 100 ms —— ${pct(h.post, 99) < 100 && h.errors.length === 0 ? '达到' : '未达到'}`);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * The branch network as real processes (docs/branch-network.md "Simulation"): `gjj center serve` (embedded
 * PostgreSQL) and three `gjj serve` branch hosts (WQ01–WQ03, SQLite), each branch's sync line through its own TCP
 * relay (the partition switch), and scripted clients calling the hosts' contract over HTTPS as clerk / reviewer /
 * approver / clerk2. A seeded random schedule (GJJ_SIM_SEED replays it) of 汇缴, new employers and members, member
 * edits, withdrawals, loans and repayments runs online and during partitions; the same member tries to withdraw at
 * her owning branch and at another one while both are cut off; a branch host is killed (-9) with a push sent but
 * unanswered, the center is killed (-9) while a batch is arriving; a batch also goes by file (tampered copy
 * refused, replay “没有新内容”). Then heal, wait for every branch's pending seals to be 0, and check.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../api/dispatch';
import { dbPath } from '../app/open';
import { readPushState } from '../branch/push';
import { joinAsBranch } from '../testing/branchFixture';
import { harness, PASSWORD } from '../testing/harness';
import { chinaToday, editMember, loan, monthFrom, openEmployer, openMember, remit, repay, rng, withdraw, type Caller, type Outcome } from '../testing/simClient';
import { freePort, gjj, httpsCall, kill9, Relay, startGjj, stop, stopOrphanPostgres, until, waitFor, type Proc } from '../testing/simProcesses';
import { enrollmentFile, initCenterData, registerBranch } from './enroll';
import { centerCertificate } from './http';
import { openCenterStore } from './store';

const SEED = process.env.GJJ_SIM_SEED ? Number(process.env.GJJ_SIM_SEED) : Math.floor(Math.random() * 2 ** 31);
const R = rng(SEED);
const TODAY = chinaToday();
const OPENED = `${Number(TODAY.slice(0, 4)) - 2}${TODAY.slice(4)}`;

interface Employer {
  id: number;
  accountNo: string;
  /** The next contribution month, as an offset from this month (≤ 0). */
  next: number;
  members: Array<{ id: number; name: string }>;
}
interface Branch {
  code: string;
  joinFile: string;
  dir: string;
  relay: Relay;
  proc: Proc | null;
  port: number;
  tokens: Record<string, string>;
  employers: Employer[];
  couple: { borrower: number; spouse: number };
  /** The loan couple's employer: remitted to last month at setup, never by the random schedule. */
  coupleEmployer: number;
  loans: number[];
  call: Caller;
}

let root = '';
let cdir = '';
let centerPort = 0;
let center: Proc | null = null;
const branches: Branch[] = [];
const log: string[] = [];
const tally: Record<string, number> = {};
let idSeq = 600;
let nameN = 0;
const NAMES = ['艾力', '古丽', '阿依', '王芳', '李强', '马军', '热娜', '张伟', '努尔', '刘洋'];

function note(line: string) {
  log.push(line);
}
const count = (what: string) => (tally[what] = (tally[what] ?? 0) + 1);

async function startCenter(): Promise<void> {
  center = startGjj(['center', 'serve', '--data', cdir, '--listen', `127.0.0.1:${centerPort}`]);
  await waitFor(center, /中心已启动：https:\/\/127\.0\.0\.1:\d+/, 120_000);
}

async function startHost(b: Branch): Promise<void> {
  b.proc = startGjj(['serve', '--data', b.dir, '--listen', '127.0.0.1:0'], { GJJ_SYNC_MAX_BACKOFF_MS: '2000', GJJ_SYNC_POLL_MS: '300' });
  b.port = Number((await waitFor(b.proc, /网点主机已启动：https:\/\/127\.0\.0\.1:(\d+)/))[1]);
  for (const k of Object.keys(b.tokens)) delete b.tokens[k];
}

function httpCaller(b: Branch): Caller {
  const login = async (as: string) => {
    const r = await httpsCall(b.port, 'session.login', { login: as, password: PASSWORD }, null);
    if (!r.ok) throw new Error(`${b.code} login ${as}: ${r.error?.message}`);
    return (b.tokens[as] = r.data.token as string);
  };
  return async (name, input, as = 'clerk') => {
    const r = await httpsCall(b.port, name, input, b.tokens[as] ?? (await login(as)));
    if (!r.ok && r.error?.code === 'NO_SESSION') return httpsCall(b.port, name, input, await login(as));
    return r;
  };
}

const status = async (b: Branch) => {
  const r = await b.call('sync.status', {}, 'admin');
  if (!r.ok) throw new Error(r.error?.message);
  return r.data as { pendingSeals: number; lastSealLocal: number; lastAcknowledged: number; lastError: string | null };
};
const caughtUp = (b: Branch) => until(`${b.code} pending seals 0`, async () => {
  const s = await status(b);
  return s.pendingSeals === 0 && s.lastAcknowledged === s.lastSealLocal && s.lastError === null ? s : null;
}, 240_000);

/** One random piece of counter work at branch `b`. */
async function randomOp(b: Branch): Promise<void> {
  const roll = R.next();
  const e = R.pick(b.employers);
  try {
    if (roll < 0.4 && e.next <= 0 && e.members.length > 0) {
      await remit(b.call, e.id, monthFrom(TODAY, e.next++));
      count('汇缴');
    } else if (roll < 0.5) {
      const x = await openEmployer(b.call, `${b.code}新开户单位${++nameN}`, '天山区', OPENED);
      b.employers.push({ id: x.id, accountNo: x.accountNo, next: -8, members: [] });
      count('单位开户');
    } else if (roll < 0.62) {
      const name = R.pick(NAMES);
      const m = await openMember(b.call, e.id, name, ++idSeq, 500_000 + R.int(10) * 50_000, OPENED);
      e.members.push({ id: m.id, name });
      count('个人开户');
    } else if (roll < 0.7 && e.members.length > 0) {
      await editMember(b.call, R.pick(e.members).id, e.id, 600_000 + R.int(8) * 50_000);
      count('封存启封');
    } else if (roll < 0.85 && e.members.length > 0) {
      const m = R.pick(e.members);
      const o = await withdraw(b.call, m.id, m.name, TODAY, 20_000 + R.int(10) * 10_000);
      count(o.paid ? '提取支付' : `提取未支付（${o.stage}）`);
    } else if (roll < 0.9 && b.loans.length === 0) {
      b.loans.push(await loan(b.call, b.couple.borrower, b.couple.spouse, TODAY, 10_000_000 + R.int(10) * 1_000_000, `UQ-${b.code}-${String(SEED % 1e7).padStart(7, '0')}`));
      count('贷款发放');
    } else if (b.loans.length > 0) {
      await repay(b.call, b.loans[0]!, 3_000 + R.int(5) * 1_000, R.next() < 0.5 ? 'bank' : 'fund');
      count('还款');
    } else {
      count('无事');
    }
  } catch (err) {
    // A business refusal (e.g. a withdrawal over the yearly cap) is an outcome; anything else fails the run.
    const r = err as { stage?: string; code?: string; message?: string };
    if (!r.stage || !['RULE', 'CONFLICT', 'BAD_INPUT'].includes(r.code ?? '')) throw err;
    count(`拒绝（${r.stage}）`);
    note(`${b.code} ${r.stage}：${r.message}`);
  }
}

async function schedule(n: number, at: Branch[]): Promise<void> {
  for (let i = 0; i < n; i++) await randomOp(R.pick(at));
}

/** Setup in-process (before the hosts start): each branch's folder, two employers with members and a loan couple. */
async function setupBranch(code: string, fingerprint: string): Promise<Branch> {
  const h = harness('urumqi', new Date().toISOString());
  const relay = new Relay(() => centerPort);
  await relay.listen();
  const joined = joinAsBranch(h, code, enrollmentFile(cdir, code, new Date(), { url: `https://127.0.0.1:${relay.port}`, fingerprint }).file);
  const local: Caller = async (name, input, as) => dispatch(h.app, { call: name, input, token: h.tokens[as ?? 'clerk'] ?? null }) as never;
  const employers: Employer[] = [];
  for (let k = 0; k < 2; k++) {
    const e = await openEmployer(local, `${code}初始单位${k + 1}`, '天山区', OPENED);
    const members = [];
    for (let j = 0; j < 3; j++) {
      const name = NAMES[(k * 3 + j) % NAMES.length]!;
      members.push({ id: (await openMember(local, e.id, name, ++idSeq, 800_000, OPENED)).id, name });
    }
    for (let m = -14; m <= -9; m++) await remit(local, e.id, monthFrom(TODAY, m));
    employers.push({ id: e.id, accountNo: e.accountNo, next: -8, members });
  }
  const ce = await openEmployer(local, `${code}贷款职工单位`, '天山区', OPENED);
  const borrower = await openMember(local, ce.id, '马建国', ++idSeq, 1_000_000, OPENED);
  const spouse = await openMember(local, ce.id, '李秀兰', ++idSeq, 1_000_000, OPENED);
  for (let m = -12; m <= -1; m++) await remit(local, ce.id, monthFrom(TODAY, m));
  h.app.db.close();
  const b: Branch = { code, joinFile: joined.joinFile, dir: h.dir, relay, proc: null, port: 0, tokens: {}, employers, couple: { borrower: borrower.id, spouse: spouse.id }, coupleEmployer: ce.id, loans: [], call: null as never };
  b.call = httpCaller(b);
  return b;
}

const sqlite = <T>(b: Branch, q: string): T[] => {
  const db = new Database(dbPath(b.dir), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(q).all() as T[];
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  console.log(`分支网络模拟：种子 GJJ_SIM_SEED=${SEED}，营业日 ${TODAY}`);
  root = mkdtempSync(join(tmpdir(), 'gjj-sim-'));
  chmodSync(root, 0o711);
  cdir = join(root, 'center');
  await initCenterData(cdir, 'urumqi');
  centerPort = await freePort();
  const cert = await centerCertificate(cdir, ['127.0.0.1']);
  for (const code of ['WQ01', 'WQ02', 'WQ03']) branches.push(await setupBranch(code, cert.fingerprint));
  const store = await openCenterStore(cdir);
  try {
    for (const b of branches) await registerBranch(store, b.joinFile);
  } finally {
    await store.close();
  }
  await startCenter();
  for (const b of branches) await startHost(b);
}, 600_000);

afterAll(async () => {
  console.log(`分支网络模拟（GJJ_SIM_SEED=${SEED}）：${JSON.stringify(tally)}`);
  if (log.length) console.log(log.slice(-20).join('\n'));
  for (const b of branches) {
    await stop(b.proc);
    await b.relay.close();
  }
  await stop(center);
  await stopOrphanPostgres(cdir, 1500);
  if (root) rmSync(root, { recursive: true, force: true });
  for (const b of branches) for (const f of [b.dir, `${b.dir}.key`, `${b.dir}.sign.pem`]) rmSync(f, { recursive: true, force: true });
}, 120_000);

const A = () => branches[0]!;
const B = () => branches[1]!;
const C = () => branches[2]!;
let mx: { accountNo: string; idAtA: number; employerNo: string } = { accountNo: '', idAtA: 0, employerNo: '' };
const outcomes: Record<string, Outcome> = {};

describe('branch network simulation (real processes, seeded)', () => {
  it('online: random counter work at three branches reaches the center', async () => {
    await schedule(24, branches);
    for (const b of branches) await caughtUp(b);
  }, 600_000);

  it('the member register: a member opened at WQ01 reaches WQ02 through the center (pushed up, pulled down over the network)', async () => {
    const e = await openEmployer(A().call, '米东石化配套有限公司', '米东区', OPENED);
    const m = await openMember(A().call, e.id, '古丽娜', ++idSeq, 900_000, OPENED);
    for (let k = -8; k <= -1; k++) await remit(A().call, e.id, monthFrom(TODAY, k));
    A().employers.push({ id: e.id, accountNo: e.accountNo, next: 0, members: [] }); // not drawn on at random: the double withdrawal is scripted
    mx = { accountNo: m.accountNo, idAtA: m.id, employerNo: e.accountNo };
    await caughtUp(A());
    // No file: WQ02's host pulls the center's down batches on its own (the file route is covered by down.test.ts / syncFiles.test.ts).
    const found = await until('古丽娜 at WQ02', async () => {
      const r = await B().call('members.search', { query: m.accountNo });
      return r.data.length > 0 ? r.data : null;
    }, 180_000);
    expect(found.map((x: { name: string }) => x.name)).toEqual(['古丽娜']);
  }, 600_000);

  it('partitioned: WQ01 and WQ02 cut off, work goes on everywhere; the same member withdraws at both — paid once, refused once', async () => {
    A().relay.cut();
    B().relay.cut();
    await schedule(16, branches);
    // WQ02 (not the owner) takes the employer's 汇缴 for her — credits may be posted anywhere.
    const employerAtB = (await B().call('employers.search', { query: mx.employerNo })).data[0] as { id: number };
    for (let k = -3; k <= -1; k++) await remit(B().call, employerAtB.id, monthFrom(TODAY, k));
    const atB = (await B().call('members.search', { query: mx.accountNo })).data[0] as { id: number };
    outcomes.A = await withdraw(A().call, mx.idAtA, '古丽娜', TODAY, 150_000);
    outcomes.B = await withdraw(B().call, atB.id, '古丽娜', TODAY, 150_000);
    expect(outcomes.A).toMatchObject({ paid: true });
    expect(outcomes.B).toMatchObject({ paid: false, stage: '支付', code: 'RULE' });
    expect((outcomes.B as { message: string }).message).toContain(`职工古丽娜（个人账号${mx.accountNo}）的公积金账户归属`);
    expect((outcomes.B as { message: string }).message).toContain('（WQ01），本网点米东区管理部（WQ02）不能办理提取支付');
    await schedule(10, branches);
    for (const b of [A(), B()]) expect((await status(b)).pendingSeals).toBeGreaterThan(0);
  }, 600_000);

  it('kill -9 of a branch host with its push sent but unanswered; restarted, it catches up once', async () => {
    const from = center!.out().length;
    B().relay.heal();
    B().relay.stallAnswers();
    await waitFor(center!, /收到网点WQ02的批次/, 120_000, from);
    // The center applies the batch; its answer never reaches the branch, which is killed waiting for it.
    const applied = Number((await waitFor(center!, /已导入网点WQ02第\d+至(\d+)批/, 120_000, from))[1]);
    await kill9(B().proc);
    expect(readPushState(B().dir).acknowledgedSeal).toBeLessThan(applied);
    B().relay.heal();
    await startHost(B());
    const s = await caughtUp(B());
    expect(s.lastAcknowledged).toBeGreaterThanOrEqual(applied);
    expect(readPushState(B().dir).acknowledgedSeal).toBe(s.lastSealLocal);
  }, 600_000);

  it('kill -9 of the center while a batch is arriving; work goes on; restarted, everyone catches up', async () => {
    const from = center!.out().length;
    A().relay.heal();
    await waitFor(center!, /收到网点WQ01的批次/, 120_000, from);
    await kill9(center);
    await schedule(8, branches);
    await startCenter();
    for (const b of branches) await caughtUp(b);
  }, 600_000);

  it('by file: gjj sync export → gjj center import; a tampered copy refused with nothing applied; the replay 没有新内容', async () => {
    C().relay.cut();
    await schedule(4, [C()]);
    // The seeded schedule may draw only 开户 (no journal entry); this month's 汇缴 for the couple's employer always posts one.
    await remit(C().call, C().coupleEmployer, monthFrom(TODAY, 0));
    const file = join(root, 'wq03.batch');
    const ex = gjj('sync', 'export', '--data', C().dir, '--out', file);
    expect(ex.stdout).toMatch(/^已导出网点WQ03第\d+至\d+批/);
    await stop(center);
    const entries = () => JSON.parse(gjj('center', 'check', '--data', cdir, '--json').stdout).branches.find((x: { code: string }) => x.code === 'WQ03').entries as number;
    const before = entries();
    const bad = join(root, 'wq03-tampered.batch');
    const text = readFileSync(file, 'utf8');
    // A doctored file: the reported totals raised by 1.00 on both sides (still balanced) — the signature no longer holds.
    const [head, ...tail] = text.split('\n');
    const body = JSON.parse(head!) as { totals: { debitsFen: number; creditsFen: number } };
    body.totals.debitsFen += 100;
    body.totals.creditsFen += 100;
    const tampered = [JSON.stringify(body), ...tail].join('\n');
    expect(tampered).not.toBe(text);
    writeFileSync(bad, tampered);
    const refused = gjj('center', 'import', '--data', cdir, bad);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('批次文件的签名与网点WQ03登记的密钥不符（文件被改动或不是该网点签发），未导入');
    expect(entries()).toBe(before);
    const im = gjj('center', 'import', '--data', cdir, file);
    expect(im.stdout).toMatch(/^已导入网点WQ03第\d+至\d+批/);
    const again = gjj('center', 'import', '--data', cdir, file);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^没有新内容/);
    expect(entries()).toBeGreaterThan(before);
    await startCenter();
    C().relay.heal();
    await caughtUp(C()); // the network sees the center already holds them: nothing sent twice
  }, 600_000);

  it('healed: center check passes, every branch entry is at the center exactly once, no balance negative, each branch checks', async () => {
    if (!center || center.child.exitCode !== null || center.child.signalCode !== null) await startCenter();
    for (const b of branches) b.relay.heal();
    for (const b of branches) await caughtUp(b);
    for (const b of branches) await stop(b.proc);
    await stop(center);
    const check = gjj('center', 'check', '--data', cdir, '--json');
    const report = JSON.parse(check.stdout) as { ok: boolean; problems: string[] };
    expect(report.problems).toEqual([]);
    expect(check.status).toBe(0);
    for (const b of branches) {
      const r = gjj('check', '--data', b.dir);
      // A check longer than a second reports its progress on stderr (a loaded machine): nothing else may be there.
      expect(r.stderr.split('\n').filter((l) => l && !l.startsWith('账务核对：'))).toEqual([]);
      expect(r.status).toBe(0);
    }
    const store = await openCenterStore(cdir);
    try {
      for (const b of branches) {
        const local = sqlite<{ id: number }>(b, 'SELECT id FROM journal_entries ORDER BY id').map((r) => r.id);
        const held = (await sql<{ id: string }>`SELECT id FROM center_journal_entries WHERE branch_code = ${b.code} ORDER BY id`.execute(store.db)).rows.map((r) => Number(r.id));
        expect(new Set(held).size).toBe(held.length);
        expect(held.length).toBe(local.length);
        expect(held).toEqual(local);
      }
      const balances = await sql<{ code: string; bal: string }>`
        SELECT a.code, SUM(CASE p.side WHEN 'C' THEN p.amount_fen ELSE -p.amount_fen END) AS bal
          FROM center_postings p JOIN center_accounts a ON a.branch_code = p.branch_code AND a.id = p.account_id
         WHERE a.parent_code IN ('201', '202') GROUP BY a.code`.execute(store.db);
      expect(balances.rows.length).toBeGreaterThan(20);
      expect(balances.rows.filter((r) => Number(r.bal) < 0)).toEqual([]);
      // The double-withdrawal member: debited once, by her owning branch only.
      const debits = await sql<{ branch_code: string; entry_id: string; business_type: string }>`
        SELECT DISTINCT p.branch_code, p.entry_id, e.business_type
          FROM center_postings p JOIN center_accounts a ON a.branch_code = p.branch_code AND a.id = p.account_id
          JOIN center_journal_entries e ON e.branch_code = p.branch_code AND e.id = p.entry_id
         WHERE a.code = ${`201:${mx.accountNo}`} AND p.side = 'D'`.execute(store.db);
      expect(debits.rows.map((r) => r.branch_code)).toEqual(['WQ01']);
    } finally {
      await store.close();
    }
    for (const b of branches) b.proc = null;
    center = null;
  }, 600_000);
});

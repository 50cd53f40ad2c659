/**
 * Center → branch (docs/branch-network.md §6–7) on a real PostgreSQL (embedded, once for this file) and two branch
 * hosts: a rate row and a notice reach both branches once; a tampered file and a gap are refused with nothing
 * applied; a member opened at WQ01 is served at WQ02 after the round trip (credits yes, payout refused naming
 * WQ01); the ownership transfer: WQ02 cannot pay before WQ01 acknowledged, then WQ02 pays and WQ01 refuses.
 */
import { recordClearCheck } from '../testing/dishonest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payee } from '../../shared/contract/dto';
import { makeIdNumber } from '../../shared/idcard';
import { branchHost, joinAsBranch, type BranchHost } from '../testing/branchFixture';
import { harness, newEmployer, newMember } from '../testing/harness';
import { SYSTEM_OPERATOR } from '../context';
import { addLoanRate } from '../policy/tables';
import { applyCenterBatch, lastAppliedSeq } from '../branch/applyCenter';
import { buildBatch } from '../branch/export';
import { loadSigningKey, signingKeyFile } from '../branch/signing';
import { checkCenter } from './check';
import { enrollmentFile, initCenterData, registerBranch } from './enroll';
import { importBatch } from './import';
import { buildOutbox } from './outbox';
import { publishChanges, transferEmployer } from './publish';
import { openCenterStore, type CenterStore } from './store';

let root: string;
let cdir: string;
let store: CenterStore;
let a: BranchHost;
let b: BranchHost;
const exported: Record<string, number> = {};

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'gjj-down-test-'));
  chmodSync(root, 0o711);
  cdir = join(root, 'center');
  await initCenterData(cdir, 'urumqi');
  store = await openCenterStore(cdir);
  a = branchHost('WQ01', enrollmentFile(cdir, 'WQ01').file);
  b = branchHost('WQ02', enrollmentFile(cdir, 'WQ02').file);
  for (const x of [a, b]) await registerBranch(store, x.joinFile);
}, 120_000);

afterAll(async () => {
  a?.close();
  b?.close();
  await store?.close();
  if (root) rmSync(root, { recursive: true, force: true });
}, 120_000);

/** `gjj center outbox` for the branch (from what it applied, or `from`) → the signed file text, or null. */
async function outbox(x: BranchHost, from = 0): Promise<string | null> {
  const r = await buildOutbox(store, cdir, x.branch, from);
  return r.batch ? r.file : null;
}

/** A branch's batch up (`gjj sync export` → `gjj center import`). */
async function up(x: BranchHost) {
  const built = buildBatch(x.app.ctx!, loadSigningKey(signingKeyFile(x.dir), false), exported[x.branch] ?? 0);
  if (!built) return { applied: false };
  exported[x.branch] = built.batch.toSeal;
  return importBatch(store, built.file);
}

const count = (x: BranchHost, table: string, where = '1') => (x.app.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;

const TODAY = '2026-01-01';
const RATE = { kind: 'loan_rate', effectiveFrom: '2026-03-01', firstUpTo5y: '2.05', firstOver5y: '2.55', secondUpTo5y: '2.475', secondOver5y: '3.025', source: '中心2026年第1号文' };
const NOTICE = { kind: 'notice', noticeKind: '公告', title: '关于调整住房公积金贷款利率的通知', body: '自2026年3月1日起执行。' };

describe('center changes reach every branch once', () => {
  it('a rate row and a notice published at the center apply once at two branches', async () => {
    const seqs = await publishChanges(store, [RATE, NOTICE], { today: TODAY });
    expect(seqs).toEqual([1, 2]);
    for (const x of [a, b]) {
      const file = (await outbox(x))!;
      const r = applyCenterBatch(x.app.ctx!, file);
      expect(r).toMatchObject({ applied: true, fromSeq: 1, toSeq: 2, changes: 2 });
      expect(count(x, 'loan_rates', `effective_from = '2026-03-01' AND created_by = 'center' AND first_over_5y = '2.55'`)).toBe(1);
      expect(x.call('rates.list', {}).loan.some((l) => l.effectiveFrom === '2026-03-01')).toBe(true);
      expect(x.call('notices.list', {}).filter((n) => n.title === NOTICE.title)).toHaveLength(1);
      const again = applyCenterBatch(x.app.ctx!, file);
      expect(again.applied).toBe(false);
      expect(again.message).toBe('没有新内容：中心第1至2号变更已应用过');
      expect(count(x, 'loan_rates', `effective_from = '2026-03-01'`)).toBe(1);
      expect(count(x, 'center_applied')).toBe(2);
      expect(count(x, 'audit_log', `action = 'center.apply' AND operator_login = 'system'`)).toBe(1);
    }
  });

  it('refuses a tampered file and a gap, with nothing applied; then applies in order', async () => {
    await publishChanges(store, [
      { kind: 'deposit_rate', effectiveFrom: '2026-03-01', annualRatePercent: '1.45' },
      { ...NOTICE, title: '第二则公告' },
    ], { today: TODAY });
    const file = (await outbox(a))!;
    const wq02 = (await outbox(b))!;
    const tampered = file.replace('1.45', '9.45');
    expect(tampered).not.toBe(file);
    const before = { applied: count(a, 'center_applied'), notices: count(a, 'notices'), log: count(a, 'integrity_log') };
    expect(() => applyCenterBatch(a.app.ctx!, tampered)).toThrow('中心下发文件的签名与入网时记录的中心公钥不符（文件被改动或不是本中心签发），未应用');
    const gap = (await outbox(a, 3))!; // only change 4: change 3 is missing at WQ01
    expect(() => applyCenterBatch(a.app.ctx!, gap)).toThrow('缺少中心第3至3号变更，本文件从第4号开始：请中心用 gjj center outbox --from 2 重新导出，未应用');
    // WQ02's file (signed for WQ02) is refused at WQ01.
    expect(() => applyCenterBatch(a.app.ctx!, wq02)).toThrow('中心下发文件是发给网点WQ02的，本网点是WQ01，未应用');
    expect({ applied: count(a, 'center_applied'), notices: count(a, 'notices'), log: count(a, 'integrity_log') }).toEqual(before);
    expect(applyCenterBatch(a.app.ctx!, file)).toMatchObject({ applied: true, fromSeq: 1, toSeq: 4, changes: 2 });
    expect(applyCenterBatch(b.app.ctx!, wq02)).toMatchObject({ applied: true, changes: 2 });
    expect(lastAppliedSeq(a.app.ctx!)).toBe(4);
    expect(count(a, 'deposit_rates', `effective_from = '2026-03-01' AND annual_rate_percent = '1.45'`)).toBe(1);
  });
});

describe('precedence and clashes', () => {
  it('a center rate row on a date the branch already holds with other values: the branch row stays, the clash is noted (and travels up)', async () => {
    addLoanRate(b.app.ctx!, { ...SYSTEM_OPERATOR, login: 'admin' }, { effectiveFrom: '2026-06-01', firstUpTo5y: '2.00', firstOver5y: '2.50', secondUpTo5y: null, secondOver5y: null, source: '本网点录入' });
    await publishChanges(store, [{ ...RATE, effectiveFrom: '2026-06-01' }], { today: TODAY });
    const atA = applyCenterBatch(a.app.ctx!, (await outbox(a))!);
    expect(atA.notes).toEqual([expect.stringMatching(/^\d+：贷款利率 2026-06-01 起$/)]);
    const atB = applyCenterBatch(b.app.ctx!, (await outbox(b))!);
    expect(atB.notes).toEqual([expect.stringMatching(/^\d+：本网点loan_rates已有同一生效日期的行（admin录入，与中心不同），保留本网点的行$/)]);
    expect(b.app.db.prepare(`SELECT first_over_5y, created_by FROM loan_rates WHERE effective_from = '2026-06-01'`).all()).toEqual([{ first_over_5y: '2.50', created_by: 'admin' }]);
    expect(a.app.db.prepare(`SELECT first_over_5y, created_by FROM loan_rates WHERE effective_from = '2026-06-01'`).all()).toEqual([{ first_over_5y: '2.55', created_by: 'center' }]);
    expect(count(b, 'center_applied', `detail LIKE '%保留本网点的行'`)).toBe(1);
  });

  it('a policy override keeps its date at every branch; a back-dated row needs a reason; a bad one is refused at the center', async () => {
    const override = { kind: 'override', paramId: 'uq.wd.keepMinFen', effectiveFrom: '2026-07-01', value: 2000, note: '提取后至少保留20元' };
    await expect(publishChanges(store, [{ ...override, effectiveFrom: '2025-12-01' }], { today: TODAY })).rejects.toThrow('生效日期2025-12-01早于今天（2026-01-01）：追溯调整须写明理由（backdateReason）');
    await expect(publishChanges(store, [NOTICE, { ...override, value: 'x' }], { today: TODAY })).rejects.toThrow(/^第2项：/);
    const held = await sql<{ n: string }>`SELECT COUNT(*) AS n FROM center_changes`.execute(store.db);
    await publishChanges(store, [override], { today: TODAY });
    expect(Number((await sql<{ n: string }>`SELECT COUNT(*) AS n FROM center_changes`.execute(store.db)).rows[0]!.n)).toBe(Number(held.rows[0]!.n) + 1);
    for (const x of [a, b]) {
      applyCenterBatch(x.app.ctx!, (await outbox(x))!);
      expect(x.app.db.prepare(`SELECT effective_from, value_json, created_by FROM policy_overrides WHERE param_id = 'uq.wd.keepMinFen'`).all()).toEqual([{ effective_from: '2026-07-01', value_json: '2000', created_by: 'center' }]);
    }
  });

  it('a register row whose account number another folder issued before joining is refused, nothing applied', async () => {
    const early = (code: string) => {
      const h = harness('urumqi', '2025-07-01T02:00:00Z');
      const e = newEmployer(h, { name: `${code}入网前的单位` });
      return { host: joinAsBranch(h, code, enrollmentFile(cdir, code).file), e };
    };
    const c = early('WQ05');
    const d = early('WQ06');
    try {
      expect(c.e.accountNo).toBe(d.e.accountNo); // both numbered 1 before joining
      for (const x of [c.host, d.host]) await registerBranch(store, x.joinFile);
      await up(c.host);
      const file = (await outbox(d.host))!;
      const before = count(d.host, 'center_applied');
      expect(() => applyCenterBatch(d.host.app.ctx!, file)).toThrow(`单位账号${c.e.accountNo}在本网点已是另一单位（WQ06入网前的单位）的账号：两个网点在加入中心前发出了相同的账号，须先改号；整个文件未应用`);
      expect(count(d.host, 'center_applied')).toBe(before);
    } finally {
      c.host.close();
      d.host.close();
    }
  });
});

const card = (name: string): Payee => ({ kind: 'own', cardType: 'debit', bankName: '中国工商银行乌鲁木齐天山支行', accountNo: '6222020000012345678', accountName: name });
const RENT = { maritalStatus: 'single', rent: { annualRentFen: 480_000, contractDate: '2025-09-01', ownsHomeInCity: false, noHomeCertDate: '2026-01-05', genuine: true } };

function remit(x: BranchHost, employerId: number, months: string[]) {
  for (const month of months) {
    x.at(`${month}-15T02:00:00Z`);
    x.call('remit.post', { employerId, month, idempotencyKey: x.key() });
  }
}

function approvedRent(x: BranchHost, memberId: number, name: string, day: string) {
  x.at(`${day}T02:00:00Z`);
  const draft = x.call('withdrawal.create', { memberId, caseId: 'rent', spouseMemberId: null, facts: RENT, requestedFen: 100_000, payee: card(name), materialsSeen: [], idempotencyKey: x.key() });
  const ready = x.call('withdrawal.update', { applicationId: draft.id, version: draft.version, caseId: 'rent', spouseMemberId: null, facts: RENT, requestedFen: 100_000, payee: card(name), materialsSeen: draft.materials.map((m) => m.id), idempotencyKey: x.key() });
  x.call('withdrawal.submit', { applicationId: ready.id, idempotencyKey: x.key() });
  x.call('withdrawal.review', { applicationId: ready.id, pass: true, idempotencyKey: x.key() }, 'reviewer');
  recordClearCheck(x, ready.id);
  x.call('withdrawal.approve', { applicationId: ready.id, pass: true, idempotencyKey: x.key() }, 'approver');
  return ready;
}

const MONTHS = ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'];
let employerNo = '';
let memberNo = '';
let ownEmployerAtB = 0;

describe('the member register and the ownership transfer', () => {
  it('a member opened at WQ01 is found and credited at WQ02 after the round trip; the payout at WQ02 is refused naming WQ01', async () => {
    const e = newEmployer(a, { name: '米东石化配套有限公司', district: '米东区', employeeRatioPercent: '8', employerRatioPercent: '8' });
    const m = newMember(a, e.id, { name: '古丽娜', idNumber: makeIdNumber('650109', '19920304', 71), baseFen: 620_000, openedDate: '2025-07-01' });
    // WQ02's own business meanwhile: its numbers never collide with WQ01's.
    const own = newEmployer(b, { name: '米东本地企业', district: '米东区', employeeRatioPercent: '8', employerRatioPercent: '8' });
    const ownMember = newMember(b, own.id, { name: '马强', idNumber: makeIdNumber('650109', '19880808', 72), baseFen: 500_000, openedDate: '2025-07-01' });
    expect(ownMember.accountNo).not.toBe(m.accountNo);
    expect(own.accountNo).not.toBe(e.accountNo);
    employerNo = e.accountNo;
    memberNo = m.accountNo;
    ownEmployerAtB = own.id;
    remit(a, e.id, MONTHS);

    expect((await up(a)).applied).toBe(true);
    expect((await up(b)).applied).toBe(true);
    const r = applyCenterBatch(b.app.ctx!, (await outbox(b))!);
    expect(r.applied).toBe(true);
    expect(r.notes.join('\n')).toContain(`职工古丽娜（${m.accountNo}）`);
    const found = b.call('members.search', { query: m.accountNo });
    expect(found.map((x) => x.name)).toEqual(['古丽娜']);
    const atB = found[0]!.id;
    const employerAtB = b.app.db.prepare('SELECT id, branch_code FROM employers WHERE account_no = ?').get(e.accountNo) as { id: number; branch_code: string };
    expect(employerAtB.branch_code).toBe('WQ01');
    // No full ID number came down: an opaque person reference stands in.
    expect((b.app.db.prepare('SELECT id_number FROM members WHERE id = ?').get(atB) as { id_number: string }).id_number).toMatch(/^@WQ01:hmac:[0-9a-f]{32}$/);
    // WQ01 applies WQ02's register rows (its own come back and are skipped).
    applyCenterBatch(a.app.ctx!, (await outbox(a))!);
    expect(a.call('members.search', { query: ownMember.accountNo }).map((x) => x.name)).toEqual(['马强']);
    expect(count(a, 'members', `account_no = '${m.accountNo}'`)).toBe(1);

    // Credits at WQ02 for WQ01's member (汇缴 of the employer) post; the application goes all the way to 已审批.
    remit(b, employerAtB.id, MONTHS);
    expect(b.call('members.get', { memberId: atB }).balanceFen).toBe(595_200);
    const app = approvedRent(b, atB, '古丽娜', '2026-01-12');
    const err = b.fail('withdrawal.pay', { applicationId: app.id, idempotencyKey: b.key() }, 'clerk2');
    expect(err.code).toBe('RULE');
    expect(err.message).toContain(`职工古丽娜（个人账号${m.accountNo}）的公积金账户归属水磨沟区管理部、乌鲁木齐县管理部（WQ01），本网点米东区管理部（WQ02）不能办理提取支付`);
  });

  it('transfer: WQ02 cannot pay before WQ01 acknowledged; after the acknowledgement WQ02 pays and WQ01 refuses', async () => {
    const memberAtA = (a.app.db.prepare('SELECT id FROM members WHERE account_no = ?').get(memberNo) as { id: number }).id;
    const memberAtB = (b.app.db.prepare('SELECT id FROM members WHERE account_no = ?').get(memberNo) as { id: number }).id;
    const appAtA = approvedRent(a, memberAtA, '古丽娜', '2026-01-20');
    const pendingAtB = (b.app.db.prepare(`SELECT id FROM applications WHERE member_id = ? AND state = '已审批'`).get(memberAtB) as { id: number }).id;

    const t = await transferEmployer(store, employerNo, 'WQ02');
    expect(t).toMatchObject({ from: 'WQ01', to: 'WQ02' });
    await expect(transferEmployer(store, employerNo, 'WQ03')).rejects.toThrow(`尚未得到原归属网点WQ01确认，不能再次转移`);

    // Before WQ01's acknowledgement: WQ02's batch stops before the transfer.
    const held = await buildOutbox(store, cdir, 'WQ02', lastAppliedSeq(b.app.ctx!));
    expect(held.batch).toBeNull();
    expect((held as { held: string }).held).toContain(`中心第${t.seq}号变更`);
    expect(b.fail('withdrawal.pay', { applicationId: pendingAtB, idempotencyKey: b.key() }, 'clerk2').message).toContain('归属水磨沟区管理部、乌鲁木齐县管理部（WQ01）');

    // WQ01 applies the transfer first: it stops debiting at once.
    expect(a.call('members.get', { memberId: memberAtA }).balanceFen).toBe(595_200);
    const applied = applyCenterBatch(a.app.ctx!, (await outbox(a))!);
    expect(applied.notes.join('\n')).toContain(`的账户归属：WQ01 → WQ02（转出余额595200分）`);
    // The balance WQ01 held moved out to 219 其他应付款 while it still owned the account.
    expect(a.call('members.get', { memberId: memberAtA }).balanceFen).toBe(0);
    expect(count(a, 'journal_entries', `business_type = '归属转移转出'`)).toBe(1);
    const refusedAtA = a.fail('withdrawal.pay', { applicationId: appAtA.id, idempotencyKey: a.key() }, 'clerk2');
    expect(refusedAtA.code).toBe('RULE');
    expect(refusedAtA.message).toContain('归属米东区管理部（WQ02），本网点水磨沟区管理部、乌鲁木齐县管理部（WQ01）不能办理提取支付');
    // Still held until the acknowledgement reaches the center.
    expect((await buildOutbox(store, cdir, 'WQ02', lastAppliedSeq(b.app.ctx!))).batch).toBeNull();

    // WQ01's next batch carries center_applied: the center releases the transfer to WQ02.
    expect((await up(a)).applied).toBe(true);
    const ack = await sql<{ seq: string }>`SELECT seq FROM center_down_acks WHERE branch_code = 'WQ01'`.execute(store.db);
    expect(Number(ack.rows[0]!.seq)).toBeGreaterThanOrEqual(t.seq);
    const release = applyCenterBatch(b.app.ctx!, (await outbox(b))!);
    expect(release.toSeq).toBeGreaterThanOrEqual(t.seq);
    expect(release.notes.join('\n')).toContain('WQ01 → WQ02（转入余额595200分）');
    // WQ02 now holds its own credits and the balance moved in from WQ01.
    expect(b.call('members.get', { memberId: memberAtB }).balanceFen).toBe(2 * 595_200);
    // Applying the same release again moves nothing twice.
    expect(applyCenterBatch(b.app.ctx!, (await outbox(b))!).applied).toBe(false);
    expect(b.call('withdrawal.pay', { applicationId: pendingAtB, idempotencyKey: b.key() }, 'clerk2').state).toBe('已支付');

    // Both branches and the center check.
    for (const x of [a, b]) expect(x.call('ledger.check', {}, 'admin').ok).toBe(true);
    expect((await up(b)).applied).toBe(true);
    await up(a);
    const report = await checkCenter(store);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    // At the center the clearing account 219 nets to zero across the two branches for this transfer.
    const clearing = await sql<{ d: string; c: string }>`
      SELECT COALESCE(SUM(p.amount_fen) FILTER (WHERE p.side = 'D'), 0) AS d, COALESCE(SUM(p.amount_fen) FILTER (WHERE p.side = 'C'), 0) AS c
        FROM center_postings p JOIN center_accounts a ON a.branch_code = p.branch_code AND a.id = p.account_id
        JOIN center_journal_entries e ON e.branch_code = p.branch_code AND e.id = p.entry_id
       WHERE a.code = '219' AND e.business_type LIKE '归属转移%'`.execute(store.db);
    expect(Number(clearing.rows[0]!.d)).toBe(595_200);
    expect(Number(clearing.rows[0]!.c)).toBe(595_200);
    // The register at the center now names WQ02 as the owner; every branch's view agrees after applying.
    const owner = await sql<{ owner: string }>`SELECT owner FROM center_register_employers WHERE account_no = ${employerNo}`.execute(store.db);
    expect(owner.rows[0]!.owner).toBe('WQ02');
    // A member opened later under an employer that reached the center in an earlier batch still finds its employer.
    const later = newMember(b, ownEmployerAtB, { name: '马丽', idNumber: makeIdNumber('650109', '19900101', 73), baseFen: 500_000, openedDate: '2026-01-01' });
    expect((await up(b)).applied).toBe(true);
    applyCenterBatch(a.app.ctx!, (await outbox(a))!);
    expect(a.call('members.search', { query: later.accountNo }).map((x) => x.name)).toEqual(['马丽']);
  });
});

describe('the commands as processes', () => {
  it('gjj center publish / outbox and gjj sync apply (twice: 没有新内容), a tampered file refused; gjj check passes', async () => {
    const c = branchHost('WQ03', enrollmentFile(cdir, 'WQ03').file);
    try {
      await registerBranch(store, c.joinFile);
      const ROOT = resolve(__dirname, '../..');
      const env = { ...process.env, GJJ_CENTER_DATABASE_URL: store.url };
      const gjj = (...args: string[]) => spawnSync(join(ROOT, 'node_modules/.bin/node'), ['--import', 'tsx', join(ROOT, 'cli/gjj.ts'), ...args], { cwd: ROOT, env, encoding: 'utf8' });
      const changes = join(root, 'changes.json');
      writeFileSync(changes, JSON.stringify([
        { kind: 'notice', noticeKind: '中心动态', title: '中心下发测试', body: '正文' },
        { kind: 'operator', login: 'zhaomin', name: '赵敏', role: 'reviewer', staffNo: 'WQ-0301' },
      ]));
      const pub = gjj('center', 'publish', '--data', cdir, changes);
      expect(pub.stderr).toBe('');
      expect(pub.stdout).toMatch(/^已发布2项中心变更：第\d+至\d+号/);
      const f = join(root, 'wq03.down');
      const ob = gjj('center', 'outbox', '--data', cdir, '--branch', 'WQ03', '--out', f);
      expect(ob.stdout).toMatch(/^已写出给网点WQ03的中心第1至\d+号变更/);
      c.app.db.close(); // the process writes this folder now
      const first = gjj('sync', 'apply', '--data', c.dir, f);
      expect(first.stderr).toBe('');
      expect(first.stdout).toMatch(/^已应用中心第1至\d+号变更/);
      expect(first.stdout).toContain('操作员赵敏（zhaomin，工号WQ-0301）：待本网点管理员设置初始密码');
      expect(first.status).toBe(0);
      const again = gjj('sync', 'apply', '--data', c.dir, f);
      expect(again.stdout).toMatch(/^没有新内容/);
      expect(again.status).toBe(0);
      const bad = join(root, 'bad.down');
      writeFileSync(bad, readFileSync(f, 'utf8').replace('中心下发测试', '中心下发测验'));
      const refused = gjj('sync', 'apply', '--data', c.dir, bad);
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toContain('中心下发文件的签名与入网时记录的中心公钥不符');
      const check = gjj('check', '--data', c.dir);
      // A check longer than a second reports its progress on stderr (a loaded machine): nothing else may be there.
      expect(check.stderr.split('\n').filter((l) => l && !l.startsWith('账务核对：'))).toEqual([]);
      expect(check.status).toBe(0);
      for (const x of [a, b]) expect(gjj('check', '--data', x.dir).status).toBe(0);
      expect(gjj('center', 'check', '--data', cdir).status).toBe(0);
    } finally {
      try {
        c.close();
      } catch {
        /* the connection was closed above */
      }
    }
  }, 300_000);
});

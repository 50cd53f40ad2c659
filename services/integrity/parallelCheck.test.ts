import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';
import { checkLedger } from '../ledger/check';
import { snapshotMark, throttledReport, type CheckWorkerInput, type CheckWorkerOutput, type CheckWorkerProgress } from './checkParts';
import { CHECK_PHASES } from '../ledger/check';
import { currentSpecs } from './tracked';
import { claimFrom, sealDigests } from './verify';
import type { BatchProgressDto } from '../../shared/contract/batch';
import { checkLedgerParallel, checkOffThread, checkWorkerFile } from './parallelCheck';
import { dispatchAsync } from '../api/dispatch';
import { enableBatchWorker } from '../api/state';

let h: Harness;
beforeAll(() => {
  h = harness('yinchuan', '2026-06-15T02:00:00Z');
  const e = newEmployer(h);
  for (let i = 0; i < 5; i++) newMember(h, e.id, { baseFen: 500_000 + i * 10_000 });
  for (const month of ['2026-03', '2026-04', '2026-05']) h.call('remit.post', { employerId: e.id, month, idempotencyKey: h.key() });
});
afterAll(() => h?.close());

function runWorker(input: CheckWorkerInput): Promise<CheckWorkerOutput> {
  const file = checkWorkerFile()!;
  const w = new Worker(file, { workerData: input, execArgv: file.endsWith('.ts') ? ['--import', 'tsx'] : [] });
  return new Promise((resolve, reject) => {
    // Progress messages come first; the answer is the one message that is not progress.
    w.on('message', (m: CheckWorkerOutput | CheckWorkerProgress) => m.kind !== 'progress' && resolve(m));
    w.once('error', reject);
  });
}

describe('gjj check on two threads (parallelCheck.ts)', () => {
  it('finds its worker beside the source here (and out/main/checkWorker.js in the build)', () => {
    expect(checkWorkerFile()).toBe(join(__dirname, 'checkWorker.ts'));
  });

  it('reports what the one-thread check reports, with the digests and proofs from the worker', async () => {
    const one = checkLedger(h.app.ctx!);
    expect(one.ok).toBe(true);
    expect(await checkLedgerParallel(h.app.ctx!)).toEqual({ report: one, parts: 'worker' });
    expect(h.app.db.sqlite.inTransaction).toBe(false);
    // Without a worker file: the same, on one thread.
    expect(await checkLedgerParallel(h.app.ctx!, null)).toEqual({ report: one, parts: 'no-worker' });
  });

  it('reports how far it is: the bookkeeping checks, every seal, every table (gjj check prints it on stderr)', async () => {
    const sqlite = h.app.db.sqlite;
    const seals = sqlite.prepare('SELECT COUNT(*) FROM integrity_seals').pluck().get() as number;
    const tables = currentSpecs(sqlite).length;
    for (const file of [checkWorkerFile(), null]) {
      const seen: Array<[string, number, number]> = [];
      const r = await checkLedgerParallel(h.app.ctx!, file, (phase, done, total) => seen.push([phase, done, total]));
      expect(r.report.ok).toBe(true);
      const last = (phase: string) => seen.filter(([p]) => p === phase).pop();
      expect(last(CHECK_PHASES.books)).toEqual([CHECK_PHASES.books, 6, 6]);
      expect(last(CHECK_PHASES.seals)).toEqual([CHECK_PHASES.seals, seals, seals]);
      expect(last(CHECK_PHASES.tables)).toEqual([CHECK_PHASES.tables, tables, tables]);
      // The bookkeeping checks come first; the verdict's table pass comes last.
      expect(seen[0]).toEqual([CHECK_PHASES.books, 0, 6]);
      expect(seen[seen.length - 1]).toEqual([CHECK_PHASES.tables, tables, tables]);
      for (const [, done, total] of seen) expect(done).toBeLessThanOrEqual(total);
    }
  });

  it('the in-app check (a worker of its own) checks on two threads too, with the one-thread report', async () => {
    const one = checkLedger(h.app.ctx!);
    const integrity = h.app.db.integrity!;
    expect(await checkOffThread(h.dir, integrity)).toEqual({ report: one, parts: 'worker' });
    expect(await checkOffThread(h.dir, integrity, undefined, { twoThreads: false })).toEqual({ report: one, parts: 'no-worker' });
  });

  it('a worker posts its progress at most every 200 ms per phase, but always a phase change and its last count', () => {
    let t = 0;
    const posted: CheckWorkerProgress[] = [];
    const report = throttledReport((m) => posted.push(m), 200, () => t);
    report('a', 0, 3);
    t = 50;
    report('a', 1, 3); // too soon
    t = 260;
    report('a', 2, 3);
    t = 270;
    report('a', 3, 3); // the last count: always
    report('b', 0, 10); // a new phase: always
    t = 300;
    report('b', 1, 10); // too soon
    expect(posted.map((m) => `${m.phase}${m.done}/${m.total}`)).toEqual(['a0/3', 'a2/3', 'a3/3', 'b0/10']);
  });

  it('the worker computes nothing on another snapshot than the main thread’s', async () => {
    const sqlite = h.app.db.sqlite;
    const key = new Uint8Array(h.app.db.integrity!.key.key);
    const mark = snapshotMark(sqlite);
    const same = await runWorker({ file: sqlite.name, key, mark, tables: ['postings'] });
    expect(same.kind).toBe('parts');
    const seals = sqlite.prepare('SELECT COUNT(*) AS n FROM integrity_seals').pluck().get() as number;
    expect(same.kind === 'parts' && same.digests.length).toBe(seals);
    expect(same.kind === 'parts' && same.proofs).toEqual([['postings', true]]);
    // Another writer committed after the main thread's mark (here: the counter writes once more).
    h.call('notices.post', { kind: '公告', title: '停电通知', body: '周六上午停电。', idempotencyKey: h.key() }, 'admin');
    const other = await runWorker({ file: sqlite.name, key, mark, tables: ['postings'] });
    expect(other).toEqual({ kind: 'other-snapshot', mark: snapshotMark(sqlite) });
    expect(snapshotMark(sqlite)).not.toBe(mark);
  });

  it('the seals are handed out from one counter: each thread digests those it takes, together every seal once', async () => {
    const sqlite = h.app.db.sqlite;
    const all = sealDigests(sqlite);
    expect(all.size).toBeGreaterThan(3);
    const shared = new SharedArrayBuffer(4);
    const claim = claimFrom(shared);
    // This thread has taken the first two seals when the worker starts: the worker digests the others.
    expect([claim(), claim()]).toEqual([0, 1]);
    const key = new Uint8Array(h.app.db.integrity!.key.key);
    const out = await runWorker({ file: sqlite.name, key, mark: snapshotMark(sqlite), tables: [], seals: shared });
    const ids = [...all.keys()];
    expect(out.kind === 'parts' && out.digests).toEqual(ids.slice(2).map((id) => [id, all.get(id)]));
    // Nothing is left for this thread.
    expect(sealDigests(sqlite, undefined, claim).size).toBe(0);
    // Another claimer on the same counter takes one just before each of ours: we digest every other seal.
    const next = claimFrom(new SharedArrayBuffer(4));
    const theirs: number[] = [];
    const ours = sealDigests(sqlite, undefined, () => (theirs.push(next()), next()));
    expect([...ours.keys()]).toEqual(ids.filter((_, i) => i % 2 === 1));
    expect(theirs.filter((i) => i < ids.length)).toEqual(ids.map((_, i) => i).filter((i) => i % 2 === 0));
    for (const [id, d] of ours) expect(d).toEqual(all.get(id));
  });

  it("a table edited outside the program: the worker's quick proof does not go through (this thread then names the row: tamper.test.ts)", async () => {
    const copy = join(h.dir, 'copy.sqlite');
    h.app.db.sqlite.exec(`VACUUM INTO '${copy}'`);
    const raw = new Database(copy);
    const saved = raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as Array<{ name: string; sql: string }>;
    for (const t of saved) raw.exec(`DROP TRIGGER "${t.name}"`);
    // members: logged row by row. (A contribution, logged as a run, is proven by its seal's digest instead: runs.test.ts.)
    raw.exec(`UPDATE members SET name = name || '改' WHERE id = (SELECT MIN(id) FROM members)`);
    for (const t of saved) raw.exec(t.sql);
    const mark = snapshotMark(raw);
    raw.close();
    const out = await runWorker({ file: copy, key: new Uint8Array(h.app.db.integrity!.key.key), mark, tables: ['contributions', 'members'] });
    expect(out.kind === 'parts' && Object.fromEntries(out.proofs)).toEqual({ contributions: true, members: false });
  });

  it('the in-app 核对账务 on a host runs in a worker on one snapshot: counters are answered and write meanwhile, no false alarm', async () => {
    const host = harness('yinchuan', '2026-06-15T02:00:00Z');
    try {
      const e = newEmployer(host);
      for (let i = 0; i < 3; i++) newMember(host, e.id);
      host.call('remit.post', { employerId: e.id, month: '2026-04', idempotencyKey: host.key() });
      const runner = enableBatchWorker(host.app);
      let done = false;
      const checking = dispatchAsync(host.app, { call: 'ledger.check', input: {}, token: host.tokens.admin! }).then((r) => ((done = true), r));
      // The request thread is free while the worker checks: a search, and a 汇缴 and a notice committed meanwhile.
      expect(host.call('members.search', { query: e.accountNo.slice(0, 6) })).toBeDefined();
      host.call('remit.post', { employerId: e.id, month: '2026-05', idempotencyKey: host.key() });
      host.call('notices.post', { kind: '公告', title: '核对期间的公告', body: '照常办理。', idempotencyKey: host.key() }, 'admin');
      expect(done).toBe(false);
      const r = await checking;
      expect(r).toMatchObject({ ok: true, data: { ok: true, firstViolation: null } });
      // Its progress was listed for the 账务核对 page, and ends at the last table.
      const listed = await dispatchAsync(host.app, { call: 'batch.progress', input: {}, token: host.tokens.clerk! });
      const tables = currentSpecs(host.app.db.sqlite).length;
      expect(listed.ok && (listed.data as BatchProgressDto[]).find((p) => p.lane === 'ledger.check')).toMatchObject({
        label: '账务核对',
        outcome: 'done',
        phase: CHECK_PHASES.tables,
        done: tables,
        total: tables,
        error: null,
      });
      // The same answer the service gives in process now (the worker saw the ledger before or after those writes).
      const now = checkLedger(host.app.ctx!);
      expect(now.ok).toBe(true);
      expect((r as { data: { entries: number } }).data.entries).toBeLessThanOrEqual(now.entries);
      await runner.close();
    } finally {
      host.close();
    }
  }, 60_000);
});

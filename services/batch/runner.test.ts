/**
 * 年终结息 in the batch worker (issue 14): the request thread answers while it runs, the result is the same fen
 * as inline, it is recorded under the caller's key, a second run is refused while one goes, errors come back as
 * the service's Chinese message, the anchor names the worker's newest seal, and a run stopped midway resumes.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { yearEndCredits as credits } from '../testing/yearEndBook';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';
import { enableBatchWorker } from '../api/state';
import { dispatchAsync } from '../api/dispatch';
import { ANCHOR_FILE, readAnchor } from '../integrity/anchor';
import { chainHead } from '../integrity/seal';
import { verifyIntegrity } from '../integrity/verify';

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) {
    await h.app.batches?.close();
    h.close();
  }
});

function book(members = 9): Harness {
  const h = harness('yinchuan', '2026-05-01T02:00:00Z');
  open.push(h);
  const e = newEmployer(h);
  for (let i = 0; i < members; i++) newMember(h, e.id, { baseFen: 300_000 + i * 77_777, openedDate: '2026-05-01' });
  for (const month of ['2026-05', '2026-06']) {
    h.at(`${month}-20T02:00:00Z`);
    h.call('remit.post', { employerId: e.id, month, idempotencyKey: h.key() });
  }
  h.at('2026-07-01T02:00:00Z');
  return h;
}

const call = (h: Harness, name: string, input: unknown, as = 'admin') => dispatchAsync(h.app, { call: name, input, token: h.tokens[as]! });

describe('batches in the worker thread', () => {
  it('answers a clerk while 年终结息 runs, gives the same fen as inline, and records it under the key', async () => {
    const ref = book();
    const inline = ref.call('interest.yearEnd', { year: 2026, idempotencyKey: ref.key() }, 'admin');
    const h = book();
    enableBatchWorker(h.app, { tuning: { entryLines: 2 } });
    const order: string[] = [];
    const batch = call(h, 'interest.yearEnd', { year: 2026, idempotencyKey: 'yearend-2026' }).then((r) => (order.push('batch'), r));
    // Inline, the handler would run the whole batch before this read is even looked at.
    const read = call(h, 'members.search', { query: '张' }, 'clerk').then((r) => (order.push('read'), r));
    expect((await read).ok).toBe(true);
    const r = await batch;
    expect(order).toEqual(['read', 'batch']);
    expect(r).toMatchObject({ ok: true, data: { accounts: 9, totalFen: inline.totalFen, entries: 5, alreadyRun: false } });
    expect(credits(h)).toEqual(credits(ref));
    // The same key answers the first result from the record; the year is recorded once.
    expect(await call(h, 'interest.yearEnd', { year: 2026, idempotencyKey: 'yearend-2026' })).toEqual(r);
    expect(h.app.db.sqlite.prepare(`SELECT COUNT(*) FROM commands WHERE action = 'interest.yearEnd'`).pluck().get()).toBe(1);
    // The anchor names the newest seal, which the worker made.
    const anchor = readAnchor(join(h.dir, ANCHOR_FILE), h.app.db.integrity!.key as never);
    expect(anchor.kind === 'ok' && anchor.anchor.sealId).toBe(chainHead(h.app.db.sqlite)!.sealId);
    expect(verifyIntegrity(h.app.db.sqlite, h.app.db.integrity!.key as never, join(h.dir, ANCHOR_FILE)).problem).toBeNull();
    const progress = (await call(h, 'batch.progress', {}, 'clerk')) as { ok: true; data: Array<Record<string, unknown>> };
    expect(progress.data[0]).toMatchObject({ label: '年终结息', phase: '记账', done: 9, total: 9, outcome: 'done', operatorName: '管理员' });
  });

  it('refuses a second 年终结息 while one runs, naming it, and the same request joins it', async () => {
    const h = book();
    enableBatchWorker(h.app);
    const first = call(h, 'interest.yearEnd', { year: 2026, idempotencyKey: 'yearend-a' });
    const again = call(h, 'interest.yearEnd', { year: 2026, idempotencyKey: 'yearend-a' });
    const other = await call(h, 'interest.yearEnd', { year: 2026, idempotencyKey: 'yearend-b' });
    expect(other).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!other.ok && other.error.message).toMatch(/^年终结息正在进行（.*由管理员发起），请等它完成后再试$/);
    const [a, b] = await Promise.all([first, again]);
    expect(a).toEqual(b);
    expect(a.ok).toBe(true);
    // After it ended, another key gets the recorded year, not a second posting.
    expect(await call(h, 'interest.yearEnd', { year: 2026, idempotencyKey: 'yearend-b' })).toMatchObject({ ok: true, data: { alreadyRun: true } });
  });

  it("returns the service's Chinese error from the worker, naming the field, and writes nothing", async () => {
    const h = book(2);
    enableBatchWorker(h.app);
    const before = chainHead(h.app.db.sqlite)!.sealId;
    const r = await call(h, 'interest.yearEnd', { year: 2027, idempotencyKey: 'yearend-future' });
    expect(r).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: '2027年度的结息日2027-06-30尚未到来', field: 'year' } });
    expect(h.app.db.sqlite.prepare(`SELECT COUNT(*) FROM commands WHERE action = 'interest.yearEnd'`).pluck().get()).toBe(0);
    expect(chainHead(h.app.db.sqlite)!.sealId).toBe(before);
    // Roles are checked before any worker starts.
    expect(await call(h, 'interest.yearEnd', { year: 2026, idempotencyKey: 'yearend-x' }, 'clerk')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('the built worker the desktop backend starts (out/main/batchWorker.js) runs the same batch', async () => {
    const built = resolve(__dirname, '../../out/main/batchWorker.js');
    expect(existsSync(built), `${built} is missing: npm run build first`).toBe(true);
    const ref = book(3);
    const inline = ref.call('interest.yearEnd', { year: 2026, idempotencyKey: ref.key() }, 'admin');
    const h = book(3);
    enableBatchWorker(h.app, { workerFile: built });
    expect(await call(h, 'interest.yearEnd', { year: 2026, idempotencyKey: 'yearend-built' })).toMatchObject({ ok: true, data: { totalFen: inline.totalFen, accounts: 3 } });
    expect(credits(h)).toEqual(credits(ref));
  });

  it('a large employer\'s 汇缴 goes to the worker (two employers side by side), a small one stays inline; same entry either way', async () => {
    const make = () => {
      const h = harness('yinchuan', '2026-05-01T02:00:00Z');
      open.push(h);
      const big = newEmployer(h);
      const other = newEmployer(h);
      const small = newEmployer(h);
      for (let i = 0; i < 4; i++) newMember(h, big.id, { baseFen: 400_000 + i * 11_111, openedDate: '2026-05-01' });
      for (let i = 0; i < 3; i++) newMember(h, other.id, { baseFen: 500_000, openedDate: '2026-05-01' });
      newMember(h, small.id, { baseFen: 300_000, openedDate: '2026-05-01' });
      h.at('2026-05-20T02:00:00Z');
      return { h, big, other, small };
    };
    const ref = make();
    const inline = ref.h.call('remit.post', { employerId: ref.big.id, month: '2026-05', idempotencyKey: 'remit-big-2026-05' });
    const { h, big, other, small } = make();
    const runner = enableBatchWorker(h.app, { tuning: { remitWorkerMembers: 3 } });
    const [a, b] = await Promise.all([
      call(h, 'remit.post', { employerId: big.id, month: '2026-05', idempotencyKey: 'remit-big-2026-05' }, 'clerk'),
      call(h, 'remit.post', { employerId: other.id, month: '2026-05', idempotencyKey: 'remit-other-2026-05' }, 'clerk'),
    ]);
    expect(a).toMatchObject({ ok: true, data: { totalFen: inline.totalFen, memberCount: inline.memberCount } });
    expect(b.ok).toBe(true);
    expect(runner.progress().map((p) => [p.label, p.outcome])).toEqual([['单位汇缴', 'done'], ['单位汇缴', 'done']]);
    // Each run is told apart by its employer (the page polls its own), and ends on the last of the 汇缴's steps.
    expect(runner.progress().map((p) => [p.lane, p.phase, p.done, p.total]).sort()).toEqual(
      [big.id, other.id].map((id) => [`remit.post:${id}`, '写入缴存明细', 3, 4]).sort(),
    );
    // The small employer's 汇缴 never reaches the worker.
    expect(await call(h, 'remit.post', { employerId: small.id, month: '2026-05', idempotencyKey: 'remit-small-2026-05' }, 'clerk')).toMatchObject({ ok: true });
    expect(runner.progress()).toHaveLength(2);
    const lines = (x: Harness, entryId: number) => x.app.db.sqlite.prepare('SELECT account_id, side, amount_fen FROM postings WHERE entry_id = ? ORDER BY id').all(entryId);
    expect(lines(h, (a as { data: { entryId: number } }).data.entryId)).toEqual(lines(ref.h, inline.entryId));
    // The same key again answers the first result, from the record.
    expect(await call(h, 'remit.post', { employerId: big.id, month: '2026-05', idempotencyKey: 'remit-big-2026-05' }, 'clerk')).toEqual(a);
    expect(await call(h, 'ledger.check', {}, 'admin')).toMatchObject({ ok: true, data: { ok: true, firstViolation: null } }); // off-thread on a host
  });

  it('a worker stopped midway leaves whole entries only; running again finishes with the same fen', async () => {
    const ref = book(12);
    ref.call('interest.yearEnd', { year: 2026, idempotencyKey: ref.key() }, 'admin');
    const h = book(12);
    const runner = enableBatchWorker(h.app, { tuning: { entryLines: 1 } });
    const first = call(h, 'interest.yearEnd', { year: 2026, idempotencyKey: 'yearend-k1' });
    for (let i = 0; i < 2000 && !runner.progress().some((p) => p.phase === '记账' && p.done > 0); i++) await new Promise((r) => setTimeout(r, 5));
    await runner.close();
    const stopped = await first;
    if (!stopped.ok) expect(stopped.error.message).toMatch(/意外中止.*重新执行将从中断处继续/);
    const again = await call(h, 'interest.yearEnd', { year: 2026, idempotencyKey: 'yearend-k2' });
    expect(again.ok).toBe(true);
    expect(credits(h)).toEqual(credits(ref));
    expect(await call(h, 'ledger.check', {}, 'admin')).toMatchObject({ ok: true, data: { ok: true, firstViolation: null } }); // off-thread on a host
    expect(verifyIntegrity(h.app.db.sqlite, h.app.db.integrity!.key as never, join(h.dir, ANCHOR_FILE)).problem).toBeNull();
  });
});

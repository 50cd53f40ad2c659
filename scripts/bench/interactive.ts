/**
 * Interactive calls while a 年终结息 runs (issue 14: p99 < 100 ms while a 1,000,000-account 结息 runs). A host's
 * AppState with the batch worker, as `gjj serve` has it; a mix of counter calls (search by name, open a member,
 * save a draft: two reads and a write) through the real dispatcher, one after another, first with nothing else
 * running (the bare baseline: the same calls, the same database), then while `interest.yearEnd` runs in the worker.
 * The year-end's own time is printed beside the inline run's time on a copy of the same book. Then the same for the
 * in-app 账务核对 (`ledger.check`), which a host also runs in a worker thread.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatchAsync } from '../../services/api/dispatch';
import { enableBatchWorker, openAppState, type AppState } from '../../services/api/state';
import { SYSTEM_OPERATOR } from '../../services/context';
import { generateDemo } from '../../services/demo/generate';
import { addStaffDirect, TEST_ADMIN } from '../../services/testing/staff';
import { lastYearEnd } from './batches';
import { dbPath } from '../../services/app/open';
import { checkLedger } from '../../services/ledger/check';
import { ANCHOR_FILE } from '../../services/integrity/anchor';
import { msAsync, quantile, rows, sizeLabel } from './table';

const PASSWORD = 'Counter2026';

/** BUSY answers (系统正忙，请稍后重试) the clerk would have seen; the bench retries them as a clerk would. */
let busy = 0;

async function must(app: AppState, call: string, input: unknown, token: string | null = null): Promise<unknown> {
  for (;;) {
    const r = await dispatchAsync(app, { call, input, token });
    if (r.ok) return r.data;
    if (r.error.code !== 'BUSY') throw new Error(`${call}: ${r.error.message}`);
    busy++;
  }
}

/** One round of the counter mix; returns each call's milliseconds. */
async function round(app: AppState, token: string, i: number, memberId: number): Promise<number[]> {
  const times: number[] = [];
  for (const [call, input] of [
    ['members.search', { query: ['王', '李', '张', '刘', '马'][i % 5] }],
    ['members.get', { memberId: memberId + (i % 500) }],
    ['draft.save', { form: 'withdrawal.intake', scope: '', title: `草稿${i}`, data: { note: `草稿${i}` } }],
  ] as const) {
    const [, t] = await msAsync(() => must(app, call, input, token));
    times.push(t);
    // Let the worker's messages in, as a server's event loop does between requests.
    await new Promise((r) => setImmediate(r));
  }
  return times;
}

export async function benchInteractive(sizes: number[]): Promise<void> {
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'gjj-bench-host-'));
    const app = openAppState(dir);
    await must(app, 'setup.init', { center: 'yinchuan', adminLogin: 'admin', adminName: '管理员', adminPassword: PASSWORD, ...TEST_ADMIN });
    addStaffDirect(app, 2, 'admin2', '孙管理', 'admin', PASSWORD);
    generateDemo(app.ctx!, SYSTEM_OPERATOR, { members: n, months: 12 });
    const firstMember = app.db.sqlite.prepare('SELECT MIN(id) FROM members').pluck().get() as number;
    // The inline run on a copy of the same book, for the batch's own time.
    app.db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const copy = mkdtempSync(join(tmpdir(), 'gjj-bench-copy-'));
    copyFileSync(dbPath(dir), dbPath(copy));
    copyFileSync(join(dir, ANCHOR_FILE), join(copy, ANCHOR_FILE));
    copyFileSync(`${dir}.key`, `${copy}.key`);
    const year = lastYearEnd();
    const other = openAppState(copy);
    const token0 = ((await must(other, 'session.login', { login: 'admin', password: PASSWORD })) as { token: string }).token;
    const [, inline] = await msAsync(() => must(other, 'interest.yearEnd', { year, idempotencyKey: 'bench-inline' }, token0));
    other.db.close();
    rmSync(copy, { recursive: true, force: true });
    rmSync(`${copy}.key`, { force: true });

    // The host: batch worker on.
    enableBatchWorker(app);
    const token = ((await must(app, 'session.login', { login: 'admin', password: PASSWORD })) as { token: string }).token;
    const idle: number[] = [];
    for (let i = 0; i < 200; i++) idle.push(...(await round(app, token, i, firstMember)));
    const busyIdle = busy;
    const during: number[] = [];
    let finished = false;
    const started = performance.now();
    const batch = must(app, 'interest.yearEnd', { year, idempotencyKey: 'bench-worker' }, token).finally(() => (finished = true));
    for (let i = 0; !finished; i++) during.push(...(await round(app, token, i, firstMember)));
    await batch;
    const inWorker = performance.now() - started;
    rows.push({ operation: '柜台业务 p99, 年终结息 running in the worker', size: sizeLabel(n), figure: quantile(during, 0.99), baseline: quantile(idle, 0.99), baselineWhat: 'p99 of the same calls with no batch', goal: '< 100 ms', note: `p50 ${quantile(during, 0.5).toFixed(1)} ms, ${during.length} calls during the batch, ${busy - busyIdle} answered 系统正忙` });
    rows.push({ operation: '年终结息 in the worker (while serving)', size: sizeLabel(n), figure: inWorker, baseline: inline, baselineWhat: 'the same 结息 inline on a copy (blocks every call)', goal: '—' });

    // The in-app 账务核对 on the same host: in a worker thread too (services/integrity/parallelCheck.ts checkOffThread).
    const busyBefore = busy;
    const duringCheck: number[] = [];
    let checked = false;
    const c0 = performance.now();
    const check = must(app, 'ledger.check', {}, token).finally(() => (checked = true));
    for (let i = 0; !checked; i++) duringCheck.push(...(await round(app, token, i, firstMember)));
    const report = (await check) as { ok: boolean; firstViolation: string | null };
    const checkMs = performance.now() - c0;
    const [, onThread] = await msAsync(async () => checkLedger(app.ctx!));
    rows.push({
      operation: '柜台业务 p99, 账务核对 running in a worker',
      size: sizeLabel(n),
      figure: quantile(duringCheck, 0.99),
      baseline: quantile(idle, 0.99),
      baselineWhat: 'p99 of the same calls with no batch',
      goal: '< 100 ms',
      note: `p50 ${quantile(duringCheck, 0.5).toFixed(1)} ms, ${duringCheck.length} calls during the check, ${busy - busyBefore} answered 系统正忙${report.ok ? '' : `; check failed: ${report.firstViolation}`}`,
    });
    rows.push({ operation: '账务核对 in a worker (while serving)', size: sizeLabel(n), figure: checkMs, baseline: onThread, baselineWhat: 'the same check on the request thread (blocks every call)', goal: '—' });
    await app.batches?.close();
    app.db.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}.key`, { force: true });
  }
}

/**
 * Printing, warm (the font already loaded): the 360-row 还款计划表 and the one-page 审批书 of a disbursed loan through
 * print.loan, beside a trivial one-line PDF in the same font rendered by the same pdfmake (fastest of three each).
 * Also the schedules of other loans, whose figures and dates no earlier document had (each rendered once), and the
 * same documents through pdfkit's own font handling (each document opens and shapes its fonts itself: the code before
 * services/print/sharedFonts.ts) in the same run; and the first schedule of a fresh process, with and without the
 * backends' start-up warm-up (services/print/warmUp.ts), in child processes run from source through tsx; and the
 * first schedule a freshly started host (`npm run web`, prebuilt) serves over HTTP (scripts/bench/hostPrint.ts).
 */
import { harness } from '../../services/testing/harness';
import { contributingCouple, disbursedLoan, YC_COMMODITY_FACTS } from '../../services/testing/loanFixture';
import { renderPdf } from '../../services/print/pdf';
import { repaymentPlan } from '../../services/print/loanForms';
import { scheduleDocument } from '../../services/print/repaymentSchedule';
import { useSharedFonts } from '../../services/print/sharedFonts';
import { loanAppDto } from '../../services/loan/queries';
import { SYSTEM_OPERATOR } from '../../services/context';
import { buildSchedule } from '../../shared/loan/schedule';
import { msAsync, rows } from './table';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstHostPrints } from './hostPrint';
import { builtCurrent } from './startup';

async function fastest(fn: () => Promise<unknown>, n = 3): Promise<number> {
  await fn();
  let best = Infinity;
  for (let i = 0; i < n; i++) best = Math.min(best, (await msAsync(fn))[1]);
  return best;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The first schedule of fresh processes (scripts/bench/pdfFirst.ts), alternating: the path before sharedFonts.ts,
 * now without the warm-up, now after it.
 */
function firstPrints(runs = 3): { before: number[]; cold: number[]; afterWarmUp: number[]; warmUp: number[] } {
  const out = { before: [] as number[], cold: [] as number[], afterWarmUp: [] as number[], warmUp: [] as number[] };
  const modes = [
    { key: 'before', env: { PDF_SHARED_FONTS: '0', PDF_WARM_UP: '0' } },
    { key: 'cold', env: { PDF_SHARED_FONTS: '1', PDF_WARM_UP: '0' } },
    { key: 'afterWarmUp', env: { PDF_SHARED_FONTS: '1', PDF_WARM_UP: '1' } },
  ] as const;
  for (let i = 0; i < runs; i++) {
    for (const m of modes) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'pdfFirst.ts')], { env: { ...process.env, ...m.env }, encoding: 'utf8' });
      const { warmUpMs, firstMs } = JSON.parse(r.stdout.trim().split('\n').pop()!) as { warmUpMs: number; firstMs: number };
      out[m.key].push(firstMs);
      if (m.key === 'afterWarmUp') out.warmUp.push(warmUpMs);
    }
  }
  return out;
}

export async function benchPdf(): Promise<void> {
  const h = harness('yinchuan', '2026-01-05T02:00:00Z');
  const { b, s } = contributingCouple(h);
  const { app } = disbursedLoan(h, { memberId: b.id, spouseMemberId: s.id, facts: YC_COMMODITY_FACTS, requestedFen: 30_000_000, months: 360, method: 'annuity' }, 'YC-GJJ-2026-000123');
  const [, cold] = await msAsync(() => h.callAsync('print.loan', { applicationId: app.id, form: 'schedule' }));
  const print = (form: 'schedule' | 'approval') => () => h.callAsync('print.loan', { applicationId: app.id, form });
  const trivialDoc = () => renderPdf({ content: ['住房公积金'] }, { title: 'bench' });

  useSharedFonts(false);
  const before = { trivial: await fastest(trivialDoc), schedule: await fastest(print('schedule')), approval: await fastest(print('approval')) };
  useSharedFonts(true);

  const trivial = await fastest(trivialDoc);
  const schedule = await fastest(print('schedule'));
  const approval = await fastest(print('approval'));

  // Other loans: another amount and another due day, so no figure or date of these tables was shaped before.
  const ctx = h.app.ctx!;
  const dto = loanAppDto(ctx, app.id);
  const plan = repaymentPlan(ctx, dto);
  const env = { center: ctx.center, operator: SYSTEM_OPERATOR, printedAt: '2026-06-26T02:00:00Z', today: '2026-06-26', reprint: false };
  const fresh: number[] = [];
  for (let k = 1; k <= 5; k++) {
    const principalFen = plan.principalFen + k * 1_234_567;
    const firstDueDate = `2026-07-0${k}`;
    const other = { ...plan, principalFen, firstDueDate, rows: buildSchedule({ principalFen, annualRatePercent: plan.annualRatePercent, months: plan.months, method: plan.method, firstDueDate }).rows };
    const { title, doc } = scheduleDocument(dto, other, env);
    fresh.push((await msAsync(() => renderPdf(doc, { title })))[1]);
  }

  const first = firstPrints();

  const was = (ms: number, base: number) => `before ${Math.round(ms)} ms = ${(ms / base).toFixed(1)}× its trivial PDF ${Math.round(base)} ms`;
  rows.push({ operation: '360-row 还款计划表 PDF, warm', size: '—', figure: schedule, baseline: trivial, baselineWhat: 'trivial PDF, same font', goal: '< 300 ms warm, < 1 s cold', note: `cold ${Math.round(cold)} ms; ${was(before.schedule, before.trivial)}` });
  rows.push({ operation: '360-row 还款计划表 PDF, another loan (new figures and dates)', size: '—', figure: median(fresh), baseline: trivial, baselineWhat: 'trivial PDF, same font', goal: '< 300 ms warm', note: `median of 5, max ${Math.round(Math.max(...fresh))} ms` });
  rows.push({ operation: '360-row 还款计划表 PDF, first in a fresh process (from source through tsx)', size: '—', figure: median(first.cold), baseline: trivial, baselineWhat: 'trivial PDF, same font', goal: '< 1 s cold', note: `median of 3: ${first.cold.map(Math.round).join(', ')} ms; before ${first.before.map(Math.round).join(', ')} ms` });
  rows.push({ operation: '360-row 还款计划表 PDF, first after the start-up warm-up (from source through tsx)', size: '—', figure: median(first.afterWarmUp), baseline: trivial, baselineWhat: 'trivial PDF, same font', goal: '< 1 s cold', note: `median of 3: ${first.afterWarmUp.map(Math.round).join(', ')} ms; the warm-up itself ${Math.round(median(first.warmUp))} ms in the background` });
  rows.push({ operation: 'one-page 审批书 PDF, warm', size: '—', figure: approval, baseline: trivial, baselineWhat: 'trivial PDF, same font', goal: '< 150 ms warm', note: was(before.approval, before.trivial) });

  // The same loan's schedule from hosts started on this data folder (closed here first: a host locks it).
  h.app.db.close();
  const scratch = mkdtempSync(join(tmpdir(), 'gjj-bench-print-'));
  try {
    const built = builtCurrent('web') ? 'prebuilt' : 'NOT BUILT: from source';
    const host = await firstHostPrints(h.dir, scratch, app.id);
    const kb = `${Math.round(host.bytes / 1024)} KB PDF over HTTP`;
    rows.push({ operation: `360-row 还款计划表 PDF, the first a freshly started host serves (npm run web, ${built}; no warm-up)`, size: '—', figure: median(host.cold), baseline: trivial, baselineWhat: 'trivial PDF, same font', goal: '< 1 s cold', note: `median of 3: ${host.cold.map(Math.round).join(', ')} ms; ${kb}` });
    rows.push({ operation: `360-row 还款计划表 PDF, the first a host serves 6 s after its start (warm-up done)`, size: '—', figure: median(host.warm), baseline: trivial, baselineWhat: 'trivial PDF, same font', goal: '< 1 s cold', note: `median of 3: ${host.warm.map(Math.round).join(', ')} ms` });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    h.close();
  }
}

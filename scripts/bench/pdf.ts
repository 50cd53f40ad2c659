/**
 * Printing, warm (the font already loaded): the 360-row 还款计划表 and the one-page 审批书 of a disbursed loan through
 * print.loan, beside a trivial one-line PDF in the same font rendered by the same pdfmake (fastest of three each).
 */
import { harness } from '../../services/testing/harness';
import { contributingCouple, disbursedLoan, YC_COMMODITY_FACTS } from '../../services/testing/loanFixture';
import { renderPdf } from '../../services/print/pdf';
import { msAsync, rows } from './table';

async function fastest(fn: () => Promise<unknown>, n = 3): Promise<number> {
  await fn();
  let best = Infinity;
  for (let i = 0; i < n; i++) best = Math.min(best, (await msAsync(fn))[1]);
  return best;
}

export async function benchPdf(): Promise<void> {
  const h = harness('yinchuan', '2026-01-05T02:00:00Z');
  const { b, s } = contributingCouple(h);
  const { app } = disbursedLoan(h, { memberId: b.id, spouseMemberId: s.id, facts: YC_COMMODITY_FACTS, requestedFen: 30_000_000, months: 360, method: 'annuity' }, 'YC-GJJ-2026-000123');
  const [, cold] = await msAsync(() => h.callAsync('print.loan', { applicationId: app.id, form: 'schedule' }));
  const trivial = await fastest(() => renderPdf({ content: ['住房公积金'] }, { title: 'bench' }));
  const schedule = await fastest(() => h.callAsync('print.loan', { applicationId: app.id, form: 'schedule' }));
  const approval = await fastest(() => h.callAsync('print.loan', { applicationId: app.id, form: 'approval' }));
  rows.push({ operation: '360-row 还款计划表 PDF, warm', size: '—', figure: schedule, baseline: trivial, baselineWhat: 'trivial PDF, same font', goal: '< 300 ms warm, < 1 s cold', note: `cold ${Math.round(cold)} ms` });
  rows.push({ operation: 'one-page 审批书 PDF, warm', size: '—', figure: approval, baseline: trivial, baselineWhat: 'trivial PDF, same font', goal: '< 150 ms warm' });
  h.close();
}

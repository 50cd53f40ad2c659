/**
 * The first PDF a process makes is slow whatever it prints (issue 14): the two 25 MB font collections are read and
 * opened, fontkit decodes their layout tables, and pdfmake's, pdfkit's and fontkit's code is still unoptimized — a
 * cold 360-row 还款计划表 took 1.1–1.7 s here and the next one still 0.7 s. A backend that will print (the Electron
 * backend, `npm run web`, the branch host `gjj serve`) therefore renders one small invented schedule, shortly after it starts, and throws it away:
 * the clerk's first print is then a warm one. Nothing is read from or written to any ledger, and no print is logged.
 */
import type { LoanAppDto } from '../../shared/contract/dto';

/** Renders an invented 60-period schedule (its table, captions, notes, bold and plain faces); resolves in ms. */
export async function warmUpPrinting(): Promise<number> {
  const t = performance.now();
  // Loaded here, not at start-up: importing this module costs the starting process nothing.
  const [{ centerConfig }, { buildSchedule }, { SYSTEM_OPERATOR }, { renderPdf }, { scheduleDocument }] = await Promise.all([
    import('../../shared/centers'),
    import('../../shared/loan/schedule'),
    import('../context'),
    import('./pdf'),
    import('./repaymentSchedule'),
  ]);
  const firstDueDate = '2026-07-20';
  const { rows } = buildSchedule({ principalFen: 12_345_600, annualRatePercent: '3.1', months: 60, method: 'annuity', firstDueDate });
  const dto = { appNo: 'WARM-UP', borrower: { name: '样张', idNumberMasked: '000000********0000', accountNo: '0' } } as unknown as LoanAppDto;
  const env = { center: centerConfig('yinchuan'), operator: SYSTEM_OPERATOR, printedAt: '2026-06-20T02:00:00Z', today: '2026-06-20', reprint: false };
  const plan = { trial: true, principalFen: 12_345_600, annualRatePercent: '3.1', rateBasis: '样张', months: 60, method: 'annuity' as const, firstDueDate, disbursedDate: null, contractNo: null, rows };
  const { title, doc } = scheduleDocument(dto, plan, env);
  await renderPdf(doc, { title });
  return performance.now() - t;
}

/**
 * Warms up `delayMs` after the call, off the start-up path (the timer does not keep the process alive). A failure
 * (say, the fonts are missing) is left for the first real print to report in Chinese. GJJ_PRINT_WARM_UP=0 skips it
 * (a host that never prints, a test that starts many hosts).
 */
export function warmUpPrintingSoon(delayMs = 1500): void {
  if (process.env.GJJ_PRINT_WARM_UP === '0') return;
  setTimeout(() => void warmUpPrinting().catch(() => undefined), delayMs).unref();
}

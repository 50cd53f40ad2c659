/**
 * Child process of scripts/bench/pdf.ts: the first 360-row 还款计划表 a fresh process renders (an invented loan, no
 * ledger), either straight away or after the background warm-up the backends run (services/print/warmUp.ts);
 * PDF_SHARED_FONTS=0 takes the path from before services/print/sharedFonts.ts.
 * Prints one JSON line: { warmUpMs, firstMs }.
 */
import type { LoanAppDto } from '../../shared/contract/dto';
import { centerConfig } from '../../shared/centers';
import { buildSchedule } from '../../shared/loan/schedule';
import { SYSTEM_OPERATOR } from '../../services/context';
import { renderPdf } from '../../services/print/pdf';
import { scheduleDocument } from '../../services/print/repaymentSchedule';
import { useSharedFonts } from '../../services/print/sharedFonts';
import { warmUpPrinting } from '../../services/print/warmUp';

void (async () => {
  if (process.env.PDF_SHARED_FONTS === '0') useSharedFonts(false); // the code path before sharedFonts.ts
  const warmUpMs = process.env.PDF_WARM_UP === '1' ? await warmUpPrinting() : 0;
  const firstDueDate = '2026-07-26';
  const principalFen = 30_000_000;
  const { rows } = buildSchedule({ principalFen, annualRatePercent: '3.1', months: 360, method: 'annuity', firstDueDate });
  const dto = { appNo: 'YC-GJJ-2026-000123', borrower: { name: '马建国', idNumberMasked: '640104********3112', accountNo: '640104000000123' } } as unknown as LoanAppDto;
  const env = { center: centerConfig('yinchuan'), operator: SYSTEM_OPERATOR, printedAt: '2026-06-26T02:00:00Z', today: '2026-06-26', reprint: false };
  const plan = { trial: false, principalFen, annualRatePercent: '3.1', rateBasis: '五年以上', months: 360, method: 'annuity' as const, firstDueDate, disbursedDate: '2026-06-26', contractNo: 'YC-GJJ-2026-000123', rows };
  const t = performance.now();
  const { title, doc } = scheduleDocument(dto, plan, env);
  await renderPdf(doc, { title });
  console.log(JSON.stringify({ warmUpMs, firstMs: performance.now() - t }));
})();

/**
 * npm run bench:pdf — only the printing rows of `npm run bench` (scripts/bench/pdf.ts): the 360-row 还款计划表 and
 * the one-page 审批书 beside a trivial PDF in the same font from the same run. Prints figures, asserts nothing.
 */
import { benchPdf } from './bench/pdf';
import { printTable } from './bench/table';

void (async () => {
  await benchPdf();
  printTable();
})();

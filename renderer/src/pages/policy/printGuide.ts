/** The PDF from print.guide, opened as a blob: URL (and kept for the download link). */
import type { ApplicationKind } from '../../../../shared/rules/types';
import { api } from '../../api';
import { openPdf, type OpenedPdf } from '../../pdf';

export type PrintedGuide = OpenedPdf;

export async function printGuide(kind: ApplicationKind, caseId: string): Promise<PrintedGuide> {
  const { fileName, pdfBase64 } = await api('print.guide', { kind, caseId });
  return openPdf(fileName, pdfBase64);
}

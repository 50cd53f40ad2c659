/** The PDF from print.guide as a blob: URL the clerk's PDF viewer opens (and a file name for the download link). */
import type { ApplicationKind } from '../../../../shared/rules/types';
import { api } from '../../api';

export interface PrintedGuide {
  fileName: string;
  url: string;
  /** False when the window could not be opened (a pop-up blocker): the page offers the download link instead. */
  opened: boolean;
}

export async function printGuide(kind: ApplicationKind, caseId: string): Promise<PrintedGuide> {
  const { fileName, pdfBase64 } = await api('print.guide', { kind, caseId });
  const bytes = Uint8Array.from(atob(pdfBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const win = window.open(url);
  return { fileName, url, opened: win !== null };
}

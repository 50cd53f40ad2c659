/**
 * A PDF from a print.* call as a blob: URL. The window opens it in the PDF viewer (Electron allows blob: windows
 * from the app; its viewer has the system print dialog); the page keeps the URL for a 下载 link, since a pop-up
 * blocker or a closed window must not lose the form.
 */
export interface OpenedPdf {
  fileName: string;
  url: string;
  /** False when the window could not be opened: the page offers the download link instead. */
  opened: boolean;
}

export function openPdf(fileName: string, pdfBase64: string): OpenedPdf {
  const bytes = Uint8Array.from(atob(pdfBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const win = window.open(url);
  return { fileName, url, opened: win !== null };
}

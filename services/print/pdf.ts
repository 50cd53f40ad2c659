/**
 * The one PDF renderer: pdfmake with the bundled CJK font registered once, no network access and file access
 * limited to the fonts folder. A4 throughout. Callers build a document definition and get the PDF bytes.
 */
import { readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import type PdfmakeLib from 'pdfmake';
import { FONT_FACES, FONT_FILES, fontsDir } from './fonts';
import { prepareFace } from './sharedFonts';

let registered = false;

let lib: typeof PdfmakeLib | null = null;
/** pdfmake (with pdfkit and fontkit) loads on the first print, not at every start (issue 14: about 100 ms of each command). */
function pdfmake(): typeof PdfmakeLib {
  return (lib ??= createRequire(import.meta.url)('pdfmake') as typeof PdfmakeLib);
}

export function ensureFonts(): void {
  if (registered) return;
  const dir = fontsDir();
  // Read once into pdfmake's virtual file system: later documents reuse the bytes instead of reading 50 MB again.
  const regular = readFileSync(join(dir, FONT_FILES.regular));
  const bold = readFileSync(join(dir, FONT_FILES.bold));
  pdfmake().virtualfs.writeFileSync(FONT_FILES.regular, regular);
  pdfmake().virtualfs.writeFileSync(FONT_FILES.bold, bold);
  // Opened once for all documents, shaping cached across them (sharedFonts.ts).
  prepareFace(regular, FONT_FACES.regular);
  prepareFace(bold, FONT_FACES.bold);
  pdfmake().setUrlAccessPolicy(() => false);
  pdfmake().setLocalAccessPolicy((p) => resolve(p).startsWith(dir + sep));
  registered = true;
}

/**
 * pdfmake rewrites the font descriptors it is given while rendering (a used face's file name becomes the loaded
 * bytes), and the next document then fails on them. Each document gets fresh descriptors; the bytes stay in the
 * virtual file system, so nothing is read from disk again.
 */
function setFreshFonts(): void {
  pdfmake().setFonts({
    NotoSerif: {
      normal: [FONT_FILES.regular, FONT_FACES.regular],
      bold: [FONT_FILES.bold, FONT_FACES.bold],
      italics: [FONT_FILES.regular, FONT_FACES.regular],
      bolditalics: [FONT_FILES.bold, FONT_FACES.bold],
    },
  });
}

export interface PdfMeta {
  title: string;
  subject?: string;
}

export async function renderPdf(doc: Record<string, unknown>, meta: PdfMeta): Promise<Buffer> {
  ensureFonts();
  setFreshFonts();
  const full = {
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 56],
    info: { title: meta.title, subject: meta.subject ?? meta.title, creator: '公积金柜台', producer: '公积金柜台' },
    defaultStyle: { font: 'NotoSerif', fontSize: 10.5, lineHeight: 1.25 },
    ...doc,
  };
  return pdfmake().createPdf(full).getBuffer();
}

/**
 * Reading our PDFs in tests with nothing but npm packages (pdfjs-dist's Node build, @napi-rs/canvas for PNGs),
 * instead of poppler's pdftotext / pdftoppm / pdfinfo / pdffonts.
 *
 * `pdfText` lays text out the way `pdftotext -layout` does, closely enough for the tests: the items of a page are
 * grouped into lines by their baseline, sorted left to right, and a gap between two items becomes spaces (one per
 * half an em, at least one); pages end with a form feed. Text comes from the embedded fonts' ToUnicode maps.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** pdfjs wants folder URLs ending in a slash. */
const folderUrl = (name: string) => `${pathToFileURL(join(PDFJS_DIR, name)).href}/`;

export type PdfSource = string | Uint8Array;

function open(src: PdfSource) {
  // pdfjs transfers (detaches) the buffer it is given: always hand it a copy.
  const data = new Uint8Array(typeof src === 'string' ? readFileSync(src) : src);
  return getDocument({
    data,
    standardFontDataUrl: folderUrl('standard_fonts'),
    cMapUrl: folderUrl('cmaps'),
    cMapPacked: true,
    wasmUrl: folderUrl('wasm'),
    useSystemFonts: false,
    fontExtraProperties: true,
    verbosity: 0,
  });
}

async function withDoc<T>(src: PdfSource, use: (doc: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const task = open(src);
  try {
    return await use(await task.promise);
  } finally {
    await task.destroy();
  }
}

export async function pdfPageCount(src: PdfSource): Promise<number> {
  return withDoc(src, async (doc) => doc.numPages);
}

interface Placed {
  x: number;
  y: number;
  width: number;
  size: number;
  str: string;
}

/** One page's text, lines top to bottom; with `layout`, gaps become spaces and the left margin is kept. */
function layOut(items: Placed[], layout: boolean): string {
  const sorted = items.filter((i) => i.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Placed[][] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    // Same line when the baselines are within half the smaller font size.
    if (line && Math.abs(line[0]!.y - item.y) <= Math.min(line[0]!.size, item.size) / 2) line.push(item);
    else lines.push([item]);
  }
  const left = Math.min(...sorted.map((i) => i.x));
  const em = Math.min(...sorted.map((i) => i.size).filter((s) => s > 0)) || 10;
  const spaces = (gap: number, atLeastOne: boolean) => {
    const n = Math.round(gap / (em / 2));
    return ' '.repeat(Math.max(atLeastOne ? 1 : 0, n));
  };
  return lines
    .map((line) => {
      line.sort((a, b) => a.x - b.x);
      let out = layout ? spaces(line[0]!.x - left, false) : '';
      line.forEach((item, i) => {
        if (i > 0) {
          const prev = line[i - 1]!;
          const gap = item.x - (prev.x + prev.width);
          if (gap > item.size * 0.15) out += layout ? spaces(gap, true) : ' ';
        }
        out += item.str;
      });
      return out.trimEnd();
    })
    .join('\n');
}

/** The text of every page, each followed by "\n\f" like `pdftotext [-layout]`. */
export async function pdfText(src: PdfSource, opts: { layout?: boolean } = {}): Promise<string> {
  return withDoc(src, async (doc) => {
    let out = '';
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = (content.items as TextItem[])
        .filter((i) => typeof i.str === 'string')
        .map((i) => ({
          x: i.transform[4] as number,
          y: i.transform[5] as number,
          width: i.width,
          size: Math.hypot(i.transform[2] as number, i.transform[3] as number) || i.height,
          str: i.str,
        }));
      out += `${layOut(items, opts.layout ?? true)}\n\f`;
      page.cleanup();
    }
    return out;
  });
}

export interface PdfFont {
  /** As in the PDF, with the subset tag (e.g. "ABCDEF+NotoSerifCJKsc-Regular"). */
  name: string;
  embedded: boolean;
  subset: boolean;
}

/** The fonts the pages use, like `pdffonts`: name, embedded, subset. */
export async function pdfFonts(src: PdfSource): Promise<PdfFont[]> {
  return withDoc(src, async (doc) => {
    const fonts = new Map<string, PdfFont>();
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      await page.getOperatorList();
      for (const [, obj] of page.commonObjs as unknown as Iterable<[string, unknown]>) {
        const font = obj as { name?: string; missingFile?: boolean; loadedName?: string } | null;
        if (!font?.name || font.loadedName === undefined) continue;
        fonts.set(font.name, { name: font.name, embedded: font.missingFile === false, subset: /^[A-Z]{6}\+/.test(font.name) });
      }
    }
    return [...fonts.values()];
  });
}

/** Renders one page (1-based) to a PNG file at `dpi`, like `pdftoppm -png -r dpi -f page -l page -singlefile`. */
export async function pdfToPng(src: PdfSource, page: number, out: string, dpi = 72): Promise<void> {
  await withDoc(src, async (doc) => {
    const p = await doc.getPage(page);
    const viewport = p.getViewport({ scale: dpi / 72 });
    const factory = doc.canvasFactory as { create(w: number, h: number): { canvas: { toBuffer(t: string): Buffer } } };
    const { canvas } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await p.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport, background: 'white' }).promise;
    writeFileSync(out, canvas.toBuffer('image/png'));
    p.cleanup();
  });
}

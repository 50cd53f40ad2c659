/**
 * The bundled faces, opened once per process and shared by every PDF (issue 14).
 *
 * Under pdfmake, pdfkit opens each font anew for every document: fontkit decodes the CJK collection's CFF table again
 * (about 50 ms a face) and re-parses every glyph outline it subsets. And it shapes text with a cache that lives only as
 * long as one document, and not at all for text with explicit OpenType features (the 还款计划表's table), so every
 * figure was shaped twice: once to measure, once to draw. Profiles of the 360-row schedule put most of its time there.
 *
 * Here each face is opened once: the fontkit font (with its decoded tables and parsed glyphs) is handed to each new
 * document, which still gets its own pdfkit font object, id and subset, so the bytes a document embeds are the same
 * as before. Shaping results are kept in one bounded cache per face, keyed by OpenType features and text (a glyph run
 * does not depend on the size: pdfkit scales it when drawing), as pdfkit keeps them: scaled to its 1000-unit em and
 * shared read-only, the way its own per-document cache shares them.
 *
 * This leans on pdfkit internals (0.19.1 under pdfmake 0.3.11): EmbeddedFont's constructor (document, font, id) and
 * layoutRun, and font()'s `_fontFamilies` / `_fontCount` bookkeeping. sharedFonts.test.ts compares the bytes with
 * pdfkit's own path, so an upgrade that changes them fails there rather than on paper.
 */
import { createRequire } from 'node:module';

/**
 * Distinct strings kept per face. A 360-row schedule shapes about 1,900 with the regular face (its figures and dates)
 * and 80 bold; a kept run costs about 1 KB of heap (measured: 11.8 MB for 11,775), so the bound is about 6 MB a face
 * at most, three schedules' worth.
 */
export const SHAPING_CACHE_LIMIT = 6_000;
let limit = SHAPING_CACHE_LIMIT;

/** A shaped run as pdfkit keeps it (positions already scaled to its 1000-unit em); pdfkit never changes one. */
interface GlyphRun {
  glyphs: unknown[];
  positions: unknown[];
}
/** pdfkit's EmbeddedFont: one per document and face (id, subset, widths), over a fontkit font. */
interface EmbeddedFont {
  font: unknown;
  layoutRun(text: string, features?: unknown): GlyphRun;
}
type EmbeddedFontClass = new (doc: unknown, font: unknown, id: string) => EmbeddedFont;

interface Face {
  bytes: Uint8Array;
  font: unknown;
  EmbeddedFont: EmbeddedFontClass;
  cache: Map<string, GlyphRun>;
  stats: { hits: number; misses: number };
}

const faces = new Map<string, Face>();
let enabled = true;

interface PdfKitFonts {
  _fontFamilies: Record<string, unknown>;
  _fontCount: number;
  _fontSource: unknown;
  _fontFamily: unknown;
  _font: unknown;
  fontSize(size: number): unknown;
}
type FontMethod = (this: PdfKitFonts, src: unknown, family?: unknown, size?: number) => PdfKitFonts;

/** pdfmake's document class, loaded with pdfmake on the first print (issue 14: not at every start). */
let Document: (new (...a: unknown[]) => PdfKitFonts) | null = null;
let pdfkitFont: FontMethod;

/**
 * Loads pdfmake's document class and puts our `font` in front of pdfkit's: for a prepared face, what
 * PDFFontFactory.open and the family bookkeeping do, minus parsing the font file. Any other font, or a face already
 * used in this document, takes pdfkit's own path.
 */
function documentClass(): new (...a: unknown[]) => PdfKitFonts {
  if (Document) return Document;
  const m = createRequire(import.meta.url)('pdfmake/js/PDFDocument') as { default?: unknown };
  const Doc = (m.default ?? m) as new (...a: unknown[]) => PdfKitFonts;
  const proto = (Doc as unknown as { prototype: { font: FontMethod } }).prototype;
  pdfkitFont = proto.font;
  proto.font = function font(this: PdfKitFonts, src, family, size) {
    const face = enabled && typeof family === 'string' ? faces.get(family) : undefined;
    if (!face || face.bytes !== src || this._fontFamilies[family as string]) return pdfkitFont.call(this, src, family, size);
    this._fontSource = src;
    this._fontFamily = family;
    if (size != null) this.fontSize(size);
    const embedded = new face.EmbeddedFont(this, face.font, `F${++this._fontCount}`);
    const layoutRun = embedded.layoutRun;
    embedded.layoutRun = (text, features) => shaped(face, text, features, () => layoutRun.call(embedded, text, features));
    this._font = embedded;
    this._fontFamilies[family as string] = this._font;
    return this;
  };
  return (Document = Doc);
}

const featureKeys = new WeakMap<object, string>();
function featureKey(features: unknown): string {
  if (features == null) return '';
  if (typeof features !== 'object') return String(features);
  let key = featureKeys.get(features);
  if (key === undefined) featureKeys.set(features, (key = JSON.stringify(features)));
  return key;
}

/** pdfkit's run for (face, features, text), from the cache or shaped now and kept, least recently used dropped. */
function shaped(face: Face, text: string, features: unknown, shape: () => GlyphRun): GlyphRun {
  const key = `${featureKey(features)}\u0000${text}`;
  let run = face.cache.get(key);
  if (run) {
    face.stats.hits++;
    face.cache.delete(key); // re-inserted below: Map order is least recently used first
  } else {
    face.stats.misses++;
    run = shape();
    if (face.cache.size >= limit) face.cache.delete(face.cache.keys().next().value!);
  }
  face.cache.set(key, run);
  return run;
}

/**
 * Opens `bytes` (a font file or collection, the same Buffer later given to pdfmake) as `postscriptName` once, through
 * pdfkit itself, and keeps the result for every later document.
 */
export function prepareFace(bytes: Uint8Array, postscriptName: string): void {
  if (faces.get(postscriptName)?.bytes === bytes) return;
  const Doc = documentClass();
  const scratch = new Doc({}, {}, {}, {}, { autoFirstPage: false });
  pdfkitFont.call(scratch, bytes, postscriptName);
  const embedded = scratch._font as EmbeddedFont;
  faces.set(postscriptName, { bytes, font: embedded.font, EmbeddedFont: embedded.constructor as EmbeddedFontClass, cache: new Map(), stats: { hits: 0, misses: 0 } });
}

/** Off: every document opens and shapes its fonts itself, as pdfkit does (for before/after benchmarks only). */
export function useSharedFonts(on: boolean): void {
  enabled = on;
}

/** Tests: a smaller bound, to see the least recently used strings go (and the output stay the same). */
export function setShapingCacheLimit(n: number): void {
  limit = n;
  for (const f of faces.values()) while (f.cache.size > n) f.cache.delete(f.cache.keys().next().value!);
}

/** Cached strings, hits and misses per face (tests and benchmarks). */
export function shapingStats(): Record<string, { size: number; hits: number; misses: number }> {
  return Object.fromEntries([...faces].map(([name, f]) => [name, { size: f.cache.size, ...f.stats }]));
}

/** The fontkit font a prepared face hands to documents (tests: two documents must share it). */
export function preparedFont(postscriptName: string): unknown {
  return faces.get(postscriptName)?.font;
}

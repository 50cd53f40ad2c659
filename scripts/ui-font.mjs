/**
 * Builds the renderer's bundled CJK font (issue 12): a subset of an OFL CJK font — the characters the UI's source
 * uses, GB2312 level 1 (3,755 常用汉字), ASCII and CJK/full-width punctuation — written as WOFF2
 * (resources/fonts/gjj-ui-cjk.woff2) with fontkit (subsetting, CFF) and node:zlib's Brotli (WOFF2 compression).
 * Only a CFF-flavoured OpenType source is handled (the Noto CJK fonts are); tables are stored untransformed.
 * fontkit's CFF writer mis-terminates some real numbers; fixRealTerminators repairs them so Chromium (OTS) accepts the font.
 *
 *   node scripts/ui-font.mjs [source.ttc|otf] [PostScriptName]
 * The committed file was built from Debian's fonts-noto-cjk:
 *   node scripts/ui-font.mjs /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc NotoSansCJKsc-Regular
 * Default source (when no sans source is at hand): resources/fonts/NotoSerifCJK-Regular.ttc, face NotoSerifCJKsc-Regular.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import * as fontkit from 'fontkit';

const source = process.argv[2] ?? 'resources/fonts/NotoSerifCJK-Regular.ttc';
const face = process.argv[3] ?? 'NotoSerifCJKsc-Regular';
const OUT = 'resources/fonts/gjj-ui-cjk.woff2';

// ── which characters ──
const chars = new Set();
for (let cp = 0x20; cp < 0x7f; cp++) chars.add(cp);
for (let cp = 0x3000; cp <= 0x303f; cp++) chars.add(cp);
for (let cp = 0xff01; cp <= 0xff5e; cp++) chars.add(cp);
for (const cp of [0xa5, 0xb7, 0xd7, 0xf7, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2026, 0x2030, 0x2103, 0x2192, 0x2190, 0x2191, 0x2193, 0x2022, 0x00b0, 0x00b1]) chars.add(cp);
const gb = new TextDecoder('gb18030');
for (let hi = 0xb0; hi <= 0xd7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) if (!(hi === 0xd7 && lo > 0xf9)) chars.add(gb.decode(Uint8Array.of(hi, lo)).codePointAt(0));
function scan(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) scan(p);
    else if (/\.(tsx?|html|css)$/.test(name)) for (const ch of readFileSync(p, 'utf8')) if (ch.codePointAt(0) > 0x7f && ch.codePointAt(0) <= 0xffff) chars.add(ch.codePointAt(0));
  }
}
scan('renderer/src');
scan('shared');

// ── subset ──
const opened = fontkit.openSync(source);
const font = opened.fonts ? opened.fonts.find((f) => f.postscriptName === face) : opened;
if (!font) throw new Error(`${source} 中没有字体 ${face}`);
if (!font.directory.tables['CFF ']) throw new Error('只支持 CFF 轮廓的 OpenType 字体');
const subset = font.createSubset();
const cmap = [];
for (const cp of [...chars].sort((a, b) => a - b)) {
  const g = font.glyphForCodePoint(cp);
  if (g && g.id !== 0) cmap.push([cp, subset.includeGlyph(g)]);
}
const cff = fixRealTerminators(Buffer.from(subset.encode()));
const n = subset.glyphs.length;

/**
 * fontkit 2.0.4 ends a real DICT operand (op 30) whose text has an even number of characters with the byte 0xf0; the CFF
 * spec pads the terminating 0xf nibble with 0xf, and Chromium's sanitiser (OTS) rejects 0xf0 ("CFF : Failed to parse
 * Top DICT Data"). Noto Sans CJK's CIDFontVersion 2.00399995 hits this. Patches in place (same length, no offset moves)
 * every real in the Top DICT, the FDArray font DICTs and their Private DICTs.
 */
function fixRealTerminators(buf) {
  const index = (at) => {
    const count = buf.readUInt16BE(at);
    if (count === 0) return { items: [], end: at + 2 };
    const size = buf[at + 2];
    const off = (i) => buf.readUIntBE(at + 3 + i * size, size);
    const base = at + 3 + (count + 1) * size - 1;
    return { items: Array.from({ length: count }, (_, i) => [base + off(i), base + off(i + 1)]), end: base + off(count) };
  };
  const dict = (start, end) => {
    const ops = {};
    let operands = [];
    for (let i = start; i < end; ) {
      const b = buf[i];
      if (b <= 21) {
        const op = b === 12 ? 1200 + buf[i + 1] : b;
        i += b === 12 ? 2 : 1;
        ops[op] = operands;
        operands = [];
      } else if (b === 28) (operands.push(buf.readInt16BE(i + 1)), (i += 3));
      else if (b === 29) (operands.push(buf.readInt32BE(i + 1)), (i += 5));
      else if (b === 30) {
        for (i++; ; i++) {
          if (buf[i] >> 4 === 0xf) {
            buf[i] = 0xff;
            break;
          }
          if ((buf[i] & 0xf) === 0xf) break;
        }
        i++;
        operands.push(NaN);
      } else if (b >= 32 && b <= 246) (operands.push(b - 139), (i += 1));
      else if (b >= 247 && b <= 250) (operands.push((b - 247) * 256 + buf[i + 1] + 108), (i += 2));
      else if (b >= 251 && b <= 254) (operands.push(-(b - 251) * 256 - buf[i + 1] - 108), (i += 2));
      else throw new Error(`CFF DICT 中有无法识别的字节 ${b}`);
    }
    return ops;
  };
  const withPrivate = ([start, end]) => {
    const ops = dict(start, end);
    if (ops[18]) dict(ops[18][1], ops[18][1] + ops[18][0]);
    return ops;
  };
  const top = index(index(buf[2]).end);
  for (const item of top.items) {
    const ops = withPrivate(item);
    if (ops[1236]) index(ops[1236][0]).items.forEach(withPrivate);
  }
  return buf;
}

const raw = (tag) => {
  const t = font.directory.tables[tag];
  return Buffer.from(font.stream.buffer.subarray(t.offset, t.offset + t.length));
};
const head = raw('head');
head.writeUInt32BE(0, 8);
const hhea = raw('hhea');
hhea.writeUInt16BE(n, 34);
const hmtx = Buffer.alloc(4 * n);
subset.glyphs.forEach((gid, i) => {
  const g = font.getGlyph(gid);
  hmtx.writeUInt16BE(g.advanceWidth, 4 * i);
  hmtx.writeInt16BE(Math.round(g.bbox.minX === Infinity ? 0 : g.bbox.minX), 4 * i + 2);
});
const maxp = Buffer.alloc(6);
maxp.writeUInt32BE(0x00005000, 0);
maxp.writeUInt16BE(n, 4);
const post = raw('post').subarray(0, 32);
post.writeUInt32BE(0x00030000, 0);

// cmap format 4: runs where both the code point and the glyph id go up by one share a segment.
const segs = [];
for (const [cp, gid] of cmap) {
  const last = segs[segs.length - 1];
  if (last && cp === last.end + 1 && gid - cp === last.delta) last.end = cp;
  else segs.push({ start: cp, end: cp, delta: gid - cp });
}
segs.push({ start: 0xffff, end: 0xffff, delta: 1 });
const segX2 = segs.length * 2;
const f4 = Buffer.alloc(16 + segs.length * 8);
const log2 = Math.floor(Math.log2(segs.length));
f4.writeUInt16BE(4, 0);
f4.writeUInt16BE(f4.length, 2);
f4.writeUInt16BE(segX2, 6);
f4.writeUInt16BE(2 * 2 ** log2, 8);
f4.writeUInt16BE(log2, 10);
f4.writeUInt16BE(segX2 - 2 * 2 ** log2, 12);
segs.forEach((s, i) => {
  f4.writeUInt16BE(s.end, 14 + 2 * i);
  f4.writeUInt16BE(s.start, 16 + segX2 + 2 * i);
  f4.writeUInt16BE((s.delta + 0x10000) % 0x10000, 16 + 2 * segX2 + 2 * i);
  f4.writeUInt16BE(0, 16 + 3 * segX2 + 2 * i);
});
if (f4.length > 0xffff) throw new Error('cmap 过大');
const cmapTable = Buffer.concat([Buffer.from([0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12]), f4]);

const tables = { 'CFF ': cff, 'OS/2': raw('OS/2'), cmap: cmapTable, head, hhea, hmtx, maxp, name: raw('name'), post };
const tags = Object.keys(tables).sort();

// ── the OpenType file (for totalSfntSize and head.checkSumAdjustment) ──
const pad4 = (b) => (b.length % 4 ? Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]) : b);
const sum = (b) => {
  const p = pad4(b);
  let s = 0;
  for (let i = 0; i < p.length; i += 4) s = (s + p.readUInt32BE(i)) >>> 0;
  return s;
};
function sfnt() {
  const dir = Buffer.alloc(12 + 16 * tags.length);
  dir.write('OTTO', 0, 'latin1');
  const log = Math.floor(Math.log2(tags.length));
  dir.writeUInt16BE(tags.length, 4);
  dir.writeUInt16BE(16 * 2 ** log, 6);
  dir.writeUInt16BE(log, 8);
  dir.writeUInt16BE(16 * tags.length - 16 * 2 ** log, 10);
  let offset = dir.length;
  const bodies = [];
  tags.forEach((tag, i) => {
    const b = tables[tag];
    dir.write(tag, 12 + 16 * i, 'latin1');
    dir.writeUInt32BE(sum(b), 16 + 16 * i);
    dir.writeUInt32BE(offset, 20 + 16 * i);
    dir.writeUInt32BE(b.length, 24 + 16 * i);
    bodies.push(pad4(b));
    offset += pad4(b).length;
  });
  return Buffer.concat([dir, ...bodies]);
}
head.writeUInt32BE((0xb1b0afba - sum(sfnt())) >>> 0, 8);
const otf = sfnt();

// ── WOFF2: known-tag directory, null transforms, one Brotli stream of the tables back to back ──
const KNOWN = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF '];
const base128 = (v) => {
  const out = [];
  do {
    out.unshift(v & 0x7f);
    v >>>= 7;
  } while (v > 0);
  return out.map((b, i) => (i < out.length - 1 ? b | 0x80 : b));
};
const directory = Buffer.from(tags.flatMap((tag) => [KNOWN.indexOf(tag), ...base128(tables[tag].length)]));
const compressed = brotliCompressSync(Buffer.concat(tags.map((t) => tables[t])), {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_FONT },
});
const header = Buffer.alloc(48);
const length = pad4(Buffer.concat([header, directory, compressed])).length;
header.write('wOF2', 0, 'latin1');
header.write('OTTO', 4, 'latin1');
header.writeUInt32BE(length, 8);
header.writeUInt16BE(tags.length, 12);
header.writeUInt32BE(otf.length, 16);
header.writeUInt32BE(compressed.length, 20);
header.writeUInt16BE(1, 24);
const woff2 = pad4(Buffer.concat([header, directory, compressed]));
writeFileSync(OUT, woff2);
console.log(`${OUT}: ${cmap.length} 个字符，${n} 个字形，OpenType ${(otf.length / 1024).toFixed(0)} KB → WOFF2 ${(woff2.length / 1024).toFixed(0)} KB（来源 ${face}）`);

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from './pdf';
import { pdfFonts, pdfText } from '../testing/pdf';

const OUT = join(__dirname, '../../test-output/print');

describe('PDF rendering with the bundled font', () => {
  it('embeds the CJK font and keeps the text extractable, rare characters included', async () => {
    const pdf = await renderPdf(
      {
        content: [
          { text: '住房公积金测试页', bold: true, fontSize: 18 },
          { text: '职工姓名：张堃 王喆 李燊 𠮷野家' },
          { text: '金额：壹拾叁万伍仟元整（135000.00）' },
          { qr: 'GJJ-TEST-000001', fit: 80 },
        ],
      },
      { title: '测试页' },
    );
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, 'font-test.pdf');
    writeFileSync(file, pdf);
    const text = await pdfText(file);
    expect(text).toContain('住房公积金测试页');
    expect(text).toContain('张堃 王喆 李燊 𠮷野家');
    expect(text).toContain('壹拾叁万伍仟元整');
    const fonts = await pdfFonts(file);
    const names = fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names).toContain('NotoSerifCJKsc-Regular');
    expect(names).toContain('NotoSerifCJKsc-Bold');
    for (const f of fonts) expect(f, f.name).toMatchObject({ embedded: true, subset: true }); // like pdffonts' "yes yes"
  });

  it('renders one document after another in the same process (pdfmake rewrites the font descriptors it uses)', async () => {
    for (const n of [1, 2, 3]) {
      const pdf = await renderPdf({ content: [{ text: `第${n}份`, bold: n === 2 }] }, { title: `第${n}份` });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    }
  });
});

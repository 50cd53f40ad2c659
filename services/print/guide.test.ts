/**
 * The printed 办事指南 (gjj guide --case rent and every other case): 政策执行日期 is the date it was made for, never
 * the open-ended 9999-12-31, and no table row and no condition is split across a page boundary (pdfmake
 * dontBreakRows / unbreakable): every row's text starts and ends on the same page.
 */
import { describe, expect, it } from 'vitest';
import { guides } from '../rules/guides';
import { pdfPageCount, pdfText } from '../testing/pdf';
import { renderGuidePdf } from './guide';

const flat = (s: string) => s.replace(/\s+/g, '');

/**
 * Walks the rows of a table in order through the pages' text (pages joined by \f, whitespace removed) from
 * `start`: for each cell, the page of its first and of its last characters (a wrapped cell's lines can interleave
 * with the next cell's, so the cell is found by its head and its tail). Returns, per row, the set of pages its
 * cells' heads and tails fell on: a row kept on one page gives a single page.
 */
function rowsPages(joined: string, start: number, rows: string[][]): Set<number>[] {
  const pageAt = (i: number) => joined.slice(0, i).split('\f').length - 1;
  let cursor = start;
  return rows.map((cells) => {
    const at = new Set<number>();
    let from = cursor;
    cells.map(flat).forEach((c, k) => {
      const head = joined.indexOf(c.slice(0, 6), from);
      expect(head, `“${c}” not found`).toBeGreaterThanOrEqual(0);
      // Rows come in order: the next row starts after this row's first cell.
      if (k === 0) cursor = head + 1;
      // The tail's last characters: a wrapped cell's last line may be short (…单据或 | 证明), so try shorter tails.
      const tail = [6, 4, 2].map((k) => joined.indexOf(c.slice(-k), head)).find((i) => i >= 0) ?? -1;
      expect(tail, `end of “${c}” not found`).toBeGreaterThanOrEqual(0);
      at.add(pageAt(head)).add(pageAt(tail));
      from = head + 1;
    });
    return at;
  });
}

describe('printed 办事指南', () => {
  for (const center of ['yinchuan', 'urumqi'] as const) {
    it(`${center}: the rent guide and every multi-page guide keep each table row and condition on one page`, async () => {
      const all = guides(center, '2026-11-26');
      const rent = all.find((g) => g.caseId === 'rent')!;
      expect(rent).toBeTruthy();
      let multiPage = 0;
      for (const g of all) {
        const pdf = await renderGuidePdf(g, '2026-11-26 10:00');
        const n = await pdfPageCount(pdf);
        const text = await pdfText(pdf, { layout: false });
        if (g === rent) {
          expect(text).not.toContain('9999');
          expect(flat(text)).toContain('政策执行日期2026-11-26');
        }
        if (n < 2) continue;
        multiPage++;
        const joined = text.split('\f').slice(0, n).map(flat).join('\f');
        // Materials table rows (材料, 适用情形), then the branches table rows (网点, 地址, 办公时间).
        const materials = joined.lastIndexOf('所需材料');
        const rows = rowsPages(joined, materials, g.materials.map((m) => [m.text, m.when ?? '所有申请人']));
        rows.forEach((at, i) => expect([...at], `material row ${i + 1} split: ${g.materials[i]!.text}`).toHaveLength(1));
        const contact = joined.lastIndexOf('办理地点及咨询');
        const branches = rowsPages(joined, contact, g.contact.branches.map((b) => [b.name, b.address, b.hours]));
        branches.forEach((at, i) => expect([...at], `branch row split: ${g.contact.branches[i]!.name}`).toHaveLength(1));
      }
      expect(multiPage).toBeGreaterThan(0);
    }, 180_000);
  }
});

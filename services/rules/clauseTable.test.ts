/**
 * The citation table in shared/rules/citations.ts must match the seeds: for every rule, the paragraph that holds
 * its quoted clause and that paragraph's item number; and the document titles are the seeds' own words.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { POLICY_DOCUMENT_TITLES, RULE_CLAUSES, clauseNumber, ruleCitation } from '../../shared/rules/citations';
import { listRules } from './engine';

function seedsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    for (const candidate of [join(dir, 'shared', 'seeds'), join(dir, '..', 'shared', 'seeds')]) {
      if (existsSync(join(candidate, '003_e326aac3299acd42.txt'))) return candidate;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('seed directory shared/seeds not found');
    dir = up;
  }
}
const lines = (file: string) => readFileSync(join(seedsDir(), file), 'utf8').split('\n');

describe('rule citations', () => {
  for (const center of ['yinchuan', 'urumqi'] as const) {
    it(`${center}: every rule's paragraph and item number are re-derived from the seed`, () => {
      for (const r of listRules(center)) {
        const text = lines(r.source.file);
        const i = text.findIndex((l) => l.includes(r.source.clause));
        expect(i, r.id).toBeGreaterThanOrEqual(0);
        const m = text[i]!.match(/^\s*(\d+|[一二三四五六七八九十]+|[(（][一二三四五六七八九十\d]+[)）])[、.．]?/);
        const item = m ? m[1]!.replace(/（/g, '(').replace(/）/g, ')') : null;
        expect(RULE_CLAUSES[r.id], r.id).toEqual([i + 1, item]);
      }
    });
  }
  it("titles are the seed's first line plus 公积金业务指南, a phrase of the same page", () => {
    for (const [file, title] of Object.entries(POLICY_DOCUMENT_TITLES)) {
      const text = lines(file);
      expect(title.startsWith(text[0]!.trim()), file).toBe(true);
      expect(text.join('\n')).toContain('公积金业务指南');
    }
  });
  it('formats 《title》第N段第M条', () => {
    expect(clauseNumber('yc.loan.contrib.opened6m')).toBe('第101段第1条');
    expect(clauseNumber('uq.wd.judicial')).toBe('第94段第（二）项');
    expect(ruleCitation('yc.loan.contrib.opened6m', { file: '003_e326aac3299acd42.txt', clause: 'x' })).toBe('《银川市公积金管理中心公积金业务指南》第101段第1条');
  });
});

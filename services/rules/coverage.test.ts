/**
 * Keeps the packs honest: every rule has tests named by its id, and every clause a rule, parameter, material,
 * case or procedure step cites really occurs in the seed text it names.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SeedRef } from '../../shared/rules/types';
import { listRules, packFor } from './engine';

const here = dirname(fileURLToPath(import.meta.url));

/** The seeds live in shared/seeds beside the repository (or inside it); walk up until they are found. */
function seedsDir(): string {
  let dir = here;
  for (;;) {
    for (const candidate of [join(dir, 'shared', 'seeds'), join(dir, '..', 'shared', 'seeds')]) {
      if (existsSync(join(candidate, '003_e326aac3299acd42.txt'))) return candidate;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('seed directory shared/seeds not found above ' + here);
    dir = up;
  }
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return testFiles(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

const seeds = seedsDir();
const seedText = (file: string) => readFileSync(join(seeds, file), 'utf8');
const tests = [...testFiles(resolve(here)), ...testFiles(resolve(here, '../conditions'))].map((f) => readFileSync(f, 'utf8')).join('\n');

for (const center of ['yinchuan', 'urumqi'] as const) {
  const pack = packFor(center);
  const text = seedText(pack.catalogue.seedFile);
  const cites = (ref: SeedRef, what: string) => {
    expect(ref.file, what).toBe(pack.catalogue.seedFile);
    expect(ref.clause.trim().length, what).toBeGreaterThan(0);
    expect(text.includes(ref.clause), `${what}: clause not in ${ref.file}: ${ref.clause}`).toBe(true);
  };

  describe(`${center} pack`, () => {
    it('has a describe block named by each rule id', () => {
      const missing = listRules(center)
        .map((r) => r.id)
        .filter((id) => !tests.includes(`describe('${id}'`));
      expect(missing).toEqual([]);
    });
    it("cites, for every rule, a clause that occurs in the center's seed", () => {
      for (const r of listRules(center)) cites(r.source, r.id);
    });
    it('cites real clauses for parameters (or says why not)', () => {
      for (const p of pack.params) {
        for (const e of p.series) {
          if (e.source) cites(e.source, p.id);
          else expect(e.note, `${p.id} has no clause and no note`).toBeTruthy();
        }
      }
    });
    it('cites real clauses for cases, materials and procedure steps', () => {
      const c = pack.catalogue;
      for (const k of [...c.withdrawalCases, ...c.loanCases]) {
        cites(k.source, k.id);
        for (const m of k.materials) cites(m.source, m.id);
      }
      for (const m of [...c.commonMaterials.withdrawal, ...c.commonMaterials.loan]) cites(m.source, m.id);
      for (const p of c.procedures) for (const s of p.steps) cites(s.source, p.title);
    });
    it('has rules whose case ids exist in the catalogue', () => {
      const ids = { withdrawal: pack.catalogue.withdrawalCases.map((k) => k.id), loan: pack.catalogue.loanCases.map((k) => k.id) };
      for (const r of listRules(center)) {
        for (const id of r.caseIds) if (id !== '*') expect(ids[r.kind], `${r.id} names ${id}`).toContain(id);
      }
    });
  });
}

import { chinaDate } from '../shared/dates';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../services/testing/pdf';

const ROOT = join(__dirname, '..');
function gjj(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/gjj.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
/** The example applications of docs/rules-input.md, so the documented format is the one that works. */
function docExamples(): string[] {
  const md = readFileSync(join(ROOT, 'docs/rules-input.md'), 'utf8');
  return [...md.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

let dir: string;
let urumqi: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gjj-cli-policy-'));
  urumqi = join(dir, 'urumqi');
  expect(gjj(['init', '--center', 'yinchuan', '--data', join(dir, 'yinchuan')]).code).toBe(0);
  expect(gjj(['init', '--center', 'urumqi', '--data', urumqi]).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each test starts several gjj processes (Node + tsx, seconds each on a loaded 2-core machine).
describe('gjj eval / schema / rules / guide', { timeout: 120_000 }, () => {
  it('evaluates the documented examples against the data folder of their center', () => {
    const [wd, loan] = docExamples();
    writeFileSync(join(dir, 'wd.json'), wd!);
    writeFileSync(join(dir, 'loan.json'), loan!);
    const d = JSON.parse(gjj(['eval', 'withdrawal', '--data', join(dir, 'yinchuan'), '--json', join(dir, 'wd.json')]).out);
    expect(d).toMatchObject({ center: 'yinchuan', kind: 'withdrawal' });
    expect(d.trace.length).toBeGreaterThan(0);
    const l = JSON.parse(gjj(['eval', 'loan', '--data', urumqi, '--json', join(dir, 'loan.json')]).out);
    expect(l.quota.limits.filter((x: { binding: boolean }) => x.binding)).toHaveLength(1);
    const wrong = gjj(['eval', 'loan', '--data', join(dir, 'yinchuan'), '--json', join(dir, 'loan.json')]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('application.center');
    const text = gjj(['eval', 'withdrawal', '--data', join(dir, 'yinchuan'), '--json', join(dir, 'wd.json'), '--text']).out;
    expect(text).toContain('审查过程');
    expect(gjj(['eval', 'transfer', '--data', urumqi, '--json', join(dir, 'wd.json')]).code).toBe(2);
  });

  it('prints a JSON Schema with Chinese descriptions', () => {
    const s = JSON.parse(gjj(['schema', 'withdrawal']).out);
    expect(s.type).toBe('object');
    expect(JSON.stringify(s)).toContain('申请日期');
  });

  it('lists every rule with its source', () => {
    const rules = JSON.parse(gjj(['rules', '--center', 'urumqi', '--json']).out) as Array<{ id: string; source: { file: string } }>;
    expect(rules.length).toBeGreaterThan(50);
    expect(rules.every((r) => r.source.file === '004_5b427291c04fb79d.txt')).toBe(true);
    expect(gjj(['rules', '--center', 'beijing']).code).toBe(2);
  });

  it('prints a guide as text and as a PDF', async () => {
    expect(gjj(['guide', '--center', 'urumqi', '--case', 'rent']).out).toContain('所需材料');
    const pdf = join(dir, 'rent.pdf');
    expect(gjj(['guide', '--center', 'urumqi', '--case', 'rent', '--out', pdf]).code).toBe(0);
    const text = await pdfText(pdf, { layout: false });
    expect(text).toContain('办事指南');
    // 政策执行日期 is the day the guide was printed for (Beijing date), not the open-ended 9999-12-31.
    expect(text).not.toContain('9999');
    expect(text.replace(/\s+/g, '')).toContain(`政策执行日期${chinaDate(new Date())}`);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// docs/rules-input.md: gjj eval recomputes a decision without a database (--center), and re-runs a batch in one process.
const ROOT = join(__dirname, '..');
function gjj(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/gjj.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const examples = () => [...readFileSync(join(ROOT, 'docs/rules-input.md'), 'utf8').matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gjj-eval-center-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gjj eval --center (no database)', { timeout: 120_000 }, () => {
  it('judges the documented examples without --data, and refuses an application of the other center', () => {
    const [wd, loan] = examples();
    writeFileSync(join(dir, 'wd.json'), wd!);
    writeFileSync(join(dir, 'loan.json'), loan!);
    const d = JSON.parse(gjj(['eval', 'withdrawal', '--center', 'yinchuan', '--json', join(dir, 'wd.json')]).out);
    expect(d).toMatchObject({ center: 'yinchuan', kind: 'withdrawal' });
    const l = JSON.parse(gjj(['eval', 'loan', '--center', 'urumqi', '--json', join(dir, 'loan.json')]).out);
    expect(l.quota.limits.filter((x: { binding: boolean }) => x.binding)).toHaveLength(1);
    const wrong = gjj(['eval', 'loan', '--center', 'yinchuan', '--json', join(dir, 'loan.json')]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('application.center');
    expect(gjj(['eval', 'loan', '--json', join(dir, 'loan.json')]).code).toBe(2);
  });

  it('re-runs several applications in one call (JSON lines), reporting a bad one without stopping', () => {
    const [wd] = examples();
    const one = JSON.parse(wd!) as Record<string, unknown>;
    const bad = { ...one, applicationDate: '2025-02-30' };
    writeFileSync(join(dir, 'day.jsonl'), [one, bad, { ...one, requestedFen: 100 }].map((a) => JSON.stringify(a)).join('\n'));
    const r = gjj(['eval', 'withdrawal', '--center', 'yinchuan', '--json', join(dir, 'day.jsonl')]);
    expect(r.code).toBe(1);
    const results = JSON.parse(r.out) as Array<{ index: number; decision?: { kind: string }; error?: { field: string } }>;
    expect(results.map((x) => x.index)).toEqual([1, 2, 3]);
    expect(results[0]!.decision!.kind).toBe('withdrawal');
    expect(results[1]!.error!.field).toBe('application.applicationDate');
    expect(results[2]!.decision).toBeDefined();
    writeFileSync(join(dir, 'day.json'), JSON.stringify([one, one]));
    const arr = gjj(['eval', 'withdrawal', '--center', 'yinchuan', '--json', join(dir, 'day.json'), '--text']);
    expect(arr.code).toBe(0);
    expect(arr.out).toContain('—— 第2份 ——');
  });
});

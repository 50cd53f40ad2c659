/** The ratio table of `npm run bench` (issue 14): each figure beside a bare baseline measured in the same run. */
export interface RatioRow {
  operation: string;
  size: string;
  figure: number; // milliseconds
  baseline: number; // milliseconds
  baselineWhat: string;
  goal: string;
  note?: string;
}

export const rows: RatioRow[] = [];

export function ms<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}

export async function msAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

/** The q-quantile (0..1) of samples, nearest rank. */
export function quantile(samples: number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

/** Times fn once per input (after one warm-up call each of the first two inputs). */
export function sample<I>(inputs: I[], fn: (i: I) => unknown): number[] {
  for (const i of inputs.slice(0, 2)) fn(i);
  return inputs.map((i) => ms(() => fn(i))[1]);
}

const fmt = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : v >= 10 ? `${v.toFixed(0)} ms` : `${v.toFixed(2)} ms`);

export function printTable(): void {
  console.log('\n公积金柜台 性能比值 / figures beside a bare baseline from the same run (read the ratios, not the seconds)\n');
  console.log('| operation | size | project | bare baseline | ratio | goal |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    const ratio = r.baseline > 0 ? `${(r.figure / r.baseline).toFixed(1)}×` : '—';
    console.log(`| ${r.operation}${r.note ? ` (${r.note})` : ''} | ${r.size} | ${fmt(r.figure)} | ${fmt(r.baseline)} ${r.baselineWhat} | ${ratio} | ${r.goal} |`);
  }
}

export const sizeLabel = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

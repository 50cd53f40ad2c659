/** A small argument parser: `--key value`, `--flag`, and positional words. Unknown options are errors. */
export class UsageError extends Error {}

export interface Parsed {
  positional: string[];
  options: Map<string, string | true>;
}

export function parseArgs(argv: string[]): Parsed {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (inline !== undefined) options.set(k, inline);
      else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) options.set(k, argv[++i]!);
      else options.set(k, true);
    } else positional.push(a);
  }
  return { positional, options };
}

export class Opts {
  private readonly used = new Set<string>(['help', 'json']);
  constructor(private readonly p: Parsed) {}
  str(name: string, label: string): string {
    this.used.add(name);
    const v = this.p.options.get(name);
    if (v === undefined || v === true) throw new UsageError(`缺少参数 --${name}（${label}） / missing --${name}`);
    return v;
  }
  optStr(name: string): string | undefined {
    this.used.add(name);
    const v = this.p.options.get(name);
    if (v === true) throw new UsageError(`参数 --${name} 需要一个值 / --${name} needs a value`);
    return v;
  }
  flag(name: string): boolean {
    this.used.add(name);
    return this.p.options.get(name) === true;
  }
  int(name: string, label: string, fallback?: number): number {
    const v = fallback === undefined ? this.str(name, label) : (this.optStr(name) ?? String(fallback));
    if (!/^\d+$/.test(v)) throw new UsageError(`--${name}（${label}）应为非负整数：${v}`);
    return Number(v);
  }
  get json(): boolean {
    return this.p.options.get('json') === true;
  }
  get help(): boolean {
    return this.p.options.get('help') === true;
  }
  /** Call after reading every option: a typo in an option name must not pass silently. */
  done(): void {
    for (const k of this.p.options.keys()) {
      if (!this.used.has(k)) throw new UsageError(`未知参数 --${k} / unknown option --${k}`);
    }
  }
}

/**
 * Progress of a long command on stderr (issue 14: any batch over a second shows progress). Silent for the first
 * second, so quick runs print nothing extra. On a terminal one line is rewritten in place; otherwise (a log, a
 * pipe) a line is printed when the phase changes and at most every 5 seconds. stdout keeps only the result, so
 * `--json` output stays parseable.
 */
import type { BatchReport } from '../services/batch/report';

export interface ProgressSink {
  isTTY?: boolean;
  write(s: string): unknown;
}

export interface CliProgress {
  report: BatchReport;
  /** Ends the line on a terminal (call once the command is done, also after a failure). */
  done(): void;
}

/** Silent this long; GJJ_PROGRESS_AFTER_MS changes it (0 in tests, so a quick run shows its progress). */
const quietMs = (): number => {
  const v = Number(process.env.GJJ_PROGRESS_AFTER_MS);
  return process.env.GJJ_PROGRESS_AFTER_MS !== undefined && Number.isFinite(v) && v >= 0 ? v : 1_000;
};
const TTY_EVERY_MS = 200;
const LOG_EVERY_MS = 5_000;

export function progressLine(label: string, phase: string, done: number, total: number, elapsedMs: number): string {
  const secs = `${(elapsedMs / 1000).toFixed(0)} 秒`;
  if (total <= 0) return `${label}：${phase}（已用 ${secs}）`;
  const n = Math.min(done, total);
  const pct = Math.floor((n / total) * 100);
  return `${label}：${phase} ${n.toLocaleString('en-US')}/${total.toLocaleString('en-US')}（${pct}%，已用 ${secs}）`;
}

export function cliProgress(label: string, sink: ProgressSink = process.stderr, now: () => number = () => performance.now()): CliProgress {
  const started = now();
  const quiet = quietMs();
  let lastAt = -Infinity;
  let lastPhase = '';
  let open = false;
  return {
    report(phase, done, total) {
      const t = now();
      if (t - started < quiet) return;
      const changed = phase !== lastPhase;
      if (!changed && t - lastAt < (sink.isTTY ? TTY_EVERY_MS : LOG_EVERY_MS)) return;
      lastAt = t;
      lastPhase = phase;
      const line = progressLine(label, phase, done, total, t - started);
      if (sink.isTTY) {
        sink.write(`\r\x1b[2K${line}`);
        open = true;
      } else sink.write(`${line}\n`);
    },
    done() {
      if (open) sink.write('\n');
      open = false;
    },
  };
}

/** Runs fn with a progress reporter, ending the progress line whatever happens. */
export function withProgress<T>(label: string, fn: (report: BatchReport) => T): T {
  const p = cliProgress(label);
  try {
    return fn(p.report);
  } finally {
    p.done();
  }
}

/** withProgress for an asynchronous command (`gjj check` waits for its second thread). */
export async function withProgressAsync<T>(label: string, fn: (report: BatchReport) => Promise<T>): Promise<T> {
  const p = cliProgress(label);
  try {
    return await fn(p.report);
  } finally {
    p.done();
  }
}

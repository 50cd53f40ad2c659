/** How a long batch tells whoever runs it how far it is (the batch worker relays it to `batch.progress`). */
export type BatchReport = (phase: string, done: number, total: number) => void;

/**
 * Tests only (BatchTuning.stepPauseMs): after reporting a phase it had not reported just before, the reporting
 * thread (a worker) waits `ms`, so that a page polling every half second sees each phase of a batch this machine
 * would otherwise finish between two polls.
 */
export function pausedOnPhase(report: BatchReport, ms: number | undefined): BatchReport {
  if (!ms) return report;
  const cell = new Int32Array(new SharedArrayBuffer(4));
  let last: string | null = null;
  return (phase, done, total) => {
    report(phase, done, total);
    if (phase === last) return;
    last = phase;
    Atomics.wait(cell, 0, 0, ms);
  };
}

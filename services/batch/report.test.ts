import { describe, expect, it } from 'vitest';
import { pausedOnPhase, type BatchReport } from './report';

describe('pausedOnPhase (tests only: BatchTuning.stepPauseMs)', () => {
  it('passes every report on, in order, and waits only when a new phase starts', () => {
    const seen: string[] = [];
    const at: number[] = [];
    const inner: BatchReport = (p, done, total) => {
      seen.push(`${p} ${done}/${total}`);
      at.push(performance.now());
    };
    const report = pausedOnPhase(inner, 60);
    const t0 = performance.now();
    report('甲', 0, 2);
    report('甲', 1, 2);
    report('乙', 2, 2);
    const spent = performance.now() - t0;
    expect(seen).toEqual(['甲 0/2', '甲 1/2', '乙 2/2']);
    // Two new phases: at least two pauses; the repeated phase did not wait.
    expect(spent).toBeGreaterThanOrEqual(2 * 60 - 5);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(55);
    expect(at[2]! - at[1]!).toBeLessThan(55);
  });

  it('is the reporter itself when no pause is asked for', () => {
    const inner: BatchReport = () => undefined;
    expect(pausedOnPhase(inner, undefined)).toBe(inner);
    expect(pausedOnPhase(inner, 0)).toBe(inner);
  });
});

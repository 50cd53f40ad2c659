/** A long batch's progress as `batch.progress` reports it (services/batch/runner.ts): counters, never ledger facts. */
export interface BatchProgressDto {
  call: string;
  /** Which run: the call, or for a 汇缴 `remit.post:<employer id>` (two employers' 汇缴 may run side by side). */
  lane: string;
  /** 年终结息 … as the clerk knows it. */
  label: string;
  /** 启动, 计算积数, 记账 … */
  phase: string;
  done: number;
  total: number;
  startedAt: string;
  finishedAt: string | null;
  operatorName: string;
  outcome: 'running' | 'done' | 'failed';
  error: string | null;
}

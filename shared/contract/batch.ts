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

/**
 * The phases of a 账务核对 (`ledger.check` on a host lists them in `batch.progress`; `gjj check` prints them): the
 * bookkeeping checks, the big tables proved ahead, the seals, the verdict's pass over every table.
 */
export const CHECK_PHASES = { books: '核对凭证与明细账', bigTables: '核对分录等大表', seals: '核对签封', tables: '逐表核对业务数据' } as const;

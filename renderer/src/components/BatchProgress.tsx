/**
 * A long batch's progress on the page that started it (issue 14): it runs in the host's batch worker, and the page
 * reads `batch.progress` every half second while its call is pending. Counters only, never ledger facts.
 */
import { Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { CHECK_PHASES, type BatchProgressDto } from '../../../shared/contract/batch';
import { api } from '../api';

/** While `active`, the running batch in `lane` (e.g. `interest.yearEnd`, `remit.post:12`), or null. */
export function useBatchProgress(lane: string, active: boolean): BatchProgressDto | null {
  const [p, setP] = useState<BatchProgressDto | null>(null);
  useEffect(() => {
    if (!active) return setP(null);
    let stop = false;
    const poll = async () => {
      try {
        const list = await api('batch.progress', {});
        if (!stop) setP(list.find((x) => x.lane === lane && x.outcome === 'running') ?? null);
      } catch {
        /* the bar is a courtesy: the result or the error comes with the call itself */
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), 500);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [lane, active]);
  return p;
}

/** What the counts are of, by phase (年终结息 counts accounts when posting and segments before; 账务核对 its checks, seals, tables). */
function unitOf(p: BatchProgressDto): string {
  if (p.call === 'remit.post') return '';
  if (p.call === 'ledger.check') return p.phase === CHECK_PHASES.seals ? ' 个签封' : p.phase === CHECK_PHASES.books ? ' 项' : ' 张表';
  if (p.phase === '记账') return ' 户';
  return p.call === 'loan.reprice' ? ' 笔贷款' : ' 段';
}

export function progressText(p: BatchProgressDto | null): string {
  if (!p) return '正在启动…';
  if (p.call === 'remit.post') return `${p.label}：${p.phase}${p.total ? `（第 ${Math.min(p.done + 1, p.total)} 步，共 ${p.total} 步）` : ''}`;
  return `${p.label}：${p.phase}${p.total ? ` ${p.done.toLocaleString('zh-CN')}/${p.total.toLocaleString('zh-CN')}${unitOf(p)}` : ''}`;
}

export function BatchBar({ progress, startingText }: { progress: BatchProgressDto | null; startingText?: string }) {
  const pct = progress && progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0;
  return (
    <div data-testid="batch-progress" style={{ marginTop: 16 }}>
      <Typography.Text type="secondary">
        {progress ? progressText(progress) : (startingText ?? '正在启动…')}；其他柜台可照常办理业务
      </Typography.Text>
      <Progress percent={pct} status="active" />
    </div>
  );
}

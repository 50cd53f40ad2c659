import { Steps } from 'antd';
import type { LoanAppDto } from '../../../../shared/contract/dto';
import { chinaDateTime } from '../../format';

/**
 * 贷款进度 as the mobile app shows it: 受理 → 复核 → 审批 → 签订合同及抵押登记 → 放款, each with the date the
 * service says it was reached. A 退回 or 撤销 marks the first stage not reached as the one that stopped.
 */
export function LoanProgress(props: { app: Pick<LoanAppDto, 'progress' | 'state'>; testId?: string }) {
  const { progress, state } = props.app;
  const stopped = state === '退回' || state === '撤销';
  const current = progress.findIndex((p) => p.at === null);
  return (
    <Steps
      data-testid={props.testId ?? 'loan-progress'}
      size="small"
      current={current === -1 ? progress.length - 1 : current}
      items={progress.map((p, i) => ({
        title: p.stage,
        status: p.at !== null ? 'finish' : i === current ? (stopped ? 'error' : 'process') : 'wait',
        content: p.at ? <span data-testid="stage-date">{chinaDateTime(p.at).slice(0, 10)}</span> : i === current && stopped ? state : '',
      }))}
    />
  );
}

import { Descriptions } from 'antd';
import type { LoanDto } from '../../../../shared/contract/dto';
import { Money } from '../Money';
import { methodLabel, termText } from './labels';

/** 还款情况: the mobile app's items (贷款合同编号, 贷款总额, 贷款余额, 已还本金, 已还利息, 当期期次) and the terms. */
export function RepaymentInfo(props: { loan: LoanDto; testId?: string }) {
  const l = props.loan;
  return (
    <Descriptions
      data-testid={props.testId ?? 'repayment-info'}
      size="small"
      bordered
      column={{ xs: 1, md: 2, xl: 3 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      items={[
        { key: 'no', label: '贷款合同编号', children: <span data-testid="loan-contract-no">{l.contractNo}</span> },
        { key: 'total', label: '贷款总额（元）', children: <Money fen={l.principalFen} testId="loan-total" /> },
        { key: 'balance', label: '贷款余额（元）', children: <Money fen={l.balanceFen} strong testId="loan-balance" /> },
        { key: 'rp', label: '已还本金（元）', children: <Money fen={l.repaidPrincipalFen} testId="loan-repaid-principal" /> },
        { key: 'ri', label: '已还利息（元）', children: <Money fen={l.repaidInterestFen} testId="loan-repaid-interest" /> },
        { key: 'period', label: '当期期次', children: <span data-testid="loan-current-period">{`第 ${l.currentPeriod} 期 / 共 ${l.months} 期`}</span> },
        { key: 'monthly', label: '月还款额（元）', children: <Money fen={l.monthlyPaymentFen} testId="loan-monthly" /> },
        { key: 'rate', label: '年利率', children: `${l.annualRatePercent}%` },
        { key: 'method', label: '还款方式', children: methodLabel(l.method) },
        { key: 'term', label: '贷款期限', children: termText(l.months) },
        { key: 'date', label: '放款日期', children: l.disbursedDate },
        { key: 'first', label: '首次还款日', children: l.firstDueDate },
        { key: 'status', label: '贷款状态', children: l.status },
        { key: 'entry', label: '放款凭证号', children: l.disbursedEntryNo },
      ]}
    />
  );
}

import { Alert, Descriptions, Tag } from 'antd';
import type { LoanStatusDto } from '../../../../shared/contract/loanServicing';
import { Money } from '../Money';
import { methodLabel, termText } from '../loan/labels';

/**
 * 还款情况 from loan.status: the mobile app's items plus what the counter needs today — the next installment, 逾期
 * (now, longest run, cumulative: the figures the credit-record rules read) and 罚息 accrued to today. The test ids
 * match RepaymentInfo's so a page reads the same whichever shows it.
 */
export function LoanStatusInfo(props: { status: LoanStatusDto }) {
  const s = props.status;
  const l = s.loan;
  const o = s.overdue;
  return (
    <>
      {o.termsNow > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="loan-overdue-alert"
          style={{ marginBottom: 8 }}
          title={`逾期 ${o.termsNow} 期，最早应还日 ${o.oldestDueDate ?? '—'}（已逾期 ${o.days} 天）`}
          description={
            <span>
              逾期本金 <Money fen={o.principalFen} /> 元，逾期利息 <Money fen={o.interestFen} /> 元，罚息（截至 {s.asOf}）<Money fen={o.penaltyFen} /> 元；应还合计{' '}
              <Money fen={s.arrearsFen} strong /> 元
            </span>
          }
        />
      )}
      <Descriptions
        data-testid="repayment-info"
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 3 }}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          { key: 'no', label: '贷款合同编号', children: <span data-testid="loan-contract-no">{l.contractNo}</span> },
          {
            key: 'status',
            label: '贷款状态',
            children: (
              <span data-testid="loan-status">
                <Tag color={s.status === '已结清' ? 'default' : 'blue'}>{s.status}</Tag>
                {s.settledDate && `${s.settledDate} 结清`}
              </span>
            ),
          },
          { key: 'total', label: '贷款总额（元）', children: <Money fen={l.principalFen} testId="loan-total" /> },
          { key: 'balance', label: '贷款余额（元）', children: <Money fen={s.balanceFen} strong testId="loan-balance" /> },
          { key: 'rp', label: '已还本金（元）', children: <Money fen={s.repaidPrincipalFen} testId="loan-repaid-principal" /> },
          { key: 'ri', label: '已还利息（元）', children: <Money fen={s.repaidInterestFen} testId="loan-repaid-interest" /> },
          { key: 'period', label: '当期期次', children: <span data-testid="loan-current-period">{`第 ${s.currentPeriod} 期 / 共 ${s.totalPeriods} 期`}</span> },
          {
            key: 'next',
            label: '下期还款',
            children: s.nextDue ? (
              <span data-testid="loan-next-due">
                第 {s.nextDue.period} 期 · {s.nextDue.dueDate} · 应还 <Money fen={s.nextDue.owedFen} strong /> 元
              </span>
            ) : (
              '—'
            ),
          },
          { key: 'monthly', label: '月还款额（元）', children: <Money fen={s.currentInstallmentFen} testId="loan-monthly" /> },
          {
            key: 'overdue',
            label: '逾期期数',
            children: (
              <span data-testid="loan-overdue">
                当前 {o.termsNow} 期；最长连续 {o.maxConsecutive} 期，累计 {o.cumulative} 期
              </span>
            ),
          },
          { key: 'penalty', label: `罚息（截至 ${s.asOf}）`, children: <Money fen={o.penaltyFen} testId="loan-penalty" /> },
          { key: 'rpen', label: '已还罚息（元）', children: <Money fen={s.repaidPenaltyFen} /> },
          { key: 'rate', label: '执行年利率', children: `${s.currentRatePercent}%` },
          { key: 'method', label: '还款方式', children: methodLabel(l.method) },
          { key: 'term', label: '贷款期限', children: termText(l.months) },
          { key: 'date', label: '放款日期', children: l.disbursedDate },
        ]}
      />
    </>
  );
}

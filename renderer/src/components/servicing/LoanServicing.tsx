import { Alert, Button, Flex, Modal, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { LoanDto } from '../../../../shared/contract/dto';
import type { LoanRepaymentDto, LoanStatusDto } from '../../../../shared/contract/loanServicing';
import { api } from '../../api';
import { can } from '../../permissions';
import { useSession } from '../../session';
import { ScheduleTable } from '../loan/ScheduleTable';
import { LoanStatusInfo } from './LoanStatusInfo';
import { PrepayModal } from './PrepayModal';
import { PrintPdfButton } from './PrintPdfButton';
import { RepaymentsTable } from './RepaymentsTable';
import { RepayModal } from './RepayModal';

type Open = 'repay' | 'prepay' | 'schedule' | null;

/**
 * One disbursed loan on the member page: 还款情况 (loan.status, as of today), 还款明细 (loan.repayments), the
 * schedule in force, and the clerk's 还款 / 提前还款; 打印结清证明 once settled. Reloads after every posting.
 */
export function LoanServicing(props: { loan: LoanDto }) {
  const { operator } = useSession();
  const role = operator.role;
  const [status, setStatus] = useState<LoanStatusDto | null>(null);
  const [repayments, setRepayments] = useState<LoanRepaymentDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [version, setVersion] = useState(0);
  const loanId = props.loan.id;

  useEffect(() => {
    let live = true;
    setError(null);
    Promise.all([api('loan.status', { loanId }), api('loan.repayments', { loanId })]).then(
      ([s, r]) => {
        if (!live) return;
        setStatus(s);
        setRepayments(r);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [loanId, version]);

  const closed = useCallback((changed: boolean) => {
    setOpen(null);
    if (changed) setVersion((v) => v + 1);
  }, []);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!status || !repayments) return <Spin />;
  const active = status.status === '还款中';
  return (
    <div data-testid={`loan-servicing-${status.loan.contractNo}`}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 20, marginBottom: 8 }}>
        <Space>
          <Typography.Title level={5} style={{ margin: 0 }}>
            还款情况
          </Typography.Title>
          <Button type="link" onClick={() => setOpen('schedule')} data-testid="repayment-detail">
            还款计划表
          </Button>
        </Space>
        <Space wrap align="start">
          {active && can(role, 'loan.repay') && (
            <Button type="primary" onClick={() => setOpen('repay')} data-testid="loan-repay">
              还款
            </Button>
          )}
          {active && can(role, 'loan.prepay') && (
            <Button onClick={() => setOpen('prepay')} data-testid="loan-prepay">
              提前还款
            </Button>
          )}
          {!active && can(role, 'print.settlement') && (
            <PrintPdfButton label="打印结清证明" testId="print-settlement" print={() => api('print.settlement', { loanId })} />
          )}
        </Space>
      </Flex>
      <LoanStatusInfo status={status} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        还款明细
      </Typography.Title>
      <RepaymentsTable rows={repayments} />
      {open === 'repay' && <RepayModal status={status} onClose={closed} />}
      {open === 'prepay' && <PrepayModal status={status} onClose={closed} />}
      {open === 'schedule' && (
        <Modal open width={900} title={`还款计划表 · 合同 ${status.loan.contractNo}（现行）`} footer={null} onCancel={() => setOpen(null)} destroyOnHidden>
          {status.versions.length > 1 && (
            <Typography.Paragraph type="secondary">
              {status.versions.map((v) => `版本${v.version}：${v.reasonLabel}，第 ${v.fromPeriod} 期起 ${v.months} 期，年利率 ${v.annualRatePercent}%`).join('；')}
            </Typography.Paragraph>
          )}
          <ScheduleTable rows={status.installments} height={480} />
        </Modal>
      )}
    </div>
  );
}

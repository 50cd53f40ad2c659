import { Alert, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { LoanScheduleRowDto } from '../../../../shared/contract/dto';
import { api } from '../../api';
import { ScheduleTable } from './ScheduleTable';

/** The schedule frozen at disbursement (loan.schedule), as the virtual 还款计划表. */
export function LoanSchedule(props: { loanId: number; height?: number }) {
  const [rows, setRows] = useState<LoanScheduleRowDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setRows(null);
    api('loan.schedule', { loanId: props.loanId }).then(setRows, (e: Error) => setError(e.message));
  }, [props.loanId]);
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!rows) return <Spin />;
  return <ScheduleTable rows={rows} {...(props.height ? { height: props.height } : {})} />;
}

import { Alert, App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import type { LoanAppDto } from '../../../../shared/contract/dto';
import { api, newKey } from '../../api';
import { can } from '../../permissions';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { DisburseModal, ReasonModal, SignModal, SignOffModal } from './ActionModals';

type Open = null | 'pass' | 'return' | 'cancel' | 'sign' | 'disburse';

/**
 * What this operator may do to the application now: only the calls the contract lets the role make, in the states
 * the service accepts. The service still checks everything (four eyes, versions, the policy at each step).
 */
export function LoanActions(props: { app: LoanAppDto; onDone: (app: LoanAppDto) => void }) {
  const { app, onDone } = props;
  const { operator } = useSession();
  const { message } = App.useApp();
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // One key per opening of the 放款 dialog: a double click posts once, a later retry is a new request.
  const [disburseKey, setDisburseKey] = useState('');
  const role = operator.role;
  const signedBefore = [app.created.operatorId, app.submitted?.operatorId, app.reviewed?.operatorId].includes(operator.id);

  const run = async (label: string, call: () => Promise<LoanAppDto>) => {
    setBusy(label);
    setError(null);
    try {
      const next = await call();
      onDone(next);
      // 放款 may come back 退回 (需重新审批) instead of failing: that is news, not success.
      if (label === '放款' && next.state !== '已放款') message.warning(`未放款：${next.lastNote ?? next.state}`);
      else message.success(`${label}：${next.appNo} 现为“${next.state}”`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const signOff = (step: 'review' | 'approve', pass: boolean, note?: string) => {
    const input = { applicationId: app.id, version: app.version, pass, ...(note ? { note } : {}), idempotencyKey: newKey(`loan-${step}`) };
    return step === 'review' ? api('loan.review', input) : api('loan.approve', input);
  };

  const step = app.state === '待复核' && can(role, 'loan.review') ? 'review' : app.state === '待审批' && can(role, 'loan.approve') ? 'approve' : null;
  const stepWord = step === 'review' ? '复核' : '审批';
  const buttons: React.ReactNode[] = [];
  if (step) {
    buttons.push(
      <Button key="pass" type="primary" disabled={signedBefore} loading={busy === `${stepWord}通过`} onClick={() => setOpen('pass')} data-testid={`${step}-pass`}>
        {stepWord}通过
      </Button>,
      <Button key="return" danger disabled={signedBefore} onClick={() => setOpen('return')} data-testid={`${step}-return`}>
        退回
      </Button>,
    );
  }
  if (['草稿', '退回'].includes(app.state) && can(role, 'loan.update')) {
    buttons.push(
      <Button key="edit" onClick={() => navigate(`/loan/new?id=${app.id}`)} data-testid="edit">
        修改
      </Button>,
      <Button key="submit" type="primary" loading={busy === '提交复核'} onClick={() => void run('提交复核', () => api('loan.submit', { applicationId: app.id, version: app.version, idempotencyKey: newKey('loan-submit') }))} data-testid="submit">
        提交复核
      </Button>,
    );
  }
  if (app.state === '已审批' && can(role, 'loan.sign')) {
    buttons.push(
      <Button key="sign" type="primary" onClick={() => setOpen('sign')} data-testid="sign">
        登记合同
      </Button>,
    );
  }
  if (app.state === '已签约' && can(role, 'loan.disburse')) {
    buttons.push(
      <Button key="disburse" type="primary" onClick={() => {
          setDisburseKey(newKey('loan-disburse'));
          setOpen('disburse');
        }} data-testid="disburse">
        放款
      </Button>,
    );
  }
  if (['草稿', '退回', '已审批', '已签约'].includes(app.state) && can(role, 'loan.cancel')) {
    buttons.push(
      <Button key="cancel" danger onClick={() => setOpen('cancel')} data-testid="cancel">
        撤销
      </Button>,
    );
  }

  return (
    <div data-testid="loan-actions">
      {buttons.length > 0 ? <Space wrap>{buttons}</Space> : <Typography.Text type="secondary">此申请当前无需您办理</Typography.Text>}
      {step && signedBefore && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          四眼原则：您已经办或签署过此申请，{stepWord}须由另一名工作人员办理。
        </Typography.Paragraph>
      )}
      {error && <Alert data-testid="action-error" type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {(open === 'pass' || open === 'return') && step && (
        <SignOffModal
          app={app}
          step={stepWord}
          pass={open === 'pass'}
          onClose={() => setOpen(null)}
          send={async ({ pass, note }) => {
            // Thrown, not caught here: a refusal naming 意见 lands beside the field.
            const next = await signOff(step, pass, note);
            onDone(next);
            message.success(`${stepWord}${pass ? '通过' : '退回'}：${next.appNo} 现为“${next.state}”`);
          }}
        />
      )}
      {open === 'cancel' && (
        <ReasonModal
          title="撤销申请"
          field="reason"
          label="撤销原因"
          okText="撤销"
          onClose={() => setOpen(null)}
          send={async (reason) => run('撤销', () => api('loan.cancel', { applicationId: app.id, reason, idempotencyKey: newKey('loan-cancel') }))}
        />
      )}
      {open === 'sign' && (
        <SignModal
          mortgage={app.mortgageRegistration}
          onClose={() => setOpen(null)}
          send={async (v) => {
            // Thrown, not caught here: the modal shows a bad 借款合同编号 beside its field.
            const next = await api('loan.sign', { applicationId: app.id, contractNo: v.contractNo.trim(), ...(v.mortgageRegNo?.trim() ? { mortgageRegNo: v.mortgageRegNo.trim() } : {}), idempotencyKey: newKey('loan-sign') });
            onDone(next);
            message.success(`已登记借款合同 ${next.contract?.contractNo ?? ''}`);
          }}
        />
      )}
      {open === 'disburse' && <DisburseModal app={app} onClose={() => setOpen(null)} send={() => run('放款', () => api('loan.disburse', { applicationId: app.id, idempotencyKey: disburseKey }))} />}
    </div>
  );
}

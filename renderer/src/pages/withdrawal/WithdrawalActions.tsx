import { Alert, Button, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { CallName } from '../../../../shared/contract/calls';
import type { WithdrawalAppDto } from '../../../../shared/contract/dto';
import { toChineseUpper } from '../../../../shared/money';
import { api } from '../../api';
import { yuan } from '../../format';
import { can } from '../../permissions';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { payeeKindLabel } from './labels';
import { ReasonModal } from './ReasonModal';
import { useActionKeys } from './useActionKeys';

interface Ask {
  action: string;
  title: string;
  field: 'note' | 'reason';
  label: string;
  okText: string;
  danger?: boolean;
  run(text: string, key: string): Promise<WithdrawalAppDto>;
}

/**
 * What the operator may do with the application now: each button only where the contract lets this role make the
 * call and the state allows it. The service still decides — a refusal (four-eyes, a stale balance, another
 * operator's update) comes back as its Chinese message.
 */
export function WithdrawalActions(props: { app: WithdrawalAppDto; onChanged(app: WithdrawalAppDto): void }) {
  const { operator } = useSession();
  const a = props.app;
  const { keyFor, done } = useActionKeys();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ask, setAsk] = useState<Ask | null>(null);
  const may = (call: CallName) => can(operator.role, call);
  const is = (...states: string[]) => states.includes(a.state);

  const direct = async (action: string, call: (key: string) => Promise<WithdrawalAppDto>) => {
    setBusy(action);
    setError(null);
    try {
      const r = await call(keyFor(action));
      done(action);
      props.onChanged(r);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const signOff = (call: 'withdrawal.review' | 'withdrawal.approve' | 'withdrawal.reviewReversal' | 'withdrawal.approveReversal', pass: boolean, note: string, key: string) =>
    api(call, { applicationId: a.id, version: a.version, pass, ...(note ? { note } : {}), idempotencyKey: key });

  const pair = (call: 'withdrawal.review' | 'withdrawal.approve' | 'withdrawal.reviewReversal' | 'withdrawal.approveReversal', passText: string, failText: string, what: string): Ask[] => [
    { action: `${call}-pass`, title: passText, field: 'note', label: `${what}意见（可不填）`, okText: passText, run: (t, k) => signOff(call, true, t, k) },
    { action: `${call}-fail`, title: failText, field: 'note', label: `${failText}原因`, okText: failText, danger: true, run: (t, k) => signOff(call, false, t, k) },
  ];

  const asks: Ask[] = [];
  if (is('待复核') && may('withdrawal.review')) asks.push(...pair('withdrawal.review', '复核通过', '退回', '复核'));
  if (is('待审批') && may('withdrawal.approve')) asks.push(...pair('withdrawal.approve', '审批通过', '退回', '审批'));
  if (is('冲正待复核') && may('withdrawal.reviewReversal')) asks.push(...pair('withdrawal.reviewReversal', '冲正复核通过', '冲正复核不通过', '冲正复核'));
  if (is('冲正待审批') && may('withdrawal.approveReversal')) asks.push(...pair('withdrawal.approveReversal', '冲正审批通过', '冲正审批不通过', '冲正审批'));
  if (is('草稿', '退回', '已审批') && may('withdrawal.cancel')) {
    asks.push({
      action: 'cancel',
      title: '撤销申请',
      field: 'reason',
      label: '撤销原因',
      okText: '撤销申请',
      danger: true,
      run: (reason, key) => api('withdrawal.cancel', { applicationId: a.id, reason, idempotencyKey: key }),
    });
  }
  if (is('已支付') && may('withdrawal.requestReversal')) {
    asks.push({
      action: 'reversal',
      title: '申请冲正',
      field: 'reason',
      label: '冲正原因',
      okText: '提交冲正申请',
      danger: true,
      run: (reason, key) => api('withdrawal.requestReversal', { applicationId: a.id, reason, idempotencyKey: key }),
    });
  }

  const submitBlocked =
    a.missingMaterials.length > 0
      ? `还有${a.missingMaterials.length}项材料未收，不能提交复核；请打印一次性告知书`
      : a.decision && !a.decision.eligible
        ? '审查结论为“不符合条件”，不能提交复核'
        : null;
  const amount = a.approvedFen ?? 0;
  const offered =
    asks.length > 0 ||
    (is('草稿', '退回') && (may('withdrawal.update') || may('withdrawal.submit'))) ||
    (is('已审批') && may('withdrawal.pay'));

  return (
    <div data-testid="actions">
      {!offered && (
        <Typography.Text type="secondary" data-testid="no-actions">
          申请当前为“{a.state}”，{operator.roleLabel}岗位无需办理
        </Typography.Text>
      )}
      <Space wrap>
        {is('草稿', '退回') && may('withdrawal.update') && <Button onClick={() => navigate(`/withdrawal/intake?applicationId=${a.id}`)}>修改</Button>}
        {is('草稿', '退回') && may('withdrawal.submit') && (
          <Tooltip title={submitBlocked}>
            <Button
              type="primary"
              disabled={submitBlocked !== null}
              loading={busy === 'submit'}
              onClick={() => void direct('submit', (key) => api('withdrawal.submit', { applicationId: a.id, version: a.version, idempotencyKey: key }))}
            >
              提交复核
            </Button>
          </Tooltip>
        )}
        {is('已审批') && may('withdrawal.pay') && (
          <Popconfirm
            title="确认支付"
            description={
              <div style={{ maxWidth: 360 }}>
                支付 ¥{yuan(amount)} 元（人民币{toChineseUpper(amount)}）至{payeeKindLabel(a.payee.kind)}：{a.payee.bankName} {a.payee.accountNo}（{a.payee.accountName}）。支付前按当时余额重新审查。
              </div>
            }
            okText="确认支付"
            cancelText="取消"
            onConfirm={() => void direct('pay', (key) => api('withdrawal.pay', { applicationId: a.id, idempotencyKey: key }))}
          >
            <Button type="primary" loading={busy === 'pay'} data-testid="pay">
              支付
            </Button>
          </Popconfirm>
        )}
        {asks.map((x) => (
          <Button key={x.action} type={x.danger ? 'default' : 'primary'} danger={x.danger} onClick={() => setAsk(x)}>
            {x.title === '撤销申请' ? '撤销' : x.title}
          </Button>
        ))}
      </Space>
      {is('草稿', '退回') && may('withdrawal.submit') && submitBlocked && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="warning" data-testid="submit-blocked">
            不能提交：{submitBlocked}
          </Typography.Text>
        </div>
      )}
      {error && <Alert data-testid="action-error" type="error" showIcon closable onClose={() => setError(null)} title={error} style={{ marginTop: 12 }} />}
      <ReasonModal
        open={ask !== null}
        title={ask?.title ?? ''}
        field={ask?.field ?? 'note'}
        label={ask?.label ?? ''}
        okText={ask?.okText ?? '确定'}
        danger={ask?.danger}
        onClose={() => setAsk(null)}
        onSubmit={async (text) => {
          if (!ask) return;
          const r = await ask.run(text, keyFor(ask.action));
          done(ask.action);
          props.onChanged(r);
        }}
      />
    </div>
  );
}

import { Alert, Descriptions, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import type { ChangeEffectDto } from '../../../../shared/contract/privileged';
import { CHANGE_KIND_LABELS } from '../../../../shared/contract/privileged';
import { yuan } from '../../format';

/**
 * Before a rate, 罚息 or policy row is confirmed: what it touches (accounts, loans, applications, money). A row
 * dated before today asks for 补录原因 and goes to a second administrator instead of taking effect.
 */
export function ChangeEffectModal({ effect, busy, onOk, onCancel }: { effect: ChangeEffectDto | null; busy: boolean; onOk: (backdateReason?: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    setReason('');
    setMissing(false);
  }, [effect]);
  const back = effect?.backDated ?? false;
  return (
    <Modal
      open={effect !== null}
      title={effect ? `确认${CHANGE_KIND_LABELS[effect.kind]}的影响` : ''}
      okText={back ? '提交补录申请' : '确认添加'}
      cancelText="返回修改"
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => {
        if (!back) return onOk();
        if (!reason.trim()) return setMissing(true);
        onOk(reason.trim());
      }}
      destroyOnHidden
    >
      {effect && (
        <div data-testid="change-effect">
          <Alert type="info" showIcon title={effect.summary} style={{ marginBottom: 16 }} />
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="生效日期">{effect.effectiveFrom}</Descriptions.Item>
            <Descriptions.Item label="今天">{effect.today}</Descriptions.Item>
            {effect.kind === 'deposit_rate' && (
              <>
                <Descriptions.Item label="涉及账户">{effect.accounts} 户</Descriptions.Item>
                <Descriptions.Item label="余额合计">{yuan(effect.balanceFen)} 元</Descriptions.Item>
              </>
            )}
            {(effect.kind === 'loan_rate' || effect.kind === 'penalty') && (
              <>
                <Descriptions.Item label="涉及贷款">{effect.loans} 笔</Descriptions.Item>
                <Descriptions.Item label="剩余本金合计">{yuan(effect.principalFen)} 元</Descriptions.Item>
              </>
            )}
            {effect.kind === 'override' && (
              <>
                <Descriptions.Item label="在办申请">{effect.applications} 件</Descriptions.Item>
                <Descriptions.Item label="申请金额合计">{yuan(effect.requestedFen)} 元</Descriptions.Item>
              </>
            )}
          </Descriptions>
          {back && (
            <>
              <Alert
                type="warning"
                showIcon
                style={{ margin: '16px 0' }}
                title="生效日期早于今天：本行须另一位管理员确认后才生效"
                description="请写明补录的原因（如文件送达晚于生效日期）；确认前利率表和政策参数不变。"
              />
              <Form layout="vertical" component="div">
                <Form.Item label="补录原因" htmlFor="backdate-reason" required validateStatus={missing ? 'error' : undefined} help={missing ? '请填写补录原因' : undefined}>
                  <Input.TextArea id="backdate-reason" autoSize={{ minRows: 2 }} maxLength={300} value={reason} onChange={(e) => (setReason(e.target.value), setMissing(false))} />
                </Form.Item>
              </Form>
            </>
          )}
        </div>
      )}
    </Modal>
  );
}

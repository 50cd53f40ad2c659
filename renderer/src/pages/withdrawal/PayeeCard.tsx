import { Alert, Card, Col, Form, Input, Radio, Row } from 'antd';
import type { PostCondition } from '../../../../shared/rules';
import { PAYEE_KINDS } from './labels';

/**
 * 收款账户. Which kind the case requires is the engine's word (its 办理要求 about the payee), shown here so the
 * clerk sees it where the account is entered; the service refuses a payee the policy does not allow.
 */
export function PayeeCard(props: { requirements: PostCondition[] }) {
  const payeeRules = props.requirements.filter((p) => p.kind.startsWith('payee_'));
  return (
    <Card title="收款账户" style={{ marginBottom: 16 }} data-testid="payee-card">
      {payeeRules.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={payeeRules.map((p) => (
            <div key={`${p.kind}-${p.ruleId}`}>{p.text}</div>
          ))}
        />
      )}
      <Form.Item label="收款账户类型" name={['payee', 'kind']}>
        <Radio.Group optionType="button" options={PAYEE_KINDS} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="开户银行" name={['payee', 'bankName']}>
            <Input placeholder="如 中国建设银行银川分行" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="账号" name={['payee', 'accountNo']}>
            <Input inputMode="numeric" placeholder="银行卡号或账号" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="户名" name={['payee', 'accountName']}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

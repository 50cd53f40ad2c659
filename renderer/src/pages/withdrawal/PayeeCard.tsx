import { Alert, Card, Col, Form, Input, Radio, Row } from 'antd';
import type { PostCondition } from '../../../../shared/rules';
import { CARD_TYPES, cardNumberShapeOk, luhnOk } from '../../../../shared/bankCard';
import { PAYEE_KINDS } from './labels';

const CARD_OPTIONS = Object.entries(CARD_TYPES).map(([value, label]) => ({ value, label }));

/**
 * 收款账户. Which kind the case requires is the engine's word (its 办理要求 about the payee), shown here so the
 * clerk sees it where the account is entered; the service refuses a payee the policy does not allow.
 */
export function PayeeCard(props: { requirements: PostCondition[] }) {
  const payeeRules = props.requirements.filter((p) => p.kind.startsWith('payee_'));
  const form = Form.useFormInstance();
  const accountNo = (Form.useWatch(['payee', 'accountNo'], form) as string | undefined) ?? '';
  const cardType = Form.useWatch(['payee', 'cardType'], form) as string | undefined;
  const isCard = cardType === 'debit' || cardType === 'credit';
  // Luhn is only a typo hint (the seed has no card-number rule); the 16–19 digit shape is refused by the service.
  const hint = isCard && cardNumberShapeOk(accountNo) && !luhnOk(accountNo) ? '卡号校验位不符，请核对是否录错（仅为录入提示）' : undefined;
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
      <Form.Item label="卡类型" name={['payee', 'cardType']}>
        <Radio.Group optionType="button" options={CARD_OPTIONS} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="开户银行" name={['payee', 'bankName']}>
            <Input placeholder="如 中国建设银行银川分行" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="账号" name={['payee', 'accountNo']} {...(hint ? { validateStatus: 'warning' as const, help: hint } : {})}>
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

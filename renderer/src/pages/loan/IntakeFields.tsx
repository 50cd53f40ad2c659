import { Col, Form, Input, InputNumber, Radio, Row } from 'antd';
import { LUMP_MAX_MONTHS, MAX_SCHEDULE_MONTHS, METHOD_LABELS } from '../../../../shared/loan/schedule';
import { yuanRule } from '../../format';
import { PAYEE_KINDS, termText } from '../../components/loan/labels';

/** 申请贷款金额, 贷款期限 (months, as the contract takes it) and 还款方式; 利随本清 only for a year or less. */
export function TermsFields() {
  const form = Form.useFormInstance();
  const months = Form.useWatch('months', form) as number | null | undefined;
  const lumpAllowed = typeof months === 'number' && months <= LUMP_MAX_MONTHS;
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item label="申请贷款金额" name="requestedFen" required rules={[yuanRule('申请贷款金额')]} extra="核定金额不超过可贷额度">
          <Input suffix="元" inputMode="decimal" placeholder="如 300000" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="贷款期限（月）" name="months" required extra={typeof months === 'number' && months > 0 ? termText(months) : `最长${MAX_SCHEDULE_MONTHS}个月（30年）`}>
          <InputNumber min={1} max={MAX_SCHEDULE_MONTHS} precision={0} style={{ width: '100%' }} placeholder="如 240" />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item label="还款方式" name="method" required>
          <Radio.Group
            optionType="button"
            options={(['annuity', 'linear', 'lump'] as const).map((m) => ({
              value: m,
              label: METHOD_LABELS[m],
              disabled: m === 'lump' && !lumpAllowed,
            }))}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** 放款账户: the developer's (seller's) registered account, or the borrower's own card. */
export function PayeeFields() {
  return (
    <Row gutter={16}>
      <Col xs={24}>
        <Form.Item label="收款账户类型" name={['payee', 'kind']} required>
          <Radio.Group optionType="button" options={(['developer', 'own'] as const).map((k) => ({ value: k, label: PAYEE_KINDS[k] }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="收款开户银行" name={['payee', 'bankName']} required>
          <Input placeholder="开户银行全称，至支行" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="收款账号" name={['payee', 'accountNo']} required>
          <Input inputMode="numeric" placeholder="8至30位数字" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="收款户名" name={['payee', 'accountName']} required>
          <Input />
        </Form.Item>
      </Col>
    </Row>
  );
}

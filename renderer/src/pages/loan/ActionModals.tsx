import { Alert, Descriptions, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import type { LoanAppDto } from '../../../../shared/contract/dto';
import { buildSchedule } from '../../../../shared/loan/schedule';
import { Money } from '../../components/Money';
import { methodLabel, termText } from '../../components/loan/labels';
import { applyError } from '../../forms';

/** A modal with one form; `send` throws the contract error, which lands beside the field it names. */
export function FormModal<V extends object>(props: {
  title: string;
  okText: string;
  danger?: boolean;
  onClose: () => void;
  send: (v: V) => Promise<void>;
  children: React.ReactNode;
  testId: string;
  width?: number;
}) {
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ok = async () => {
    let v: V;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.send(v);
      props.onClose();
    } catch (e) {
      setError(applyError(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open width={props.width ?? 520} title={props.title} okText={props.okText} okButtonProps={{ danger: props.danger, loading: busy, 'data-testid': `${props.testId}-ok` }} onOk={() => void ok()} onCancel={props.onClose} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid={props.testId}>
        {props.children}
      </Form>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Modal>
  );
}

/** 退回 (note) or 撤销 (reason): the service wants a written reason. */
export function ReasonModal(props: { title: string; field: 'note' | 'reason'; label: string; okText: string; onClose: () => void; send: (text: string) => Promise<void> }) {
  return (
    <FormModal<Record<string, string>> title={props.title} okText={props.okText} danger onClose={props.onClose} testId="reason-modal" send={(v) => props.send(v[props.field] ?? '')}>
      <Form.Item label={props.label} name={props.field} rules={[{ required: true, whitespace: true, min: 2, message: `请写明${props.label}（至少2个字）` }]}>
        <Input.TextArea rows={3} maxLength={300} showCount />
      </Form.Item>
    </FormModal>
  );
}

/**
 * 复核 / 审批: what is being signed for, 通过 or 退回, and the signer's opinion — optional on 通过, required (至少2个字)
 * on 退回, as for withdrawals. The opinion goes to the service as `note` and is kept on the application's event.
 */
export function SignOffModal(props: { app: LoanAppDto; step: '复核' | '审批'; pass: boolean; onClose: () => void; send: (v: { pass: boolean; note: string }) => Promise<void> }) {
  const { app, step } = props;
  const [form] = Form.useForm<{ pass: boolean; note?: string }>();
  const pass = (Form.useWatch('pass', form) as boolean | undefined) ?? props.pass;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ok = async () => {
    let v: { pass: boolean; note?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.send({ pass: v.pass, note: (v.note ?? '').trim() });
      props.onClose();
    } catch (e) {
      setError(applyError(form, e));
    } finally {
      setBusy(false);
    }
  };
  const d = app.decision;
  return (
    <Modal
      open
      width={560}
      title={`${step}：${app.appNo}`}
      okText={pass ? `${step}通过` : '退回'}
      cancelText="取消"
      okButtonProps={{ danger: !pass, loading: busy, 'data-testid': 'signoff-modal-ok' }}
      onOk={() => void ok()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Descriptions
        size="small"
        column={1}
        bordered
        styles={{ label: { whiteSpace: 'nowrap', width: 120 } }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'who', label: '借款人', children: `${app.borrower.name}（${app.borrower.accountNo}）` },
          { key: 'case', label: '购房类型', children: app.caseName },
          { key: 'amount', label: '核定贷款金额（元）', children: <Money fen={app.approvedFen ?? app.requestedFen} strong /> },
          { key: 'verdict', label: '审查结论', children: d ? (d.eligible ? '符合条件' : '不符合条件') : '—' },
        ]}
      />
      <Form form={form} layout="vertical" initialValues={{ pass: props.pass }} data-testid="signoff-modal">
        <Form.Item name="pass" label={`${step}结论`}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            data-testid="signoff-choice"
            options={[
              { label: `${step}通过`, value: true },
              { label: '退回', value: false },
            ]}
            onChange={() => void form.validateFields(['note']).catch(() => undefined)}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={pass ? `${step}意见（可不填）` : '退回原因'}
          required={!pass}
          dependencies={['pass']}
          rules={[
            {
              validator: async (_r, value: string | undefined) => {
                if (form.getFieldValue('pass') === false && (value ?? '').trim().length < 2) throw new Error('请写明退回原因（至少2个字）');
              },
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={300} showCount autoFocus placeholder={pass ? `如：材料齐全，同意${step === '复核' ? '提交审批' : '贷款'}` : '写明退回原因，受理人员据此修改'} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

/** 登记合同: 借款合同编号 and, when the loan's guarantee involves one, 抵押登记证明号 from the registry. */
export function SignModal(props: { mortgage: { required: boolean; reason: string }; onClose: () => void; send: (v: { contractNo: string; mortgageRegNo?: string }) => Promise<void> }) {
  const { mortgage } = props;
  return (
    <FormModal<{ contractNo: string; mortgageRegNo?: string }> title={mortgage.required ? '登记借款合同及抵押登记' : '登记借款合同'} okText="登记" onClose={props.onClose} send={props.send} testId="sign-modal">
      <Form.Item label="借款合同编号" name="contractNo" rules={[{ required: true, whitespace: true, message: '请填写借款合同编号' }]} extra="6至40位字母、数字或“-”">
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="抵押登记证明号"
        name="mortgageRegNo"
        rules={[{ required: mortgage.required, whitespace: true, message: '请填写抵押登记证明号' }]}
        extra={mortgage.reason}
      >
        <Input autoComplete="off" placeholder="不动产登记证明上的编号" />
      </Form.Item>
    </FormModal>
  );
}

/**
 * 放款 confirmation: the contract and what the schedule will be (the shared schedule code on the approved amount and
 * the stored rate). The service re-judges and freezes its own schedule; this is what the clerk reads back first.
 */
export function DisburseModal(props: { app: LoanAppDto; onClose: () => void; send: () => Promise<void> }) {
  const { app } = props;
  const rate = app.decision?.rate?.annualRatePercent;
  const terms = (app.facts as { loanTerms?: { months: number; method: 'annuity' | 'linear' | 'lump' } }).loanTerms;
  const amount = app.approvedFen ?? app.requestedFen;
  const preview = rate && terms ? buildSchedule({ principalFen: amount, annualRatePercent: rate, months: terms.months, method: terms.method }).summary : null;
  return (
    <FormModal<object> title="确认放款" okText="放款" width={640} onClose={props.onClose} send={props.send} testId="disburse-modal">
      <Descriptions
        size="small"
        column={1}
        bordered
        styles={{ label: { whiteSpace: 'nowrap' } }}
        items={[
          { key: 'contract', label: '借款合同编号', children: <span data-testid="disburse-contract">{app.contract?.contractNo ?? '—'}</span> },
          { key: 'mortgage', label: '抵押登记证明号', children: app.contract?.mortgageRegNo ?? '—' },
          { key: 'who', label: '借款人', children: app.borrower.name },
          { key: 'amount', label: '放款金额（元）', children: <Money fen={amount} strong /> },
          { key: 'payee', label: '收款账户', children: `${app.payee.accountName}　${app.payee.bankName}　${app.payee.accountNo}` },
          ...(preview && terms
            ? [
                { key: 'rate', label: '年利率', children: `${preview.annualRatePercent}%` },
                { key: 'term', label: '期限 / 还款方式', children: `${termText(terms.months)}，${methodLabel(terms.method)}` },
                { key: 'monthly', label: terms.method === 'linear' ? '首月还款额（元）' : '月还款额（元）', children: <Money fen={preview.monthlyPaymentFen} testId="disburse-monthly" /> },
                { key: 'interest', label: '利息总额（元）', children: <Money fen={preview.totalInterestFen} /> },
                { key: 'total', label: '还款总额（元）', children: <Money fen={preview.totalPaymentFen} /> },
              ]
            : []),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        放款时按当日政策复查；首期还款日为放款日次月同日，还款计划随放款冻结。
      </Typography.Paragraph>
    </FormModal>
  );
}

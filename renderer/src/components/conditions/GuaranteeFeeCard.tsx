import { Alert, Button, Card, Descriptions, Empty, Form, Input, Modal, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { GuaranteeFeeDto } from '../../../../shared/contract/conditions';
import type { LoanAppDto } from '../../../../shared/contract/dto';
import { toChineseUpper } from '../../../../shared/money';
import { clauseNumber } from '../../../../shared/rules/citations';
import { api, newKey } from '../../api';
import { chinaDateTime, yuanRule, yuanToFen } from '../../format';
import { applyError } from '../../forms';
import { can } from '../../permissions';
import { useSession } from '../../session';
import { Money } from '../Money';

type Values = { company: string; amountYuan: string };

/**
 * 004 担保方式1: 由住房置业担保公司担保住房公积金贷款,中心支付担保服务费 (uq.flow.guaranteeFee). On the page of a disbursed
 * loan guaranteed by a guarantee company: the fees booked (Dr 411 业务支出, Cr 101 住房公积金存款), and for the roles
 * the call allows, 支付担保服务费 — the company and the amount, then a confirmation naming both before it is booked.
 */
export function GuaranteeFeeCard(props: { app: LoanAppDto }) {
  const { app } = props;
  const { operator, center } = useSession();
  const loan = app.loan;
  const company = (app.facts as { guarantee?: { type?: string } }).guarantee?.type === 'company';
  const [fees, setFees] = useState<GuaranteeFeeDto[] | null>(null);
  const [open, setOpen] = useState(false);
  const [n, setN] = useState(0);
  useEffect(() => {
    if (loan && company) api('loan.guaranteeFees', { loanId: loan.id }).then(setFees, () => setFees([]));
  }, [loan?.id, company, n]);
  if (center.id !== 'urumqi' || !loan || !company) return null;
  const may = can(operator.role, 'loan.guaranteeFee');

  return (
    <Card
      title="担保服务费（中心支付）"
      style={{ marginBottom: 16 }}
      data-testid="guarantee-fee-card"
      extra={
        may && (
          <Button type="primary" size="small" onClick={() => setOpen(true)} data-testid="guarantee-fee-open">
            支付担保服务费
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        依据：由住房置业担保公司担保住房公积金贷款，中心支付担保服务费（{clauseNumber('uq.flow.guaranteeFee')}）。借 411 业务支出，贷 101 住房公积金存款，不向借款人收取。
      </Typography.Paragraph>
      {fees && fees.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未支付担保服务费" />
      ) : (
        <Table<GuaranteeFeeDto>
          size="small"
          rowKey="entryNo"
          pagination={false}
          loading={fees === null}
          dataSource={fees ?? []}
          data-testid="guarantee-fee-list"
          columns={[
            { title: '凭证号', dataIndex: 'entryNo' },
            { title: '担保公司', dataIndex: 'company' },
            { title: '金额（元）', dataIndex: 'amountFen', align: 'right', render: (f: number) => <Money fen={f} /> },
            { title: '经办', dataIndex: 'operatorName' },
            { title: '时间', dataIndex: 'at', render: (t: string) => chinaDateTime(t) },
          ]}
        />
      )}
      {open && (
        <FeeModal
          loanId={loan.id}
          contractNo={loan.contractNo}
          onClose={(changed) => {
            setOpen(false);
            if (changed) setN((x) => x + 1);
          }}
        />
      )}
    </Card>
  );
}

function FeeModal(props: { loanId: number; contractNo: string; onClose(changed: boolean): void }) {
  const [form] = Form.useForm<Values>();
  const [key] = useState(() => newKey('guarantee-fee'));
  const [step, setStep] = useState<'form' | 'confirm' | 'done'>('form');
  const [values, setValues] = useState<{ company: string; amountFen: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [entryNo, setEntryNo] = useState<string | null>(null);

  const next = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const r = yuanToFen(v.amountYuan, '担保服务费');
    if ('error' in r) return;
    setValues({ company: v.company.trim(), amountFen: r.fen });
    setError(null);
    setStep('confirm');
  };
  const book = async () => {
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api('loan.guaranteeFee', { loanId: props.loanId, amountFen: values.amountFen, company: values.company, idempotencyKey: key });
      setEntryNo(r.entryNo);
      setStep('done');
    } catch (e) {
      setStep('form');
      setError(applyError(form, e, { amountFen: 'amountYuan' }));
    } finally {
      setBusy(false);
    }
  };

  const footer =
    step === 'form'
      ? [<Button key="c" onClick={() => props.onClose(false)}>取消</Button>, <Button key="n" type="primary" onClick={next} data-testid="guarantee-fee-next">下一步</Button>]
      : step === 'confirm'
        ? [<Button key="b" onClick={() => setStep('form')}>返回修改</Button>, <Button key="o" type="primary" danger loading={busy} onClick={book} data-testid="guarantee-fee-confirm">确认支付并记账</Button>]
        : [<Button key="d" type="primary" onClick={() => props.onClose(true)} data-testid="guarantee-fee-done">完成</Button>];

  return (
    <Modal open title={`支付担保服务费 · 合同 ${props.contractNo}`} footer={footer} onCancel={() => props.onClose(step === 'done')} maskClosable={false} data-testid="guarantee-fee-modal">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="guarantee-fee-error" />}
      <div style={{ display: step === 'form' ? 'block' : 'none' }}>
        <Form form={form} layout="vertical">
          <Form.Item label="担保公司" name="company" rules={[{ required: true, whitespace: true, message: '请填写担保公司' }]}>
            <Input maxLength={60} placeholder="如 新疆住房置业担保有限公司" autoComplete="off" />
          </Form.Item>
          <Form.Item label="担保服务费（元）" name="amountYuan" rules={[yuanRule('担保服务费')]}>
            <Input inputMode="decimal" autoComplete="off" />
          </Form.Item>
        </Form>
      </div>
      {step === 'confirm' && values && (
        <div data-testid="guarantee-fee-summary">
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="请核对：确认后立即记账，如有错误只能冲正。" />
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              { key: 'c', label: '担保公司', children: values.company },
              { key: 'a', label: '金额', children: <><Money fen={values.amountFen} strong /> 元（{toChineseUpper(values.amountFen)}）</> },
              { key: 'e', label: '记账', children: '借 411 业务支出，贷 101 住房公积金存款（中心支付）' },
            ]}
          />
        </div>
      )}
      {step === 'done' && <Typography.Text data-testid="guarantee-fee-result">已记账，凭证号 {entryNo}。</Typography.Text>}
    </Modal>
  );
}

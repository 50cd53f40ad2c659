import { Alert, Descriptions, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import type { LoanStatusDto, PrepayPreviewDto, PrepayResultDto } from '../../../../shared/contract/loanServicing';
import { REPAYMENT_SOURCE_LABELS } from '../../../../shared/contract/loanServicing';
import { api, newKey } from '../../api';
import { yuan, yuanRule, yuanToFen } from '../../format';
import { Money } from '../Money';
import { ResultModal } from './ResultModal';
import { PrintPdfButton } from './PrintPdfButton';
import { PrepayConfirm } from './PrepayConfirm';

interface PrepayForm {
  kind: 'full' | 'partial';
  amountYuan?: string;
  keep?: 'term' | 'installment';
  source: 'bank' | 'fund';
}

const KINDS = [
  { value: 'partial', label: '部分提前还款' },
  { value: 'full', label: '提前结清' },
];
const KEEPS = [
  { value: 'term', label: '保持期限（月供减少）' },
  { value: 'installment', label: '保持月供（期限缩短）' },
];
const SOURCES = (['bank', 'fund'] as const).map((v) => ({ value: v, label: REPAYMENT_SOURCE_LABELS[v] }));

/**
 * 提前还款: full, or part of the principal with the clerk's choice of keeping the term or the installment. The new
 * installment and term are the service's: 确认 first asks for the 试算 (loan.prepayPreview) and shows it in a
 * confirm dialog (PrepayConfirm: new installment, remaining term, interest saved); only 确认入账 posts loan.prepay.
 */
export function PrepayModal(props: { status: LoanStatusDto; onClose: (changed: boolean) => void }) {
  const [key] = useState(() => newKey('prepay'));
  const [pending, setPending] = useState<{ preview: PrepayPreviewDto; resolve: (ok: boolean) => void } | null>(null);
  const s = props.status;
  /** Shows the 试算 and waits for the clerk: true = 确认入账, false = 返回修改. */
  const confirm = (preview: PrepayPreviewDto) => new Promise<boolean>((resolve) => setPending({ preview, resolve }));
  const answer = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
  };
  return (
    <>
    {pending && <PrepayConfirm preview={pending.preview} onOk={() => answer(true)} onCancel={() => answer(false)} />}
    <ResultModal<PrepayForm, PrepayResultDto>
      title={`提前还款 · 合同 ${s.loan.contractNo}`}
      okText="试算并确认"
      testId="prepay-modal"
      width={780}
      initialValues={{ kind: 'partial', keep: 'term', source: 'bank' }}
      fieldMap={{ amountFen: 'amountYuan' }}
      onClose={props.onClose}
      send={async (v) => {
        let input: { loanId: number; kind: 'full' } | { loanId: number; kind: 'partial'; amountFen: number; keep?: 'term' | 'installment' };
        if (v.kind === 'full') input = { loanId: s.loan.id, kind: 'full' };
        else {
          const amount = yuanToFen(v.amountYuan, '提前归还本金');
          if ('error' in amount) throw new Error(amount.error);
          input = { loanId: s.loan.id, kind: 'partial', amountFen: amount.fen, ...(v.keep ? { keep: v.keep } : {}) };
        }
        // First the 试算 (writes nothing), then the clerk confirms the figures, then the posting.
        const preview = await api('loan.prepayPreview', input);
        if (!(await confirm(preview))) throw new Error('已返回修改，未入账');
        return api('loan.prepay', { ...input, source: v.source, idempotencyKey: key });
      }}
      form={(form) => (
        <>
          <Typography.Paragraph type="secondary">
            贷款余额 {yuan(s.balanceFen)} 元，月还款额 {yuan(s.currentInstallmentFen)} 元。提前还清的，利息计算到还清当月；部分归还本金的，按剩余本金重新计算利息。
          </Typography.Paragraph>
          <Form.Item label="提前还款方式" name="kind">
            <Radio.Group options={KINDS} optionType="button" />
          </Form.Item>
          <Form.Item noStyle dependencies={['kind']}>
            {() =>
              form.getFieldValue('kind') === 'partial' ? (
                <>
                  <Form.Item label="提前归还本金" name="amountYuan" rules={[yuanRule('提前归还本金')]}>
                    <Input suffix="元" autoComplete="off" inputMode="decimal" />
                  </Form.Item>
                  <Form.Item label="还款后" name="keep" rules={[{ required: true, message: '请选择保持期限或保持月供' }]}>
                    <Radio.Group options={KEEPS} />
                  </Form.Item>
                </>
              ) : (
                <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`提前结清：归还剩余本金 ${yuan(s.balanceFen)} 元及当月利息（以办理结果为准），贷款结清。`} />
              )
            }
          </Form.Item>
          <Form.Item label="还款来源" name="source">
            <Radio.Group options={SOURCES} />
          </Form.Item>
        </>
      )}
      result={(r) => <PrepayResult r={r} />}
    />
    </>
  );
}

function PrepayResult({ r }: { r: PrepayResultDto }) {
  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={2}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'amt', label: '还款金额（元）', children: <Money fen={r.repayment.amountFen} strong /> },
          { key: 'k', label: '类型', children: r.repayment.kindLabel },
          { key: 'p', label: '提前归还本金（元）', children: <Money fen={r.repayment.principalFen} /> },
          { key: 'i', label: '当月利息（元）', children: <Money fen={r.monthInterestFen} /> },
          { key: 'bal', label: '贷款余额（元）', children: <Money fen={r.balanceFen} strong testId="prepay-balance" /> },
          { key: 'no', label: '凭证号', children: r.repayment.entryNo },
        ]}
      />
      {r.after && (
        <Descriptions
          data-testid="prepay-after"
          title="新还款计划"
          size="small"
          bordered
          column={2}
          styles={{ label: { whiteSpace: 'nowrap' } }}
          items={[
            { key: 'keep', label: '调整方式', children: r.after.keep === 'installment' ? '保持月供（期限缩短）' : '保持期限（月供减少）' },
            { key: 'from', label: '起始期次', children: `第 ${r.after.fromPeriod} 期起（${r.after.effectiveDate} 办理）` },
            {
              key: 'm',
              label: '剩余期数',
              children: (
                <span data-testid="prepay-months">
                  {r.before ? `${r.before.months} 期 → ` : ''}
                  {r.after.months} 期
                </span>
              ),
            },
            {
              key: 'inst',
              label: '月还款额（元）',
              children: (
                <span data-testid="prepay-installment">
                  {r.before ? `${yuan(r.before.installmentFen)} → ` : ''}
                  <Money fen={r.after.installmentFen} strong />
                </span>
              ),
            },
            { key: 'base', label: '剩余本金（元）', children: <Money fen={r.after.basePrincipalFen} /> },
            { key: 'int', label: '剩余利息合计（元）', children: <Money fen={r.after.totalInterestFen} /> },
          ]}
        />
      )}
      {r.settled && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title="贷款已结清"
          action={<PrintPdfButton label="打印结清证明" testId="prepay-print-settlement" print={() => api('print.settlement', { loanId: r.loanId })} />}
        />
      )}
    </>
  );
}

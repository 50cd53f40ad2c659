import { Descriptions, Form, Input, Radio, Table, Typography } from 'antd';
import { useState } from 'react';
import type { LoanStatusDto, RepayResultDto, RepaymentAllocationDto } from '../../../../shared/contract/loanServicing';
import { REPAYMENT_SOURCE_LABELS } from '../../../../shared/contract/loanServicing';
import { api, newKey } from '../../api';
import { yuan, yuanRule, yuanToFen } from '../../format';
import { Money } from '../Money';
import { ResultModal } from './ResultModal';

interface RepayForm {
  amountYuan: string;
  source: 'bank' | 'fund';
}

const SOURCES = (['bank', 'fund'] as const).map((v) => ({ value: v, label: REPAYMENT_SOURCE_LABELS[v] }));

/** The allocation the service made: per installment, 罚息 → 利息 → 本金 as its strategy says. */
export function AllocationTable(props: { rows: RepaymentAllocationDto[] }) {
  return (
    <Table<RepaymentAllocationDto>
      data-testid="repay-allocation"
      size="small"
      bordered
      rowKey="period"
      pagination={false}
      dataSource={props.rows}
      columns={[
        { title: '期次', dataIndex: 'period', align: 'center', width: 70, render: (p: number) => `第 ${p} 期` },
        { title: '本金（元）', dataIndex: 'principalFen', align: 'right', render: (f: number) => <Money fen={f} /> },
        { title: '利息（元）', dataIndex: 'interestFen', align: 'right', render: (f: number) => <Money fen={f} /> },
        { title: '罚息（元）', dataIndex: 'penaltyFen', align: 'right', render: (f: number) => <Money fen={f} /> },
      ]}
    />
  );
}

/**
 * 还款: the amount in 元 and where it comes from. The suggested amount is what loan.status says is owed (arrears
 * first, else the next installment); how it splits is the service's answer, shown after posting.
 */
export function RepayModal(props: { status: LoanStatusDto; onClose: (changed: boolean) => void }) {
  const [key] = useState(() => newKey('repay'));
  const s = props.status;
  const suggested = s.arrearsFen > 0 ? s.arrearsFen : (s.nextDue?.owedFen ?? 0);
  return (
    <ResultModal<RepayForm, RepayResultDto>
      title={`还款 · 合同 ${s.loan.contractNo}`}
      okText="确认还款"
      testId="repay-modal"
      width={620}
      initialValues={{ amountYuan: suggested > 0 ? yuan(suggested).replace(/,/g, '') : '', source: 'bank' }}
      fieldMap={{ amountFen: 'amountYuan' }}
      onClose={props.onClose}
      send={(v) => {
        const amount = yuanToFen(v.amountYuan, '还款金额');
        if ('error' in amount) throw new Error(amount.error);
        return api('loan.repay', { loanId: s.loan.id, amountFen: amount.fen, source: v.source, idempotencyKey: key });
      }}
      form={() => (
        <>
          <Typography.Paragraph type="secondary">
            {s.nextDue ? `下期：第 ${s.nextDue.period} 期，${s.nextDue.dueDate} 应还 ${yuan(s.nextDue.owedFen)} 元。` : ''}
            {s.arrearsFen > 0 && `当前逾期应还（含罚息）${yuan(s.arrearsFen)} 元。`}
            部分还款先还罚息、利息，再还本金。
          </Typography.Paragraph>
          <Form.Item label="还款金额" name="amountYuan" rules={[yuanRule('还款金额')]}>
            <Input suffix="元" autoComplete="off" inputMode="decimal" />
          </Form.Item>
          <Form.Item label="还款来源" name="source" rules={[{ required: true, message: '请选择还款来源' }]} extra="委托提取：从借款人及配偶的公积金余额中扣划">
            <Radio.Group options={SOURCES} />
          </Form.Item>
        </>
      )}
      result={(r) => (
        <>
          <Descriptions
            size="small"
            bordered
            column={2}
            style={{ marginBottom: 12 }}
            items={[
              { key: 'amt', label: '还款金额（元）', children: <Money fen={r.repayment.amountFen} strong testId="repay-amount" /> },
              { key: 'src', label: '还款来源', children: r.repayment.sourceLabel },
              { key: 'p', label: '本金（元）', children: <Money fen={r.repayment.principalFen} testId="repay-principal" /> },
              { key: 'i', label: '利息（元）', children: <Money fen={r.repayment.interestFen} testId="repay-interest" /> },
              { key: 'pen', label: '罚息（元）', children: <Money fen={r.repayment.penaltyFen} /> },
              { key: 'bal', label: '贷款余额（元）', children: <Money fen={r.balanceFen} strong testId="repay-balance" /> },
              { key: 'no', label: '凭证号', children: r.repayment.entryNo },
              { key: 'st', label: '贷款状态', children: r.settled ? '已结清' : '还款中' },
            ]}
          />
          <AllocationTable rows={r.repayment.allocations} />
        </>
      )}
    />
  );
}

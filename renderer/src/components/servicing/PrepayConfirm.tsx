import { Descriptions, Modal, Typography, type ButtonProps } from 'antd';
import type { PrepayPreviewDto } from '../../../../shared/contract/loanServicing';
import { yuan } from '../../format';
import { Money } from '../Money';

/**
 * 提前还款试算, shown before anything is posted: what the member pays today and the schedule it leaves — the new
 * installment (and the last, smaller one under 保持月供), the remaining term and the interest saved. The figures
 * are the service's (loan.prepayPreview, the same plan loan.prepay posts).
 */
export function PrepayConfirm(props: { preview: PrepayPreviewDto; busy?: boolean; onOk: () => void; onCancel: () => void }) {
  const p = props.preview;
  const full = p.kind === 'full';
  const keepText = p.keep === 'installment' ? '保持月供（期限缩短）' : p.keep === 'term' ? '保持期限（月供减少）' : '提前结清';
  return (
    <Modal
      open
      width={640}
      title={`确认提前还款 · 合同 ${p.contractNo}`}
      okText="确认入账"
      cancelText="返回修改"
      onOk={props.onOk}
      onCancel={props.onCancel}
      okButtonProps={{ 'data-testid': 'prepay-confirm-ok', loading: props.busy ?? false } as ButtonProps}
      maskClosable={false}
    >
      <div data-testid="prepay-confirm">
        <Typography.Paragraph>以下为试算结果，确认后入账，不能撤回（更正须冲正）。</Typography.Paragraph>
        <Descriptions
          size="small"
          bordered
          column={2}
          styles={{ label: { whiteSpace: 'nowrap' } }}
          items={[
            { key: 'amt', label: '今日应还（元）', children: <Money fen={p.amountFen} strong testId="prepay-preview-amount" /> },
            { key: 'how', label: '方式', children: keepText },
            { key: 'p', label: '提前归还本金（元）', children: <Money fen={p.principalFen} /> },
            { key: 'i', label: '当月利息（元）', children: <Money fen={p.monthInterestFen} /> },
            { key: 'bal', label: '还款后余额（元）', children: <Money fen={p.balanceAfterFen} /> },
            { key: 'from', label: '新计划起始', children: full ? '贷款结清' : `第 ${p.fromPeriod} 期起` },
            {
              key: 'inst',
              label: '月还款额（元）',
              span: 2,
              children: (
                <span data-testid="prepay-preview-installment">
                  {full
                    ? `${yuan(p.before.installmentFen)} → 无（结清）`
                    : `${yuan(p.before.installmentFen)} → ${yuan(p.installmentFen)}${p.lastPaymentFen !== p.installmentFen ? `（末期 ${yuan(p.lastPaymentFen)}）` : ''}`}
                </span>
              ),
            },
            {
              key: 'm',
              label: '剩余期数',
              span: 2,
              children: (
                <span data-testid="prepay-preview-months">
                  {full ? `${p.before.months} 期 → 0 期` : `${p.before.months} 期 → ${p.months} 期（至 ${p.lastDueDate}）`}
                </span>
              ),
            },
            { key: 'saved', label: '节省利息（元）', span: 2, children: <Money fen={p.interestSavedFen} strong testId="prepay-preview-saved" /> },
          ]}
        />
      </div>
    </Modal>
  );
}

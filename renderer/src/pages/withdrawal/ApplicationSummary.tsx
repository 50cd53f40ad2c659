import { Alert, Descriptions } from 'antd';
import type { WithdrawalAppDto } from '../../../../shared/contract/dto';
import { toChineseUpper } from '../../../../shared/money';
import { AppStateTag, DeadlineTag } from '../../components/ApplicationTags';
import { Money } from '../../components/Money';
import { StatusTag } from '../../components/StatusTag';
import { chinaDateTime } from '../../format';
import { useSession } from '../../session';
import { payeeKindLabel } from './labels';

const amount = (fen: number | null, testId?: string) =>
  fen === null ? '—' : (
    <span data-testid={testId}>
      ¥ <Money fen={fen} strong /> 元（人民币{toChineseUpper(fen)}）
    </span>
  );

/** The application's particulars: who, why, how much, to which account. `brief` leaves out what the inbox does not need. */
export function ApplicationSummary(props: { app: WithdrawalAppDto; brief?: boolean }) {
  const { center } = useSession();
  const a = props.app;
  const branch = center.branches.find((b) => b.code === a.branchCode)?.name ?? a.branchCode;
  const items = [
    { key: 'no', label: '申请编号', children: a.appNo },
    { key: 'state', label: '状态', children: <AppStateTag state={a.state} testId="summary-state" /> },
    { key: 'case', label: '提取原因', children: a.caseName },
    {
      key: 'member',
      label: '职工',
      children: (
        <a href={`#/member?id=${a.member.id}`} data-testid="summary-member">
          {a.member.name}（{a.member.accountNo}）
        </a>
      ),
    },
    { key: 'id', label: '证件号码', children: a.member.idNumberMasked },
    { key: 'emp', label: '所在单位', children: a.member.employerName },
    { key: 'bal', label: '账户余额（当前）', children: <span><Money fen={a.member.balanceFen} /> 元 <StatusTag status={a.member.status} /></span> },
    ...(a.spouse ? [{ key: 'sp', label: '配偶', children: `${a.spouse.name}（${a.spouse.accountNo}，余额 ${(a.spouse.balanceFen / 100).toFixed(2)} 元）` }] : []),
    { key: 'req', label: '申请提取金额', children: a.requestedFen === null ? '按最高可提取额' : amount(a.requestedFen) },
    { key: 'appr', label: '核定提取金额', children: amount(a.approvedFen, 'approved-amount') },
    { key: 'payee', label: '收款账户', children: `${payeeKindLabel(a.payee.kind)}：${a.payee.bankName} ${a.payee.accountNo}（户名 ${a.payee.accountName}）` },
    ...(props.brief ? [] : [{ key: 'branch', label: '受理网点', children: branch }]),
    ...(a.deadline
      ? [{ key: 'due', label: '办理时限', children: <span><DeadlineTag status={a.deadline.status} testId="deadline" /> {chinaDateTime(a.deadline.dueAt)} 前作出决定</span> }]
      : []),
  ];
  return (
    <Descriptions
      data-testid="summary"
      bordered
      size="small"
      column={1}
      styles={{ label: { whiteSpace: 'nowrap', width: 120 } }}
      items={items}
    />
  );
}

/** After payout: the voucher number and the amount in figures and in words, as the receipt prints them. */
export function PaidBanner(props: { app: WithdrawalAppDto }) {
  const a = props.app;
  if (a.paidEntryNo === null || a.paidAmountFen === null) return null;
  return (
    <Alert
      data-testid="paid-banner"
      type={a.state === '已冲正' ? 'warning' : 'success'}
      showIcon
      style={{ marginBottom: 16 }}
      title={
        <span>
          已支付：凭证号 <b data-testid="paid-entry-no">{a.paidEntryNo}</b>，金额 ¥ <Money fen={a.paidAmountFen} strong testId="paid-amount" /> 元
          （<span data-testid="paid-amount-upper">人民币{toChineseUpper(a.paidAmountFen)}</span>）
          {a.interestFen ? `，含销户利息 ${(a.interestFen / 100).toFixed(2)} 元` : ''}
        </span>
      }
      description={
        a.reversal
          ? `冲正：${a.reversal.reason}${a.reversal.entryNo ? `；冲正凭证号 ${a.reversal.entryNo}` : '（审批中）'}`
          : a.paid
            ? `${a.paid.name} 于 ${chinaDateTime(a.paid.at)} 支付至 ${a.payee.bankName} ${a.payee.accountNo}`
            : undefined
      }
    />
  );
}

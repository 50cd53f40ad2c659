/**
 * 住房公积金提取回单: the member's proof of a payout — transaction no., branch, accounts, reason, whether the account
 * closed, amount, 销户利息, total in figures and 大写, the balance left, where the money went, and who paid, reviewed
 * and approved it. A reversed payout prints a red 已冲正 mark with the reversal's entry number.
 *
 * ID number: printed MASKED. The receipt is handed to the member and often copied onward (to a landlord, a
 * developer, a bank), so it must not carry the full number; the transaction and account numbers identify the payout.
 */
import type { WithdrawalAppDto } from '../../shared/contract/dto';
import { AppError } from '../../shared/errors';
import {
  atText,
  BLANK_SIGN,
  FORM_PAGE_MARGINS,
  FORM_STYLES,
  formFooter,
  formHeader,
  grid,
  label,
  number,
  payeeKindText,
  reprintHeader,
  span,
  STAMP_RED,
  titleText,
  upper,
  value,
  yuan,
  type FormDocument,
  type PrintEnv,
} from './formKit';

export const RECEIPT_TITLE = '住房公积金提取回单';

/** States in which a payout entry exists: paid, a reversal pending on it, or reversed (printed with the mark). */
const PAID_STATES = ['已支付', '冲正待复核', '冲正待审批', '已冲正'];

export function assertReceiptPrintable(dto: WithdrawalAppDto): void {
  if (!PAID_STATES.includes(dto.state) || dto.paidEntryNo === null || dto.paidAmountFen === null || !dto.paid) {
    throw new AppError('RULE', `申请${dto.appNo}当前为“${dto.state}”，尚未支付，不能打印提取回单`);
  }
}

export function receiptDocument(dto: WithdrawalAppDto, env: PrintEnv): FormDocument {
  const center = env.center;
  const branch = center.branches.find((b) => b.code === dto.branchCode);
  const reversed = dto.state === '已冲正';
  const totalFen = dto.paidAmountFen!;
  const interestFen = dto.interestFen ?? 0;
  // The paid total already contains the 销户 interest credited in the same entry; the withdrawal proper is the rest.
  const principalFen = totalFen - interestFen;
  const closes = dto.decision?.closesAccount ?? false;
  const paid = dto.paid!;

  const body: unknown[][] = [
    [label('交易流水号'), number(dto.paidEntryNo!, { bold: true }), label('交易日期'), value(atText(paid.at))],
    [label('办理网点'), value(branch?.name ?? dto.branchCode), label('申请编号'), number(dto.appNo)],
    [label('职工姓名'), value(dto.member.name, { bold: true }), label('证件号码'), number(dto.member.idNumberMasked)],
    [label('个人账号'), number(dto.member.accountNo), label('单位账号'), number(dto.member.employerAccountNo)],
    [label('单位名称'), ...span(value(dto.member.employerName), 3)],
    [label('提取原因'), value(dto.caseName), label('是否销户'), value(closes ? '是' : '否')],
    [label('提取金额'), value(yuan(principalFen)), label('销户利息'), value(yuan(interestFen))],
    [
      label('合计（小写）'),
      value(yuan(totalFen), { bold: true }),
      label(reversed ? '冲正后余额' : '提取后余额'),
      value(`${yuan(dto.member.balanceFen)}${dto.member.status === '销户' ? '（已销户）' : ''}`),
    ],
    [label('合计（大写）'), ...span(value(upper(totalFen), { bold: true }), 3)],
    // Bank names run long (…股份有限公司…分行): bank and account number each get a whole row.
    [label('收款户名'), value(dto.payee.accountName), label('收款类型'), value(payeeKindText(dto.payee.kind))],
    [label('收款银行'), ...span(value(dto.payee.bankName), 3)],
    [label('收款账号'), ...span(number(dto.payee.accountNo, { bold: true }), 3)],
  ];
  if (dto.reversal) {
    const text = dto.reversal.entryNo
      ? `已冲正　冲正凭证号 ${dto.reversal.entryNo}　原因：${dto.reversal.reason}`
      : `冲正审核中　原因：${dto.reversal.reason}`;
    body.push([label('冲正信息'), ...span(value(text, { color: STAMP_RED, bold: true }), 3)]);
  }

  const reversedMark = reversed
    ? [
        {
          table: { body: [[{ text: `已冲正　${dto.reversal?.entryNo ?? ''}`, bold: true, fontSize: 13, color: STAMP_RED, margin: [8, 1, 8, 1] }]] },
          layout: { hLineColor: () => STAMP_RED, vLineColor: () => STAMP_RED, hLineWidth: () => 1.5, vLineWidth: () => 1.5 },
          alignment: 'center',
          margin: [0, 6, 0, 0],
        },
      ]
    : [];

  return {
    title: titleText(RECEIPT_TITLE, env.reprint),
    doc: {
      content: [
        formHeader({ centerName: center.name, title: RECEIPT_TITLE, reprint: env.reprint, qrText: dto.appNo, under: reversedMark.length ? [{ columns: [{ width: '*', text: '' }, { width: 'auto', ...reversedMark[0] }, { width: '*', text: '' }] }] : [] }),
        grid([72, '*', 72, '*'], body),
        {
          columns: [
            { text: `经办：${paid.name}`, width: '*' },
            { text: `复核：${dto.reviewed?.name ?? BLANK_SIGN}`, width: '*' },
            { text: `审批：${dto.approved?.name ?? BLANK_SIGN}`, width: '*' },
            { text: `职工签字：${BLANK_SIGN}`, width: 'auto' },
          ],
          margin: [0, 12, 0, 0],
        },
        { text: `${center.name}（业务专用章）`, alignment: 'right', margin: [0, 22, 0, 0], bold: true },
        {
          text: `本回单为住房公积金提取支付凭证，请妥善保管。款项已转入上列收款账户，到账时间以银行为准。咨询电话：${center.hotline}`,
          style: 'small',
          margin: [0, 14, 0, 0],
        },
      ],
      header: reprintHeader(env.reprint, env.printedAt),
      footer: formFooter(env, dto.appNo),
      styles: FORM_STYLES,
      pageMargins: FORM_PAGE_MARGINS,
      ...(reversed ? { watermark: { text: '已冲正', color: STAMP_RED, opacity: 0.1, bold: true, fontSize: 120 } } : {}),
    },
  };
}

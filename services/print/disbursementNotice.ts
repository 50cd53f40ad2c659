/**
 * 放款通知单 (003 贷款程序5: 到公积金管理中心开具放款通知单 → 6 受委托银行发放贷款): the center's notice to the entrusted
 * bank that the loan may be released. Printable once the contract is signed and the mortgage registered (已签约) or
 * after disbursement (已放款); for 未婚、离异、农业户口、共有产权 borrowers only once the 贷款公证 is recorded, and the
 * notarisation (公证处, 公证书编号, 公证日期) is printed on it (rule yc.flow.loanNotarisation).
 * ID number: masked (the sheet goes to the bank, which checks the borrower's card itself).
 */
import type { NotarisationDto } from '../../shared/contract/conditions';
import type { LoanAppDto } from '../../shared/contract/dto';
import { AppError } from '../../shared/errors';
import { BLANK_DATE, cnDate, FORM_PAGE_MARGINS, FORM_STYLES, formFooter, formHeader, grid, label, number, reprintHeader, span, titleText, upper, value, yuan, type FormDocument, type PrintEnv } from './formKit';

export const DISBURSEMENT_NOTICE = '放款通知单';

const METHOD: Record<string, string> = { annuity: '等额本息', linear: '等额本金', lump: '到期一次还本付息' };

export function assertDisbursementNoticePrintable(dto: LoanAppDto, notarisation: { reasons: string[]; record: NotarisationDto | null }): void {
  if (dto.state !== '已签约' && dto.state !== '已放款') throw new AppError('RULE', `申请${dto.appNo}当前为“${dto.state}”：签订借款合同、办理抵押登记后才能开具放款通知单`);
  if (notarisation.reasons.length > 0 && !notarisation.record) {
    throw new AppError('RULE', `借款人属于${notarisation.reasons.join('、')}情形，须先在银川市公证处办理贷款公证并登记，才能开具放款通知单`);
  }
}

export function disbursementNoticeDocument(dto: LoanAppDto, notarisation: { reasons: string[]; record: NotarisationDto | null }, env: PrintEnv): FormDocument {
  const amount = dto.loan?.principalFen ?? dto.approvedFen ?? dto.requestedFen;
  const terms = dto.facts.loanTerms as { months?: number; method?: string } | undefined;
  const rate = dto.loan?.annualRatePercent ?? dto.decision?.rate?.annualRatePercent ?? '—';
  const n = notarisation.record;
  const notaryText = notarisation.reasons.length === 0 ? '不适用' : `${notarisation.reasons.join('、')}：${n!.notaryOffice} ${n!.notaryNo}（${cnDate(n!.notarisedDate)}）`;
  const W = [80, '*', 80, '*'];
  const body = [
    [label('借款人'), value(dto.borrower.name), label('证件号码'), number(dto.borrower.idNumberMasked)],
    [label('个人账号'), number(dto.borrower.accountNo), label('配偶'), value(dto.spouse?.name ?? '—')],
    [label('借款合同编号'), number(dto.contract?.contractNo ?? '—'), label('抵押登记证明号'), value(dto.contract?.mortgageRegNo || '—')],
    [label('贷款金额（大写）'), ...span(value(upper(amount)), 3)],
    [label('贷款金额（小写）'), value(yuan(amount)), label('年利率'), value(`${rate}%`)],
    [label('贷款期限'), value(`${terms?.months ?? dto.loan?.months ?? '—'}个月`), label('还款方式'), value(METHOD[terms?.method ?? dto.loan?.method ?? ''] ?? '—')],
    [label('收款户名'), value(dto.payee.accountName), label('收款账号'), number(dto.payee.accountNo)],
    [label('收款开户银行'), ...span(value(dto.payee.bankName), 3)],
    [label('贷款公证'), ...span(value(notaryText), 3)],
    [label('审批日期'), value(dto.approved ? cnDate(dto.approved.at) : '—'), label('贷款类型'), value(dto.caseName)],
  ];
  const text = `受委托银行：上列借款人的住房公积金贷款已经${env.center.name}审批通过，借款合同已签订，抵押登记已办理${notarisation.reasons.length ? '，贷款公证已办理' : ''}，请按借款合同发放贷款。`;
  return {
    title: titleText(DISBURSEMENT_NOTICE, env.reprint),
    doc: {
      content: [
        formHeader({ centerName: env.center.name, title: DISBURSEMENT_NOTICE, reprint: env.reprint, qrText: dto.appNo }),
        { text: `申请编号：${dto.appNo}`, style: 'meta', margin: [0, 0, 0, 4] },
        grid(W, body),
        { text, style: 'value', margin: [0, 10, 0, 0] },
        {
          columns: [
            { text: `经办人：${env.operator.name}`, style: 'value' },
            { text: `${env.center.name}（盖章）\n${BLANK_DATE}`, style: 'value', alignment: 'right' },
          ],
          margin: [0, 24, 0, 0],
        },
      ],
      header: reprintHeader(env.reprint, env.printedAt),
      footer: formFooter(env, dto.appNo),
      styles: FORM_STYLES,
      pageMargins: FORM_PAGE_MARGINS,
    },
  };
}

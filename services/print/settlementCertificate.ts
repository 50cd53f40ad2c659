/**
 * 住房公积金贷款结清证明: a settled loan's contract number, borrower (ID masked), amount, term, disbursement and
 * settlement dates, what was repaid, and the settling entry's number. A simple form on the shared form kit; the
 * data comes from services/loan/servicing/status.ts settlementCertificateData (refused while the loan is unpaid).
 * Not wired to print.loan yet (that call's forms are another module's); call renderSettlementCertificate.
 */
import type { SettlementCertificateData } from '../../shared/contract/loanServicing';
import { cnDate, FORM_PAGE_MARGINS, FORM_STYLES, formFooter, formHeader, grid, label, number, reprintHeader, span, titleText, upper, value, yuan, type FormDocument, type PrintEnv } from './formKit';
import { renderPdf } from './pdf';

export const SETTLEMENT_TITLE = '住房公积金贷款结清证明';

export function settlementDocument(d: SettlementCertificateData, env: PrintEnv): FormDocument {
  const body: unknown[][] = [
    [label('借款合同编号'), number(d.contractNo, { bold: true }), label('结清日期'), value(cnDate(d.settledDate))],
    [label('借款人'), value(d.borrowerName, { bold: true }), label('证件号码'), number(d.borrowerIdNumberMasked)],
    [label('个人账号'), number(d.borrowerAccountNo), label('配偶'), value(d.spouseName ?? '—')],
    [label('贷款金额'), value(yuan(d.principalFen)), label('贷款期限'), value(`${d.months}个月`)],
    [label('放款日期'), value(cnDate(d.disbursedDate)), label('结清凭证号'), number(d.settledEntryNo)],
    [label('已还本金'), value(yuan(d.repaidPrincipalFen)), label('已还利息'), value(yuan(d.repaidInterestFen))],
    [label('已还罚息'), value(yuan(d.repaidPenaltyFen)), label('贷款余额'), value(yuan(0))],
    [label('本金（大写）'), ...span(value(upper(d.repaidPrincipalFen)), 3)],
  ];
  return {
    title: titleText(SETTLEMENT_TITLE, env.reprint),
    doc: {
      content: [
        formHeader({ centerName: d.centerName, title: SETTLEMENT_TITLE, reprint: env.reprint, qrText: d.contractNo }),
        { text: `兹证明借款人${d.borrowerName}在本中心办理的住房公积金个人住房贷款（合同编号 ${d.contractNo}）已于${cnDate(d.settledDate)}全部结清，本息已还清。`, margin: [0, 4, 0, 8] },
        grid([80, '*', 80, '*'], body),
        { text: '借款人可凭本证明到不动产登记机构办理抵押注销登记。', margin: [0, 10, 0, 0] },
        { text: `${d.centerName}（业务专用章）`, alignment: 'right', margin: [0, 28, 0, 0], bold: true },
        { text: cnDate(env.today), alignment: 'right', margin: [0, 6, 0, 0] },
      ],
      header: reprintHeader(env.reprint, env.printedAt),
      footer: formFooter(env, d.contractNo),
      styles: FORM_STYLES,
      pageMargins: FORM_PAGE_MARGINS,
    },
  };
}

export async function renderSettlementCertificate(d: SettlementCertificateData, env: PrintEnv): Promise<{ fileName: string; pdfBase64: string }> {
  const form = settlementDocument(d, env);
  const pdf = await renderPdf(form.doc, { title: form.title });
  return { fileName: `${form.title}-${d.contractNo}.pdf`, pdfBase64: pdf.toString('base64') };
}

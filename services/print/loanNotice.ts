/**
 * The loan 一次性告知书: the same sheet as the withdrawal notice (oneTimeNotice.ts) — everything a draft still lacks,
 * told at once and in writing — with 事项 住房公积金贷款 and the house type. Printable, like the withdrawal notice,
 * only while the application is with the clerk (草稿 or 退回) and something is missing.
 *
 * ID number: printed MASKED; the borrower takes the sheet home.
 */
import type { LoanAppDto } from '../../shared/contract/dto';
import type { FormDocument, PrintEnv } from './formKit';
import { assertNoticePrintable, noticeLayout } from './oneTimeNotice';

export { NOTICE_TITLE } from './oneTimeNotice';

export function assertLoanNoticePrintable(dto: LoanAppDto): void {
  assertNoticePrintable(dto);
}

export function loanNoticeDocument(dto: LoanAppDto, env: PrintEnv): FormDocument {
  return noticeLayout(
    {
      appNo: dto.appNo,
      branchCode: dto.branchCode,
      matter: `住房公积金贷款——${dto.caseName}`,
      business: '住房公积金贷款',
      applicant: dto.borrower,
      created: dto.created,
      missingMaterials: dto.missingMaterials,
    },
    env,
  );
}

/**
 * 住房公积金贷款还款计划表: who borrowed what on which terms, then every period (期次, 还款日期, 月还款额, 本金, 利息,
 * 剩余本金) in one table whose header row repeats on every page, and a totals row whose principal equals the loan.
 *
 * Which schedule: once the loan is disbursed, the one frozen in loan_schedule that day — the schedule the borrower
 * actually owes. Before that, the schedule the approval implies (the application's amount, the decision's rate,
 * term and method, the first installment one month after today, as disbursement would set it), printed as 试算 so
 * nobody mistakes it for the contract's.
 *
 * ID number: printed MASKED. The borrower takes this sheet home (and shows it to banks and landlords); the contract
 * or application number identifies the loan.
 */
import type { LoanAppDto, LoanScheduleRowDto } from '../../shared/contract/dto';
import { AppError } from '../../shared/errors';
import { METHOD_LABELS, type RepaymentMethod } from '../../shared/loan/schedule';
import { formatYuanGrouped } from '../../shared/money';
import {
  BLANK_SIGN,
  cnDate,
  FORM_PAGE_MARGINS,
  FORM_STYLES,
  formFooter,
  formHeader,
  grid,
  INK,
  label,
  number,
  reprintHeader,
  STAMP_RED,
  titleText,
  upper,
  value,
  yuan,
  type FormDocument,
  type PrintEnv,
} from './formKit';

export const SCHEDULE_TITLE = '住房公积金贷款还款计划表';

/** The schedule a form prints and the terms it was built from. */
export interface RepaymentPlan {
  /** True before disbursement: computed from the approval, not yet owed. */
  trial: boolean;
  principalFen: number;
  annualRatePercent: string;
  rateBasis: string;
  months: number;
  method: RepaymentMethod;
  firstDueDate: string;
  disbursedDate: string | null;
  contractNo: string | null;
  rows: LoanScheduleRowDto[];
  /** Set when prepayment or repricing replaced part of the disbursement schedule: which version this is and why. */
  revision?: string | null;
}

/** Totals of a schedule, summed from its rows — the paper shows what the rows add up to, nothing recomputed. */
export function planTotals(plan: RepaymentPlan): { paymentFen: number; principalFen: number; interestFen: number } {
  let paymentFen = 0;
  let principalFen = 0;
  let interestFen = 0;
  for (const r of plan.rows) {
    paymentFen += r.paymentFen;
    principalFen += r.principalFen;
    interestFen += r.interestFen;
  }
  return { paymentFen, principalFen, interestFen };
}

/** 360个月（30年）, 18个月（1年6个月）, 6个月. */
export function termText(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return `${months}个月`;
  return `${months}个月（${years}年${rest ? `${rest}个月` : ''}）`;
}

/** What a borrower pays a month, said the way each method is quoted at the counter. */
export function paymentText(plan: RepaymentPlan): string {
  const first = plan.rows[0]!;
  if (plan.method === 'lump') return `到期一次还本付息 ${yuan(first.paymentFen)}`;
  if (plan.method === 'linear') {
    const second = plan.rows[1];
    const drop = second ? first.paymentFen - second.paymentFen : 0;
    return `首月 ${yuan(first.paymentFen)}，每月递减约 ${yuan(drop)}`;
  }
  return yuan(first.paymentFen);
}

/** A cancelled application owes nothing, and without a rate there is nothing to schedule. */
export function assertSchedulePrintable(dto: LoanAppDto): void {
  if (dto.state === '撤销') throw new AppError('RULE', `申请${dto.appNo}已撤销，不能打印还款计划表`);
  if (!dto.loan && !dto.decision?.rate) {
    throw new AppError('RULE', `申请${dto.appNo}没有适用的贷款利率，无法生成还款计划表`);
  }
}

const money = (fen: number) => formatYuanGrouped(fen);

/** Thin rules and tight padding: about 55 rows a page, still readable at arm's length. */
const TABLE_LAYOUT = {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === 1 || i === node.table.body.length - 1 || i === node.table.body.length ? 0.9 : 0.3),
  vLineWidth: (i: number, node: { table: { widths: unknown[] } }) => (i === 0 || i === node.table.widths.length ? 0.9 : 0.3),
  hLineColor: () => INK,
  vLineColor: () => INK,
  paddingLeft: () => 5,
  paddingRight: () => 5,
  paddingTop: () => 1.5,
  paddingBottom: () => 1,
  // Periods 6–10, 16–20 … shaded a little, so the eye keeps its line across the page and counts in fives.
  fillColor: (i: number, node: { table: { body: unknown[] } }) => (i === 0 ? '#e4e4e4' : i < node.table.body.length - 1 && (i - 1) % 10 >= 5 ? '#efefef' : null),
};

/**
 * OpenType features switched off for the table: digits, dashes and a few CJK captions need no shaping, and the CJK
 * font's default Latin lookups (kern, calt …) are what makes laying out 1,800 distinct figures slow — with them off a
 * 360-period table renders in well under half the time.
 */
const PLAIN_SHAPING = { kern: false, liga: false, calt: false, clig: false, ccmp: false, locl: false, rlig: false, mark: false, mkmk: false, rclt: false, curs: false };

const HEADERS = ['期次', '还款日期', '月还款额（元）', '归还本金（元）', '归还利息（元）', '剩余本金（元）'];

/**
 * From page 2 on, a caption naming the borrower and the loan above the table, so a loose sheet still says whose
 * schedule it is; on a reprint it sits beside the kit's 补打 mark.
 */
function pageHeader(caption: string, env: PrintEnv): (page: number) => Record<string, unknown> | null {
  const mark = reprintHeader(env.reprint, env.printedAt);
  return (page) => {
    const text = { text: page > 1 ? caption : '', style: 'small' };
    if (!mark) return { ...text, margin: [40, 24, 40, 0] };
    const m = mark(page) as { columns: unknown[] };
    return { ...m, columns: [{ width: '*', ...text, margin: [0, 9, 0, 0] }, ...m.columns.slice(1)] };
  };
}

export function scheduleDocument(dto: LoanAppDto, plan: RepaymentPlan, env: PrintEnv): FormDocument {
  const center = env.center;
  const totals = planTotals(plan);
  const title = plan.trial ? `${SCHEDULE_TITLE}（试算）` : SCHEDULE_TITLE;
  const b = dto.borrower;

  const info = grid([72, '*', 72, '*'], [
    [label('借 款 人'), value(b.name, { bold: true }), label('证件号码'), number(b.idNumberMasked)],
    [
      label(plan.contractNo ? '借款合同编号' : '申请编号'),
      number(plan.contractNo ?? dto.appNo, { bold: true }),
      label('个人账号'),
      number(b.accountNo),
    ],
    [label('贷款金额'), value([{ text: yuan(plan.principalFen), bold: true }, { text: `　${upper(plan.principalFen)}`, fontSize: 9 }]), label('年 利 率'), value(`${plan.annualRatePercent}%`, { bold: true })],
    [label('贷款期限'), value(termText(plan.months)), label('还款方式'), value(METHOD_LABELS[plan.method])],
    [
      label('首次还款日'),
      value(cnDate(plan.firstDueDate)),
      label('放款日期'),
      value(plan.disbursedDate ? cnDate(plan.disbursedDate) : '尚未放款（试算）', plan.disbursedDate ? {} : { color: STAMP_RED }),
    ],
    [label('月还款额'), value(paymentText(plan), { bold: true }), label('利率依据'), value(plan.rateBasis, { fontSize: 9 })],
  ]);

  const body: unknown[][] = [HEADERS.map((h) => ({ text: h, bold: true, alignment: 'center' }))];
  for (const r of plan.rows) {
    body.push([
      { text: String(r.period), alignment: 'center' },
      { text: r.dueDate, alignment: 'center' },
      { text: money(r.paymentFen), alignment: 'right' },
      { text: money(r.principalFen), alignment: 'right' },
      { text: money(r.interestFen), alignment: 'right' },
      { text: money(r.remainingFen), alignment: 'right' },
    ]);
  }
  body.push([
    { text: `合计（${plan.rows.length}期）`, bold: true, alignment: 'center', colSpan: 2 },
    {},
    { text: money(totals.paymentFen), bold: true, alignment: 'right' },
    { text: money(totals.principalFen), bold: true, alignment: 'right' },
    { text: money(totals.interestFen), bold: true, alignment: 'right' },
    { text: '—', alignment: 'center' },
  ]);

  const table = {
    table: { widths: [34, 70, '*', '*', '*', '*'], headerRows: 1, dontBreakRows: true, body },
    fontFeatures: PLAIN_SHAPING,
    layout: TABLE_LAYOUT,
    fontSize: 8.5,
    // Noto CJK's line box is 1.45 em; at the kit's 1.25 a 360-period table would run to nine sheets.
    lineHeight: 0.9,
    margin: [0, 8, 0, 0],
  };

  const note = plan.trial
    ? '本表为按审批结果试算的还款计划，首次还款日按今日放款推算；实际还款计划以放款日生成、借款合同约定的为准。'
    : plan.revision
      ? `本表为现行还款计划（${plan.revision}）；此前各期按原计划执行，放款日为${cnDate(plan.disbursedDate!)}，借款合同${plan.contractNo}。`
      : `本表为放款日（${cnDate(plan.disbursedDate!)}）生成的还款计划，与借款合同${plan.contractNo}一并执行。`;

  return {
    title: titleText(title, env.reprint),
    doc: {
      content: [
        formHeader({
          centerName: center.name,
          title,
          reprint: env.reprint,
          qrText: dto.appNo,
          under: [{ text: `申请编号：${dto.appNo}`, style: 'meta', alignment: 'center', margin: [0, 4, 0, 0] }],
        }),
        info,
        table,
        {
          text: [
            { text: '还款总额 ', bold: true },
            yuan(totals.paymentFen),
            { text: '　本金合计 ', bold: true },
            yuan(totals.principalFen),
            { text: '　利息合计 ', bold: true },
            yuan(totals.interestFen),
          ],
          margin: [0, 6, 0, 0],
        },
        {
          text: `计息规则：月利率＝年利率÷12；每期利息＝上期剩余本金×月利率，四舍五入到分；最后一期归还全部剩余本金。${note}`,
          style: 'small',
          margin: [0, 4, 0, 0],
        },
        {
          columns: [
            { text: `经办：${env.operator.name || '系统'}`, width: '*' },
            { text: `借款人签字：${BLANK_SIGN}`, width: 'auto' },
            { text: `日期：${cnDate(env.today)}`, width: 'auto' },
          ],
          columnGap: 24,
          margin: [0, 10, 0, 0],
          unbreakable: true,
        },
      ],
      header: pageHeader(`${b.name}　${plan.contractNo ? `借款合同 ${plan.contractNo}` : `申请编号 ${dto.appNo}`}　${title}（续）`, env),
      footer: formFooter(env, dto.appNo),
      styles: FORM_STYLES,
      pageMargins: FORM_PAGE_MARGINS,
      ...(plan.trial ? { watermark: { text: '试 算', color: '#888888', opacity: 0.08, bold: true, fontSize: 110 } } : {}),
    },
  };
}

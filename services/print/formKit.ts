/**
 * Building blocks shared by the withdrawal forms (凭证/审批表, 一次性告知书, 回单): the ruled grid every counter form
 * uses, the centered title with the application number as a QR code, the 补打 mark, and money and date text.
 * Money is formatted only through shared/money.ts so the paper shows exactly the fen the ledger holds.
 */
import type { CenterConfig } from '../../shared/centers';
import type { Payee } from '../../shared/contract/dto';
import { chinaDateTime } from '../../shared/dates';
import { formatYuanGrouped, toChineseUpper } from '../../shared/money';
import type { Operator } from '../context';

/** What a layout needs besides the application: who prints, when, and whether this is a reprint. */
export interface PrintEnv {
  center: CenterConfig;
  operator: Operator;
  /** ISO instant of this print (also written to print_log). */
  printedAt: string;
  /** Business date (Beijing) of this print, YYYY-MM-DD. */
  today: string;
  reprint: boolean;
  /** Add the appendix 附：规则编号 (rule titles → internal ids) to prints that cite rules. */
  ruleIds?: boolean;
}

export interface FormDocument {
  title: string;
  doc: Record<string, unknown>;
}

export const INK = '#000000';
export const STAMP_RED = '#c00000';
const LABEL_FILL = '#f0f0f0';

export const FORM_STYLES = {
  center: { fontSize: 12, alignment: 'center' },
  title: { fontSize: 19, bold: true, alignment: 'center', characterSpacing: 1 },
  meta: { fontSize: 9.5 },
  label: { bold: true, fontSize: 10 },
  value: { fontSize: 10.5 },
  section: { bold: true, fontSize: 10, alignment: 'center' },
  small: { fontSize: 8, color: '#333333' },
  basis: { fontSize: 7.5, lineHeight: 1.15, color: '#222222' },
  note: { fontSize: 9, color: '#333333' },
} as const;

/**
 * The ruled grid of a counter form: a heavier outer frame, thin inner rules, even padding. pdfmake calls these per
 * line, so the frame is recognized by the line index.
 */
export const GRID_LAYOUT = {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 1.2 : 0.6),
  vLineWidth: (i: number, node: { table: { widths: unknown[] } }) => (i === 0 || i === node.table.widths.length ? 1.2 : 0.6),
  hLineColor: () => INK,
  vLineColor: () => INK,
  paddingLeft: () => 5,
  paddingRight: () => 5,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** The same grid continuing straight under another one: no top rule of its own, the table above drew it. */
export const GRID_CONTINUED = { ...GRID_LAYOUT, hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 ? 0 : GRID_LAYOUT.hLineWidth(i, node)) };

/** A4 with 40pt margins: room for a whole form on one sheet, and for the 补打 mark above the content. */
export const FORM_PAGE_MARGINS = [40, 44, 40, 40];
export const CONTENT_WIDTH = 595.28 - 80;

/** A label cell: shaded, bold, centered both ways like the printed captions of a paper form. */
export function label(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { text, style: 'label', fillColor: LABEL_FILL, alignment: 'center', verticalAlignment: 'middle', ...extra };
}

/** A value cell, vertically centered beside its label. */
export function value(text: string | ReadonlyArray<Record<string, unknown>>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { text, style: 'value', verticalAlignment: 'middle', ...extra };
}

/**
 * Long digit strings (bank cards, ID and account numbers) have no break opportunity; break-all lets them wrap
 * inside their cell instead of running over the rule when a column is narrow.
 */
export function number(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return value(text, { wordBreak: 'break-all', ...extra });
}

/** A value cell spanning `span` columns, followed by the placeholders pdfmake expects for the covered cells. */
export function span(cell: Record<string, unknown>, n: number): Record<string, unknown>[] {
  return [{ ...cell, colSpan: n }, ...Array.from({ length: n - 1 }, () => ({}))];
}

/** A section caption written top to bottom in the narrow left column, as on paper forms (职/工/信/息). */
export function sectionCell(text: string, rows: number): Record<string, unknown> {
  return { text: [...text].join('\n'), style: 'section', fillColor: LABEL_FILL, rowSpan: rows, verticalAlignment: 'middle', lineHeight: 1.1 };
}

/** Blank cells under a rowSpan, so each body row keeps the full column count. */
export function covered(): Record<string, unknown> {
  return {};
}

export function grid(widths: Array<number | string>, body: unknown[][], extra: Record<string, unknown> = {}): Record<string, unknown> {
  // No dontBreakRows: pdfmake then misplaces vertically centered cells that span rows (the section captions).
  return { table: { widths, body }, layout: GRID_LAYOUT, ...extra };
}

/** ¥12,345.60 — the grouped figure with the yuan sign, as printed in the 小写 box. */
export function yuan(fen: number): string {
  return `¥${formatYuanGrouped(fen)}`;
}

/** 人民币壹万贰仟叁佰肆拾伍元陆角 — the 大写 line. */
export function upper(fen: number): string {
  return `人民币${toChineseUpper(fen)}`;
}

/** 2026-06-15 → 2026年06月15日 */
export function cnDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${y}年${m}月${d}日`;
}

/** An ISO instant as Beijing date and minute, e.g. 2026-06-15 10:00. */
export function atText(iso: string): string {
  return chinaDateTime(new Date(iso));
}

export function payeeKindText(kind: Payee['kind']): string {
  return { own: '本人实名制银行账户', developer: '房产公司售房账户', loan: '住房公积金贷款账户' }[kind];
}

/** "（补打）" after a reprint's title, so a copy cannot pass for the original. */
export function titleText(title: string, reprint: boolean): string {
  return reprint ? `${title}（补打）` : title;
}

/**
 * The title block: the issuing center above, the form name in large type, centered over the page; the application
 * number's QR code on the right (and an equal blank on the left so the title stays centered).
 */
export function formHeader(args: { centerName: string; title: string; reprint: boolean; qrText: string; under?: unknown[] }): Record<string, unknown> {
  const side = 66;
  return {
    columns: [
      { width: side, text: '' },
      {
        width: '*',
        stack: [
          { text: args.centerName, style: 'center' },
          { text: titleText(args.title, args.reprint), style: 'title', margin: [0, 4, 0, 0] },
          ...(args.under ?? []),
        ],
      },
      { width: side, qr: args.qrText, fit: 58, alignment: 'right' },
    ],
    columnGap: 6,
    margin: [0, 0, 0, 6],
  };
}

/**
 * The page header of a reprint: a red boxed 补打 in the top-right corner of every page. Originals get no header, so
 * the mark's presence alone tells the two apart.
 */
export function reprintHeader(reprint: boolean, printedAt: string): ((page: number) => Record<string, unknown>) | undefined {
  if (!reprint) return undefined;
  return () => ({
    margin: [40, 12, 40, 0],
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        table: { body: [[{ text: '补 打', bold: true, fontSize: 13, color: STAMP_RED, margin: [6, 0, 6, 0] }]] },
        layout: { hLineColor: () => STAMP_RED, vLineColor: () => STAMP_RED, hLineWidth: () => 1.2, vLineWidth: () => 1.2 },
      },
      { width: 'auto', text: `补打时间 ${atText(printedAt)}`, fontSize: 8, color: STAMP_RED, margin: [6, 9, 0, 0] },
    ],
  });
}

/**
 * The footer every form carries: who printed it and when, and the page count; a form's standing note (e.g. the
 * archive copy's declaration) goes above it, where it costs the form no room.
 */
export function formFooter(env: PrintEnv, appNo: string, note?: string): (page: number, pages: number) => Record<string, unknown> {
  return (page, pages) => ({
    margin: [40, note ? 6 : 14, 40, 0],
    stack: [
      ...(note ? [{ text: note, style: 'small', margin: [0, 0, 0, 2] }] : []),
      {
        columns: [
          { text: `申请编号 ${appNo}　打印 ${env.operator.name || '系统'} ${atText(env.printedAt)}${env.reprint ? '（补打）' : ''}`, style: 'small' },
          { text: `第 ${page} 页，共 ${pages} 页`, alignment: 'right', style: 'small', width: 90 },
        ],
      },
    ],
  });
}

/** A blank line to sign on, for sign-offs that have not happened yet. */
export const BLANK_SIGN = '＿＿＿＿＿＿＿＿';
export const BLANK_DATE = '＿＿＿＿年＿＿月＿＿日';

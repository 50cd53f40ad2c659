/**
 * Member forms: the 住房公积金缴存证明 (what another center asks for before a remote loan, and what goes with a
 * transfer out — name, ID, account, opened, base, both percentages, monthly contribution, balance, continuous
 * payment from–to, loans used and unpaid balance, officer, date, number) and the 缴存明细; and the branch's 日结单.
 * The ID is printed in full on the certificate — it is addressed to another center, which must identify the
 * person — and masked on the 明细 and the 日结单, which list money, not identities.
 */
import { chinaDate } from '../../shared/dates';
import { formatYuanGrouped, toChineseUpper } from '../../shared/money';
import type { Operator, ServiceContext } from '../context';
import { nowIso, today } from '../context';
import { getMember } from '../accounts/members';
import { memberStatement } from '../accounts/statement';
import { dailyJournal } from '../ledger/daily';
import { renderPdf } from './pdf';
import { AppError } from '../../shared/errors';
import { hasWorkflowRule, RULE_IDS } from '../conditions/rules';
import { FORM_PAGE_MARGINS, FORM_STYLES, atText, cnDate, grid, label, value, number, span } from './formKit';

type Printed = { fileName: string; pdfBase64: string; reprint: boolean };

function footer(operator: Operator, printedAt: string, no: string) {
  return (page: number, pages: number) => ({
    margin: [40, 14, 40, 0],
    columns: [
      { text: `编号 ${no}　打印 ${operator.name || '系统'} ${atText(printedAt)}`, style: 'small' },
      { text: `第 ${page} 页，共 ${pages} 页`, alignment: 'right', style: 'small', width: 90 },
    ],
  });
}

function contributionSpan(ctx: ServiceContext, memberId: number): { from: string | null; to: string | null } {
  const r = ctx.db
    .prepare(
      `SELECT MIN(c.month) AS f, MAX(c.month) AS t FROM contributions c
        WHERE c.member_id = ? AND c.fund = 'basic' AND NOT EXISTS (SELECT 1 FROM journal_entries x WHERE x.reverses_entry_id = c.entry_id)`,
    )
    .get(memberId) as { f: string | null; t: string | null };
  return { from: r.f, to: r.t };
}

export async function printMemberForm(ctx: ServiceContext, by: Operator, memberId: number, form: 'certificate' | 'statement'): Promise<Printed> {
  const m = getMember(ctx, memberId);
  const printedAt = nowIso(ctx);
  const date = today(ctx);
  const no = `${form === 'certificate' ? 'ZM' : 'MX'}${date.replaceAll('-', '')}${String(m.id).padStart(7, '0')}`;
  if (form === 'statement') {
    const s = memberStatement(ctx, memberId);
    const doc = {
      pageMargins: FORM_PAGE_MARGINS,
      styles: FORM_STYLES,
      footer: footer(by, printedAt, no),
      content: [
        { text: ctx.center.name, style: 'center' },
        { text: '住房公积金个人缴存明细', style: 'title', margin: [0, 4, 0, 8] },
        { text: `职工姓名 ${m.name}　个人账号 ${m.accountNo}　证件号码 ${m.idNumberMasked}　单位 ${m.employer.name}`, style: 'meta', margin: [0, 0, 0, 6] },
        {
          table: {
            headerRows: 1,
            widths: [62, 90, 70, '*', '*', 96],
            body: [
              ['记账日期', '摘要', '缴存月份', '发生额（元）', '余额（元）', '凭证号'].map((t) => ({ text: t, bold: true, alignment: 'center' })),
              ...[...s.lines].reverse().filter((l) => l.fund === 'basic').map((l) => [l.bookedDate, l.summary, l.month ?? '', { text: formatYuanGrouped(l.amountFen), alignment: 'right' }, { text: formatYuanGrouped(l.balanceFen), alignment: 'right' }, { text: l.entryNo, fontSize: 8 }]),
            ],
          },
          layout: 'lightHorizontalLines',
          fontSize: 9,
        },
        { text: `截至${cnDate(date)}账户余额 ${formatYuanGrouped(m.balanceFen)} 元（${toChineseUpper(m.balanceFen)}）`, margin: [0, 8, 0, 0] },
        { text: `${ctx.center.name}（业务专用章）`, alignment: 'right', margin: [0, 24, 0, 0] },
      ],
    };
    const pdf = await renderPdf(doc, { title: `住房公积金个人缴存明细-${m.name}` });
    return { fileName: `缴存明细-${m.name}.pdf`, pdfBase64: pdf.toString('base64'), reprint: false };
  }
  const span_ = contributionSpan(ctx, memberId);
  const loans = ctx.db
    .prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN l.status = '还款中' THEN a.debits_fen - a.credits_fen ELSE 0 END), 0) AS unpaid FROM loans l JOIN accounts a ON a.loan_id = l.id WHERE l.member_id = ? OR l.spouse_member_id = ?`)
    .get(memberId, memberId) as { n: number; unpaid: number };
  if (loans.n >= 2 && hasWorkflowRule(ctx.center.id, RULE_IDS.noRemoteCertificate)) {
    throw new AppError('RULE', `${m.name}（含配偶）已使用${loans.n}次住房公积金贷款：中心不再出具异地缴存证明（003：对已使用过两次及两次以上住房公积金个人住房贷款的职工，中心不再出具异地缴存证明）`);
  }
  const W = [86, '*', 86, '*'];
  const doc = {
    pageMargins: FORM_PAGE_MARGINS,
    styles: FORM_STYLES,
    footer: footer(by, printedAt, no),
    content: [
      { text: ctx.center.name, style: 'center' },
      { text: '住房公积金缴存证明', style: 'title', margin: [0, 4, 0, 4] },
      { text: `编号：${no}`, alignment: 'right', style: 'meta', margin: [0, 0, 0, 6] },
      grid(W, [
        [label('职工姓名'), value(m.name), label('证件号码'), value(m.idNumber)],
        [label('个人账号'), value(m.accountNo), label('账户状态'), value(m.status)],
        [label('开户日期'), value(cnDate(m.openedDate)), label('单位名称'), value(m.employer.name)],
        [label('缴存基数'), number(`${formatYuanGrouped(m.baseFen)} 元`), label('缴存比例'), value(`单位 ${m.employer.employerRatioPercent}%　个人 ${m.employer.employeeRatioPercent}%`)],
        [label('月缴存额'), number(`${formatYuanGrouped(m.monthlyEmployeeFen + m.monthlyEmployerFen)} 元`), label('账户余额'), number(`${formatYuanGrouped(m.balanceFen)} 元`)],
        [label('缴存起止'), value(span_.from ? `${span_.from} 至 ${span_.to}` : '无缴存记录'), label('连续缴存'), value(`${m.continuousMonths} 个月（截至 ${m.lastContributionMonth ?? '—'}）`)],
        [label('公积金贷款'), value(loans.n > 0 ? `已使用 ${loans.n} 次` : '未使用'), label('未结清贷款余额'), number(`${formatYuanGrouped(loans.unpaid)} 元`)],
        [label('证明事项'), ...span(value(`兹证明上述职工在本中心缴存住房公积金，情况属实。本证明自出具之日起一个月内有效。`), 3)],
      ]),
      {
        columns: [
          { text: `经办人：${by.name || '系统'}`, margin: [0, 18, 0, 0] },
          { text: `${ctx.center.name}（业务专用章）\n${cnDate(date)}`, alignment: 'right', margin: [0, 18, 0, 0] },
        ],
      },
    ],
  };
  const pdf = await renderPdf(doc, { title: `住房公积金缴存证明-${m.name}` });
  return { fileName: `缴存证明-${m.name}.pdf`, pdfBase64: pdf.toString('base64'), reprint: false };
}

/** One subtotal section of the 日结单 (by type, operator or terminal) with its 合计 row. */
function subtotals(label: string, rows: Array<[string, number, number]>) {
  const money = (fen: number, bold = false) => ({ text: formatYuanGrouped(fen), alignment: 'right', bold });
  const total: [number, number] = rows.reduce<[number, number]>((t, r) => [t[0] + r[1], t[1] + r[2]], [0, 0]);
  return {
    table: {
      headerRows: 1,
      widths: ['*', 60, 110],
      body: [
        [label, '笔数', '金额（元）'].map((t) => ({ text: t, bold: true })),
        ...rows.map(([name, n, fen]) => [name, String(n), money(fen)]),
        [{ text: '合计', bold: true }, { text: String(total[0]), bold: true }, money(total[1], true)],
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 2, 0, 4],
  };
}

export async function printDailyJournal(ctx: ServiceContext, by: Operator, date: string, branchCode?: string): Promise<Printed> {
  const j = dailyJournal(ctx, date, branchCode);
  const printedAt = nowIso(ctx);
  const branch = ctx.center.branches.find((b) => b.code === branchCode)?.name ?? '全部网点';
  const money = (fen: number) => ({ text: formatYuanGrouped(fen), alignment: 'right' });
  const doc = {
    pageMargins: FORM_PAGE_MARGINS,
    styles: FORM_STYLES,
    footer: footer(by, printedAt, `RJ${date.replaceAll('-', '')}`),
    content: [
      { text: ctx.center.name, style: 'center' },
      { text: '柜面业务日结单', style: 'title', margin: [0, 4, 0, 4] },
      { text: `日期 ${cnDate(date)}　网点 ${branch}　打印日期 ${chinaDate(new Date(printedAt))}`, style: 'meta', margin: [0, 0, 0, 8] },
      { text: '按业务类型', bold: true },
      subtotals('业务类型', j.byType.map((t) => [t.businessType, t.entries, t.amountFen])),
      { text: '按经办人', bold: true },
      subtotals('经办人', j.byOperator.map((t) => [t.operator, t.entries, t.amountFen])),
      { text: '按终端', bold: true },
      subtotals('柜台终端', j.byTerminal.map((t) => [t.terminal, t.entries, t.amountFen])),
      { text: '按会计科目', bold: true },
      { table: { headerRows: 1, widths: [50, '*', 110, 110], body: [['科目', '名称', '借方（元）', '贷方（元）'].map((t) => ({ text: t, bold: true })), ...j.byAccount.map((a) => [a.code, a.name, money(a.debitFen), money(a.creditFen)]), [{ text: '合计', bold: true }, '', money(j.totalDebitFen), money(j.totalCreditFen)]] }, layout: 'lightHorizontalLines', margin: [0, 2, 0, 8] },
      { text: '凭证清单', bold: true },
      { table: { headerRows: 1, widths: [104, 70, '*', 60, 90], body: [['凭证号', '业务类型', '摘要', '经办人', '金额（元）'].map((t) => ({ text: t, bold: true })), ...j.entries.map((e) => [{ text: e.entryNo, fontSize: 8 }, e.businessType, e.summary, e.operator, money(e.debitFen)])] }, layout: 'lightHorizontalLines', fontSize: 9, margin: [0, 2, 0, 8] },
      { text: j.ties ? `借方合计 ${formatYuanGrouped(j.totalDebitFen)} 元 = 贷方合计 ${formatYuanGrouped(j.totalCreditFen)} 元，与分录核对一致。` : '借贷合计不一致，请立即运行账务核对（gjj check）。', bold: true },
      { text: '完整性校验码（打印时账簿签封链的最新签封，请随日结单存档，核对时与 gjj integrity head 比对）：', style: 'note', margin: [0, 6, 0, 0] },
      { text: j.integrityHead, bold: true, margin: [0, 2, 0, 0] },
      { columns: [{ text: '经办：＿＿＿＿＿＿', margin: [0, 16, 0, 0] }, { text: '复核：＿＿＿＿＿＿', margin: [0, 16, 0, 0] }, { text: '主管：＿＿＿＿＿＿', margin: [0, 16, 0, 0] }], unbreakable: true },
    ],
  };
  const pdf = await renderPdf(doc, { title: `日结单-${date}` });
  return { fileName: `日结单-${date}.pdf`, pdfBase64: pdf.toString('base64'), reprint: false };
}

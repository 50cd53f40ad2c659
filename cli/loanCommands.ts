/** gjj reprice / loan status / loan repayments: loan servicing from the command line (issue 6). */
import { isIsoDate } from '../shared/dates';
import { formatYuan, formatYuanGrouped } from '../shared/money';
import { openContext } from '../services/app/open';
import { repriceLoans } from '../services/loan/servicing/reprice';
import { loanStatus } from '../services/loan/servicing/status';
import { loanRepayments } from '../services/loan/servicing/record';
import { UsageError, type Opts } from './args';
import type { Command } from './commands';
import { cliOperator, dataDirOf, out, writerContext } from './util';
import { withProgress } from './progress';

function dateOpt(opts: Opts, name: string, label: string): string {
  const v = opts.str(name, label);
  if (!isIsoDate(v)) throw new UsageError(`--${name}（${label}）应为有效日期 YYYY-MM-DD：${v}`);
  return v;
}

export const LOAN_COMMANDS: Command[] = [
  {
    name: 'reprice',
    usage: 'reprice --data DIR --as-of YYYY-MM-DD [--limit N] [--json]',
    help:
      '贷款利率调整：利率表中在 --as-of 之前生效的调整，自下一年度1月1日起适用于期限一年以上、尚未结清的贷款——自该日后第一期（且在已还期次之后）起，按剩余本金和剩余期数以新利率重算月供（新的还款计划版本）；一年期（12个月及以下）贷款执行合同利率不变。\n' +
      '列出每笔变动（--limit 限制列出条数，默认50）；重复运行不会重复调整。',
    run(opts) {
      const dir = dataDirOf(opts);
      const asOf = dateOpt(opts, 'as-of', '调整基准日');
      const limit = opts.int('limit', '列出条数', 50);
      opts.done();
      const ctx = writerContext(dir, 'reprice');
      const r = withProgress('贷款调息', (report) => repriceLoans(ctx, cliOperator(), { asOf, limit, report }));
      out(opts, r, () => {
        const lines = [
          `利率调整（基准日 ${asOf}）：检查 ${r.examined} 笔贷款，调整 ${r.changed} 笔，一年期执行合同利率 ${r.keptShort} 笔，已是新利率或无剩余期次 ${r.alreadyCurrent} 笔，用时 ${r.seconds.toFixed(1)} 秒`,
          ...r.passes.map((p) => `  ${p.effectiveDate}起按${p.rateRowFrom}利率表执行：${p.changed} 笔`),
        ];
        if (r.changes.length) lines.push('合同编号  自第N期(还款日)  原利率→新利率  剩余本金  剩余期数  原月供→新月供');
        for (const c of r.changes) {
          lines.push(
            `${c.contractNo}  第${c.fromPeriod}期(${c.dueDate})  ${c.oldRatePercent}%→${c.newRatePercent}%  ${formatYuanGrouped(c.remainingPrincipalFen)}  ${c.months}期  ${formatYuan(c.oldInstallmentFen)}→${formatYuan(c.newInstallmentFen)}`,
          );
        }
        if (r.changed > r.changes.length) lines.push(`……另有 ${r.changed - r.changes.length} 笔（--limit 或 --json 查看）`);
        if (r.changed === 0) lines.push('没有需要调整的贷款。');
        return lines.join('\n');
      });
    },
  },
  {
    name: 'loan status',
    usage: 'loan status --data DIR --loan ID [--as-of YYYY-MM-DD] [--json]',
    help: '贷款还款情况：已还本金、已还利息、当期期次、下期应还、逾期期数（当前/最长连续/累计）、截至某日的罚息。',
    run(opts) {
      const dir = dataDirOf(opts);
      const loanId = opts.int('loan', '贷款编号');
      const asOf = opts.optStr('as-of');
      if (asOf !== undefined && !isIsoDate(asOf)) throw new UsageError(`--as-of 应为有效日期 YYYY-MM-DD：${asOf}`);
      opts.done();
      const s = loanStatus(openContext(dir), loanId, asOf);
      out(opts, s, () =>
        [
          `${s.loan.contractNo}  ${s.status}${s.settledDate ? `（${s.settledDate}）` : ''}  截至 ${s.asOf}`,
          `贷款金额 ${formatYuanGrouped(s.loan.principalFen)} 元  执行利率 ${s.currentRatePercent}%  月供 ${formatYuanGrouped(s.currentInstallmentFen)} 元  当期期次 ${s.currentPeriod}/${s.totalPeriods}`,
          `已还本金 ${formatYuanGrouped(s.repaidPrincipalFen)} 元  已还利息 ${formatYuanGrouped(s.repaidInterestFen)} 元  已还罚息 ${formatYuanGrouped(s.repaidPenaltyFen)} 元  剩余本金 ${formatYuanGrouped(s.balanceFen)} 元`,
          s.nextDue ? `下期应还 第${s.nextDue.period}期 ${s.nextDue.dueDate} ${formatYuanGrouped(s.nextDue.owedFen)} 元` : '无待还期次',
          `逾期：当前 ${s.overdue.termsNow} 期${s.overdue.termsNow ? `（最早 ${s.overdue.oldestDueDate}，${s.overdue.days} 天）` : ''}，最长连续 ${s.overdue.maxConsecutive} 期，累计 ${s.overdue.cumulative} 期；逾期本金 ${formatYuanGrouped(s.overdue.principalFen)} 元、利息 ${formatYuanGrouped(s.overdue.interestFen)} 元、罚息 ${formatYuanGrouped(s.overdue.penaltyFen)} 元（合同利率×${s.penaltySetting.multiplier}÷${s.penaltySetting.dayBasis}按日）`,
        ].join('\n'),
      );
    },
  },
  {
    name: 'loan repayments',
    usage: 'loan repayments --data DIR --loan ID [--json]',
    help: '还款明细：每笔还款的日期、还款额、本金、利息、罚息和凭证号。',
    run(opts) {
      const dir = dataDirOf(opts);
      const loanId = opts.int('loan', '贷款编号');
      opts.done();
      const rows = loanRepayments(openContext(dir), loanId);
      out(opts, rows, () =>
        rows.length === 0
          ? '尚无还款记录'
          : ['还款日期    类型        还款额      本金        利息      罚息    凭证号', ...rows.map((r) => `${r.date}  ${r.kindLabel}  ${formatYuan(r.amountFen)}  ${formatYuan(r.principalFen)}  ${formatYuan(r.interestFen)}  ${formatYuan(r.penaltyFen)}  ${r.entryNo}${r.reversed ? '（已冲正）' : ''}`)].join('\n'),
      );
    },
  },
];

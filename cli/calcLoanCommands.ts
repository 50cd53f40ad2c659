/** gjj calc loan / calc area: the mobile app's loan calculator (by amount, by area) on the shared schedule code. */
import { buildSchedule, METHOD_LABELS, validateScheduleInput, type RepaymentMethod, type ScheduleSummary } from '../shared/loan/schedule';
import { loanByArea } from '../shared/loan/byArea';
import { formatYuan, formatYuanGrouped, parseYuan } from '../shared/money';
import { UsageError, type Opts } from './args';
import type { Command } from './commands';
import { out } from './util';

const METHODS: Record<string, RepaymentMethod> = { annuity: 'annuity', linear: 'linear', lump: 'lump' };

function money(opts: Opts, name: string, label: string): number {
  const v = opts.str(name, label);
  try {
    return parseYuan(v);
  } catch {
    throw new UsageError(`--${name}（${label}）应为金额（元）：${v}`);
  }
}

function scheduleOf(opts: Opts, principalFen: number) {
  const rate = opts.str('rate', '年利率（%）');
  const months = opts.int('months', '贷款期限（月）');
  const method = METHODS[opts.str('method', '还款方式')];
  if (!method) throw new UsageError('--method 须为 annuity（等额本息）、linear（等额本金）或 lump（利随本清）');
  const rows = opts.flag('rows');
  const first = opts.optStr('first-due');
  opts.done();
  const input = { principalFen, annualRatePercent: rate, months, method, ...(first ? { firstDueDate: first } : {}) };
  const problem = validateScheduleInput(input);
  if (problem) throw new UsageError(problem);
  return { ...buildSchedule(input), withRows: rows };
}

function summaryText(s: ScheduleSummary): string[] {
  return [
    `还款方式 ${METHOD_LABELS[s.method]}  贷款金额 ${formatYuanGrouped(s.principalFen)} 元  年利率 ${s.annualRatePercent}%  按揭年数 ${s.years}（${s.months} 期）`,
    `每月还款金额 ${formatYuanGrouped(s.monthlyPaymentFen)} 元${s.monthlyDecreaseFen !== null ? `  每月递减 ${formatYuan(s.monthlyDecreaseFen)} 元` : ''}${s.lastPaymentFen !== s.monthlyPaymentFen ? `  末期 ${formatYuanGrouped(s.lastPaymentFen)} 元` : ''}`,
    `利息总额 ${formatYuanGrouped(s.totalInterestFen)} 元  还款总额 ${formatYuanGrouped(s.totalPaymentFen)} 元`,
  ];
}

export const CALC_LOAN_COMMANDS: Command[] = [
  {
    name: 'calc loan',
    usage: 'calc loan --principal P --rate PERCENT --months N --method annuity|linear|lump [--first-due YYYY-MM-DD] [--rows] [--json]',
    help: '贷款计算器（按贷款额度）：每月还款金额、每月递减、利息总额、还款总额；--rows 输出还款计划表。\n约定：月利率=年利率/12；每期利息=剩余本金×月利率四舍五入到分；末期承担剩余本金。',
    run(opts) {
      const { rows, summary, withRows } = scheduleOf(opts, money(opts, 'principal', '贷款金额（元）'));
      out(opts, withRows ? { summary, rows } : { summary }, () =>
        [...summaryText(summary), ...(withRows ? ['期次  还款日期    月还款额    本金    利息    剩余本金', ...rows.map((r) => `${r.period}  ${r.dueDate || '—'}  ${formatYuan(r.paymentFen)}  ${formatYuan(r.principalFen)}  ${formatYuan(r.interestFen)}  ${formatYuan(r.remainingFen)}`)] : [])].join('\n'),
      );
    },
  },
  {
    name: 'calc area',
    usage: 'calc area --price-per-m2 X --area A --down-payment PERCENT --rate R --months N --method M [--rows] [--json]',
    help: '贷款计算器（按面积）：平米价格 × 房屋面积 = 房价，扣除首付比例后为贷款金额，再计算还款。',
    run(opts) {
      const price = money(opts, 'price-per-m2', '平米价格（元/平方米）');
      const area = opts.str('area', '房屋面积（平方米）');
      const down = opts.str('down-payment', '首付比例（%）');
      let loan;
      try {
        loan = loanByArea({ pricePerM2Fen: price, areaM2: area, downPaymentPercent: down });
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
      const { rows, summary, withRows } = scheduleOf(opts, loan.loanFen);
      out(opts, withRows ? { ...loan, summary, rows } : { ...loan, summary }, () =>
        [`房屋总价 ${formatYuanGrouped(loan.housePriceFen)} 元  首付 ${formatYuanGrouped(loan.downPaymentFen)} 元  贷款金额 ${formatYuanGrouped(loan.loanFen)} 元`, ...summaryText(summary)].join('\n'),
      );
    },
  },
];

/**
 * 月缴存额: the monthly contribution of one member, shared by the calculator, the CLI and the remittance posting so
 * that all three agree to the fen. Each share is base × ratio rounded by the center's `contributionRounding`
 * (both centers: half-up to the whole yuan, see README "缴存额取整") — the rounding itself is money.roundToUnit.
 */
import { limitsOn, staleLimitsNote, type CenterConfig, type ContributionLimits } from './centers';
import { D, formatYuan, percentOfFen } from './money';

export interface ContributionInput {
  baseFen: number;
  employeeRatioPercent: string;
  employerRatioPercent: string;
  /** Employer district (Yinchuan's lower bound depends on it). */
  district?: string;
  /** The month or date whose limits apply; defaults to the latest configured year. */
  date?: string;
  /** 补充住房公积金 ratios (004 计算器: 补充住房公积金月缴存额); both or neither. */
  suppEmployeeRatioPercent?: string;
  suppEmployerRatioPercent?: string;
}

export interface ContributionResult {
  baseFen: number;
  employeeFen: number;
  employerFen: number;
  totalFen: number;
  /** 补充住房公积金月缴存额, same base and rounding as the remittance posts (services/contributions/remit.ts). */
  supplementary?: { employeeFen: number; employerFen: number; totalFen: number };
  limits: { year: string; baseLowerFen: number; baseUpperFen: number; ratioMinPercent: string; ratioMaxPercent: string; wholeNumbers: boolean };
}

export interface LimitViolation {
  field: 'baseFen' | 'employeeRatioPercent' | 'employerRatioPercent';
  message: string;
}

export function lowerBaseFen(limits: ContributionLimits, district?: string): number {
  return (district && limits.baseLowerFen.byDistrict?.[district]) || limits.baseLowerFen.default;
}

/** Checks base and ratios against the center's limits in force; returns every violation, each naming its limit. */
export function checkContributionLimits(center: CenterConfig, input: ContributionInput): LimitViolation[] {
  const limits = limitsOn(center, input.date ?? '9999-12-31');
  // Say which year's standard was applied, and warn when that standard is more than a year old on the date.
  const stale = input.date ? staleLimitsNote(center, input.date) : null;
  const out: LimitViolation[] = [];
  const push = (v: LimitViolation) => out.push(stale ? { ...v, message: `${v.message}（${stale}）` } : v);
  const lower = lowerBaseFen(limits, input.district);
  const where = input.district && limits.baseLowerFen.byDistrict?.[input.district] ? `（${input.district}）` : '';
  if (input.baseFen > limits.baseUpperFen) {
    push({ field: 'baseFen', message: `缴存基数${formatYuan(input.baseFen)}元超过${limits.year}上限${formatYuan(limits.baseUpperFen)}元` });
  }
  if (input.baseFen < lower) {
    push({ field: 'baseFen', message: `缴存基数${formatYuan(input.baseFen)}元低于${limits.year}${where}下限${formatYuan(lower)}元` });
  }
  for (const [field, label] of [
    ['employeeRatioPercent', '个人缴存比例'],
    ['employerRatioPercent', '单位缴存比例'],
  ] as const) {
    const text = input[field];
    if (!/^\d+(\.\d{1,2})?$/.test(text)) {
      out.push({ field, message: `${label}格式不正确：${text}` });
      continue;
    }
    const r = new D(text);
    if (r.lt(limits.ratioMinPercent) || r.gt(limits.ratioMaxPercent)) {
      push({ field, message: `${label}${text}%不在${limits.year}规定的${limits.ratioMinPercent}%至${limits.ratioMaxPercent}%之间` });
    } else if (limits.ratioWholeNumbers && !r.isInteger()) {
      out.push({ field, message: `${label}${text}%须取整数值（${center.shortName}规定）` });
    }
  }
  return out;
}

export function computeContribution(center: CenterConfig, input: ContributionInput): ContributionResult {
  const limits = limitsOn(center, input.date ?? '9999-12-31');
  const employeeFen = percentOfFen(input.baseFen, input.employeeRatioPercent, center.contributionRounding);
  const employerFen = percentOfFen(input.baseFen, input.employerRatioPercent, center.contributionRounding);
  const supp =
    input.suppEmployeeRatioPercent !== undefined && input.suppEmployerRatioPercent !== undefined
      ? [percentOfFen(input.baseFen, input.suppEmployeeRatioPercent, center.contributionRounding), percentOfFen(input.baseFen, input.suppEmployerRatioPercent, center.contributionRounding)]
      : null;
  return {
    baseFen: input.baseFen,
    employeeFen,
    employerFen,
    totalFen: employeeFen + employerFen,
    ...(supp ? { supplementary: { employeeFen: supp[0]!, employerFen: supp[1]!, totalFen: supp[0]! + supp[1]! } } : {}),
    limits: {
      year: limits.year,
      baseLowerFen: lowerBaseFen(limits, input.district),
      baseUpperFen: limits.baseUpperFen,
      ratioMinPercent: limits.ratioMinPercent,
      ratioMaxPercent: limits.ratioMaxPercent,
      wholeNumbers: limits.ratioWholeNumbers,
    },
  };
}

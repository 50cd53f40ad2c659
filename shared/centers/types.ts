export type CenterId = 'yinchuan' | 'urumqi';
export const CENTER_IDS: readonly CenterId[] = ['yinchuan', 'urumqi'];

export interface SeedSource {
  /** Seed file name under shared/seeds of the policy repo, e.g. 003_e326aac3299acd42.txt */
  file: string;
  /** The clause text this value or rule implements, quoted from the seed. */
  clause: string;
}

export interface Branch {
  code: string;
  name: string;
  address: string;
  hours: string;
  phone: string;
  head?: string;
}

/** One contribution year's limits (缴存年度). Bases in fen, ratios in percent as exact decimal strings. */
export interface ContributionLimits {
  year: string; // 2021年度
  effectiveFrom: string; // YYYY-MM-DD
  ratioMinPercent: string;
  ratioMaxPercent: string;
  /** Urumqi: 取整数值 — ratios must be whole percents. */
  ratioWholeNumbers: boolean;
  baseUpperFen: number;
  /** The lower bound by district class; `default` applies where no district is named. */
  baseLowerFen: { default: number; byDistrict?: Record<string, number> };
  source: SeedSource[];
}

export interface CenterConfig {
  id: CenterId;
  name: string;
  shortName: string;
  hotline: string;
  address: string;
  hours: string;
  website: string;
  /** 4-digit prefix of account numbers issued by this center. */
  accountPrefix: string;
  /** Districts (区县) an employer may belong to; Yinchuan's lower base bound depends on it. */
  districts: string[];
  branches: Branch[];
  contributionLimits: ContributionLimits[];
  /** How a contribution share base × ratio becomes money. Not in the seeds: see README "缴存额取整". */
  contributionRounding: 'yuan' | 'fen';
  /** Form names the center prints. */
  forms: { withdrawalVoucher: string; loanApproval: string };
  /** Self-service query channels, their scope and the 12329 line's hours and items, as the seed states them. */
  selfService?: SelfService;
}

export interface SelfService {
  online: string[];
  scope: string;
  hotline: { number: string; hours: string; items: string[] };
}

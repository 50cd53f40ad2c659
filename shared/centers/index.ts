import type { CenterConfig, CenterId, ContributionLimits } from './types';
import { URUMQI } from './urumqi';
import { YINCHUAN } from './yinchuan';

export * from './types';

export const CENTERS: Record<CenterId, CenterConfig> = { yinchuan: YINCHUAN, urumqi: URUMQI };

export function centerConfig(id: CenterId): CenterConfig {
  const c = CENTERS[id];
  if (!c) throw new RangeError(`未知的公积金中心：${id}`);
  return c;
}

/** The contribution limits in force on a date: the latest year whose effectiveFrom is not after the date. */
export function limitsOn(center: CenterConfig, date: string): ContributionLimits {
  const sorted = [...center.contributionLimits].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  let found = sorted[0]!;
  for (const l of sorted) if (l.effectiveFrom <= date) found = l;
  return found;
}

/**
 * When the newest limits a center's configuration knows took effect more than a year before `date`, the counter
 * may be applying an old standard (the centers publish new bases every 缴存年度): a note saying so, else null.
 */
export function staleLimitsNote(center: CenterConfig, date: string): string | null {
  const newest = [...center.contributionLimits].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)).at(-1)!;
  const due = `${Number(newest.effectiveFrom.slice(0, 4)) + 1}${newest.effectiveFrom.slice(4)}`;
  if (date < due) return null;
  return `现行标准为${newest.year}（${newest.effectiveFrom}起执行），已超过一年未更新，请核对${center.shortName}最新公布的缴存基数和比例`;
}

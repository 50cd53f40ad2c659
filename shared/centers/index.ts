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

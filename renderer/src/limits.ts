/** The contribution limits in force, read from the center's configuration the session already holds. */
import type { CenterConfig, ContributionLimits } from '../../shared/centers';
import { yuan } from './format';

export function latestLimits(center: CenterConfig): ContributionLimits | undefined {
  return [...center.contributionLimits].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)).at(-1);
}

/** "1,840.00～1,950.00" where the lower bound depends on the district, else the one figure. */
export function lowerBoundText(limits: ContributionLimits): string {
  const all = [limits.baseLowerFen.default, ...Object.values(limits.baseLowerFen.byDistrict ?? {})];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  return lo === hi ? yuan(lo) : `${yuan(lo)}～${yuan(hi)}`;
}

export function hasDistrictBounds(limits: ContributionLimits | undefined): boolean {
  return Object.keys(limits?.baseLowerFen.byDistrict ?? {}).length > 0;
}

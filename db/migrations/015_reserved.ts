import type { Migration } from '../migrate';

/**
 * PLACEHOLDER in branch wip-pol13b only: number 015 belongs to issue 13 part A (intake facts), which is developed
 * on another branch. Migrations must be numbered without gaps (checkOrder), so this empty step holds the slot until
 * the merge; at the merge, drop this file and list part A's 015 in its place (016_workflow_conditions follows it).
 */
export const m015_reserved: Migration = {
  id: '015_reserved',
  up() {},
};

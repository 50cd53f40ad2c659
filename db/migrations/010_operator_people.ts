import type { Migration } from '../migrate';

/** Placeholder: the real 010_operator_people (operators as persons) replaces this file at merge. */
export const m010_operator_people: Migration = {
  id: '010_operator_people',
  up() {},
};

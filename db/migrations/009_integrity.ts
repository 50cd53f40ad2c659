import type { Migration } from '../migrate';

/** Placeholder: the real 009_integrity (tamper evidence) replaces this file at merge. */
export const m009_integrity: Migration = {
  id: '009_integrity',
  up() {},
};

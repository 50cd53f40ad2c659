import type { Migration } from '../migrate';

/**
 * Drafts of open forms (issue 12, “forms never lose work”): what a clerk has typed into an intake form, kept per
 * operator and per form (and per application once one exists, `scope` = its id; '' for a new one) so F5, a reload,
 * Back or another terminal of the same branch host brings it back. NOT evidence: a draft is overwritten while the
 * clerk types and removed when the form is submitted or discarded, so the table is left out of the integrity log
 * (services/integrity/tracked.ts UNTRACKED_TABLES) and therefore out of the sync batches, and nothing about it is audited.
 */
export const m017_drafts: Migration = {
  id: '017_drafts',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE drafts (
        id INTEGER PRIMARY KEY,
        operator_id INTEGER NOT NULL REFERENCES operators(id),
        form TEXT NOT NULL,
        scope TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (operator_id, form, scope)
      );
    `);
  },
};

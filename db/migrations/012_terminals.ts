import type { Migration } from '../migrate';

/**
 * Branch host (issue 10): every journal entry records the terminal (柜台终端) its operator's session came from, so
 * the 日结 of a branch shows the day by operator and by terminal. NULL for entries booked before this migration,
 * by the command line, by Electron's own window (单机) or by batch jobs.
 */
export const m012_terminals: Migration = {
  id: '012_terminals',
  up(sqlite) {
    sqlite.exec(`ALTER TABLE journal_entries ADD COLUMN terminal TEXT;`);
  },
};

import type { Migration } from '../migrate';

/**
 * Branch network (docs/branch-network.md): an employer belongs to the branch (管理部) where it was registered, and
 * its members' accounts with it: only that branch may post debits to them. '' = not yet assigned (a single-folder
 * installation; `gjj sync join` assigns the folder's own branch code to these).
 */
export const m013_branch_network: Migration = {
  id: '013_branch_network',
  up(sqlite) {
    sqlite.exec(`ALTER TABLE employers ADD COLUMN branch_code TEXT NOT NULL DEFAULT ''`);
  },
};

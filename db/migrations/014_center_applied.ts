import type { Migration } from '../migrate';

/**
 * Center → branch (docs/branch-network.md §6): each center change applied at this branch, once, in center order.
 * Append-only; as every table it is in the integrity log, so the rows travel up in the branch's next batch and are
 * the branch's acknowledgement to the center (the ownership transfer waits for it). `detail` notes what the
 * change did here (e.g. a rate row whose date the branch already had); `moves` (JSON [[个人账号, fund, fen], …]) the
 * balances the old owner moved out when it applied an ownership transfer, for the center to hand to the new owner.
 */
export const m014_center_applied: Migration = {
  id: '014_center_applied',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE center_applied (
        seq INTEGER PRIMARY KEY CHECK (seq >= 1),
        kind TEXT NOT NULL,
        applied_at TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        moves TEXT
      );
      CREATE TRIGGER center_applied_no_update BEFORE UPDATE ON center_applied BEGIN SELECT RAISE(ABORT, 'center_applied 只允许追加，不可修改'); END;
      CREATE TRIGGER center_applied_no_delete BEFORE DELETE ON center_applied BEGIN SELECT RAISE(ABORT, 'center_applied 只允许追加，不可删除'); END;
    `);
  },
};

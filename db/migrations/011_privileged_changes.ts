import type { Migration } from '../migrate';

/**
 * Back-dated changes to rates, 罚息 settings and policy overrides wait here until a second administrator confirms
 * them (four eyes): only a confirmed request writes its row into loan_rates / deposit_rates / penalty_settings /
 * policy_overrides. Requests are never deleted; a pending one is decided once (confirmed or refused), and the
 * effect shown to the requester (accounts, loans, money) is kept with it.
 */
export const m011_privileged_changes: Migration = {
  id: '011_privileged_changes',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE privileged_change_requests (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('loan_rate', 'deposit_rate', 'penalty', 'override')),
        effective_from TEXT NOT NULL,
        payload_json TEXT NOT NULL,
        reason TEXT NOT NULL,
        effect_json TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT '待确认' CHECK (state IN ('待确认', '已生效', '已拒绝')),
        requested_by INTEGER NOT NULL,
        requested_by_login TEXT NOT NULL,
        requested_at TEXT NOT NULL,
        decided_by INTEGER,
        decided_by_login TEXT,
        decided_at TEXT,
        decision_note TEXT
      );
      CREATE INDEX privileged_change_requests_state ON privileged_change_requests(state, id);
      CREATE TRIGGER privileged_change_requests_no_delete BEFORE DELETE ON privileged_change_requests
        BEGIN SELECT RAISE(ABORT, 'privileged_change_requests 只允许追加'); END;
      CREATE TRIGGER privileged_change_requests_decide_once BEFORE UPDATE ON privileged_change_requests
        WHEN OLD.state <> '待确认' OR NEW.kind <> OLD.kind OR NEW.payload_json <> OLD.payload_json OR NEW.effective_from <> OLD.effective_from
          OR NEW.reason <> OLD.reason OR NEW.requested_by <> OLD.requested_by OR NEW.requested_at <> OLD.requested_at
          OR NEW.decided_by = OLD.requested_by
        BEGIN SELECT RAISE(ABORT, 'privileged_change_requests：已决定的申请不能修改，申请人不能自己确认'); END;
    `);
  },
};

import type { Migration } from '../migrate';

const appendOnly = (t: string) => `
  CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} 只允许追加，不可修改'); END;
  CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} BEGIN SELECT RAISE(ABORT, '${t} 只允许追加，不可删除'); END;`;

/**
 * Conditions the seeds state that the workflow now enforces (issue 13, part B; services/conditions/):
 *  - account_restrictions: 可对申请人账户进行必要的限制 (004) — set by an approver, lifted once by another person;
 *    while it stands no payout leaves the account. Rows are never deleted; the only update fills the lift columns.
 *  - loan_notarisations: 贷款公证 (003) recorded before disbursement (公证处, 公证书编号, date, who recorded it).
 *  - loan_pledges: 联保人 and the amount each pledged, written at disbursement; frozen while the loan is 还款中 and
 *    released when it is 已结清 (read from loans.status, so settlement releases it without another write).
 *  - excess_paybacks: 超额提取部分补缴回 (004) — what a member owes back before applying again; what was paid back
 *    is the journal (entries with ref_type 'excess_payback').
 * Append-only except the restriction's one lift.
 */
export const m015_workflow_conditions: Migration = {
  id: '015_workflow_conditions',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE account_restrictions (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        reason TEXT NOT NULL,
        set_by INTEGER NOT NULL REFERENCES operators(id),
        set_at TEXT NOT NULL,
        lifted_by INTEGER REFERENCES operators(id),
        lifted_at TEXT,
        lift_reason TEXT
      );
      CREATE INDEX account_restrictions_member ON account_restrictions(member_id);
      CREATE TRIGGER account_restrictions_no_delete BEFORE DELETE ON account_restrictions BEGIN SELECT RAISE(ABORT, 'account_restrictions 只允许追加，不可删除'); END;
      CREATE TRIGGER account_restrictions_lift_once BEFORE UPDATE ON account_restrictions
        WHEN OLD.lifted_at IS NOT NULL OR NEW.lifted_at IS NULL OR NEW.id IS NOT OLD.id OR NEW.member_id IS NOT OLD.member_id
          OR NEW.reason IS NOT OLD.reason OR NEW.set_by IS NOT OLD.set_by OR NEW.set_at IS NOT OLD.set_at
        BEGIN SELECT RAISE(ABORT, 'account_restrictions 只能解除一次，其他内容不可修改'); END;

      CREATE TABLE loan_notarisations (
        application_id INTEGER PRIMARY KEY REFERENCES applications(id),
        notary_office TEXT NOT NULL,
        notary_no TEXT NOT NULL,
        notarised_date TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES operators(id),
        recorded_at TEXT NOT NULL
      );
      ${appendOnly('loan_notarisations')}

      CREATE TABLE loan_pledges (
        loan_id INTEGER NOT NULL REFERENCES loans(id),
        member_id INTEGER NOT NULL REFERENCES members(id),
        guarantor_name TEXT NOT NULL,
        pledged_fen INTEGER NOT NULL CHECK (pledged_fen > 0),
        PRIMARY KEY (loan_id, member_id)
      ) WITHOUT ROWID;
      CREATE INDEX loan_pledges_member ON loan_pledges(member_id);
      ${appendOnly('loan_pledges')}

      CREATE TABLE excess_paybacks (
        id INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES members(id),
        loan_application_id INTEGER NOT NULL REFERENCES applications(id),
        due_fen INTEGER NOT NULL CHECK (due_fen > 0),
        withdrawn_fen INTEGER NOT NULL CHECK (withdrawn_fen >= due_fen),
        created_by INTEGER NOT NULL REFERENCES operators(id),
        created_at TEXT NOT NULL
      );
      CREATE INDEX excess_paybacks_member ON excess_paybacks(member_id);
      ${appendOnly('excess_paybacks')}
    `);
  },
};

import type { Migration } from '../migrate';

/**
 * Lookups that read a whole table on every call, found by planning every statement the tests prepare against a
 * 100,000-member ledger (docs/performance.md, "整表读取普查"):
 *  - a loan's own account (121, one per loan: services/loan/disburse.ts) by loan id: every repayment, 调息 preview,
 *    loan view and 贷款结清证明 read the whole chart of accounts (two accounts per member). Partial: only loan
 *    accounts carry a loan id;
 *  - entries by what they belong to (ref_type, ref_id): an excess withdrawal's paybacks (read on every payout and
 *    submission of a member who owes one) scanned every posting, a loan's 担保服务费 every entry;
 *  - a 汇缴 replayed by its idempotency key scanned every remittance;
 *  - a member's appointments by member or by ID number, and a day's appointments of every branch, scanned every
 *    appointment;
 *  - whether a form was printed before (重打 is marked on the paper) scanned every print ever logged.
 */
export const m022_lookup_indexes: Migration = {
  id: '022_lookup_indexes',
  up(sqlite) {
    sqlite.exec(`
      CREATE INDEX accounts_loan ON accounts(loan_id) WHERE loan_id IS NOT NULL;
      CREATE INDEX journal_ref ON journal_entries(ref_type, ref_id) WHERE ref_type IS NOT NULL;
      CREATE INDEX remittances_entry ON remittances(entry_id);
      CREATE INDEX appointments_member ON appointments(member_id);
      CREATE INDEX appointments_person ON appointments(id_number);
      CREATE INDEX appointments_date ON appointments(date, slot);
      CREATE INDEX print_log_application ON print_log(application_id, form);
    `);
  },
};

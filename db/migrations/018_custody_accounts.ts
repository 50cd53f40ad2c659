import type { Migration } from '../migrate';

/**
 * 住房公积金托管专户 (003 提取程序1: “住房公积金托管专户的职工直接向银川住房公积金管理中心及其分中心提出提取申请”):
 * the center's custody account for people without an employer to pay through. It is registered like an employer and
 * marked here; its members apply for withdrawals directly, without the unit's first review and seal on the voucher.
 */
export const m018_custody_accounts: Migration = {
  id: '018_custody_accounts',
  up(sqlite) {
    sqlite.exec(`ALTER TABLE employers ADD COLUMN custody INTEGER NOT NULL DEFAULT 0 CHECK (custody IN (0, 1))`);
  },
};

import type { Migration } from '../migrate';

/**
 * Member search without full scans (issue 14). `member_search_keys` is derived from `members` by triggers, never
 * written by a service, and not in the integrity log (services/integrity/tracked.ts: UNTRACKED_TABLES): it holds
 * - 'n' + every 1-, 2- and 3-character piece of the name, ASCII lower-cased as LIKE compares (name contains);
 * - 't' + the last 4, 5 and 6 characters of the ID number, upper-cased (the ID tail applicants quote). Only these
 *   tails: the full ID number stays in `members` alone (personal data).
 * Keyed (key, member_id) WITHOUT ROWID, so one key's members come back in member order: `ORDER BY id LIMIT n` is an
 * index range read. services/accounts/memberSearch.ts reads it.
 */
const POSITIONS = `json_each('[${Array.from({ length: 64 }, (_, i) => i + 1).join(',')}]')`;

function keysOf(row: 'NEW'): string {
  return `
    INSERT OR IGNORE INTO member_search_keys (key, member_id)
      SELECT 'n' || lower(substr(${row}.name, p.value, w.value)), ${row}.id
        FROM ${POSITIONS} p, json_each('[1,2,3]') w
       WHERE p.value + w.value - 1 <= length(${row}.name);
    INSERT OR IGNORE INTO member_search_keys (key, member_id)
      SELECT 't' || upper(substr(${row}.id_number, -w.value)), ${row}.id
        FROM json_each('[4,5,6]') w
       WHERE length(${row}.id_number) >= w.value;`;
}

export const m016_search_index: Migration = {
  id: '016_search_index',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE member_search_keys (
        key TEXT NOT NULL,
        member_id INTEGER NOT NULL,
        PRIMARY KEY (key, member_id)
      ) WITHOUT ROWID;
      CREATE TRIGGER member_search_ins AFTER INSERT ON members BEGIN ${keysOf('NEW')} END;
      CREATE TRIGGER member_search_upd AFTER UPDATE OF id, name, id_number ON members BEGIN
        DELETE FROM member_search_keys WHERE member_id = OLD.id AND key IN (
          SELECT 'n' || lower(substr(OLD.name, p.value, w.value)) FROM ${POSITIONS} p, json_each('[1,2,3]') w
           WHERE p.value + w.value - 1 <= length(OLD.name)
          UNION ALL
          SELECT 't' || upper(substr(OLD.id_number, -w.value)) FROM json_each('[4,5,6]') w);
        ${keysOf('NEW')}
      END;
      CREATE TRIGGER member_search_del AFTER DELETE ON members BEGIN
        DELETE FROM member_search_keys WHERE member_id = OLD.id AND key IN (
          SELECT 'n' || lower(substr(OLD.name, p.value, w.value)) FROM ${POSITIONS} p, json_each('[1,2,3]') w
           WHERE p.value + w.value - 1 <= length(OLD.name)
          UNION ALL
          SELECT 't' || upper(substr(OLD.id_number, -w.value)) FROM json_each('[4,5,6]') w);
      END;
      INSERT OR IGNORE INTO member_search_keys (key, member_id)
        SELECT 'n' || lower(substr(m.name, p.value, w.value)), m.id
          FROM members m, ${POSITIONS} p, json_each('[1,2,3]') w
         WHERE p.value + w.value - 1 <= length(m.name);
      INSERT OR IGNORE INTO member_search_keys (key, member_id)
        SELECT 't' || upper(substr(m.id_number, -w.value)), m.id
          FROM members m, json_each('[4,5,6]') w
         WHERE length(m.id_number) >= w.value;
    `);
  },
};

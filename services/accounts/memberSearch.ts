/**
 * Member search by name, ID number (whole, its last digits or its start) or account number, without full scans
 * (issue 14). The results are those of the former `LIKE` query — the first `limit` matching members by id, in id
 * order — found through indexes instead:
 * - name contains: `member_search_keys` holds every 1–3 character piece of each name (db/migrations/016_search_index.ts);
 *   a query of up to 3 characters is one key, a longer one the members holding both its first and its last piece,
 *   checked with the original `LIKE`. A query with LIKE's own wildcards (% _) keeps the plain scan.
 * - ID tail: the keys hold the last 4, 5 and 6 characters; a longer tail narrows by its last 6 and is checked.
 * - account number / ID start: an index range (GLOB on the unique index), sorted by id when the range is small, else
 *   read in id order until enough rows matched.
 * Each way gives at most `limit` ids in id order; their union's first `limit` are the answer.
 */
import { maskIdNumber } from '../../shared/idcard';
import type { MemberStatus } from '../../db/schema';
import { statement } from '../../db/connection';
import type { MemberListItem } from '../../shared/contract/dto';
import type { ServiceContext } from '../context';
import { isValidAccountNo } from './numbers';

/** Above this many index entries in a prefix range, reading members in id order finds `limit` of them sooner. */
const DENSE_RANGE = 2000;

type Ids = number[];

export function searchMembers(ctx: ServiceContext, query: string, limit = 50): MemberListItem[] {
  const q = query.trim().toUpperCase();
  if (q === '') return [];
  const sqlite = ctx.db.sqlite;
  let ids: Ids;
  if (/^\d{17}[\dX]$/.test(q)) {
    ids = column(sqlite, 'SELECT id FROM members WHERE id_number = ?', [q]);
  } else if (/^\d{12}$/.test(q) && isValidAccountNo(q)) {
    ids = column(sqlite, 'SELECT id FROM members WHERE account_no = ?', [q]);
  } else if (/^[\dX]{4,}$/.test(q)) {
    // Digits: an account-number prefix, or the ID number's last digits (what applicants quote), or its start.
    ids = union(
      [prefixRange(sqlite, 'account_no', q, limit), idTail(sqlite, q, limit), q.length >= 6 ? prefixRange(sqlite, 'id_number', q, limit) : []],
      limit,
    );
  } else {
    ids = nameContains(sqlite, query.trim(), limit);
  }
  return rowsFor(ctx, ids);
}

type Sqlite = ServiceContext['db']['sqlite'];

function column(sqlite: Sqlite, sql: string, params: unknown[]): Ids {
  return statement(sqlite, sql).pluck(true).all(...params) as Ids;
}

function union(lists: Ids[], limit: number): Ids {
  return [...new Set(lists.flat())].sort((a, b) => a - b).slice(0, limit);
}

/** ASCII letters lower-cased as SQLite's lower() and LIKE do (no other case folding). */
const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

function nameContains(sqlite: Sqlite, text: string, limit: number): Ids {
  if (/[%_]/.test(text)) {
    return column(sqlite, 'SELECT id FROM members WHERE name LIKE ? ORDER BY id LIMIT ?', [`%${text}%`, limit]);
  }
  const chars = Array.from(asciiLower(text));
  if (chars.length <= 3) {
    return column(sqlite, 'SELECT member_id FROM member_search_keys WHERE key = ? ORDER BY member_id LIMIT ?', [`n${chars.join('')}`, limit]);
  }
  return column(
    sqlite,
    `SELECT a.member_id FROM member_search_keys a
       JOIN member_search_keys b ON b.key = ? AND b.member_id = a.member_id
       JOIN members m ON m.id = a.member_id
      WHERE a.key = ? AND m.name LIKE ? ORDER BY a.member_id LIMIT ?`,
    [`n${chars.slice(-3).join('')}`, `n${chars.slice(0, 3).join('')}`, `%${text}%`, limit],
  );
}

function idTail(sqlite: Sqlite, q: string, limit: number): Ids {
  if (q.length <= 6) {
    return column(sqlite, 'SELECT member_id FROM member_search_keys WHERE key = ? ORDER BY member_id LIMIT ?', [`t${q}`, limit]);
  }
  return column(
    sqlite,
    `SELECT k.member_id FROM member_search_keys k JOIN members m ON m.id = k.member_id
      WHERE k.key = ? AND m.id_number LIKE ? ORDER BY k.member_id LIMIT ?`,
    [`t${q.slice(-6)}`, `%${q}`, limit],
  );
}

/** Members whose account number or ID number starts with q (digits and X only, so GLOB reads the unique index). */
function prefixRange(sqlite: Sqlite, col: 'account_no' | 'id_number', q: string, limit: number): Ids {
  const pattern = `${q}*`;
  const inRange = statement(sqlite, `SELECT count(*) FROM (SELECT 1 FROM members WHERE ${col} GLOB ? LIMIT ${DENSE_RANGE})`).pluck(true).get(pattern) as number;
  if (inRange < DENSE_RANGE) {
    // Materialised: the range is read from the index alone, then sorted (the planner would otherwise walk all ids).
    return column(sqlite, `WITH r AS MATERIALIZED (SELECT id FROM members WHERE ${col} GLOB ?) SELECT id FROM r ORDER BY id LIMIT ?`, [pattern, limit]);
  }
  return column(sqlite, `SELECT id FROM members NOT INDEXED WHERE ${col} GLOB ? ORDER BY id LIMIT ?`, [pattern, limit]);
}

function rowsFor(ctx: ServiceContext, ids: Ids): MemberListItem[] {
  if (ids.length === 0) return [];
  const rows = ctx.db
    .prepare(
      `SELECT m.id, m.account_no, m.name, m.id_number, m.status, e.name AS employer_name,
              COALESCE((SELECT a.credits_fen - a.debits_fen FROM accounts a WHERE a.member_id = m.id AND a.parent_code = '201'), 0) AS balance
         FROM members m JOIN employers e ON e.id = m.employer_id
        WHERE m.id IN (SELECT value FROM json_each(?)) ORDER BY m.id`,
    )
    .all(JSON.stringify(ids)) as Array<{ id: number; account_no: string; name: string; id_number: string; status: MemberStatus; employer_name: string; balance: number }>;
  return rows.map((r) => ({
    id: r.id,
    accountNo: r.account_no,
    name: r.name,
    idNumberMasked: maskIdNumber(r.id_number),
    employerName: r.employer_name,
    status: r.status,
    balanceFen: r.balance,
  }));
}

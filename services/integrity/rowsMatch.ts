/**
 * A quick proof that a table equals its sealed images, for the common case of a table whose rows were each logged
 * once (postings, contributions, audit rows: inserted, never updated). When the proof does not go through the
 * caller runs the full comparison (verify.ts tableProblem), which names the row: the findings and messages are the
 * full comparison's, this only skips it when it could find nothing.
 *
 * Why it is exact. Let N be the table's log rows other than its structure key (`#columns`), K their distinct keys,
 * and M the log rows (op I, U or B) whose key names a current row (`json_array` of its primary key, compared as
 * text) with an image equal to that row's image. If the `#columns` key holds structure rows only, N = K (each key
 * logged once, so that row is the key's newest) and M = N = the table's row count, then every current row is the
 * newest image of a distinct logged key, and no other key is logged: the full comparison finds no changed, unsealed
 * or missing row.
 *
 * A run table (runs.ts) adds the rows its runs stand for: N + (rows of its runs) = the row count, and every row
 * logged one by one lies before the first run.
 *
 * Cost: the full comparison groups the log by key (a random read per log row) and joins through a temporary index;
 * here the log is read in seq order and each row's table row is found by primary key (mostly in order too).
 */
import type { Sqlite } from '../../db/connection';
import { SCHEMA_KEY } from './install';
import { imageExpr, keyExpr, q, type TableSpec } from './tracked';

/** Log rows of a table above which reading the whole log in seq order beats the (tbl, row_key) index. */
const SCAN_SHARE = 4;

export function rowsMatchLog(sqlite: Sqlite, spec: TableSpec, logRows: number): boolean {
  const t = q(spec.table);
  const p = { tbl: spec.table, schemaKey: SCHEMA_KEY };
  const rows = (sqlite.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
  const logged = sqlite
    .prepare(
      spec.runs
        ? `SELECT SUM(op <> 'A') AS n, COUNT(DISTINCT CASE WHEN op <> 'A' THEN row_key END) AS k,
                  SUM(CASE WHEN op = 'A' THEN json_extract(row_key, '$[1]') - json_extract(row_key, '$[0]') + 1 ELSE 0 END) AS covered,
                  MIN(CASE WHEN op = 'A' THEN json_extract(row_key, '$[0]') END) AS first
             FROM integrity_log WHERE tbl = @tbl AND row_key <> @schemaKey`
        : `SELECT COUNT(*) AS n, COUNT(DISTINCT row_key) AS k, 0 AS covered, NULL AS first FROM integrity_log WHERE tbl = @tbl AND row_key <> @schemaKey`,
    )
    .get(p) as { n: number | null; k: number; covered: number | null; first: number | null };
  const n = logged.n ?? 0;
  // Runs (runs.ts) are proven by their seals' digests, which read their rows from this table: each stands for
  // exactly the rows of its id range, and no two overlap (the program starts each after what it logged before).
  if (n !== logged.k || n + (logged.covered ?? 0) !== rows) return false;
  const structureOnly = !sqlite.prepare(`SELECT 1 FROM integrity_log WHERE tbl = @tbl AND row_key = @schemaKey AND op <> 'S' LIMIT 1`).get(p);
  if (!structureOnly) return false;
  if (n === 0) return true;
  const intKey = integerKey(sqlite, spec);
  if (logged.first !== null && !intKey) return false;
  const { on, key } = intKey
    ? // An integer key: '[' || id || ']' is exactly json_array(id), and cheaper than parsing the JSON.
      { on: `c.${q(spec.pk[0]!)} = CAST(substr(l.row_key, 2) AS INTEGER)`, key: `typeof(c.${q(spec.pk[0]!)}) = 'integer' AND l.row_key = '[' || c.${q(spec.pk[0]!)} || ']'` }
    : { on: spec.pk.map((c, i) => `c.${q(c)} = json_extract(l.row_key, '$[${i}]')`).join(' AND '), key: `l.row_key = ${keyExpr(spec, 'c.')}` };
  // `+l.tbl` keeps SQLite off the (tbl, row_key) index: a big table's rows are read in seq order.
  const tbl = n * SCAN_SHARE > logRows ? '+l.tbl' : 'l.tbl';
  try {
    const matched = sqlite
      .prepare(
        `SELECT COUNT(*) AS m, ${intKey ? `MAX(c.${q(spec.pk[0]!)})` : 'NULL'} AS last FROM integrity_log l JOIN ${t} c ON ${on}
          WHERE ${tbl} = @tbl AND l.row_key <> @schemaKey AND l.op IN ('I', 'U', 'B')
            AND ${key} AND l.image = ${imageExpr(spec, 'c.')}`,
      )
      .get(p) as { m: number; last: number | null };
    // Rows logged one by one lie before the first run (logged before migration 021), so none is counted twice.
    return matched.m === n && (logged.first === null || (matched.last ?? 0) < logged.first);
  } catch {
    return false; // a key that is not JSON (never written by the program): the full comparison says what it is
  }
}

/** A single-column primary key declared INTEGER (the rowid). */
function integerKey(sqlite: Sqlite, spec: TableSpec): boolean {
  if (spec.pk.length !== 1) return false;
  const col = sqlite.prepare(`SELECT type FROM pragma_table_info(?) WHERE name = ? AND pk = 1`).get(spec.table, spec.pk[0]) as { type: string } | undefined;
  return col?.type.toUpperCase() === 'INTEGER';
}

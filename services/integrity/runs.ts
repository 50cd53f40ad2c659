/**
 * Runs: how the integrity log holds the rows of the big append-only tables (postings, contributions) since
 * migration 021. Instead of a trigger logging each inserted row, the transaction's seal step writes one log row per
 * table, op 'A', naming the contiguous id range it inserted: row_key `[from, to]`, image the table's structure
 * (specSignature) the rows are read with.
 *
 * The run stands for the log rows the trigger would have written: it reserves one seq per row, the 'A' row taking
 * the last, and wherever the log is read as evidence (a seal's digest, the batch sent to the center) it is read
 * expanded: row `id` of the run is the line `[seq0 + (id - from), tbl, json_array(id), 'I', image of the row]`,
 * byte for byte what the trigger wrote. So a seal over a run has the digest the per-row log would have had, and
 * the center receives the same batch as before.
 *
 * What the evidence then rests on: the rows of an append-only table are their own log. Changing, deleting or
 * slipping in a row inside a sealed run changes the expansion, so its seal's digest; a row outside every run and
 * outside the per-row log is named by the table check (verify.ts). A run is written only for rows this connection
 * inserted (the same rule as the seal's seq range: services/integrity/seal.ts Sealer), and only when the range is
 * dense; otherwise the rows are logged one by one as before.
 */
import { statement, type Sqlite } from '../../db/connection';
import { imageExpr, keyExpr, q, specSignature, type TableSpec } from './tracked';

export interface Run {
  /** The 'A' row's seq: the run's last. */
  seq: number;
  tbl: string;
  from: number;
  to: number;
  spec: TableSpec;
}

/** The first seq a run stands for. */
export const runStart = (r: { seq: number; from: number; to: number }) => r.seq - (r.to - r.from);

/** The id range an 'A' row's key names, or null. */
export function runRange(rowKey: string): { from: number; to: number } | null {
  try {
    const [from, to] = JSON.parse(rowKey) as unknown[];
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || (to as number) < (from as number)) return null;
    return { from: from as number, to: to as number };
  } catch {
    return null;
  }
}

/** Reads an 'A' row; null when it is not one the program could have written (its expansion is then its raw row). */
export function parseRun(row: { seq: number; tbl: string; row_key: string; image: string | null }): Run | null {
  const range = runRange(row.row_key);
  const spec = range && runSpec(row.tbl, row.image);
  return spec ? { seq: row.seq, tbl: row.tbl, ...range, spec } : null;
}

/** The structures runs name are few (one per table and shape): each is read once. */
const specs = new Map<string, TableSpec | null>();

function runSpec(tbl: string, image: string | null): TableSpec | null {
  const k = `${tbl}\u0000${image}`;
  let spec = specs.get(k);
  if (spec !== undefined) return spec;
  try {
    const sig = JSON.parse(image ?? '') as { pk: string[]; columns: string[]; personal: string[] };
    const names = (x: unknown) => Array.isArray(x) && x.every((c) => typeof c === 'string');
    const ok = names(sig.pk) && sig.pk.length === 1 && names(sig.columns) && names(sig.personal);
    spec = ok ? { table: tbl, pk: sig.pk, columns: sig.columns, personal: sig.personal } : null;
  } catch {
    spec = null;
  }
  if (specs.size < 1000) specs.set(k, spec);
  return spec;
}

/** The run rows between two seqs, in seq order. */
export function runsBetween(sqlite: Sqlite, fromSeq: number, toSeq: number): Array<{ seq: number; tbl: string; row_key: string; image: string | null }> {
  return statement(sqlite, `SELECT seq, tbl, row_key, image FROM integrity_log WHERE seq BETWEEN ? AND ? AND op = 'A' ORDER BY seq`).all(fromSeq, toSeq) as Array<{
    seq: number;
    tbl: string;
    row_key: string;
    image: string | null;
  }>;
}

/**
 * `'' ||` drops the JSON subtype: the key and image enter the line as strings, as the stored log columns do. A
 * JavaScript number is bound as a REAL (json_array would write 138.0): the seq is cast to an integer.
 */
function expandedColumns(spec: TableSpec): string {
  return `CAST(@base AS INTEGER) + ${q(spec.pk[0]!)}, @tbl, '' || ${keyExpr(spec, '')}, 'I', '' || ${imageExpr(spec, '')}`;
}

const linesSql = new WeakMap<TableSpec, string>();

/** The expansion's lines (JSON + '\n', as digest.ts hashes log rows) for ids from..to of a run, as one block. */
export function runLinesSql(spec: TableSpec): string {
  let sql = linesSql.get(spec);
  if (!sql) linesSql.set(spec, (sql = linesSqlOf(spec)));
  return sql;
}

function linesSqlOf(spec: TableSpec): string {
  const id = q(spec.pk[0]!);
  return `SELECT CAST(group_concat(line, '') AS BLOB) AS bytes, count(*) AS n FROM (
    SELECT json_array(${expandedColumns(spec)}) || char(10) AS line FROM ${q(spec.table)} WHERE ${id} BETWEEN @from AND @to ORDER BY ${id})`;
}

/** The expansion's rows [seq, tbl, row_key, op, image] for ids from..to of a run. */
function runRowsSql(spec: TableSpec): string {
  const id = q(spec.pk[0]!);
  return `SELECT ${expandedColumns(spec)} FROM ${q(spec.table)} WHERE ${id} BETWEEN @from AND @to ORDER BY ${id}`;
}

/** What @base is for a run: seq of id = base + id. */
export const runBase = (r: Run) => runStart(r) - r.from;

/**
 * The log rows of a seq range in seq order, every run expanded into the rows it stands for. A run that does not
 * read (a column gone, a value JSON cannot hold: never written by the program) stands as its raw row, which then
 * fails its seal's digest.
 */
export function* expandedLog(sqlite: Sqlite, fromSeq: number, toSeq: number): Generator<unknown[]> {
  const it = sqlite.prepare('SELECT seq, tbl, row_key, op, image FROM integrity_log WHERE seq BETWEEN ? AND ? ORDER BY seq').raw().iterate(fromSeq, toSeq) as IterableIterator<
    [number, string, string, string, string | null]
  >;
  for (const row of it) {
    const run = row[3] === 'A' ? parseRun({ seq: row[0], tbl: row[1], row_key: row[2], image: row[4] }) : null;
    let rows: unknown[][] = [row];
    try {
      if (run) rows = statement(sqlite, runRowsSql(run.spec)).raw(true).all({ base: runBase(run), tbl: run.tbl, from: run.from, to: run.to }) as unknown[][];
    } catch {
      rows = [row];
    }
    yield* rows;
  }
}

/** The same, as one array (the batch sent to the center). */
export function expandedLogRows(sqlite: Sqlite, fromSeq: number, toSeq: number): unknown[][] {
  return Array.from(expandedLog(sqlite, fromSeq, toSeq));
}

export interface RunTable {
  spec: TableSpec;
  maxId: () => number;
}

/** The run tables of a connection (specs read once: migrations ran before the connection logs). */
export function runTables(sqlite: Sqlite, specs: TableSpec[]): RunTable[] {
  return specs
    .filter((s) => s.runs)
    .map((spec) => ({ spec, maxId: () => (statement(sqlite, `SELECT COALESCE(MAX(${q(spec.pk[0]!)}), 0) FROM ${q(spec.table)}`).pluck(true).get() as number) }));
}

/**
 * Logs the rows of `t` after id `after` (inserted by this transaction): one run when their ids are dense, else one
 * 'I' row each, as the trigger would. Returns the largest id now logged.
 */
export function logInserted(sqlite: Sqlite, t: RunTable, after: number): number {
  const { spec } = t;
  const id = q(spec.pk[0]!);
  const { to, n } = statement(sqlite, `SELECT MAX(${id}) AS "to", COUNT(*) AS n FROM ${q(spec.table)} WHERE ${id} > ?`).get(after) as { to: number | null; n: number };
  if (to === null) return after;
  if (n === to - after) {
    const last = (statement(sqlite, 'SELECT COALESCE(MAX(seq), 0) FROM integrity_log').pluck(true).get() as number) + n;
    statement(sqlite, `INSERT INTO integrity_log (seq, tbl, row_key, op, image) VALUES (?, ?, json_array(?, ?), 'A', ?)`).run(
      last,
      spec.table,
      after + 1,
      to,
      specSignature(spec),
    );
  } else {
    statement(
      sqlite,
      `INSERT INTO integrity_log (tbl, row_key, op, image)
       SELECT '${spec.table.replaceAll("'", "''")}', ${keyExpr(spec, '')}, 'I', ${imageExpr(spec, '')} FROM ${q(spec.table)} WHERE ${id} > ? AND ${id} <= ? ORDER BY ${id}`,
    ).run(after, to);
  }
  return to;
}

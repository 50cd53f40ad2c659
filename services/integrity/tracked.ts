/**
 * Which rows the integrity log covers: every table of the ledger database except the log itself and SQLite's
 * bookkeeping, every column except the running figures that `gjj check` re-derives anyway (an account's
 * debit/credit totals are re-summed from the postings) and the stored replies of `commands` (a cache of what the
 * call returned, not a fact). A row is named by its primary key, never by an implicit rowid (VACUUM may renumber it).
 */
import { createHmac } from 'node:crypto';
import type { Sqlite } from '../../db/connection';

// drafts (017_drafts): what a clerk is still typing; not evidence, rewritten at every pause, so neither logged nor synced.
// member_search_keys: derived from members by triggers (db/migrations/016_search_index.ts), like the running totals.
export const UNTRACKED_TABLES = new Set(['schema_migrations', 'integrity_log', 'integrity_seals', 'sqlite_sequence', 'drafts', 'member_search_keys']);
export const UNTRACKED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  accounts: ['debits_fen', 'credits_fen'],
  commands: ['result_json'],
};

export interface TableSpec {
  table: string;
  pk: string[];
  columns: string[];
  /** Columns logged as a keyed hash, never in clear: ID numbers stay in the master data only. */
  personal: string[];
  /** Inserts logged as runs (runs.ts), not by a trigger; not part of the table's sealed structure. */
  runs?: boolean;
}

/** The append-only tables with an integer key whose inserts are logged as runs (runs.ts) once migration 021 ran. */
export const RUN_TABLES: readonly string[] = ['postings', 'contributions'];
export const RUNS_MIGRATION = '021_integrity_runs';

export function runsEnabled(sqlite: Sqlite): boolean {
  const has = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get();
  return !!has && !!sqlite.prepare('SELECT 1 FROM schema_migrations WHERE id = ?').get(RUNS_MIGRATION);
}

/** A column holding a full ID number (证件号码): members.id_number, operators.id_number, appointments.id_number. */
export function isPersonal(column: string): boolean {
  return column === 'id_number' || column.endsWith('_id_number');
}

/** The SQL function the images use for personal columns; registered with the key on every connection that logs. */
export const PII_FUNCTION = 'gjj_pii';

/** An SQL identifier, quoted. */
export const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function currentSpecs(sqlite: Sqlite): TableSpec[] {
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as Array<{ name: string }>;
  const runs = runsEnabled(sqlite);
  return tables
    .filter((t) => !UNTRACKED_TABLES.has(t.name))
    .map(({ name }) => {
      const info = sqlite.prepare(`PRAGMA table_info(${q(name)})`).all() as Array<{ name: string; pk: number }>;
      const skip = new Set(UNTRACKED_COLUMNS[name] ?? []);
      const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
      const columns = info.map((c) => c.name).filter((c) => !skip.has(c));
      const spec: TableSpec = { table: name, pk: pk.length ? pk : ['rowid'], columns, personal: columns.filter(isPersonal) };
      if (runs && RUN_TABLES.includes(name) && pk.length === 1) spec.runs = true;
      return spec;
    });
}

/** The SQL expression of a row's key (`json_array` of its primary key) with the given row prefix (NEW., OLD., t.). */
export function keyExpr(spec: TableSpec, prefix: string): string {
  return `json_array(${spec.pk.map((c) => prefix + q(c)).join(', ')})`;
}

/** The SQL expression of a row's image: `json_array` of its tracked columns, in table order. */
export function imageExpr(spec: TableSpec, prefix: string): string {
  return `json_array(${spec.columns.map((c) => (spec.personal.includes(c) ? `${PII_FUNCTION}(${prefix}${q(c)})` : prefix + q(c))).join(', ')})`;
}

export function specSignature(spec: TableSpec): string {
  // Not spec.runs: how inserts are logged is not the table's structure (a change of it would re-baseline the table).
  return JSON.stringify({ pk: spec.pk, columns: spec.columns, personal: spec.personal });
}

/** Registers the keyed hash of personal values on a connection (HMAC: an ID number's hash cannot be guessed). */
export function registerPii(sqlite: Sqlite, key: Buffer): void {
  sqlite.function(PII_FUNCTION, { deterministic: true }, (v: unknown) =>
    v === null || v === undefined ? null : `hmac:${createHmac('sha256', key).update(`pii:${String(v)}`).digest('hex').slice(0, 32)}`,
  );
}

export function triggerNames(table: string): { ins: string; upd: string; del: string } {
  return { ins: `integrity_${table}_ins`, upd: `integrity_${table}_upd`, del: `integrity_${table}_del` };
}

/** The logging triggers of a table, as SQLite stores them in sqlite_master: three, or two for a run table (runs.ts). */
export function triggerSql(spec: TableSpec): Array<{ name: string; sql: string }> {
  const n = triggerNames(spec.table);
  const t = q(spec.table);
  const lit = `'${spec.table.replaceAll("'", "''")}'`;
  const log = 'INSERT INTO integrity_log (tbl, row_key, op, image)';
  const all = [
    {
      name: n.ins,
      sql: `CREATE TRIGGER ${q(n.ins)} AFTER INSERT ON ${t} BEGIN ${log} VALUES (${lit}, ${keyExpr(spec, 'NEW.')}, 'I', ${imageExpr(spec, 'NEW.')}); END`,
    },
    {
      name: n.upd,
      sql:
        `CREATE TRIGGER ${q(n.upd)} AFTER UPDATE OF ${spec.columns.map(q).join(', ')} ON ${t} BEGIN ` +
        `${log} SELECT ${lit}, ${keyExpr(spec, 'OLD.')}, 'D', NULL WHERE ${keyExpr(spec, 'OLD.')} IS NOT ${keyExpr(spec, 'NEW.')}; ` +
        `${log} VALUES (${lit}, ${keyExpr(spec, 'NEW.')}, 'U', ${imageExpr(spec, 'NEW.')}); END`,
    },
    {
      name: n.del,
      sql: `CREATE TRIGGER ${q(n.del)} AFTER DELETE ON ${t} BEGIN ${log} VALUES (${lit}, ${keyExpr(spec, 'OLD.')}, 'D', NULL); END`,
    },
  ];
  return spec.runs ? all.filter((x) => x.name !== n.ins) : all;
}

/** Every trigger in the database as [name, sql], sorted: the set the program sealed is compared with this. */
export function currentTriggers(sqlite: Sqlite): Array<[string, string]> {
  return (sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all() as Array<{ name: string; sql: string }>).map(
    (r) => [r.name, r.sql],
  );
}

/** Chinese names for messages. */
export const TABLE_LABELS: Readonly<Record<string, string>> = {
  meta: '系统参数',
  operators: '操作员',
  employers: '单位',
  members: '职工',
  accounts: '账户',
  journal_entries: '凭证',
  postings: '分录',
  remittances: '汇缴',
  contributions: '缴存记录',
  commands: '业务流水',
  audit_log: '审计日志',
  notices: '公告',
  deposit_rates: '存款利率',
  loan_rates: '贷款利率',
  penalty_settings: '罚息设置',
  policy_overrides: '政策参数调整',
  applications: '申请',
  application_events: '审批记录',
  appointments: '预约',
  print_log: '打印记录',
  loans: '贷款',
  loan_schedule: '还款计划',
  loan_schedule_versions: '还款计划版本',
  loan_repayments: '还款记录',
  loan_repayment_allocations: '还款分配',
  loan_reprice_runs: '调息记录',
  interest_runs: '结息记录',
  member_events: '封存启封记录',
};

export function rowLabel(table: string, rowKey: string): string {
  let key = rowKey;
  try {
    const parts = JSON.parse(rowKey) as unknown[];
    key = parts.map(String).join('/');
  } catch {
    /* keep the raw text */
  }
  return `${TABLE_LABELS[table] ?? table}（${table}）主键${key}`;
}

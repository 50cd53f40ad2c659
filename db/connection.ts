/**
 * The database handle. better-sqlite3 is synchronous, so the services use kysely as a typed query BUILDER and run
 * the compiled SQL through better-sqlite3 themselves: a business action is then one synchronous
 * `db.tx(() => …)` that commits when the function returns and rolls back when it throws — no async transaction
 * that could interleave with another call or commit after an error.
 */
import Database from 'better-sqlite3';
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type Compilable,
} from 'kysely';
import type { DB } from './schema';

export type Sqlite = Database.Database;

const rawStatements = new WeakMap<Sqlite, Map<string, Database.Statement>>();

/**
 * `x = ?` becomes `x = +?` (and `IS ?`, `LIMIT ?`, `OFFSET ?` alike) outside quoted text and comments. The unary plus changes
 * nothing about the value, its affinity or index use; it keeps SQLite from re-preparing the statement on every run.
 * SQLite 3.54 (the one in better-sqlite3 13.2) marks a parameter compared with `=` as "the plan may depend on its
 * value" whenever the planner weighs a plan that does not use that comparison (an ORDER BY, a join, a second index), and
 * `sqlite3_clear_bindings`, which better-sqlite3 calls after every run, then expires such a statement: the next
 * run parses and plans it again and better-sqlite3 compiles a new row builder (5–50 µs per statement, on most
 * statements with a join, ORDER BY or GROUP BY). The planner never sees a parameter value through a unary plus.
 */
export function stablePlanSql(sql: string): string {
  return sql
    .split(/('(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(=|\bIS(?:\s+NOT)?|\bLIMIT|\bOFFSET)(\s*)\?/gi, '$1$2+?')))
    .join('');
}

/**
 * A prepared statement of a raw connection, prepared once per connection and SQL text (better-sqlite3's prepare
 * compiles the SQL each time: 20–50 µs, on every commit's seal and every search). Callers that use a mode
 * (pluck, raw) set it on each use; a statement being iterated must not be taken from here.
 */
export function statement(sqlite: Sqlite, sql: string): Database.Statement {
  let m = rawStatements.get(sqlite);
  if (!m) rawStatements.set(sqlite, (m = new Map()));
  let stmt = m.get(sql);
  if (!stmt) m.set(sql, (stmt = sqlite.prepare(stablePlanSql(sql))));
  return stmt;
}

/**
 * What runs around every outermost transaction: `begin` right after BEGIN IMMEDIATE, `beforeCommit` as the last
 * statement inside it (the integrity seal), `afterCommit` once it is durable (the anchor file beside the database).
 */
export interface CommitHooks {
  begin(): void;
  beforeCommit(): void;
  afterCommit(): void;
  /** The connection is closing (after its last seal): release what the hooks hold open. */
  close?(): void;
}

/** The longest a batch transaction defers to the request thread's writes (a stuck counter cannot stop a batch). */
const BATCH_YIELD_MAX_MS = 2_000;

export class Db {
  readonly sqlite: Sqlite;
  /** Query builder only: never execute through it, compile and pass to all/first/run. */
  readonly q: Kysely<DB>;
  private readonly statements = new Map<string, Database.Statement>();
  /** Set by services/integrity when the data folder is opened with its key. */
  hooks: CommitHooks | null = null;
  /** The integrity key and anchor file this database was opened with (services/integrity). */
  integrity: { key: { key: Buffer; id: string; source: string }; anchorFile: string | null } | null = null;
  /**
   * Write priority between the request thread and a batch worker on the same file (services/batch): the
   * interactive connection counts its open transactions in `shared[0]`; the batch connection waits before each of
   * its transactions until none is waiting (at most BATCH_YIELD_MAX_MS). Without it SQLite's busy handler, which
   * sleeps and polls, can miss every short gap between a batch's back-to-back transactions.
   */
  priority: { shared: Int32Array; role: 'interactive' | 'batch' } | null = null;

  /**
   * busyTimeoutMs: how long a statement waits for another connection's write lock. better-sqlite3 waits
   * synchronously, so an interactive backend (HTTP, Electron) keeps it short and answers BUSY instead of
   * freezing every user; a batch writer (the CLI) may wait longer.
   */
  constructor(file: string, options: { readonly?: boolean; busyTimeoutMs?: number } = {}) {
    this.sqlite = new Database(file, { readonly: options.readonly ?? false });
    if (!options.readonly) {
      // WAL with synchronous=FULL: a committed posting survives a power cut at the counter.
      this.sqlite.pragma('journal_mode = WAL');
      this.sqlite.pragma('synchronous = FULL');
    }
    this.sqlite.pragma('foreign_keys = ON');
    this.sqlite.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    this.q = new Kysely<DB>({
      dialect: {
        createAdapter: () => new SqliteAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (db) => new SqliteIntrospector(db),
        createQueryCompiler: () => new SqliteQueryCompiler(),
      },
    });
  }

  prepare(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.sqlite.prepare(stablePlanSql(sql));
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  private compiled(query: Compilable<unknown> | CompiledQuery<unknown>): CompiledQuery<unknown> {
    return 'compile' in query ? query.compile() : query;
  }

  all<R>(query: Compilable<R>): R[] {
    const c = this.compiled(query);
    return this.prepare(c.sql).all(...(c.parameters as unknown[])) as R[];
  }

  first<R>(query: Compilable<R>): R | undefined {
    const c = this.compiled(query);
    return this.prepare(c.sql).get(...(c.parameters as unknown[])) as R | undefined;
  }

  run(query: Compilable<unknown>): Database.RunResult {
    const c = this.compiled(query);
    const stmt = this.prepare(c.sql);
    // INSERT … RETURNING is a reader statement; run() would throw on it.
    if (stmt.reader) {
      const rows = stmt.all(...(c.parameters as unknown[])) as Array<Record<string, unknown>>;
      const id = rows[0]?.id;
      return { changes: rows.length, lastInsertRowid: typeof id === 'number' ? id : 0 };
    }
    return stmt.run(...(c.parameters as unknown[]));
  }

  /** Inserts one row and returns its rowid. */
  insert(query: Compilable<unknown>): number {
    return Number(this.run(query).lastInsertRowid);
  }

  /** One business action: BEGIN IMMEDIATE … COMMIT, or ROLLBACK when fn throws. Nested calls join the outer one. */
  tx<T>(fn: () => T): T {
    if (this.sqlite.inTransaction) return fn();
    const p = this.priority;
    if (!p) return this.outerTx(fn);
    if (p.role === 'batch') {
      for (let waited = 0, n = Atomics.load(p.shared, 0); n > 0 && waited < BATCH_YIELD_MAX_MS; n = Atomics.load(p.shared, 0)) {
        Atomics.wait(p.shared, 0, n, 10);
        waited += 10;
      }
      return this.outerTx(fn);
    }
    Atomics.add(p.shared, 0, 1);
    try {
      return this.outerTx(fn);
    } finally {
      Atomics.sub(p.shared, 0, 1);
      Atomics.notify(p.shared, 0);
    }
  }

  private outerTx<T>(fn: () => T): T {
    const hooks = this.hooks;
    if (!hooks) return this.sqlite.transaction(fn).immediate();
    const result = this.sqlite
      .transaction(() => {
        hooks.begin();
        const value = fn();
        hooks.beforeCommit();
        return value;
      })
      .immediate();
    hooks.afterCommit();
    return result;
  }

  close(): void {
    // Seal what this connection wrote outside a transaction, if anything (the hooks decide what is ours).
    if (this.hooks && !this.sqlite.readonly && this.sqlite.open) {
      try {
        this.tx(() => undefined);
      } catch {
        /* busy or read-only: `gjj check` will name any unsealed row */
      }
    }
    this.hooks?.close?.();
    this.statements.clear();
    this.sqlite.close();
  }
}

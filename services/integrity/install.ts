/**
 * Opening a data folder with its key: the logging triggers are put in place for every tracked table, a table is
 * baselined (every row's image logged) only when this program's migrations just created or changed it, and the
 * anchor beside the database must agree with the database's seals before anything new is written.
 * A table whose shape changed outside a migration is NOT baselined (that would launder the change): `gjj check`
 * names it. A logging trigger dropped by hand is put back (and the repair audited); what was changed while it was
 * missing still shows, because the rows no longer match their sealed images.
 */
import { AppError } from '../../shared/errors';
import { audit } from '../audit/log';
import { SYSTEM_OPERATOR, type ServiceContext } from '../context';
import type { Db, Sqlite } from '../../db/connection';
import { readAnchor, type AnchorRead } from './anchor';
import type { IntegrityKey } from './key';
import { chainHead, lastSeal, maxSeq, sealAfter, Sealer } from './seal';
import { currentSpecs, currentTriggers, keyExpr, imageExpr, registerPii, specSignature, triggerSql, type TableSpec } from './tracked';

export const SCHEMA_KEY = '#columns';
export const TRIGGERS_TABLE = '#schema';
export const TRIGGERS_KEY = '#triggers';

export function recordedSignature(sqlite: Sqlite, table: string): string | null {
  const r = sqlite
    .prepare(`SELECT image FROM integrity_log WHERE tbl = ? AND row_key = ? AND op = 'S' ORDER BY seq DESC LIMIT 1`)
    .get(table, SCHEMA_KEY) as { image: string } | undefined;
  return r?.image ?? null;
}

export function recordedTriggers(sqlite: Sqlite): Array<[string, string]> | null {
  const r = sqlite
    .prepare(`SELECT image FROM integrity_log WHERE tbl = ? AND row_key = ? AND op = 'S' ORDER BY seq DESC LIMIT 1`)
    .get(TRIGGERS_TABLE, TRIGGERS_KEY) as { image: string } | undefined;
  return r ? (JSON.parse(r.image) as Array<[string, string]>) : null;
}

function baseline(sqlite: Sqlite, spec: TableSpec): void {
  for (const t of triggerSql(spec)) {
    sqlite.exec(`DROP TRIGGER IF EXISTS "${t.name}"`);
    sqlite.exec(t.sql);
  }
  sqlite.prepare(`INSERT INTO integrity_log (tbl, row_key, op, image) VALUES (?, ?, 'S', ?)`).run(spec.table, SCHEMA_KEY, specSignature(spec));
  sqlite.exec(
    `INSERT INTO integrity_log (tbl, row_key, op, image)
     SELECT '${spec.table}', ${keyExpr(spec, '')}, 'B', ${imageExpr(spec, '')} FROM "${spec.table}" ORDER BY ${spec.pk.map((c) => `"${c}"`).join(', ')}`,
  );
}

/** Does the anchor agree with the database? null when it does (or may be refreshed), else why not. */
export function anchorProblem(sqlite: Sqlite, read: AnchorRead): string | null {
  const head = chainHead(sqlite);
  if (read.kind === 'missing') return head ? `锚定文件缺失，而数据库已有${head.sealId}个签封` : null;
  if (read.kind === 'bad') return read.why;
  const a = read.anchor;
  if (!head || a.sealId > head.sealId) {
    return `数据库最新的签封为#${head?.sealId ?? 0}，锚定文件记载#${a.sealId}：最新的变更已从数据库中删除`;
  }
  const at = sqlite.prepare('SELECT mac FROM integrity_seals WHERE id = ?').get(a.sealId) as { mac: string } | undefined;
  if (at?.mac !== a.mac) return `签封#${a.sealId}与锚定文件记载的不符：数据库被替换或改写`;
  return null;
}

export interface InstallOptions {
  /** Migrations ran in this open: tables whose shape they changed are baselined. */
  migrated: boolean;
  /** The log's highest seq before the migrations ran: only rows after it are sealed now. */
  preSeq: number;
  anchorFile: string | null;
  now: () => Date;
  /** Check-only opens leave everything as found. */
  repair: boolean;
}

export function assertKey(sqlite: Sqlite, key: IntegrityKey): void {
  const stored = sqlite.prepare(`SELECT value FROM meta WHERE key = 'integrity_key_id'`).get() as { value: string } | undefined;
  if (stored && stored.value !== key.id) {
    throw new AppError('CONFLICT', `完整性密钥与本数据库不符（数据库要求密钥 ${stored.value}，提供的是 ${key.id}，来自 ${key.source}）`);
  }
}

export function installIntegrity(db: Db, key: IntegrityKey, opts: InstallOptions): Sealer {
  const sqlite = db.sqlite;
  const sealer = new Sealer(sqlite, key, opts.anchorFile, opts.now);
  assertKey(sqlite, key);
  registerPii(sqlite, key.key);
  const stored = sqlite.prepare(`SELECT value FROM meta WHERE key = 'integrity_key_id'`).get() as { value: string } | undefined;
  if (!opts.repair && !opts.migrated) return sealer;

  const repaired: string[] = [];
  sqlite.transaction(() => {
    if (!stored) sqlite.prepare(`INSERT INTO meta (key, value) VALUES ('integrity_key_id', ?)`).run(key.id);
    const present = new Set(currentTriggers(sqlite).map(([n]) => n));
    for (const spec of currentSpecs(sqlite)) {
      const recorded = recordedSignature(sqlite, spec.table);
      if (recorded === specSignature(spec)) {
        for (const t of triggerSql(spec)) {
          if (!present.has(t.name)) {
            sqlite.exec(t.sql);
            repaired.push(t.name);
          }
        }
      } else if (opts.migrated || recorded === null && chainHead(sqlite) === null) {
        baseline(sqlite, spec);
      }
    }
    if (opts.migrated) {
      sqlite
        .prepare(`INSERT INTO integrity_log (tbl, row_key, op, image) VALUES (?, ?, 'S', ?)`)
        .run(TRIGGERS_TABLE, TRIGGERS_KEY, JSON.stringify(currentTriggers(sqlite)));
    } else {
      // Append-only triggers dropped by hand are put back as the program sealed them.
      const want = recordedTriggers(sqlite) ?? [];
      const now = new Set(currentTriggers(sqlite).map(([n]) => n));
      for (const [name, sql] of want) {
        if (!now.has(name)) {
          sqlite.exec(sql);
          repaired.push(name);
        }
      }
    }
    if (repaired.length) {
      const ctx = { db, clock: { now: opts.now } } as unknown as ServiceContext;
      audit(ctx, { operator: SYSTEM_OPERATOR, action: 'integrity.repair', recordType: 'schema', recordId: 'triggers', detail: { restored: repaired } });
    }
    // Never past the newest seal: another connection on the same file (a batch worker, the request thread) may have
    // sealed rows after preSeq while this one was opening; sealing them again would overlap its seal.
    sealAfter(sqlite, key, Math.max(opts.preSeq, lastSeal(sqlite)?.to_seq ?? 0), opts.now().toISOString());
  }).immediate();
  return sealer;
}

export { maxSeq };

/**
 * Opening a data folder: one SQLite file per center (`gjj.sqlite`), migrated on open. The center is chosen once,
 * at initialisation, and stored in `meta`; a folder initialised for one center is never opened as another.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { centerConfig, CENTER_IDS, type CenterId } from '../../shared/centers';
import { AppError } from '../../shared/errors';
import { Db } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { systemClock, type Clock, type ServiceContext } from '../context';
import { seedNotices } from '../notices/seedNotices';
import { seedChart } from '../ledger/accounts';
import { audit } from '../audit/log';
import { SYSTEM_OPERATOR } from '../context';
import { seedPolicyTables } from '../policy/tables';
import { ANCHOR_FILE, readAnchor, type ChainHead } from '../integrity/anchor';
import { anchorProblem, assertKey, installIntegrity } from '../integrity/install';
import { resolveKey, type IntegrityKey } from '../integrity/key';
import { maxSeq } from '../integrity/seal';

export const DB_FILE = 'gjj.sqlite';

export function dbPath(dataDir: string): string {
  return join(dataDir, DB_FILE);
}

export interface OpenOptions {
  /** The integrity key; by default GJJ_INTEGRITY_KEY or the key file beside the folder (services/integrity/key.ts). */
  key?: IntegrityKey;
  /** `gjj check`: open as found — no anchor refusal, no trigger repair. */
  checkOnly?: boolean;
  clock?: Clock;
  /** See Db: short for the interactive backends, long for CLI batch writers (the default). */
  busyTimeoutMs?: number;
  /**
   * A batch worker's connection: its seals go here (to the thread that owns the anchor file) instead of the file;
   * the anchor is still checked at open.
   */
  anchorRelay?: (head: ChainHead) => void;
}

/**
 * Opens (creating and migrating if needed) the database of a data folder with its integrity key. The center may
 * still be unset. Refuses (CONFLICT) when the anchor beside the database says newer changes existed than the
 * database holds, or the database was replaced: nothing is written on top of evidence like that.
 * A folder it creates is 0700 and a database file it creates 0600 (SQLite gives the -wal and -shm files the
 * database file's mode): ID numbers and balances are personal data.
 */
export function openDb(dataDir: string, opts: OpenOptions = {}): Db {
  if (!existsSync(dataDir)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700);
  }
  const file = dbPath(dataDir);
  if (!existsSync(file)) {
    closeSync(openSync(file, 'a', 0o600));
    chmodSync(file, 0o600);
  }
  const db = new Db(file, opts.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: opts.busyTimeoutMs });
  try {
    const now = () => (opts.clock ?? systemClock).now();
    const preSeq = hasTable(db, 'integrity_log') ? maxSeq(db.sqlite) : 0;
    const ran = migrate(db.sqlite);
    const key = opts.key ?? resolveKey(dataDir, !storedKeyId(db));
    const anchorFile = join(dataDir, ANCHOR_FILE);
    assertKey(db.sqlite, key);
    if (!opts.checkOnly) {
      const problem = anchorProblem(db.sqlite, readAnchor(anchorFile, key));
      if (problem) {
        throw new AppError(
          'CONFLICT',
          `数据完整性异常，已停止写入：${problem}。请管理员运行 gjj check 查明原因；确认后用 gjj integrity accept 记录处理意见`,
        );
      }
    }
    const relay = opts.anchorRelay ?? null;
    const sealer = installIntegrity(db, key, { migrated: ran.length > 0, preSeq, anchorFile: relay ? null : anchorFile, now, repair: !opts.checkOnly });
    sealer.onSeal = relay;
    db.hooks = sealer;
    db.integrity = { key, anchorFile };
    if (!opts.checkOnly) sealer.refreshAnchor();
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function hasTable(db: Db, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

function storedKeyId(db: Db): string | null {
  const r = db.prepare(`SELECT value FROM meta WHERE key = 'integrity_key_id'`).get() as { value: string } | undefined;
  return r?.value ?? null;
}

export function centerOf(db: Db): CenterId | null {
  const row = db.prepare(`SELECT value FROM meta WHERE key = 'center'`).get() as { value: string } | undefined;
  return (row?.value as CenterId | undefined) ?? null;
}

/** Chooses the center of a fresh database and seeds its chart of accounts. */
export function initCenter(db: Db, center: CenterId, clock: Clock = systemClock): ServiceContext {
  if (!CENTER_IDS.includes(center)) throw new AppError('BAD_INPUT', `公积金中心须为 ${CENTER_IDS.join(' 或 ')}`, 'center');
  const existing = centerOf(db);
  if (existing && existing !== center) {
    throw new AppError('CONFLICT', `此数据目录已初始化为${centerConfig(existing).name}，不能改为其他中心`, 'center');
  }
  const ctx: ServiceContext = { db, center: centerConfig(center), clock };
  if (existing) return ctx;
  db.tx(() => {
    db.prepare(`INSERT INTO meta (key, value) VALUES ('center', ?), ('initialised_at', ?)`).run(center, clock.now().toISOString());
    seedChart(ctx);
    seedPolicyTables(ctx);
    seedNotices(ctx);
    audit(ctx, { operator: SYSTEM_OPERATOR, action: 'center.init', recordType: 'center', recordId: center });
  });
  return ctx;
}

/** Opens an initialised data folder; a clear error when it was never initialised. */
export function openContext(dataDir: string, clock: Clock = systemClock, opts: OpenOptions = {}): ServiceContext {
  if (!existsSync(dbPath(dataDir))) {
    throw new AppError('NOT_FOUND', `数据目录${dataDir}尚未初始化：请先运行 gjj init --center yinchuan|urumqi --data ${dataDir}`);
  }
  const db = openDb(dataDir, { clock, ...opts });
  const center = centerOf(db);
  if (!center) throw new AppError('NOT_FOUND', `数据目录${dataDir}尚未选择公积金中心：请先运行 gjj init`);
  return { db, center: centerConfig(center), clock };
}

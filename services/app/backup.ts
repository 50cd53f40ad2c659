/**
 * `gjj backup`: a consistent copy of a live database (VACUUM INTO) that becomes a file with the backup's name only
 * once the ledger check passed on the copy. The copy is written as `<out>.partial-<pid>` (0600: it holds personal
 * data) and renamed at the end; a failed check deletes it, and a backup killed half-way leaves only a file whose
 * name says it is partial — never one that looks like a backup.
 */
import { chmodSync, closeSync, existsSync, openSync, renameSync, rmSync } from 'node:fs';
import { Db } from '../../db/connection';
import { AppError } from '../../shared/errors';
import { checkLedger, type CheckReport } from '../ledger/check';
import type { ServiceContext } from '../context';

export type BackupResult = { ok: true; file: string; check: CheckReport } | { ok: false; firstViolation: string };

export function backupTo(ctx: ServiceContext, file: string, check: typeof checkLedger = checkLedger): BackupResult {
  if (existsSync(file)) throw new AppError('CONFLICT', `备份文件已存在，不会覆盖：${file}`, 'out');
  const partial = `${file}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  closeSync(openSync(partial, 'w', 0o600)); // VACUUM INTO accepts an existing empty file and keeps its mode
  chmodSync(partial, 0o600);
  try {
    ctx.db.sqlite.prepare('VACUUM INTO ?').run(partial);
    const copy = new Db(partial, { readonly: true });
    // The copy is checked with the same key (its anchor stays with the live folder).
    copy.integrity = ctx.db.integrity ? { key: ctx.db.integrity.key, anchorFile: null } : null;
    let r: CheckReport;
    try {
      r = check({ ...ctx, db: copy });
    } finally {
      copy.close();
    }
    if (!r.ok) {
      rmSync(partial, { force: true });
      return { ok: false, firstViolation: r.firstViolation ?? '账务核对未通过' };
    }
    renameSync(partial, file);
    return { ok: true, file, check: r };
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
}

/**
 * A branch's ledger written before migration 020 opens with 020 applied and still verifies: the sealed log rows are
 * untouched, new changes are logged into the changed table and sealed, and `gjj check` passes before and after.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { MIGRATIONS, type Migration } from '../migrate';
import { harness, newEmployer, newMember } from '../../services/testing/harness';
import { openContext } from '../../services/app/open';
import { checkLedger } from '../../services/ledger/check';
import { ANCHOR_FILE } from '../../services/integrity/anchor';
import { postNotice } from '../../services/notices/notices';
import { SYSTEM_OPERATOR } from '../../services/context';
import type { IntegrityKey } from '../../services/integrity/key';
import { OLD_OP_CHECK } from './020_integrity_log_check';
import { RUNS_OP_CHECK } from './021_integrity_runs';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

it('a ledger written before 020 is migrated, keeps verifying and logs into the new table', () => {
  const list = MIGRATIONS as Migration[];
  const at = list.findIndex((m) => m.id === '020_integrity_log_check');
  // 020 and every migration after it (021 needs 020's CHECK text).
  const later = list.splice(at);
  let key: IntegrityKey;
  const dir = mkdtempSync(join(tmpdir(), 'gjj-m020-'));
  dirs.push(dir);
  let logged: unknown[];
  try {
    const h = harness('yinchuan', '2026-03-10T02:00:00Z');
    const e = newEmployer(h);
    for (const name of ['张三', '李四']) newMember(h, e.id, { name });
    const sqlite = h.app.db.sqlite;
    expect(sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = 'integrity_log'`).pluck().get()).toContain(OLD_OP_CHECK);
    key = h.app.db.integrity!.key as IntegrityKey;
    logged = sqlite.prepare('SELECT * FROM integrity_log ORDER BY seq').raw().all();
    expect(logged.length).toBeGreaterThan(20);
    sqlite.exec(`VACUUM INTO '${join(dir, 'gjj.sqlite')}'`);
    copyFileSync(join(h.dir, ANCHOR_FILE), join(dir, ANCHOR_FILE));
    h.close();
  } finally {
    list.push(...later);
  }

  const ctx = openContext(dir, undefined, { key: key! });
  const sqlite = ctx.db.sqlite;
  expect(sqlite.prepare(`SELECT id FROM schema_migrations WHERE id >= '020' AND id < '022' ORDER BY id`).pluck().all()).toEqual(['020_integrity_log_check', '021_integrity_runs']);
  expect(sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = 'integrity_log'`).pluck().get()).toContain(RUNS_OP_CHECK);
  expect(sqlite.prepare('SELECT * FROM integrity_log ORDER BY seq').raw().all().slice(0, logged!.length)).toEqual(logged!);
  expect(checkLedger(ctx).firstViolation).toBeNull();

  const before = sqlite.prepare('SELECT COUNT(*) FROM integrity_seals').pluck().get() as number;
  ctx.db.tx(() => postNotice(ctx, SYSTEM_OPERATOR, { kind: '公告', title: '迁移之后', body: '新的变更照样记录并签封。' }));
  expect(sqlite.prepare('SELECT COUNT(*) FROM integrity_seals').pluck().get()).toBe(before + 1);
  expect(sqlite.prepare(`SELECT COUNT(*) FROM integrity_log WHERE tbl = 'notices' AND op = 'I'`).pluck().get()).toBeGreaterThan(0);
  const report = checkLedger(ctx);
  expect(report.firstViolation).toBeNull();
  expect(report.ok).toBe(true);

  ctx.db.close();

  // And an edit made by hand after the migration, with the logging trigger dropped and put back, is still caught.
  const raw = new Database(join(dir, 'gjj.sqlite'));
  const trigger = raw.prepare(`SELECT sql FROM sqlite_master WHERE name = 'integrity_notices_upd'`).pluck().get() as string;
  raw.exec(`DROP TRIGGER integrity_notices_upd; UPDATE notices SET title = '改过的' WHERE title = '迁移之后'; ${trigger}`);
  raw.close();
  const again = openContext(dir, undefined, { key: key!, checkOnly: true });
  const r = checkLedger(again);
  again.db.close();
  expect(r.firstViolation).toContain('notices');
  expect(r.ok).toBe(false);
});

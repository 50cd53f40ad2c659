/**
 * npm run bench:integrity — what tamper evidence costs, each figure beside a bare baseline measured in the same run
 * (the same database with the logging triggers dropped and no seal). Prints figures, asserts nothing.
 *   1. one 汇缴 entry for an employer of N members (N = 10,000 and 50,000);
 *   2. a small counter transaction (开户 of one member) repeated 500 times;
 *   3. `gjj check`: the classic ledger checks alone vs. with the keyed verification of every row.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initCenter, openDb } from '../services/app/open';
import { generateDemo } from '../services/demo/generate';
import { postRemittance } from '../services/contributions/remit';
import { SYSTEM_OPERATOR, type ServiceContext } from '../services/context';
import { checkLedger } from '../services/ledger/check';
import { verifyIntegrity } from '../services/integrity/verify';

function fresh(bare: boolean): { dir: string; ctx: ServiceContext } {
  const dir = mkdtempSync(join(tmpdir(), 'gjj-bench-int-'));
  const db = openDb(dir);
  const ctx = initCenter(db, 'yinchuan');
  if (bare) {
    for (const { name } of db.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'integrity_%'`).all() as Array<{ name: string }>) {
      db.sqlite.exec(`DROP TRIGGER "${name}"`);
    }
    db.hooks = null;
  }
  return { dir, ctx };
}

function ms(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

const rows: string[] = [];
const line = (what: string, withIt: number, bare: number) =>
  rows.push(`${what.padEnd(44)} ${withIt.toFixed(0).padStart(7)} ms   bare ${bare.toFixed(0).padStart(7)} ms   ×${(withIt / bare).toFixed(2)}`);

for (const members of [10_000, 50_000]) {
  const t: Record<string, number> = {};
  for (const bare of [true, false]) {
    const { dir, ctx } = fresh(bare);
    generateDemo(ctx, SYSTEM_OPERATOR, { members, months: 0, perEmployer: members });
    const month = new Date().toISOString().slice(0, 7);
    t[String(bare)] = ms(() => postRemittance(ctx, SYSTEM_OPERATOR, { employerId: 1, month, idempotencyKey: `sys:bench:${members}` }));
    if (!bare && members === 50_000) {
      // The classic checks are the baseline: the whole check minus the keyed verification, timed on its own.
      const full = ms(() => checkLedger(ctx));
      const keyed = ms(() => verifyIntegrity(ctx.db.sqlite, ctx.db.integrity!.key, null));
      line(`gjj check ${members} 名职工（含签封核对）`, full, full - keyed);
    }
    ctx.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  line(`汇缴一笔凭证，${members} 名职工`, t.false!, t.true!);
}

{
  const t: Record<string, number> = {};
  for (const bare of [true, false]) {
    const { dir, ctx } = fresh(bare);
    generateDemo(ctx, SYSTEM_OPERATOR, { members: 10, months: 0, perEmployer: 10 });
    const db = ctx.db;
    t[String(bare)] = ms(() => {
      for (let i = 0; i < 500; i++) db.tx(() => db.prepare(`INSERT INTO notices (kind, title, body, published_at, author_id) VALUES ('公告', ?, '正文', '2026-01-01', NULL)`).run(`t${i}`));
    });
    ctx.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  line('500 个小事务（每个一行，各自提交）', t.false!, t.true!);
}

console.log('防篡改的开销（同一次运行中的裸基线：去掉变更记录触发器、不签封）');
for (const r of rows) console.log(r);

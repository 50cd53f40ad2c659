import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';
import { backupTo } from './backup';
import type { CheckReport } from '../ledger/check';

let h: Harness;
beforeEach(() => {
  h = harness();
  newMember(h, newEmployer(h).id);
});
afterEach(() => h.close());

describe('gjj backup', () => {
  it('renames the checked copy into place, 0600, with no partial file left', () => {
    const out = join(h.dir, 'backup.sqlite');
    const r = backupTo(h.app.ctx!, out);
    expect(r.ok).toBe(true);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readdirSync(h.dir).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('a failing check on the copy leaves no file at the output path (and no partial)', () => {
    const out = join(h.dir, 'backup.sqlite');
    let checkedFile = '';
    const failing = (ctx: Parameters<typeof backupTo>[0]) => {
      checkedFile = ctx.db.sqlite.name;
      return { ok: false, firstViolation: '凭证 1 借贷不平衡' } as CheckReport;
    };
    const r = backupTo(h.app.ctx!, out, failing);
    expect(r).toEqual({ ok: false, firstViolation: '凭证 1 借贷不平衡' });
    expect(checkedFile).toBe(`${out}.partial-${process.pid}`); // the check ran on the copy, under its partial name
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(h.dir).filter((f) => f.startsWith('backup'))).toEqual([]);
  });

  it('refuses to overwrite an existing backup', () => {
    const out = join(h.dir, 'backup.sqlite');
    backupTo(h.app.ctx!, out);
    expect(() => backupTo(h.app.ctx!, out)).toThrow('备份文件已存在');
  });
});

/**
 * The center's ingest checks, set-based (center migration 003_center_ingest_checks; docs/branch-network.md §3–4):
 * no per-row insert trigger or foreign-key lookup on the big tables; the same guarantees held per statement and at
 * commit (an entry balances with ≥ 2 postings however many statements bring them; a posting joins only a new entry
 * and an existing account; an account with postings, or a branch whose rows the center holds, cannot go away); and
 * a batch whose posting images do not fit their structure record is refused with nothing applied.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../shared/idcard';
import { newEmployer, newMember } from '../testing/harness';
import { branchHost, type BranchHost } from '../testing/branchFixture';
import { buildBatch } from '../branch/export';
import { loadSigningKey, signingKeyFile } from '../branch/signing';
import { enrollmentFile, initCenterData, registerBranch } from './enroll';
import { importBatch } from './import';
import { openCenterStore, type CenterStore } from './store';

let root: string;
let store: CenterStore;
let b: BranchHost;
let exportedTo = 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'gjj-ingest-test-'));
  chmodSync(root, 0o711);
  const cdir = join(root, 'center');
  await initCenterData(cdir, 'urumqi');
  store = await openCenterStore(cdir);
  b = branchHost('WQ01', enrollmentFile(cdir, 'WQ01').file);
  await registerBranch(store, b.joinFile);
  const e = newEmployer(b, { district: '天山区', employeeRatioPercent: '8', employerRatioPercent: '8' });
  for (let i = 0; i < 3; i++) newMember(b, e.id, { idNumber: makeIdNumber('650102', '19900615', 70 + i), baseFen: 620_000, openedDate: '2025-07-01' });
  for (const month of ['2025-07', '2025-08']) {
    b.at(`${month}-15T02:00:00Z`);
    b.call('remit.post', { employerId: e.id, month, idempotencyKey: b.key() });
  }
  expect((await importBatch(store, exportBatch())).applied).toBe(true);
}, 120_000);

afterAll(async () => {
  b?.close();
  await store?.close();
  if (root) rmSync(root, { recursive: true, force: true });
}, 120_000);

function exportBatch(): string {
  const built = buildBatch(b.app.ctx!, loadSigningKey(signingKeyFile(b.dir), false), exportedTo)!;
  exportedTo = built.batch.toSeal;
  return built.file;
}

const q = async <T>(text: ReturnType<typeof sql<T>>) => (await text.execute(store.db)).rows;
const accountId = async (code: string) => Number((await q(sql<{ id: string }>`SELECT id FROM center_accounts WHERE branch_code = 'WQ01' AND code = ${code}`))[0]!.id);
const entry = (id: number, no: string) => sql`(${'WQ01'}, ${id}, ${no}, '汇缴', '汇缴', '2026-01-01', '2026-01-01', 'WQ01')`;
const posting = (id: number, entryId: number, account: number, side: 'D' | 'C', fen: number) => sql`(${'WQ01'}, ${id}, ${entryId}, ${account}, ${side}, ${fen})`;

describe('center ingest checks, per statement', () => {
  it('postings and the change log carry no per-row insert trigger and no foreign-key lookup', async () => {
    // tgtype: bit 0 = FOR EACH ROW, bit 2 = INSERT; foreign keys check through internal row triggers.
    const rowInsert = await q(sql<{ tbl: string; tgname: string }>`
      SELECT c.relname AS tbl, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       WHERE c.relname IN ('center_postings', 'center_change_log') AND (t.tgtype & 1) = 1 AND (t.tgtype & 4) = 4`);
    expect(rowInsert).toEqual([]);
    const fks = await q(sql<{ conname: string }>`SELECT conname FROM pg_constraint WHERE contype = 'f' AND conrelid IN ('center_postings'::regclass, 'center_change_log'::regclass)`);
    expect(fks).toEqual([]);
  });

  it('entries whose postings come in two statements are checked at commit: the unbalanced one is named, nothing stays', async () => {
    const [cash, fund] = [await accountId('101'), await accountId('201')];
    const before = await q(sql<{ n: string }>`SELECT COUNT(*) AS n FROM center_postings`);
    const tx = store.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO center_journal_entries (branch_code, id, entry_no, business_type, summary, booked_date, created_at, counter_code)
                VALUES ${sql.join([entry(900001, 'JZA'), entry(900002, 'JZB'), entry(900003, 'JZC')])}`.execute(trx);
      await sql`INSERT INTO center_postings (branch_code, id, entry_id, account_id, side, amount_fen)
                VALUES ${sql.join([posting(900001, 900001, cash, 'D', 500), posting(900002, 900002, cash, 'D', 700), posting(900003, 900003, cash, 'D', 300)])}`.execute(trx);
      await sql`INSERT INTO center_postings (branch_code, id, entry_id, account_id, side, amount_fen)
                VALUES ${sql.join([posting(900004, 900001, fund, 'C', 500), posting(900005, 900002, fund, 'C', 699), posting(900006, 900003, fund, 'C', 300)])}`.execute(trx);
    });
    await expect(tx).rejects.toThrow('网点WQ01的凭证JZB借贷不平衡：2行，借方700分，贷方699分');
    expect(await q(sql<{ n: string }>`SELECT COUNT(*) AS n FROM center_postings`)).toEqual(before);

    // The same three, balanced: committed, and the commit-time note is gone.
    await store.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO center_journal_entries (branch_code, id, entry_no, business_type, summary, booked_date, created_at, counter_code)
                VALUES ${sql.join([entry(900001, 'JZA'), entry(900002, 'JZB')])}`.execute(trx);
      await sql`INSERT INTO center_postings (branch_code, id, entry_id, account_id, side, amount_fen)
                VALUES ${sql.join([posting(900001, 900001, cash, 'D', 500), posting(900002, 900002, cash, 'D', 700)])}`.execute(trx);
      await sql`INSERT INTO center_postings (branch_code, id, entry_id, account_id, side, amount_fen)
                VALUES ${sql.join([posting(900004, 900001, fund, 'C', 500), posting(900005, 900002, fund, 'C', 700)])}`.execute(trx);
    });
    expect(await q(sql<{ n: string }>`SELECT COUNT(*) AS n FROM center_entry_pending`)).toEqual([{ n: '0' }]);
    // An entry with one posting is refused too.
    const single = store.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO center_journal_entries (branch_code, id, entry_no, business_type, summary, booked_date, created_at, counter_code) VALUES ${entry(900010, 'JZD')}`.execute(trx);
    });
    await expect(single).rejects.toThrow('网点WQ01的凭证JZD借贷不平衡：0行，借方0分，贷方0分');
  });

  it('a posting to an unknown account or an old entry is refused; an account with postings and a branch with rows cannot go away', async () => {
    const cash = await accountId('101');
    const failing = store.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO center_journal_entries (branch_code, id, entry_no, business_type, summary, booked_date, created_at, counter_code) VALUES ${entry(900020, 'JZE')}`.execute(trx);
      await sql`INSERT INTO center_postings (branch_code, id, entry_id, account_id, side, amount_fen)
                VALUES ${sql.join([posting(900020, 900020, cash, 'D', 100), posting(900021, 900020, 987654, 'C', 100)])}`.execute(trx);
    });
    await expect(failing).rejects.toThrow('网点WQ01的分录900021记入的账户987654不存在');
    await expect(sql`INSERT INTO center_postings (branch_code, id, entry_id, account_id, side, amount_fen) VALUES ${posting(900022, 900001, cash, 'D', 1)}`.execute(store.db)).rejects.toThrow(
      '网点WQ01的分录900022只能随其凭证900001一起写入',
    );
    await expect(sql`DELETE FROM center_accounts WHERE branch_code = 'WQ01' AND id = ${cash}`.execute(store.db)).rejects.toThrow(`网点WQ01的账户${cash}已有分录记入，不能删除或改变编号`);
    await expect(sql`UPDATE center_accounts SET id = 987654 WHERE branch_code = 'WQ01' AND id = ${cash}`.execute(store.db)).rejects.toThrow('已有分录记入');
    await expect(sql`DELETE FROM center_branches WHERE code = 'WQ01'`.execute(store.db)).rejects.toThrow('中心已收到网点WQ01的变更记录，不能删除或改变其代码');
    await expect(sql`INSERT INTO center_change_log (branch_code, seq, tbl, row_key, op, image) VALUES ('ZZ99', 1, 'x', '1', 'I', NULL)`.execute(store.db)).rejects.toThrow(
      '网点ZZ99未在本中心登记，不能写入其变更记录',
    );
  });

  it('a batch whose posting image does not fit its structure record is refused, nothing applied', async () => {
    b.app.db.tx(() => b.app.db.sqlite.exec(`INSERT INTO integrity_log (tbl, row_key, op, image) VALUES ('postings', '999999', 'I', '[999999, 1]')`));
    const held = async () => q(sql<{ s: string; n: string }>`SELECT last_seal AS s, (SELECT COUNT(*) FROM center_change_log) AS n FROM center_branches WHERE code = 'WQ01'`);
    const before = await held();
    await expect(importBatch(store, exportBatch())).rejects.toThrow('postings表的变更记录与其结构不符');
    expect(await held()).toEqual(before);
  });
});

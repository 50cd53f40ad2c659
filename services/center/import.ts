/**
 * `gjj center import`: one batch file from a branch, verified and applied in ONE PostgreSQL transaction.
 * Refused, with nothing applied: a damaged file, a signature that is not the registered branch key's, a batch for
 * another center, a gap (缺少第N至M批), a fork (a seal the center already holds with another mac, or a chain that does
 * not continue from the center's last seal), rows that do not match their seal's digest, an entry that does not
 * balance (the database's deferred trigger). Idempotent by (branch, seal id): seals already applied are skipped;
 * a file with nothing new is "没有新内容".
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Batch, BatchSeal, LogRow } from '../branch/batch';
import { readSigned, verifyText } from '../branch/signing';
import { registerFromBranch, type Decoded } from './register';
import type { CenterStore } from './store';

/** Master data that enters the member register, and the branch's acknowledgements (services/center/register.ts). */
const REGISTER_TABLES = new Set(['employers', 'members', 'center_applied']);

export interface ImportResult {
  branch: string;
  applied: boolean;
  message: string;
  fromSeal: number;
  toSeal: number;
  seals: number;
  rows: number;
  entries: number;
  postings: number;
}

const refuse = (message: string) => new AppError('CONFLICT', message);

function sealDigest(rows: LogRow[]): string {
  const h = createHash('sha256');
  for (const r of rows) {
    h.update(JSON.stringify(r));
    h.update('\n');
  }
  return h.digest('hex');
}

/** Internal consistency of the batch: contiguous seal ids, chained macs, each seal's rows match its digest. */
function checkBatchShape(b: Batch): void {
  if (!Array.isArray(b.seals) || !Array.isArray(b.rows) || b.seals.length !== b.rows.length || !b.seals.length) throw refuse('批次文件内容不完整');
  if (b.seals[0]!.id !== b.fromSeal || b.seals[b.seals.length - 1]!.id !== b.toSeal) throw refuse('批次文件的签封编号与内容不符');
  let prevMac = b.prevMac;
  b.seals.forEach((s, i) => {
    if (s.id !== b.fromSeal + i) throw refuse(`批次文件的签封编号不连续：第${i + 1}个应为#${b.fromSeal + i}，实为#${s.id}`);
    if (s.prev_mac !== prevMac) throw refuse(`批次文件中签封#${s.id}没有接续上一签封（链条断开）`);
    const rows = b.rows[i]!;
    if (rows.length !== s.rows || sealDigest(rows) !== s.digest) throw refuse(`批次文件中签封#${s.id}的变更记录与其摘要不符`);
    if (rows.some((r) => r[0] < s.from_seq || r[0] > s.to_seq)) throw refuse(`批次文件中签封#${s.id}含有范围外的变更记录`);
    prevMac = s.mac;
  });
}

export function parseBatchFile(content: string): { batch: Batch; text: string; sig: string } {
  const { body, text, sig } = readSigned<Batch>(content, '批次文件');
  if (body.kind !== 'gjj-batch' || body.v !== 1 || typeof body.branch !== 'string') throw new AppError('BAD_INPUT', '批次文件格式不正确');
  return { batch: body, text, sig };
}

type Spec = { pk: string[]; columns: string[] };

function imageOf(spec: Spec | undefined, tbl: string, image: string | null): Record<string, unknown> {
  if (!spec) throw refuse(`网点尚未送来${tbl}表的结构记录，无法解读其变更`);
  const values = JSON.parse(image ?? 'null') as unknown[] | null;
  if (!Array.isArray(values) || values.length !== spec.columns.length) throw refuse(`${tbl}表的变更记录与其结构不符`);
  return Object.fromEntries(spec.columns.map((c, i) => [c, values[i]]));
}

/** The columns the center keeps of a branch's accounts. */
const ACCOUNT_KEPT = ['code', 'name', 'type', 'parent_code', 'member_id'];

/** The columns the center keeps of a branch's journal entries and postings, with their PostgreSQL types. */
const LEDGER_COLUMNS = {
  journal_entries: {
    table: 'center_journal_entries',
    columns: [['id', 'bigint'], ['entry_no', 'text'], ['business_type', 'text'], ['summary', 'text'], ['booked_date', 'text'], ['created_at', 'text'], ['operator_id', 'bigint'], ['branch_code', 'text'], ['reverses_entry_id', 'bigint']],
    into: ['id', 'entry_no', 'business_type', 'summary', 'booked_date', 'created_at', 'operator_id', 'counter_code', 'reverses_entry_id'],
  },
  postings: {
    table: 'center_postings',
    columns: [['id', 'bigint'], ['entry_id', 'bigint'], ['account_id', 'bigint'], ['side', 'text'], ['amount_fen', 'bigint']],
    into: ['id', 'entry_id', 'account_id', 'side', 'amount_fen'],
  },
} as const;

/**
 * New journal entries or postings ('I' rows) straight from the change log just written: PostgreSQL decodes the images
 * (jsonb), set-based, so Node never parses them. Every image must be an array as long as the table's structure
 * record says; the count inserted is compared with the count sent.
 */
async function insertLedgerRows(trx: Transaction<unknown>, branch: string, tbl: keyof typeof LEDGER_COLUMNS, spec: Spec | undefined, seqs: { from: number; to: number }, expected: number): Promise<void> {
  if (!expected) return;
  if (!spec) throw refuse(`网点尚未送来${tbl}表的结构记录，无法解读其变更`);
  const def = LEDGER_COLUMNS[tbl];
  const select = def.columns.map(([c, type]) => {
    const i = spec.columns.indexOf(c);
    return i < 0 ? sql`NULL::${sql.raw(type)}` : sql`(j->>${sql.lit(i)})::${sql.raw(type)}`;
  });
  const r = await sql`INSERT INTO ${sql.table(def.table)} (branch_code, ${sql.join(def.into.map((c) => sql.ref(c)))})
    SELECT ${branch}, ${sql.join(select)}
      FROM (SELECT l.image::jsonb AS j FROM center_change_log l
             WHERE l.branch_code = ${branch} AND l.seq BETWEEN ${seqs.from} AND ${seqs.to} AND l.tbl = ${tbl} AND l.op = 'I') x
     WHERE jsonb_typeof(j) = 'array' AND jsonb_array_length(j) = ${spec.columns.length}`.execute(trx);
  if (Number(r.numAffectedRows ?? 0) !== expected) throw refuse(`${tbl}表的变更记录与其结构不符`);
}

async function applyRows(trx: Transaction<unknown>, branch: string, seals: BatchSeal[], rows: LogRow[][], batchId: number): Promise<{ entries: number; postings: number; rows: number }> {
  const specsNow = await sql<{ tbl: string; spec: Spec }>`SELECT tbl, spec FROM center_table_specs WHERE branch_code = ${branch}`.execute(trx);
  const specs = new Map(specsNow.rows.map((r) => [r.tbl, r.spec]));
  const changedSpecs = new Map<string, Spec>();
  const accountsIns: Record<string, unknown>[] = [];
  const accountsLast = new Map<string, string | null>();
  // Restated rows ('B') are decoded here and compared with what the center holds; new rows ('I') are decoded in
  // PostgreSQL. A structure record ('S') changes how the rows after it read: the new rows are then decoded per run.
  const entriesB: Record<string, unknown>[] = [];
  const postingsB: Record<string, unknown>[] = [];
  const runs: Array<{ from: number; to: number; specs: Map<string, Spec>; entries: number; postings: number }> = [];
  let run: (typeof runs)[number] | undefined;
  const log: LogRow[] = [];
  const register: Decoded[] = [];
  for (const sealRows of rows) {
    for (const r of sealRows) {
      log.push(r);
      const [seq, tbl, rowKey, op, image] = r;
      if (op === 'S') {
        if (rowKey === '#columns') {
          const spec = JSON.parse(image ?? '{}') as Spec;
          specs.set(tbl, spec);
          changedSpecs.set(tbl, spec);
          run = undefined;
        }
        continue;
      }
      if (tbl === 'journal_entries' || tbl === 'postings') {
        if (op !== 'I' && op !== 'B') throw refuse(`网点${branch}的变更记录第${seq}条${op === 'D' ? '删除' : '修改'}了${tbl === 'postings' ? '分录' : '凭证'}${rowKey}：账务记录只能追加`);
        if (op === 'B') {
          (tbl === 'postings' ? postingsB : entriesB).push({ ...imageOf(specs.get(tbl), tbl, image), '#op': op });
          continue;
        }
        if (!run) runs.push((run = { from: seq, to: seq, specs: new Map(specs), entries: 0, postings: 0 }));
        run.to = seq;
        if (tbl === 'postings') run.postings++;
        else run.entries++;
      } else if (REGISTER_TABLES.has(tbl) && op !== 'D') {
        register.push({ tbl, op, row: imageOf(specs.get(tbl), tbl, image) });
      } else if (tbl === 'accounts') {
        if (op === 'I' || op === 'B') accountsIns.push({ ...imageOf(specs.get(tbl), tbl, image), '#op': op });
        else if (op === 'U') {
          // Only each account's last image matters (a busy branch updates the same accounts thousands of times).
          accountsLast.delete(rowKey);
          accountsLast.set(rowKey, image);
        } else throw refuse(`网点${branch}的变更记录第${seq}条删除了账户${rowKey}：账户不能删除`);
      }
    }
  }
  const accountsUpd = [...accountsLast.values()].map((image) => imageOf(specs.get('accounts'), 'accounts', image));
  for (const [tbl, spec] of changedSpecs) {
    await sql`INSERT INTO center_table_specs (branch_code, tbl, spec) VALUES (${branch}, ${tbl}, ${JSON.stringify(spec)}::jsonb)
              ON CONFLICT (branch_code, tbl) DO UPDATE SET spec = EXCLUDED.spec`.execute(trx);
  }
  const col = <T>(xs: Record<string, unknown>[], c: string) => xs.map((x) => (x[c] ?? null) as T);
  // A baseline ('B': the table was re-stated after a migration changed its shape) repeats rows the center may hold.
  const restated = async (table: string, xs: Record<string, unknown>[], same: string[]) => {
    const ids = xs.filter((x) => x['#op'] === 'B').map((x) => x.id as number);
    if (!ids.length) return xs;
    const held = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} WHERE branch_code = ${branch} AND id = ANY(${ids}::bigint[])`.execute(trx);
    const have = new Map(held.rows.map((r) => [Number(r.id), r]));
    for (const x of xs) {
      const h = x['#op'] === 'B' ? have.get(Number(x.id)) : undefined;
      const differs = h && same.find((c) => String(h[c] ?? '') !== String(x[c] ?? ''));
      if (differs) throw refuse(`网点${branch}重新申报的${table}第${String(x.id)}行（${differs}）与中心已收到的不同，未导入`);
    }
    return xs.filter((x) => x['#op'] !== 'B' || !have.has(Number(x.id)));
  };
  const accountsNew = await restated('center_accounts', accountsIns, []);
  const entriesNew = await restated('center_journal_entries', entriesB, ['entry_no', 'business_type', 'booked_date']);
  const postingsNew = await restated('center_postings', postingsB, ['entry_id', 'account_id', 'side', 'amount_fen']);
  const sc = <K extends keyof BatchSeal>(k: K) => seals.map((s) => s[k]);
  await sql`INSERT INTO center_seals (branch_code, id, from_seq, to_seq, rows, digest, at, prev_mac, mac, batch_id)
            SELECT ${branch}, *, ${batchId} FROM unnest(${sc('id')}::bigint[], ${sc('from_seq')}::bigint[], ${sc('to_seq')}::bigint[], ${sc('rows')}::integer[],
              ${sc('digest')}::text[], ${sc('at')}::text[], ${sc('prev_mac')}::text[], ${sc('mac')}::text[])`.execute(trx);
  // The change log as one JSON text per chunk (JSON.stringify is native; PostgreSQL's jsonb reader takes it apart).
  const CHUNK = 20_000;
  for (let i = 0; i < log.length; i += CHUNK) {
    await sql`INSERT INTO center_change_log (branch_code, seq, tbl, row_key, op, image)
              SELECT ${branch}, (r->>0)::bigint, r->>1, r->>2, r->>3, r->>4 FROM jsonb_array_elements(${JSON.stringify(log.slice(i, i + CHUNK))}::jsonb) r`.execute(trx);
  }
  await registerFromBranch(trx, branch, register);
  for (const a of accountsIns) if (!accountsNew.includes(a)) accountsUpd.unshift(a);
  if (accountsNew.length) {
    await sql`INSERT INTO center_accounts (branch_code, id, code, name, type, parent_code, member_id)
              SELECT ${branch}, * FROM unnest(${col(accountsNew, 'id')}::bigint[], ${col(accountsNew, 'code')}::text[], ${col(accountsNew, 'name')}::text[],
                                             ${col(accountsNew, 'type')}::text[], ${col(accountsNew, 'parent_code')}::text[], ${col(accountsNew, 'member_id')}::bigint[])`.execute(trx);
  }
  // A busy branch re-logs an account with every posting (its running totals), but the center keeps only what does
  // not change (code, name, type, parent, member): compare with what it holds and update only accounts that differ.
  const latest = [...new Map(accountsUpd.map((a) => [Number(a.id), a])).values()];
  const lastImage: Record<string, unknown>[] = [];
  for (let i = 0; i < latest.length; i += CHUNK) {
    const part = latest.slice(i, i + CHUNK);
    const held = await sql<Record<string, unknown>>`SELECT id, code, name, type, parent_code, member_id FROM center_accounts
                                                     WHERE branch_code = ${branch} AND id = ANY(${col(part, 'id')}::bigint[])`.execute(trx);
    const have = new Map(held.rows.map((r) => [Number(r.id), r]));
    for (const a of part) {
      const h = have.get(Number(a.id));
      if (!h || ACCOUNT_KEPT.some((c) => String(h[c] ?? '') !== String(a[c] ?? ''))) lastImage.push(a);
    }
  }
  for (let i = 0; i < lastImage.length; i += CHUNK) {
    const u = lastImage.slice(i, i + CHUNK);
    await sql`UPDATE center_accounts c SET code = x.code, name = x.name, type = x.type, parent_code = x.parent_code, member_id = x.member_id
                FROM unnest(${col(u, 'id')}::bigint[], ${col(u, 'code')}::text[], ${col(u, 'name')}::text[], ${col(u, 'type')}::text[],
                            ${col(u, 'parent_code')}::text[], ${col(u, 'member_id')}::bigint[]) AS x(id, code, name, type, parent_code, member_id)
               WHERE c.branch_code = ${branch} AND c.id = x.id`.execute(trx);
  }
  for (let i = 0; i < entriesNew.length; i += CHUNK) {
    const e = entriesNew.slice(i, i + CHUNK);
    await sql`INSERT INTO center_journal_entries (branch_code, id, entry_no, business_type, summary, booked_date, created_at, operator_id, counter_code, reverses_entry_id)
              SELECT ${branch}, * FROM unnest(${col(e, 'id')}::bigint[], ${col(e, 'entry_no')}::text[], ${col(e, 'business_type')}::text[], ${col(e, 'summary')}::text[],
                ${col(e, 'booked_date')}::text[], ${col(e, 'created_at')}::text[], ${col(e, 'operator_id')}::bigint[], ${col(e, 'branch_code')}::text[], ${col(e, 'reverses_entry_id')}::bigint[])`.execute(trx);
  }
  for (const r of runs) await insertLedgerRows(trx, branch, 'journal_entries', r.specs.get('journal_entries'), r, r.entries);
  const postingsN = postingsNew.length + runs.reduce((n, r) => n + r.postings, 0);
  for (let i = 0; i < postingsNew.length; i += CHUNK) {
    const p = postingsNew.slice(i, i + CHUNK);
    await sql`INSERT INTO center_postings (branch_code, id, entry_id, account_id, side, amount_fen)
              SELECT ${branch}, * FROM unnest(${col(p, 'id')}::bigint[], ${col(p, 'entry_id')}::bigint[], ${col(p, 'account_id')}::bigint[],
                ${col(p, 'side')}::text[], ${col(p, 'amount_fen')}::bigint[])`.execute(trx);
  }
  for (const r of runs) await insertLedgerRows(trx, branch, 'postings', r.specs.get('postings'), r, r.postings);
  return { entries: entriesNew.length + runs.reduce((n, r) => n + r.entries, 0), postings: postingsN, rows: log.length };
}

export async function importBatch(store: CenterStore, content: string): Promise<ImportResult> {
  const { batch: b, text, sig } = parseBatchFile(content);
  const db = store.db as Kysely<unknown>;
  const known = await sql<{ public_key: string }>`SELECT public_key FROM center_branches WHERE code = ${b.branch}`.execute(db);
  if (!known.rows[0]) throw refuse(`网点${b.branch}未在本中心登记（先 gjj center register 其入网回执），批次未导入`);
  if (!verifyText(known.rows[0].public_key, text, sig)) throw refuse(`批次文件的签名与网点${b.branch}登记的密钥不符（文件被改动或不是该网点签发），未导入`);
  if (b.centerId !== store.config.centerId) throw refuse(`批次文件属于中心${b.centerId}，不是本中心${store.config.centerId}`);
  checkBatchShape(b);
  const fileDigest = createHash('sha256').update(content).digest('hex');
  const base = { branch: b.branch, fromSeal: b.fromSeal, toSeal: b.toSeal };
  try {
    return await applyBatch(db, b, fileDigest, base);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw refuse(`批次未导入，中心数据库拒绝：${err instanceof Error ? err.message : String(err)}`);
  }
}

async function applyBatch(db: Kysely<unknown>, b: Batch, fileDigest: string, base: { branch: string; fromSeal: number; toSeal: number }): Promise<ImportResult> {
  return db.transaction().execute(async (trx) => {
    const head = await sql<{ last_seal: string; last_mac: string }>`SELECT last_seal, last_mac FROM center_branches WHERE code = ${b.branch} FOR UPDATE`.execute(trx);
    const last = Number(head.rows[0]!.last_seal);
    const lastMac = head.rows[0]!.last_mac;
    if (b.fromSeal > last + 1) throw refuse(`网点${b.branch}缺少第${last + 1}至${b.fromSeal - 1}批（签封），本文件从第${b.fromSeal}批开始：请先导入缺少的批次，或在网点用 gjj sync export --from ${last} 重新导出`);
    // Seals the center already holds must be the same seals (same mac): otherwise the branch's history forked.
    if (b.fromSeal <= last) {
      const held = await sql<{ id: string; mac: string }>`SELECT id, mac FROM center_seals WHERE branch_code = ${b.branch} AND id BETWEEN ${b.fromSeal} AND ${Math.min(last, b.toSeal)} ORDER BY id`.execute(trx);
      for (const h of held.rows) {
        const mine = b.seals[Number(h.id) - b.fromSeal]!;
        if (mine.mac !== h.mac) throw refuse(`网点${b.branch}的签封#${h.id}与中心已收到的记录分叉（同一编号，内容不同），未导入`);
      }
      if (b.fromSeal === 1 && b.prevMac !== '0'.repeat(64)) throw refuse(`网点${b.branch}的批次与中心已收到的记录分叉，未导入`);
    } else if (b.prevMac !== lastMac) {
      throw refuse(`网点${b.branch}的第${b.fromSeal}批没有接续中心已收到的第${last}批：与中心已收到的记录分叉，未导入`);
    }
    if (b.toSeal <= last) return { ...base, applied: false, message: `没有新内容：网点${b.branch}第${b.fromSeal}至${b.toSeal}批已导入过`, seals: 0, rows: 0, entries: 0, postings: 0 };
    const skip = Math.max(0, last - b.fromSeal + 1);
    const seals = b.seals.slice(skip);
    const rows = b.rows.slice(skip);
    const toMac = seals[seals.length - 1]!.mac;
    const batchRow = await sql<{ id: string }>`INSERT INTO center_batches (branch_code, from_seal, to_seal, to_mac, file_digest, totals)
      VALUES (${b.branch}, ${seals[0]!.id}, ${b.toSeal}, ${toMac}, ${fileDigest}, ${JSON.stringify(b.totals)}::jsonb) RETURNING id`.execute(trx);
    const n = await applyRows(trx, b.branch, seals, rows, Number(batchRow.rows[0]!.id));
    await sql`UPDATE center_branches SET last_seal = ${b.toSeal}, last_mac = ${toMac} WHERE code = ${b.branch}`.execute(trx);
    return {
      ...base,
      applied: true,
      message: `已导入网点${b.branch}第${seals[0]!.id}至${b.toSeal}批：${n.rows}条变更，${n.entries}张凭证，${n.postings}条分录`,
      seals: seals.length,
      ...n,
    };
  });
}

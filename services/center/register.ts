/**
 * The member register at the center (docs/branch-network.md §6), fed by the branches' batches inside the import's
 * transaction: an employer or member a branch inserts or updates becomes a center change ('employer' / 'member'),
 * so it flows down to every other branch; a branch's `center_applied` rows are its acknowledgement of the center
 * changes it applied (the ownership transfer waits for them). Rows a branch holds only as a copy of the register
 * (another branch opened them) are not sent down again: each employer and member is maintained by its origin.
 * Full ID numbers never reach the center (the branch logs them as a keyed hash); members carry that hash as an
 * opaque person reference.
 */
import { sql, type Transaction } from 'kysely';
import { appendChange } from './publish';

export type Decoded = { tbl: string; op: string; row: Record<string, unknown> };

const EMPLOYER_FIELDS = ['name', 'uscc', 'uscc_confirmed', 'district', 'employee_ratio', 'employer_ratio', 'supp_employee_ratio', 'supp_employer_ratio', 'contact_name', 'contact_phone', 'address', 'opened_date', 'status', 'custody', 'remote_custody'];
const MEMBER_FIELDS = ['name', 'birth_date', 'sex', 'phone', 'base_fen', 'status', 'opened_date'];

/** The employer's account number for a branch-local employer id, from this batch or the change log held. */
async function employerNo(trx: Transaction<unknown>, branch: string, id: unknown, inBatch: Map<string, string>): Promise<string | null> {
  const mine = inBatch.get(String(id));
  if (mine) return mine;
  const specs = await sql<{ spec: { columns: string[] } }>`SELECT spec FROM center_table_specs WHERE branch_code = ${branch} AND tbl = 'employers'`.execute(trx);
  const at = specs.rows[0]?.spec.columns.indexOf('account_no') ?? -1;
  if (at < 0) return null;
  const r = await sql<{ image: string }>`SELECT image FROM center_change_log WHERE branch_code = ${branch} AND tbl = 'employers' AND row_key = ${JSON.stringify([Number(id)])} AND image IS NOT NULL ORDER BY seq DESC LIMIT 1`.execute(trx);
  const img = r.rows[0] ? (JSON.parse(r.rows[0].image) as unknown[]) : null;
  return img ? String(img[at]) : null;
}

export async function registerFromBranch(trx: Transaction<unknown>, branch: string, rows: Decoded[]): Promise<{ changes: number; ack: number | null }> {
  let changes = 0;
  let ack: number | null = null;
  const inBatch = new Map<string, string>();
  for (const { tbl, op, row } of rows) {
    if (tbl === 'center_applied') {
      if (op === 'I' || op === 'B') ack = Math.max(ack ?? 0, Number(row.seq));
      if (op === 'I' && row.moves) {
        await sql`INSERT INTO center_transfer_moves (seq, branch_code, moves) VALUES (${Number(row.seq)}, ${branch}, ${String(row.moves)}::jsonb) ON CONFLICT (seq) DO NOTHING`.execute(trx);
      }
      continue;
    }
    if (op !== 'I' && op !== 'U' && op !== 'B') continue;
    const accountNo = String(row.account_no);
    if (tbl === 'employers') {
      inBatch.set(String(row.id), accountNo);
      const held = await sql<{ origin_branch: string; owner: string }>`SELECT origin_branch, owner FROM center_register_employers WHERE account_no = ${accountNo}`.execute(trx);
      let owner = held.rows[0]?.owner;
      if (held.rows[0] && held.rows[0].origin_branch !== branch) continue;
      if (!held.rows[0]) {
        owner = String(row.branch_code || branch);
        await sql`INSERT INTO center_register_employers (account_no, origin_branch, owner) VALUES (${accountNo}, ${branch}, ${owner})`.execute(trx);
      } else if (op === 'B') continue;
      const payload: Record<string, unknown> = { accountNo, owner };
      for (const f of EMPLOYER_FIELDS) payload[f] = row[f] ?? null;
      await appendChange(trx, 'employer', payload, branch, `branch:${branch}`);
      changes++;
    } else if (tbl === 'members') {
      const held = await sql<{ origin_branch: string }>`SELECT origin_branch FROM center_register_members WHERE account_no = ${accountNo}`.execute(trx);
      if (held.rows[0] && (held.rows[0].origin_branch !== branch || op === 'B')) continue;
      const employerAccountNo = await employerNo(trx, branch, row.employer_id, inBatch);
      if (!employerAccountNo) continue;
      if (!held.rows[0]) await sql`INSERT INTO center_register_members (account_no, origin_branch) VALUES (${accountNo}, ${branch})`.execute(trx);
      const payload: Record<string, unknown> = { accountNo, employerAccountNo, personRef: `${branch}:${String(row.id_number ?? '')}` };
      for (const f of MEMBER_FIELDS) payload[f] = row[f] ?? null;
      await appendChange(trx, 'member', payload, branch, `branch:${branch}`);
      changes++;
    }
  }
  if (ack !== null) {
    await sql`INSERT INTO center_down_acks (branch_code, seq) VALUES (${branch}, ${ack})
              ON CONFLICT (branch_code) DO UPDATE SET seq = GREATEST(center_down_acks.seq, EXCLUDED.seq)`.execute(trx);
  }
  return { changes, ack };
}

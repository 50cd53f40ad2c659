/**
 * `gjj center check`: the consolidated books, the way `gjj check` checks a branch, plus the branches' own word:
 *  1. every journal entry has at least two postings and balances;
 *  2. each branch's seal chain is complete and linked (ids 1…last, each prev_mac = the previous mac), and the
 *     change log holds exactly the rows its seals count;
 *  3. per branch, the control accounts (201, 202, …) as the branch reported them equal the center's sub-ledgers;
 *  4. per branch, the center's totals (entries, postings, debits, credits, by account code) equal the totals the
 *     branch reported for the same seal (its last applied batch).
 */
import { sql } from 'kysely';
import type { BranchTotals } from '../branch/batch';
import type { CenterStore } from './store';

export interface CenterCheckReport {
  ok: boolean;
  problems: string[];
  branches: Array<{ code: string; lastSeal: number; entries: number; postings: number; debitsFen: number; creditsFen: number }>;
}

const num = (v: unknown) => Number(v ?? 0);

export async function checkCenter(store: CenterStore): Promise<CenterCheckReport> {
  const db = store.db;
  const problems: string[] = [];
  const unbalanced = await sql<{ branch_code: string; entry_no: string; n: string; d: string; c: string }>`
    SELECT e.branch_code, e.entry_no, COUNT(p.id) AS n,
           COALESCE(SUM(p.amount_fen) FILTER (WHERE p.side = 'D'), 0) AS d, COALESCE(SUM(p.amount_fen) FILTER (WHERE p.side = 'C'), 0) AS c
      FROM center_journal_entries e LEFT JOIN center_postings p ON p.branch_code = e.branch_code AND p.entry_id = e.id
     GROUP BY e.branch_code, e.id, e.entry_no
    HAVING COUNT(p.id) < 2 OR COALESCE(SUM(p.amount_fen) FILTER (WHERE p.side = 'D'), 0) <> COALESCE(SUM(p.amount_fen) FILTER (WHERE p.side = 'C'), 0)
     ORDER BY 1, 2 LIMIT 20`.execute(db);
  for (const u of unbalanced.rows) problems.push(`网点${u.branch_code}凭证${u.entry_no}借贷不平衡：${u.n}行，借方${u.d}分，贷方${u.c}分`);

  const branches = await sql<{ code: string; last_seal: string }>`SELECT code, last_seal FROM center_branches ORDER BY code`.execute(db);
  const out: CenterCheckReport['branches'] = [];
  for (const br of branches.rows) {
    const code = br.code;
    const lastSeal = num(br.last_seal);
    const chain = await sql<{ n: string; max: string | null; broken: string; rows: string | null }>`
      SELECT COUNT(*) AS n, MAX(id) AS max, SUM(rows) AS rows,
             COUNT(*) FILTER (WHERE prev_mac <> COALESCE(prev, ${'0'.repeat(64)}) OR id <> rn) AS broken
        FROM (SELECT id, rows, prev_mac, LAG(mac) OVER (ORDER BY id) AS prev, ROW_NUMBER() OVER (ORDER BY id) AS rn
                FROM center_seals WHERE branch_code = ${code}) s`.execute(db);
    const ch = chain.rows[0]!;
    if (num(ch.n) !== lastSeal || num(ch.max) !== lastSeal || num(ch.broken) > 0) {
      problems.push(`网点${code}的签封链不完整或断开：中心记载到第${lastSeal}批，持有${ch.n}个签封，${ch.broken}处不接续`);
    }
    const logged = await sql<{ n: string }>`SELECT COUNT(*) AS n FROM center_change_log WHERE branch_code = ${code}`.execute(db);
    if (num(logged.rows[0]!.n) !== num(ch.rows)) problems.push(`网点${code}的变更记录有${logged.rows[0]!.n}条，签封记载${num(ch.rows)}条`);

    const byCode = await sql<{ code: string; n: string; d: string; c: string }>`
      SELECT COALESCE(a.parent_code, a.code) AS code, COUNT(*) AS n,
             COALESCE(SUM(p.amount_fen) FILTER (WHERE p.side = 'D'), 0) AS d, COALESCE(SUM(p.amount_fen) FILTER (WHERE p.side = 'C'), 0) AS c
        FROM center_postings p JOIN center_accounts a ON a.branch_code = p.branch_code AND a.id = p.account_id
       WHERE p.branch_code = ${code} GROUP BY 1 ORDER BY 1`.execute(db);
    const entries = num((await sql<{ n: string }>`SELECT COUNT(*) AS n FROM center_journal_entries WHERE branch_code = ${code}`.execute(db)).rows[0]!.n);
    const mine: BranchTotals = { entries, postings: 0, debitsFen: 0, creditsFen: 0, byCode: {}, controls: {} };
    for (const r of byCode.rows) {
      mine.byCode[r.code] = { d: num(r.d), c: num(r.c) };
      mine.postings += num(r.n);
      mine.debitsFen += num(r.d);
      mine.creditsFen += num(r.c);
    }
    out.push({ code, lastSeal, entries, postings: mine.postings, debitsFen: mine.debitsFen, creditsFen: mine.creditsFen });
    if (mine.debitsFen !== mine.creditsFen) problems.push(`网点${code}在中心的借方合计${mine.debitsFen}分不等于贷方合计${mine.creditsFen}分`);

    const reported = await sql<{ to_seal: string; totals: BranchTotals }>`
      SELECT to_seal, totals FROM center_batches WHERE branch_code = ${code} ORDER BY to_seal DESC LIMIT 1`.execute(db);
    const rep = reported.rows[0];
    if (!rep) continue;
    const t = rep.totals;
    const at = `第${rep.to_seal}批`;
    for (const k of ['entries', 'postings', 'debitsFen', 'creditsFen'] as const) {
      if (t[k] !== mine[k]) problems.push(`网点${code}截至${at}报告${LABELS[k]}${t[k]}，中心为${mine[k]}`);
    }
    for (const c of new Set([...Object.keys(t.byCode), ...Object.keys(mine.byCode)])) {
      const a = t.byCode[c] ?? { d: 0, c: 0 };
      const b = mine.byCode[c] ?? { d: 0, c: 0 };
      if (a.d !== b.d || a.c !== b.c) problems.push(`网点${code}科目${c}截至${at}报告借方${a.d}分、贷方${a.c}分，中心为借方${b.d}分、贷方${b.c}分`);
    }
    // The branch's control accounts (running totals it keeps) against the center's sub-ledgers (re-summed here).
    for (const [c, v] of Object.entries(t.controls)) {
      const b = mine.byCode[c] ?? { d: 0, c: 0 };
      if (v.d !== b.d || v.c !== b.c) problems.push(`网点${code}总账科目${c}（借方${v.d}分、贷方${v.c}分）不等于中心的明细账合计（借方${b.d}分、贷方${b.c}分）`);
    }
  }
  return { ok: problems.length === 0, problems, branches: out };
}

const LABELS = { entries: '凭证数', postings: '分录数', debitsFen: '借方合计（分）', creditsFen: '贷方合计（分）' } as const;

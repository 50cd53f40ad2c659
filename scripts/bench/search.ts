/**
 * Member search at a given size: p95 of the four kinds of query the counter types, through the service (the
 * dispatcher adds only its zod check), beside a bare indexed range of 50 members with the same columns, and the former
 * full-scan query (LIKE '%q%') for comparison.
 */
import type { ServiceContext } from '../../services/context';
import { searchMembers } from '../../services/accounts/memberSearch';
import { rng } from '../../services/demo/names';
import { quantile, rows, sample, sizeLabel } from './table';

interface M { name: string; id_number: string; account_no: string }

export function benchSearch(ctx: ServiceContext, n: number): void {
  const sqlite = ctx.db.sqlite;
  const rand = rng(14);
  const count = sqlite.prepare('SELECT max(id) FROM members').pluck().get() as number;
  const pickOne = sqlite.prepare('SELECT name, id_number, account_no FROM members WHERE id = ?');
  const members = Array.from({ length: 200 }, () => pickOne.get(1 + Math.floor(rand() * count)) as M);
  const kinds: Array<[string, (m: M) => string]> = [
    ['name contains (given name)', (m) => Array.from(m.name).slice(1).join('')],
    ['name prefix (surname + 1)', (m) => Array.from(m.name).slice(0, 2).join('')],
    ['ID tail, last 4', (m) => m.id_number.slice(-4)],
    ['account number', (m) => m.account_no],
  ];
  // Bare: an indexed range of 50 members in id order, with the same columns (employer name, balance) as a result.
  const bare = sqlite.prepare(
    `SELECT m.id, m.account_no, m.name, m.id_number, m.status, e.name AS employer_name,
            COALESCE((SELECT a.credits_fen - a.debits_fen FROM accounts a WHERE a.member_id = m.id AND a.parent_code = '201'), 0) AS balance
       FROM members m JOIN employers e ON e.id = m.employer_id WHERE m.id >= ? ORDER BY m.id LIMIT 50`,
  );
  const baseline = quantile(sample(members, () => bare.all(1 + Math.floor(rand() * count))), 0.95);
  for (const [what, query] of kinds) {
    const times = sample(members, (m) => searchMembers(ctx, query(m)));
    rows.push({ operation: `member search p95, ${what}`, size: sizeLabel(n), figure: quantile(times, 0.95), baseline, baselineWhat: 'indexed 50-row range p95', goal: '< 3 ms p95 at 1M', note: `p50 ${quantile(times, 0.5).toFixed(2)} ms` });
  }
  // Before issue 14: the full scan, on 20 queries (it is slow at 1M).
  const scan = sqlite.prepare(`SELECT m.id FROM members m JOIN employers e ON e.id = m.employer_id WHERE m.name LIKE ? ORDER BY m.id LIMIT 50`);
  const scanTail = sqlite.prepare(`SELECT m.id FROM members m JOIN employers e ON e.id = m.employer_id WHERE (m.account_no LIKE ? OR m.id_number LIKE ? OR m.id_number LIKE ?) ORDER BY m.id LIMIT 50`);
  const few = members.slice(0, 20);
  rows.push({ operation: 'member search p95, name contains — former LIKE scan', size: sizeLabel(n), figure: quantile(sample(few, (m) => scan.all(`%${kinds[0]![1](m)}%`)), 0.95), baseline, baselineWhat: 'indexed 50-row range p95', goal: '(before)' });
  rows.push({ operation: 'member search p95, ID tail — former LIKE scan', size: sizeLabel(n), figure: quantile(sample(few, (m) => scanTail.all(`${m.id_number.slice(-4)}%`, `%${m.id_number.slice(-4)}`, '\u0000')), 0.95), baseline, baselineWhat: 'indexed 50-row range p95', goal: '(before)' });
}

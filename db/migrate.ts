/**
 * Numbered, append-only migrations, listed statically (a bundled main process cannot scan a folder at run time).
 * The applied list must be a prefix of the known list: a database migrated by a newer build, or by a build whose
 * list was edited, is refused rather than guessed at.
 */
import type { Sqlite } from './connection';
import { m001_init } from './migrations/001_init';
import { m002_notices } from './migrations/002_notices';
import { m003_policy_data } from './migrations/003_policy_data';
import { m004_applications } from './migrations/004_applications';
import { m005_loans } from './migrations/005_loans';
import { m006_interest_runs } from './migrations/006_interest_runs';
import { m007_member_events } from './migrations/007_member_events';
import { m008_loan_servicing } from './migrations/008_loan_servicing';
import { m009_integrity } from './migrations/009_integrity';
import { m010_operator_people } from './migrations/010_operator_people';
import { m011_privileged_changes } from './migrations/011_privileged_changes';
import { m012_terminals } from './migrations/012_terminals';
import { m013_branch_network } from './migrations/013_branch_network';
import { m014_center_applied } from './migrations/014_center_applied';
import { m015_workflow_conditions } from './migrations/015_workflow_conditions';
import { m016_search_index } from './migrations/016_search_index';
import { m017_drafts } from './migrations/017_drafts';
import { m018_custody_accounts } from './migrations/018_custody_accounts';
import { m019_remote_borrowers } from './migrations/019_remote_borrowers';
import { m020_integrity_log_check } from './migrations/020_integrity_log_check';
import { m021_integrity_runs } from './migrations/021_integrity_runs';
import { m022_lookup_indexes } from './migrations/022_lookup_indexes';

export interface Migration {
  id: string;
  up(sqlite: Sqlite): void;
}

export const MIGRATIONS: readonly Migration[] = [m001_init, m002_notices, m003_policy_data, m004_applications, m005_loans, m006_interest_runs, m007_member_events, m008_loan_servicing, m009_integrity, m010_operator_people, m011_privileged_changes, m012_terminals, m013_branch_network, m014_center_applied, m015_workflow_conditions, m016_search_index, m017_drafts, m018_custody_accounts, m019_remote_borrowers, m020_integrity_log_check, m021_integrity_runs, m022_lookup_indexes];

export function migrate(sqlite: Sqlite, migrations: readonly Migration[] = MIGRATIONS, now = new Date()): string[] {
  checkOrder(migrations);
  sqlite.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = (sqlite.prepare('SELECT id FROM schema_migrations ORDER BY id').all() as Array<{ id: string }>).map(
    (r) => r.id,
  );
  applied.forEach((id, i) => {
    if (migrations[i]?.id !== id) {
      throw new Error(`数据库的迁移记录与程序不一致：第${i + 1}项为 ${id}，程序中为 ${migrations[i]?.id ?? '（无）'}`);
    }
  });
  const ran: string[] = [];
  for (const m of migrations.slice(applied.length)) {
    sqlite.transaction(() => {
      m.up(sqlite);
      sqlite.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)').run(m.id, now.toISOString());
    })();
    ran.push(m.id);
  }
  return ran;
}

export function checkOrder(migrations: readonly Migration[]): void {
  let expected = 1;
  migrations.forEach((m) => {
    const n = Number(m.id.slice(0, 3));
    if (n !== expected) throw new Error(`迁移编号不连续：${m.id} 应为第 ${expected} 项`);
    expected++;
  });
}

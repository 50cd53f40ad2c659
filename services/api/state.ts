/**
 * The backend's state behind one data folder: the database, the service context once a center is chosen, and
 * the open sessions. Electron's backend process, the HTTP transport and the tests each hold one.
 */
import type { Db } from '../../db/connection';
import type { HostInfoDto } from '../../shared/contract/host';
import type { SyncWorker } from '../branch/syncWorker';
import { BatchRunner, type BatchRunnerOptions } from '../batch/runner';
import { Sessions, type SessionOperator } from '../auth/sessions';
import { loginPolicy } from '../auth/policy';
import type { Role } from '../../shared/roles';
import { centerConfig } from '../../shared/centers';
import { systemClock, type Clock, type ServiceContext } from '../context';
import { centerOf, openDb, type OpenOptions } from '../app/open';

export interface AppState {
  dataDir: string;
  db: Db;
  ctx: ServiceContext | null;
  sessions: Sessions;
  clock: Clock;
  /** Set by `gjj serve` (网点主机): shown to administrators by host.info. */
  host?: HostInfoDto;
  /** The background push to the center (网点主机 of a folder that joined a center with an address). */
  sync?: SyncWorker;
  /** Set on a host (gjj serve, npm run web, the desktop backend): long batches run in a worker thread. */
  batches?: BatchRunner;
}

/** Long batches of this folder in a worker thread from now on (services/batch/runner.ts). */
export function enableBatchWorker(app: AppState, options: BatchRunnerOptions = {}): BatchRunner {
  app.batches ??= new BatchRunner(app.dataDir, app.db, app.clock, options);
  return app.batches;
}

/** The HTTP and Electron backends serve every clerk from one event loop: wait at most this long for a lock. */
export const INTERACTIVE_BUSY_TIMEOUT_MS = 100;

export function openAppState(dataDir: string, clock: Clock = systemClock, options: OpenOptions = {}): AppState {
  const db = openDb(dataDir, { busyTimeoutMs: INTERACTIVE_BUSY_TIMEOUT_MS, clock, ...options });
  const center = centerOf(db);
  return {
    dataDir,
    db,
    ctx: center ? { db, center: centerConfig(center), clock } : null,
    sessions: new Sessions(() => clock.now().getTime(), sessionLoader(db), loginPolicy(db)),
    clock,
  };
}

/** What a session re-reads on every call: the operator's current role, name and whether it is still active. */
function sessionLoader(db: Db): (operatorId: number) => SessionOperator | null {
  return (operatorId) => {
    const r = db.prepare('SELECT id, login, name, role, branch_code, active, must_change_password FROM operators WHERE id = ?').get(operatorId) as
      | { id: number; login: string; name: string; role: Role; branch_code: string; active: number; must_change_password: number }
      | undefined;
    if (!r) return null;
    return {
      operator: { id: r.id, login: r.login, name: r.name, role: r.role, branchCode: r.branch_code },
      active: r.active === 1,
      mustChangePassword: r.must_change_password === 1,
    };
  };
}

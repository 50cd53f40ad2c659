/**
 * The backend's state behind one data folder: the database, the service context once a center is chosen, and
 * the open sessions. Electron's backend process, the HTTP transport and the tests each hold one.
 */
import type { Db } from '../../db/connection';
import { Sessions } from '../auth/sessions';
import { centerConfig } from '../../shared/centers';
import { systemClock, type Clock, type ServiceContext } from '../context';
import { centerOf, openDb, type OpenOptions } from '../app/open';

export interface AppState {
  dataDir: string;
  db: Db;
  ctx: ServiceContext | null;
  sessions: Sessions;
  clock: Clock;
}

/** The HTTP and Electron backends serve every clerk from one event loop: wait at most this long for a lock. */
export const INTERACTIVE_BUSY_TIMEOUT_MS = 100;

export function openAppState(dataDir: string, clock: Clock = systemClock, options: OpenOptions = {}): AppState {
  const db = openDb(dataDir, { busyTimeoutMs: INTERACTIVE_BUSY_TIMEOUT_MS, ...options });
  const center = centerOf(db);
  return {
    dataDir,
    db,
    ctx: center ? { db, center: centerConfig(center), clock } : null,
    sessions: new Sessions(() => clock.now().getTime()),
    clock,
  };
}

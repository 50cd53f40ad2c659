/** The branch's online sync to its center, as the administrator sees it (sync.status / sync.pushNow). */
export interface SyncStatusDto {
  /** The data folder has joined a center (gjj sync join). */
  joined: boolean;
  branch: string | null;
  centerUrl: string | null;
  /** A background worker is running (the 网点主机 with a center address). */
  running: boolean;
  lastSealLocal: number;
  lastAcknowledged: number;
  pendingSeals: number;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  nextRetryAt: string | null;
}

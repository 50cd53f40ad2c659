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
  /** The branch key's fingerprint (read over the phone when the center registers the join receipt). */
  branchKeyFingerprint: string | null;
  down: SyncDownStatusDto;
}

/** Center → branch (down batches over the network, docs/branch-network.md §6). Part of SyncStatusDto. */
export interface SyncDownStatusDto {
  /** Highest center change applied here (center_applied). */
  lastApplied: number;
  /** The center's newest change number, as last seen (null: not asked yet). */
  centerLatest: number | null;
  /** Changes at the center not yet applied here (including held ones). */
  pending: number;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  /** A down batch could not be applied: the down direction stopped (立即同步 tries again); the push goes on. */
  stopped: boolean;
  nextRetryAt: string | null;
  /** The center holds back a transfer to this branch until the old owner acknowledged it. */
  held: string | null;
}

/** Result of applying a center down file, or of joining (the SyncPage's file steps). */
export interface SyncApplyDto {
  applied: boolean;
  message: string;
  fromSeq: number;
  toSeq: number;
  changes: number;
  notes: string[];
  held: string | null;
}

export interface SyncJoinDto {
  branch: string;
  branchName: string;
  centerId: string;
  /** The branch key's fingerprint, read over the phone to the center. */
  fingerprint: string;
  /** The signed join receipt (`gjj center register` takes it). */
  receipt: string;
  fileName: string;
}

export interface SyncExportDto {
  written: boolean;
  file: string | null;
  fileName: string | null;
  branch: string | null;
  fromSeal: number | null;
  toSeal: number | null;
  rows: number;
  afterSeal: number;
}

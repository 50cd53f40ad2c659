/**
 * The branch host's background push to the center: every `pollMs` (250 ms: one indexed MAX) it compares the newest local seal with what the
 * center acknowledged and, when something is pending, pushes (services/branch/push.ts) — asynchronously, one batch
 * of at most `maxSeals` read at a time, so the request thread is never held for long. When the center cannot be
 * reached (or refuses), the next attempt waits 1 s, 2 s, 4 s … capped at 60 s; `pushNow` tries at once.
 */
import type { SyncStatusDto } from '../../shared/contract/sync';
import type { ServiceContext } from '../context';
import { centerEndpoint } from './join';
import { hostBranch } from './ownership';
import { CenterCertChanged } from './centerClient';
import { clientFor, DEFAULT_MAX_SEALS, lastLocalSeal, pushPending, readPushState } from './push';

export interface SyncWorkerOptions {
  pollMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  maxSeals?: number;
  log?: (line: string) => void;
}

export class SyncWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private acknowledged: number;
  private failures = 0;
  private lastAttemptAt: Date | null = null;
  private lastSuccessAt: Date | null = null;
  private lastError: string | null = null;
  private nextRetryAt: Date | null = null;
  private headKnown = false;
  private stopped = false;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly dataDir: string,
    private readonly opts: SyncWorkerOptions = {},
  ) {
    this.acknowledged = readPushState(dataDir).acknowledgedSeal;
  }

  start(): void {
    const tick = () => {
      if (this.stopped) return;
      void this.maybePush().finally(() => {
        if (!this.stopped) this.timer = setTimeout(tick, this.opts.pollMs ?? 250).unref();
      });
    };
    this.timer = setTimeout(tick, 0).unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private async maybePush(): Promise<void> {
    if (this.running) return;
    if (this.nextRetryAt && Date.now() < this.nextRetryAt.getTime()) return;
    if (this.headKnown && lastLocalSeal(this.ctx) <= this.acknowledged) return;
    await this.pushNow();
  }

  /** Pushes now (the administrator's 立即同步, or the timer); resolves when this attempt is over. */
  pushNow(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.attempt().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async attempt(): Promise<void> {
    this.lastAttemptAt = new Date();
    try {
      const r = await pushPending(this.ctx, this.dataDir, {
        client: clientFor(this.ctx),
        maxSeals: this.opts.maxSeals ?? DEFAULT_MAX_SEALS,
        onProgress: (p) => {
          this.acknowledged = p.acknowledged;
          this.opts.log?.(`中心同步：${p.message}`);
        },
      });
      this.acknowledged = r.acknowledged;
      this.headKnown = true;
      this.failures = 0;
      this.lastError = null;
      this.nextRetryAt = null;
      this.lastSuccessAt = new Date();
    } catch (err) {
      this.headKnown = false;
      this.failures++;
      const min = this.opts.minBackoffMs ?? 1000;
      const max = this.opts.maxBackoffMs ?? 60_000;
      const wait = Math.min(max, min * 2 ** Math.min(this.failures - 1, 20));
      const message = err instanceof Error ? err.message : String(err);
      if (message !== this.lastError) this.opts.log?.(`中心同步失败：${message}${err instanceof CenterCertChanged ? '' : `（${Math.round(wait / 1000)}秒后重试）`}`);
      this.lastError = message;
      this.nextRetryAt = new Date(Date.now() + wait);
    }
  }

  status(): SyncStatusDto {
    return { ...syncStatusOf(this.ctx, this.dataDir), running: !this.stopped, lastAcknowledged: this.acknowledged, pendingSeals: Math.max(0, lastLocalSeal(this.ctx) - this.acknowledged),
      lastAttemptAt: this.lastAttemptAt?.toISOString() ?? null, lastSuccessAt: this.lastSuccessAt?.toISOString() ?? null, lastError: this.lastError, nextRetryAt: this.nextRetryAt?.toISOString() ?? null };
  }
}

/** The status without a worker (单机, or a folder not joined, or the CLI): what the files say. */
export function syncStatusOf(ctx: ServiceContext, dataDir: string): SyncStatusDto {
  const branch = hostBranch(ctx);
  const local = lastLocalSeal(ctx);
  const acked = readPushState(dataDir).acknowledgedSeal;
  return {
    joined: !!branch,
    branch,
    centerUrl: centerEndpoint(ctx)?.url ?? null,
    running: false,
    lastSealLocal: local,
    lastAcknowledged: acked,
    pendingSeals: Math.max(0, local - acked),
    lastAttemptAt: null,
    lastSuccessAt: null,
    lastError: null,
    nextRetryAt: null,
  };
}

/** The worker for a host's folder, when it has joined a center that has an address; null otherwise. */
export function startSyncWorker(ctx: ServiceContext, dataDir: string, opts: SyncWorkerOptions = {}): SyncWorker | null {
  if (!hostBranch(ctx) || !centerEndpoint(ctx)) return null;
  const w = new SyncWorker(ctx, dataDir, opts);
  w.start();
  return w;
}

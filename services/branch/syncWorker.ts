/**
 * The branch host's background push to the center: every `pollMs` (250 ms: one indexed MAX) it compares the newest local seal with what the
 * center acknowledged and, when something is pending, pushes (services/branch/push.ts) — asynchronously, one batch
 * of at most `maxSeals` read at a time, so the request thread is never held for long. When the center cannot be
 * reached (or refuses), the next attempt waits 1 s, 2 s, 4 s … capped at 60 s; `pushNow` tries at once.
 * Down direction (services/branch/pull.ts): after each push cycle, and every `downPollMs` (1 s) when nothing is to
 * push, it pulls the center's down batch after the highest applied center seq and applies it; the line down backs
 * off the same way; a batch that cannot be applied stops the down direction (reason shown) until 立即同步, the push
 * goes on.
 */
import type { SyncDownStatusDto, SyncStatusDto } from '../../shared/contract/sync';
import { lastAppliedSeq } from './applyCenter';
import { fingerprint } from './signing';
import { DownRefused, pullDown } from './pull';
import type { ServiceContext } from '../context';
import { centerEndpoint } from './join';
import { hostBranch } from './ownership';
import { CenterCertChanged } from './centerClient';
import { clientFor, DEFAULT_MAX_SEALS, lastLocalSeal, pushPending, readPushState } from './push';

/** A branch asks the center for new changes this often when nothing is to push: the lag of a center publish. */
export const DEFAULT_DOWN_POLL_MS = 1000;

export interface SyncWorkerOptions {
  pollMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  maxSeals?: number;
  /** How often the center is asked for new down changes when nothing is to push (ms). */
  downPollMs?: number;
  log?: (line: string) => void;
}

interface DownState {
  running: Promise<void> | null;
  failures: number;
  lastAttemptAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  stopped: boolean;
  nextAt: number;
  latest: number | null;
  held: string | null;
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
  private down: DownState = { running: null, failures: 0, lastAttemptAt: null, lastSuccessAt: null, lastError: null, stopped: false, nextAt: 0, latest: null, held: null };

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
      void this.maybePush().then(() => this.maybePull()).finally(() => {
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
    await this.pushNow(false);
    if (!this.lastError) this.down.nextAt = 0; // after each push cycle, ask the center for its changes too
  }

  private async maybePull(): Promise<void> {
    if (this.stopped || this.down.running || this.down.stopped || Date.now() < this.down.nextAt) return;
    await this.pullNow();
  }

  /** Pulls the center's down batches now; resolves when this attempt is over. */
  pullNow(): Promise<void> {
    if (this.down.running) return this.down.running;
    this.down.running = this.pullAttempt().finally(() => {
      this.down.running = null;
    });
    return this.down.running;
  }

  private async pullAttempt(): Promise<void> {
    const d = this.down;
    d.lastAttemptAt = new Date();
    try {
      const r = await pullDown(this.ctx, this.dataDir, clientFor(this.ctx), { onBatch: (b) => this.opts.log?.(`中心下发：${b.message}`), active: () => !this.stopped });
      d.latest = r.latest;
      d.held = r.held;
      d.failures = 0;
      d.lastError = null;
      d.lastSuccessAt = new Date();
      d.nextAt = Date.now() + (this.opts.downPollMs ?? DEFAULT_DOWN_POLL_MS);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof DownRefused) {
        d.stopped = true;
        d.nextAt = Number.MAX_SAFE_INTEGER;
      } else {
        d.failures++;
        const min = this.opts.minBackoffMs ?? 1000;
        const max = this.opts.maxBackoffMs ?? 60_000;
        d.nextAt = Date.now() + Math.min(max, min * 2 ** Math.min(d.failures - 1, 20));
      }
      if (message !== d.lastError) this.opts.log?.(`中心下发失败：${message}`);
      d.lastError = message;
    }
  }

  /**
   * Pushes now (the administrator's 立即同步, or the timer); resolves when this attempt is over. The
   * administrator's 立即同步 (`withPull`) also clears a stopped down direction and pulls.
   */
  async pushNow(withPull = true): Promise<void> {
    await this.pushOnce();
    if (withPull) {
      this.down.stopped = false;
      this.down.nextAt = 0;
      await this.pullNow();
    }
  }

  private pushOnce(): Promise<void> {
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
      lastAttemptAt: this.lastAttemptAt?.toISOString() ?? null, lastSuccessAt: this.lastSuccessAt?.toISOString() ?? null, lastError: this.lastError, nextRetryAt: this.nextRetryAt?.toISOString() ?? null,
      down: this.downStatus() };
  }

  private downStatus(): SyncDownStatusDto {
    const d = this.down;
    const applied = lastAppliedSeq(this.ctx);
    return {
      lastApplied: applied,
      centerLatest: d.latest,
      pending: d.latest === null ? 0 : Math.max(0, d.latest - applied),
      lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
      lastSuccessAt: d.lastSuccessAt?.toISOString() ?? null,
      lastError: d.lastError,
      stopped: d.stopped,
      nextRetryAt: d.lastError && !d.stopped ? new Date(d.nextAt).toISOString() : null,
      held: d.held,
    };
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
    branchKeyFingerprint: branchKeyFingerprint(ctx),
    down: { lastApplied: lastAppliedSeq(ctx), centerLatest: null, pending: 0, lastAttemptAt: null, lastSuccessAt: null, lastError: null, stopped: false, nextRetryAt: null, held: null },
  };
}

function branchKeyFingerprint(ctx: ServiceContext): string | null {
  const r = ctx.db.prepare(`SELECT value FROM meta WHERE key = 'branch_public_key'`).get() as { value: string } | undefined;
  return r ? fingerprint(r.value) : null;
}

/** The worker for a host's folder, when it has joined a center that has an address; null otherwise. */
export function startSyncWorker(ctx: ServiceContext, dataDir: string, opts: SyncWorkerOptions = {}): SyncWorker | null {
  if (!hostBranch(ctx) || !centerEndpoint(ctx)) return null;
  const w = new SyncWorker(ctx, dataDir, opts);
  w.start();
  return w;
}

/**
 * Calls that can simply be sent again — same input, so the same idempotency key, and a write can never happen twice:
 * - BUSY (another writer, e.g. the CLI's 年终结息, holds the database, `retryable`): a few times with growing pauses;
 *   only then does the clerk see 系统正忙，请稍后重试.
 * - HOST_UNREACHABLE (the 网点主机 — or the local web server — cannot be reached: the browser's fetch failed, or the
 *   Electron relay said so): reported at once (the banner), then sent again with backoff until it goes through or
 *   the clerk cancels. The page that made the call stays as it is, with what the clerk typed.
 */
import type { CallResult } from '../../shared/errors';

export const BUSY_RETRY_DELAYS_MS = [150, 300, 600, 1200];
/** Pauses between attempts while the host is unreachable; the last one repeats. */
export const UNREACHABLE_RETRY_DELAYS_MS = [500, 1000, 2000, 3000, 5000];
export const RETRY_CANCELLED_MESSAGE = '已取消重试：未能连接网点主机，这笔业务没有提交，您填写的内容仍在，可稍后再次提交';

export interface UnreachableHooks {
  /** The message while the host cannot be reached (with the attempt count), null once a call goes through again. */
  report(message: string | null, attempts: number): void;
  /** The pause before the next attempt; 'cancel' when the clerk gives up. */
  wait(ms: number): Promise<'retry' | 'cancel'>;
}

export async function withBusyRetry(
  send: () => Promise<CallResult<unknown>>,
  delays: readonly number[] = BUSY_RETRY_DELAYS_MS,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  /** Without hooks (no banner to show) HOST_UNREACHABLE is returned as it is. */
  unreachable?: UnreachableHooks,
  unreachableDelays: readonly number[] = UNREACHABLE_RETRY_DELAYS_MS,
): Promise<CallResult<unknown>> {
  let busyTries = 0;
  let offlineTries = 0;
  for (;;) {
    const result = await send();
    if (!result.ok && result.error.code === 'HOST_UNREACHABLE' && unreachable) {
      unreachable.report(result.error.message, ++offlineTries);
      const ms = unreachableDelays[Math.min(offlineTries - 1, unreachableDelays.length - 1)] ?? 1000;
      if ((await unreachable.wait(ms)) === 'cancel') return { ok: false, error: { code: 'HOST_UNREACHABLE', message: RETRY_CANCELLED_MESSAGE } };
      continue;
    }
    if (offlineTries > 0) {
      unreachable?.report(null, 0);
      offlineTries = 0;
    }
    if (result.ok || result.error.code !== 'BUSY' || busyTries >= delays.length) return result;
    await sleep(delays[busyTries++]!);
  }
}

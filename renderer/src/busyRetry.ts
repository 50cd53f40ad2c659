/**
 * Lock contention (another writer, e.g. the CLI's 年终结息, holds the database) comes back as BUSY with
 * `retryable`: the call is sent again unchanged — same input, so the same idempotency key, and a write can never
 * happen twice — a few times with growing pauses; only then does the clerk see 系统正忙，请稍后重试.
 */
import type { CallResult } from '../../shared/errors';

export const BUSY_RETRY_DELAYS_MS = [150, 300, 600, 1200];

export async function withBusyRetry(
  send: () => Promise<CallResult<unknown>>,
  delays: readonly number[] = BUSY_RETRY_DELAYS_MS,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<CallResult<unknown>> {
  let result = await send();
  for (const ms of delays) {
    if (result.ok || result.error.code !== 'BUSY') return result;
    await sleep(ms);
    result = await send();
  }
  return result;
}

import { describe, expect, it } from 'vitest';
import type { CallResult } from '../../shared/errors';
import { withBusyRetry } from './busyRetry';

const BUSY: CallResult<unknown> = { ok: false, error: { code: 'BUSY', message: '系统正忙，请稍后重试', retryable: true } };

describe('renderer call client: BUSY retry', () => {
  it('sends the identical request again after BUSY until it succeeds', async () => {
    const sent: unknown[] = [];
    const input = { idempotencyKey: 'remit-abc', month: '2026-11' };
    const answers = [BUSY, BUSY, { ok: true, data: 1 } as CallResult<unknown>];
    const slept: number[] = [];
    const r = await withBusyRetry(async () => (sent.push(JSON.stringify(input)), answers.shift()!), [10, 20, 40], async (ms) => void slept.push(ms));
    expect(r).toEqual({ ok: true, data: 1 });
    expect(sent).toHaveLength(3);
    expect(new Set(sent).size).toBe(1); // same idempotency key every time
    expect(slept).toEqual([10, 20]);
  });
  it('gives up after the last pause with the Chinese BUSY message, and never retries other errors', async () => {
    let n = 0;
    const r = await withBusyRetry(async () => (n++, BUSY), [1, 1, 1], async () => {});
    expect(n).toBe(4);
    expect(!r.ok && r.error.message).toBe('系统正忙，请稍后重试');
    n = 0;
    await withBusyRetry(async () => (n++, { ok: false, error: { code: 'CONFLICT', message: '冲突' } }), [1, 1], async () => {});
    expect(n).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import type { CallResult } from '../../shared/errors';
import { RETRY_CANCELLED_MESSAGE, withBusyRetry } from './busyRetry';

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

const DOWN: CallResult<unknown> = { ok: false, error: { code: 'HOST_UNREACHABLE', message: '无法连接网点主机 10.0.0.2:8443：连接超时，已保留您填写的内容，稍后自动重试', retryable: true } };

describe('renderer call client: host unreachable', () => {
  it('reports at once, sends the identical request again with growing pauses past the BUSY limit, and clears the report when it goes through', async () => {
    const sent: string[] = [];
    const input = { idempotencyKey: 'member-open-1', name: '马建国' };
    const answers = [DOWN, DOWN, DOWN, DOWN, DOWN, DOWN, DOWN, { ok: true, data: 7 } as CallResult<unknown>];
    const reports: (string | null)[] = [];
    const waits: number[] = [];
    const r = await withBusyRetry(async () => (sent.push(JSON.stringify(input)), answers.shift()!), [1], async () => {}, {
      report: (m, n) => void reports.push(m && `${n}:${m.slice(0, 8)}`),
      wait: async (ms) => (waits.push(ms), 'retry'),
    }, [10, 20, 40]);
    expect(r).toEqual({ ok: true, data: 7 });
    expect(sent).toHaveLength(8);
    expect(new Set(sent).size).toBe(1);
    expect(waits).toEqual([10, 20, 40, 40, 40, 40, 40]);
    expect(reports[0]).toBe('1:无法连接网点主机');
    expect(reports.at(-1)).toBeNull();
  });
  it('stops when the clerk cancels, with a message saying nothing was submitted', async () => {
    let n = 0;
    const r = await withBusyRetry(async () => (n++, DOWN), [1], async () => {}, { report: () => {}, wait: async () => (n >= 2 ? 'cancel' : 'retry') });
    expect(n).toBe(2);
    expect(r).toEqual({ ok: false, error: { code: 'HOST_UNREACHABLE', message: RETRY_CANCELLED_MESSAGE } });
  });
  it('a host that comes back BUSY is then retried as BUSY', async () => {
    const answers = [DOWN, BUSY, { ok: true, data: 1 } as CallResult<unknown>];
    const reports: (string | null)[] = [];
    const r = await withBusyRetry(async () => answers.shift()!, [1, 1], async () => {}, { report: (m) => void reports.push(m), wait: async () => 'retry' });
    expect(r).toEqual({ ok: true, data: 1 });
    expect(reports).toHaveLength(2);
    expect(reports[1]).toBeNull();
  });
});

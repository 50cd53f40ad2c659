/** The loopback transport's answers to broken and busy requests, over real HTTP on an ephemeral port. */
import Database from 'better-sqlite3';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, newEmployer, type Harness } from '../testing/harness';
import { startHttpTransport, jsonDepth, type HttpTransport } from './server';
import { makeIdNumber } from '../../shared/idcard';

let h: Harness;
let t: HttpTransport;
let employerId: number;
beforeAll(async () => {
  h = harness();
  employerId = newEmployer(h).id;
  t = await startHttpTransport(h.app, { port: 0 });
});
afterAll(async () => {
  await t.close();
  h.close();
});

/** Raw request (fetch would refuse a malformed path). */
function raw(path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; json: { ok: boolean; error?: { code: string; message: string; field?: string; retryable?: boolean } } }> {
  const u = new URL(t.url);
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname, port: u.port, path, method: body === undefined ? 'GET' : 'POST', headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, json: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') }));
    });
    req.on('error', fail);
    req.end(body);
  });
}
const post = (call: string, input: unknown, token = h.tokens.clerk!) =>
  raw('/api/call', JSON.stringify({ call, input }), { Authorization: `Bearer ${token}` });
const CJK = /[\u4e00-\u9fff]/;
const openInput = (over: Record<string, unknown> = {}) => ({
  name: '李四', idNumber: makeIdNumber('640104', '19880101', 51), phone: '13895001234', employerId, baseFen: 500000, openedDate: '2020-01-01', idempotencyKey: `http-${Math.random()}`, ...over,
});

describe('HTTP transport: broken requests get 4xx with a Chinese message', () => {
  it('a malformed URL is 400, not 500', async () => {
    const r = await raw('/%E0%A4%A');
    expect(r.status).toBe(400);
    expect(r.json.error!.message).toMatch(CJK);
  });
  it('a body over the limit is 413 请求内容过大', async () => {
    const r = await raw('/api/call', Buffer.alloc(3 * 1024 * 1024, 0x20));
    expect(r.status).toBe(413);
    expect(r.json.error!.message).toContain('请求内容过大');
  });
  it('JSON nested too deep and invalid JSON are 400', async () => {
    const deep = await raw('/api/call', `{"call":"members.list","input":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect(deep.status).toBe(400);
    expect(deep.json.error!.message).toContain('嵌套层数过多');
    const bad = await raw('/api/call', '{"call":');
    expect(bad.status).toBe(400);
    expect(bad.json.error!.message).toContain('不是有效的JSON');
    expect(jsonDepth('{"a":"[[[[","b":[[1]]}')).toBe(3);
  });
  it('dates out of range are 400 naming the field', async () => {
    for (const openedDate of ['9999-99-99', '0001-01-01', '2023-02-29']) {
      const r = await post('members.open', openInput({ openedDate }));
      expect(r.status).toBe(400);
      expect(r.json.error).toMatchObject({ code: 'BAD_INPUT', field: 'openedDate' });
      expect(r.json.error!.message).toContain('开户日期');
    }
  });
  it("zod's own messages are Chinese (a wrong type)", async () => {
    const r = await post('members.open', openInput({ employerId: 'abc', baseFen: 'x' }));
    expect(r.status).toBe(400);
    expect(r.json.error!.message).toMatch(CJK);
    expect(r.json.error!.message).not.toMatch(/expected|Invalid/i);
  });
});

describe('HTTP transport: lock contention', () => {
  it('is 503 with Retry-After and 系统正忙 when another writer holds the database, and writes nothing', async () => {
    const other = new Database(join(h.dir, 'gjj.sqlite'));
    const n = () => (other.prepare('SELECT COUNT(*) AS n FROM members').get() as { n: number }).n;
    const before = n();
    other.exec('BEGIN IMMEDIATE');
    try {
      const t0 = Date.now();
      const r = await post('members.open', openInput());
      expect(Date.now() - t0).toBeLessThan(1000);
      expect(r.status).toBe(503);
      expect(r.headers['retry-after']).toBe('1');
      expect(r.json.error).toEqual({ code: 'BUSY', message: '系统正忙，请稍后重试', retryable: true });
    } finally {
      other.exec('ROLLBACK');
    }
    expect(n()).toBe(before);
    other.close();
  });
});

/**
 * The web / branch-host static server lets the browser keep Vite's hashed assets (assets/<name>-<hash>.js|css|woff2):
 * `public, max-age=31536000, immutable`; index.html (which names the current assets), an unhashed file, the
 * single-page fallback and the API stay `no-store`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../testing/harness';
import { startHttpTransport, type HttpTransport } from './server';

let h: Harness;
let t: HttpTransport;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gjj-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="./assets/index-DX4q7ONO.js"></script>');
  writeFileSync(join(dir, 'assets', 'index-DX4q7ONO.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'vendor-antd-3a61eY3Z.js'), 'console.log(2)');
  writeFileSync(join(dir, 'assets', 'font.woff2'), 'x');
  h = harness();
  t = await startHttpTransport(h.app, { port: 0, staticDir: dir });
});
afterAll(async () => {
  await t.close();
  h.close();
  rmSync(dir, { recursive: true, force: true });
});

const cacheOf = async (path: string) => {
  const r = await fetch(new URL(path, t.url));
  await r.arrayBuffer();
  return { status: r.status, cache: r.headers.get('cache-control'), type: r.headers.get('content-type') };
};
const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('static assets and the browser cache', () => {
  it('serves hashed assets as immutable for a year', async () => {
    expect(await cacheOf('/assets/index-DX4q7ONO.js')).toMatchObject({ status: 200, cache: IMMUTABLE, type: 'text/javascript; charset=utf-8' });
    expect((await cacheOf('/assets/vendor-antd-3a61eY3Z.js')).cache).toBe(IMMUTABLE);
  });
  it('keeps index.html, unhashed files, the app fallback and the API no-store', async () => {
    expect(await cacheOf('/')).toMatchObject({ status: 200, cache: 'no-store', type: 'text/html; charset=utf-8' });
    expect((await cacheOf('/index.html')).cache).toBe('no-store');
    expect((await cacheOf('/assets/font.woff2')).cache).toBe('no-store');
    // An unknown path loads the app (index.html): never cached, or a stale shell would name assets that are gone.
    expect(await cacheOf('/assets/gone-AAAAAAAA.js')).toMatchObject({ cache: 'no-store', type: 'text/html; charset=utf-8' });
    const api = await fetch(new URL('/api/call', t.url), { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: t.url.replace(/\/$/, '') }, body: '{}' });
    expect(api.headers.get('cache-control')).toBe('no-store');
  });
});

/**
 * The first 还款计划表 a freshly started host serves, as a clerk gets it: `npm run web` (scripts/run-built.cjs: the
 * prebuilt bundle with Node's compile cache, as the host runs in production) on a data folder holding a disbursed
 * loan; a clerk logs in over HTTP as soon as the host answers, then asks for the schedule (print.loan). Timed from
 * the request to the PDF in hand: reading the loan, rendering, logging the print, the HTTP round trip. Two ways,
 * alternating: with the start-up warm-up off (GJJ_PRINT_WARM_UP=0: the print is the process's first), and with it
 * (the request a few seconds after start, when the warm-up is done).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { PASSWORD } from '../../services/testing/harness';
import { answered } from './startup';

const NODE = process.execPath;

function post(port: number, body: unknown, token?: string): Promise<{ ok: boolean; data?: any; error?: { message: string } }> {
  const json = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/call', method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(json);
  });
}

/** One host: start, log in, (wait), print the schedule; the print's ms and the PDF's size. */
async function onePrint(dataDir: string, staticDir: string, applicationId: number, warmUp: boolean): Promise<{ ms: number; bytes: number }> {
  const port = 5900 + Math.floor(Math.random() * 900);
  const env = { ...process.env, GJJ_PRINT_WARM_UP: warmUp ? '1' : '0' };
  const child = spawn(NODE, ['scripts/run-built.cjs', 'web', '--data', dataDir, '--port', String(port), '--static', staticDir], { stdio: 'ignore', env });
  try {
    await answered(port);
    const login = await post(port, { call: 'session.login', input: { login: 'clerk', password: PASSWORD } });
    if (!login.ok) throw new Error(`session.login: ${login.error?.message}`);
    // The warm-up starts 1.5 s after the host and takes about a second.
    if (warmUp) await new Promise((r) => setTimeout(r, 6000));
    const t = performance.now();
    const r = await post(port, { call: 'print.loan', input: { applicationId, form: 'schedule' } }, login.data.token);
    const ms = performance.now() - t;
    if (!r.ok) throw new Error(`print.loan: ${r.error?.message}`);
    return { ms, bytes: Buffer.from(r.data.pdfBase64, 'base64').length };
  } finally {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}

/** `runs` hosts of each kind, alternating. The data folder must not be open elsewhere (the host locks it). */
export async function firstHostPrints(dataDir: string, scratchDir: string, applicationId: number, runs = 3): Promise<{ cold: number[]; warm: number[]; bytes: number }> {
  const staticDir = join(scratchDir, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>bench</title>'); // the host only checks it is there
  const out = { cold: [] as number[], warm: [] as number[], bytes: 0 };
  for (let i = 0; i < runs; i++) {
    const c = await onePrint(dataDir, staticDir, applicationId, false);
    out.cold.push(c.ms);
    out.bytes = c.bytes;
    out.warm.push((await onePrint(dataDir, staticDir, applicationId, true)).ms);
  }
  return out;
}

/**
 * bench:down — center → branch lag over the network: an embedded-PostgreSQL center served over HTTPS in this process
 * and a branch folder (the harness) whose background SyncWorker pulls down batches with the center's certificate
 * pinned — the same code as a running branch host. Publishes one notice at a time (`publishChanges`, what
 * `gjj center publish` runs) and measures publish → applied at the branch (center_applied). Beside it, the bare
 * baseline: one pinned HTTPS round trip (`GET /sync/status`) to the same center. The worker's poll interval
 * (GJJ_SYNC_DOWN_POLL_MS, default 1000 ms) bounds the lag; figures, not assertions.
 */
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { publishChanges } from '../services/center/publish';
import { lastAppliedSeq } from '../services/branch/applyCenter';
import { centerClient } from '../services/branch/centerClient';
import { DEFAULT_DOWN_POLL_MS, SyncWorker } from '../services/branch/syncWorker';
import { centerAndBranch, ms, pct } from './bench/centerPair';

const N = Number(process.env.BENCH_DOWN_N ?? 20);

async function main() {
  console.log(`bench:down  ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const { root, cdir, store, cert, srv, h, b } = await centerAndBranch('gjj-bench-down-');
  const pollMs = process.env.GJJ_SYNC_DOWN_POLL_MS ? Number(process.env.GJJ_SYNC_DOWN_POLL_MS) : undefined;
  const worker = new SyncWorker(b.app.ctx!, b.dir, { downPollMs: pollMs });
  try {
    const client = centerClient(srv.url, cert.fingerprint);
    const bare: number[] = [];
    for (let i = 0; i < N; i++) {
      const t = performance.now();
      await client.get('/sync/status?branch=WQ01');
      bare.push(performance.now() - t);
    }
    worker.start();
    const lags: number[] = [];
    for (let i = 0; i < N; i++) {
      // Publish at a random point of the poll cycle, as a real administrator would.
      await new Promise((r) => setTimeout(r, Math.random() * (pollMs ?? DEFAULT_DOWN_POLL_MS)));
      const t = performance.now();
      const [seq] = await publishChanges(store, [{ kind: 'notice', noticeKind: '公告', title: `测试公告${i + 1}`, body: '延迟测试' }]);
      while (lastAppliedSeq(b.app.ctx!) < seq!) await new Promise((r) => setTimeout(r, 5));
      lags.push(performance.now() - t);
    }
    console.log(`poll interval: ${pollMs ?? DEFAULT_DOWN_POLL_MS} ms; ${N} publishes, one at a time`);
    console.log(`lag publish → applied at the running branch: p50 ${ms(pct(lags, 50))}, p95 ${ms(pct(lags, 95))}, max ${ms(Math.max(...lags))}`);
    console.log(`baseline, bare pinned HTTPS round trip (GET /sync/status): p50 ${ms(pct(bare, 50))}, max ${ms(Math.max(...bare))}`);
  } finally {
    worker.stop();
    await srv.close();
    await store.close();
    b.close();
    rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

/**
 * The setup bench:sync and bench:down share: an embedded-PostgreSQL center served over HTTPS in this process and one
 * branch folder (the test harness, 乌鲁木齐) enrolled, joined and registered as WQ01 with the center's certificate
 * pinned — the same code paths as `gjj center serve` and a branch host.
 */
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enrollmentFile, initCenterData, registerBranch } from '../../services/center/enroll';
import { centerCertificate, startCenterServer } from '../../services/center/http';
import { openCenterStore } from '../../services/center/store';
import { joinAsBranch } from '../../services/testing/branchFixture';
import { harness } from '../../services/testing/harness';

/** The p-th percentile of samples (nearest rank). */
export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
export const ms = (n: number) => `${n.toFixed(0)} ms`;

export async function centerAndBranch(prefix: string) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(root, 0o711);
  const cdir = join(root, 'center');
  await initCenterData(cdir, 'urumqi');
  const store = await openCenterStore(cdir);
  const cert = await centerCertificate(cdir, ['127.0.0.1']);
  const srv = await startCenterServer(store, { host: '127.0.0.1', port: 0, cert: cert.cert, key: cert.key, cdir });
  const h = harness('urumqi', '2026-11-20T02:00:00Z');
  const b = joinAsBranch(h, 'WQ01', enrollmentFile(cdir, 'WQ01', new Date(), { url: srv.url, fingerprint: cert.fingerprint }).file);
  await registerBranch(store, b.joinFile);
  return { root, cdir, store, cert, srv, h, b };
}

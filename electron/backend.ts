/**
 * The backend utility process: opens the data folder (creating and migrating the SQLite file on first run) and
 * answers the main process's relayed calls with the shared dispatcher. No `electron` import: `process.parentPort`
 * is all it needs, so the same services run here, under the HTTP transport and in the tests.
 * better-sqlite3 13 loads here from its Node-API prebuild, which Electron's ABI accepts without a rebuild.
 */
import './compileCache';
import { dispatchAsync } from '../services/api/dispatch';
import { join } from 'node:path';
import { enableBatchWorker, openAppState, type AppState } from '../services/api/state';
import { acquireDataLock } from '../services/app/lock';
import { parseListen, startBranchHost } from '../services/http/branchHost';
import { warmUpPrintingSoon } from '../services/print/warmUp';
import { AppError, type CallResult } from '../shared/errors';

interface ParentPort {
  on(event: 'message', listener: (e: { data: { id: number; call: string; input: unknown; token: string | null } }) => void): void;
  postMessage(message: unknown): void;
}

const i = process.argv.indexOf('--data');
const dataDir = i >= 0 ? process.argv[i + 1]! : process.env.GJJ_DATA!;
const port = (process as unknown as { parentPort: ParentPort }).parentPort;
// One writer per data folder: when another program (a second window, `npm run web`, a gjj write command) holds
// it, every call is answered with the Chinese message naming that program instead of writing beside it.
let state: AppState | null = null;
let refused: CallResult<never> | null = null;
try {
  acquireDataLock(dataDir, '公积金柜台（Electron）');
  state = openAppState(dataDir);
  // 年终结息 and the other long batches in a worker thread beside this one, from the built bundle.
  enableBatchWorker(state, { workerFile: join(__dirname, 'batchWorker.js') });
} catch (e) {
  // A folder that cannot be opened (another writer, an integrity alarm, a wrong key) answers every call with why.
  refused = { ok: false, error: e instanceof AppError ? e.toShape() : { code: 'INTERNAL', message: `无法打开数据目录：${String(e)}` } };
}

// The clerk's first print is a warm one: the printer warms up in the background (services/print/warmUp.ts).
if (state) warmUpPrintingSoon();

// 网点主机: the same backend also serves the branch's LAN over HTTPS (services/http/branchHost.ts), so the
// counters, the 复核 desk and the 审批 office share this ledger through the one dispatcher.
const listenAt = process.argv.indexOf('--listen');
if (state && listenAt >= 0) {
  const names = (process.argv[process.argv.indexOf('--names') + 1] ?? '').split(',').filter(Boolean);
  const staticDir = process.argv[process.argv.indexOf('--static') + 1] ?? '';
  const app = state;
  startBranchHost(app, dataDir, parseListen(process.argv[listenAt + 1]!), names, staticDir).then(
    (h) => console.log(`网点主机已在局域网提供服务：${h.url}  证书指纹（SHA-256）：${h.fingerprint}`),
    (e: unknown) => console.error(`网点主机未能在局域网提供服务：${e instanceof Error ? e.message : String(e)}`),
  );
}

port.on('message', ({ data }) => {
  if (!state) return port.postMessage({ id: data.id, result: refused });
  void dispatchAsync(state, { call: data.call, input: data.input, token: data.token }).then((result) => port.postMessage({ id: data.id, result }));
});

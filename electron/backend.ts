/**
 * The backend utility process: opens the data folder (creating and migrating the SQLite file on first run) and
 * answers the main process's relayed calls with the shared dispatcher. No `electron` import: `process.parentPort`
 * is all it needs, so the same services run here, under the HTTP transport and in the tests.
 * better-sqlite3 13 loads here from its Node-API prebuild, which Electron's ABI accepts without a rebuild.
 */
import { dispatchAsync } from '../services/api/dispatch';
import { openAppState, type AppState } from '../services/api/state';
import { acquireDataLock } from '../services/app/lock';
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
} catch (e) {
  // A folder that cannot be opened (another writer, an integrity alarm, a wrong key) answers every call with why.
  refused = { ok: false, error: e instanceof AppError ? e.toShape() : { code: 'INTERNAL', message: `无法打开数据目录：${String(e)}` } };
}

port.on('message', ({ data }) => {
  if (!state) return port.postMessage({ id: data.id, result: refused });
  void dispatchAsync(state, { call: data.call, input: data.input, token: data.token }).then((result) => port.postMessage({ id: data.id, result }));
});

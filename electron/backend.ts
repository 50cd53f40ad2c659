/**
 * The backend utility process: opens the data folder (creating and migrating the SQLite file on first run) and
 * answers the main process's relayed calls with the shared dispatcher. No `electron` import: `process.parentPort`
 * is all it needs, so the same services run here, under the HTTP transport and in the tests.
 * better-sqlite3 13 loads here from its Node-API prebuild, which Electron's ABI accepts without a rebuild.
 */
import { dispatchAsync } from '../services/api/dispatch';
import { openAppState } from '../services/api/state';
import { AppError } from '../shared/errors';

interface ParentPort {
  on(event: 'message', listener: (e: { data: { id: number; call: string; input: unknown; token: string | null } }) => void): void;
  postMessage(message: unknown): void;
}

const i = process.argv.indexOf('--data');
const dataDir = i >= 0 ? process.argv[i + 1]! : process.env.GJJ_DATA!;
const port = (process as unknown as { parentPort: ParentPort }).parentPort;
let state: ReturnType<typeof openAppState> | null = null;
let openError: { code: string; message: string } | null = null;
try {
  state = openAppState(dataDir);
} catch (err) {
  // A data folder that cannot be opened (an integrity alarm, a wrong key) answers every call with the reason.
  openError = err instanceof AppError ? err.toShape() : { code: 'INTERNAL', message: `无法打开数据目录：${String(err)}` };
}

port.on('message', ({ data }) => {
  if (!state) return port.postMessage({ id: data.id, result: { ok: false, error: openError } });
  void dispatchAsync(state, { call: data.call, input: data.input, token: data.token }).then((result) => port.postMessage({ id: data.id, result }));
});

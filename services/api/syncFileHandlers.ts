/**
 * The file steps of the branch network on the 中心同步 page, the same functions as the commands: join with an
 * enrollment file (`gjj sync join`), the join receipt and its fingerprint, export the unsent batches to a file
 * (`gjj sync export`), apply a center down file (`gjj sync apply`). Administrators only (shared/contract/calls.ts).
 */
import { AppError } from '../../shared/errors';
import type { SyncExportDto, SyncJoinDto } from '../../shared/contract/sync';
import { applyCenterBatch } from '../branch/applyCenter';
import { buildBatch, readSyncState, writeSyncState } from '../branch/export';
import { joinNetwork, readEnrollment } from '../branch/join';
import { branchName } from '../branch/ownership';
import { joinReceipt } from '../branch/receipt';
import { loadSigningKey, signingKeyFile } from '../branch/signing';
import { startSyncWorker } from '../branch/syncWorker';
import type { ServiceContext } from '../context';
import type { HandlerEnv, Handlers } from './handlers';

function ctxOf(env: HandlerEnv): ServiceContext {
  if (!env.app.ctx) throw new AppError('NOT_FOUND', '系统尚未初始化：请先选择公积金中心并创建管理员');
  return env.app.ctx;
}

const receiptName = (branch: string) => `${branch}-入网回执.join`;

export const SYNC_FILE_HANDLERS: Pick<Handlers, 'sync.join' | 'sync.receipt' | 'sync.exportFile' | 'sync.applyFile'> = {
  'sync.join': (env, input) => {
    const ctx = ctxOf(env);
    const r = joinNetwork(ctx, env.operator!, readEnrollment(input.enrollment), signingKeyFile(env.app.dataDir));
    // A 网点主机 starts its background sync once the folder has a center with an address (after this commit).
    if (env.app.host && !env.app.sync) {
      const app = env.app;
      setImmediate(() => {
        if (!app.sync && app.ctx) app.sync = startSyncWorker(app.ctx, app.dataDir, { log: (line) => console.log(line) }) ?? undefined;
      });
    }
    return { branch: r.record.branch, branchName: branchName(ctx, r.record.branch), centerId: r.record.centerId, fingerprint: r.fingerprint, receipt: r.file, fileName: receiptName(r.record.branch) } satisfies SyncJoinDto;
  },
  'sync.receipt': (env) => {
    const ctx = ctxOf(env);
    const r = joinReceipt(ctx, env.app.dataDir);
    return { branch: r.record.branch, branchName: branchName(ctx, r.record.branch), centerId: r.record.centerId, fingerprint: r.fingerprint, receipt: r.file, fileName: receiptName(r.record.branch) };
  },
  'sync.exportFile': (env, input) => {
    const ctx = ctxOf(env);
    const dir = env.app.dataDir;
    const after = input.fromSeal ?? readSyncState(dir).exportedThroughSeal;
    const built = buildBatch(ctx, loadSigningKey(signingKeyFile(dir), false), after);
    if (!built) return { written: false, file: null, fileName: null, branch: null, fromSeal: null, toSeal: null, rows: 0, afterSeal: after } satisfies SyncExportDto;
    // What was exported is kept beside the folder (gjj.sync.json), not in the ledger: exporting writes nothing to it.
    writeSyncState(dir, { exportedThroughSeal: Math.max(built.batch.toSeal, readSyncState(dir).exportedThroughSeal) });
    const b = built.batch;
    return { written: true, file: built.file, fileName: `${b.branch}-批次-${b.fromSeal}-${b.toSeal}.batch`, branch: b.branch, fromSeal: b.fromSeal, toSeal: b.toSeal, rows: b.rows.reduce((n, r) => n + r.length, 0), afterSeal: after };
  },
  'sync.applyFile': (env, input) => applyCenterBatch(ctxOf(env), input.content),
};

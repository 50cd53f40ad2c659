/**
 * The administrator's view of the branch → center push: sync.status (the worker's state, or what the files say
 * when no worker runs) and sync.pushNow (立即同步: one attempt at once, then the status).
 */
import { AppError } from '../../shared/errors';
import type { SyncStatusDto } from '../../shared/contract/sync';
import { syncStatusOf } from '../branch/syncWorker';
import type { Handlers, HandlerEnv } from './handlers';

function status(env: HandlerEnv): SyncStatusDto {
  if (!env.app.ctx) throw new AppError('NOT_FOUND', '系统尚未初始化：请先选择公积金中心并创建管理员');
  return env.app.sync ? env.app.sync.status() : syncStatusOf(env.app.ctx, env.app.dataDir);
}

export const SYNC_HANDLERS: Pick<Handlers, 'sync.status' | 'sync.pushNow'> = {
  'sync.status': (env) => status(env),
  'sync.pushNow': async (env) => {
    const s = status(env);
    if (!env.app.sync) {
      if (!s.joined) throw new AppError('NOT_FOUND', '本数据目录尚未加入中心（gjj sync join），没有可同步的中心');
      if (!s.centerUrl) throw new AppError('NOT_FOUND', '入网文件没有中心地址：请中心用 gjj center enroll --url 重新签发入网文件后再 gjj sync join');
      throw new AppError('CONFLICT', '本机不是网点主机（gjj serve 或桌面程序的网点主机方式），不在后台同步：可在网点主机上操作，或运行 gjj sync push');
    }
    await env.app.sync.pushNow();
    return env.app.sync.status();
  },
};

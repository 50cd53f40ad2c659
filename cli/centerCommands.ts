/**
 * `gjj center …`: the center's data folder (PostgreSQL, embedded unless GJJ_CENTER_DATABASE_URL is set), branch
 * enrollment, batch import and the consolidated check.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../shared/errors';
import { checkCenter } from '../services/center/check';
import { enrollmentFile, initCenterData, registerBranch } from '../services/center/enroll';
import { importBatch } from '../services/center/import';
import { openCenterStore, type CenterStore } from '../services/center/store';
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

export const CENTER_COMMANDS: Command[] = [
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
    usage: 'center enroll --data CDIR --branch 网点代码 --out 入网文件',
    help: '为一个网点写出入网文件（中心编号、中心公钥、网点代码，中心签名），网点用 gjj sync join 加入。',
    run(opts) {
      const dir = dataDirOf(opts);
      const branch = opts.str('branch', '网点代码');
      const outFile = resolve(opts.str('out', '入网文件'));
      opts.done();
      const r = enrollmentFile(dir, branch);
      writeFileSync(outFile, r.file, { mode: 0o600 });
      out(opts, { out: outFile, ...r.enrollment }, () => `入网文件已写入 ${outFile}：${r.enrollment.branchName}（${branch}）`);
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
      const r = await withStore(dir, (s) => registerBranch(s, readFileSync(file, 'utf8')));
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
      const r = await withStore(dir, (s) => importBatch(s, readFileSync(file, 'utf8')));
      out(opts, r, () => r.message);
    },
  },
  {
    name: 'center check',
    usage: 'center check --data CDIR [--json]',
    help: '核对中心的汇总账：每张凭证借贷平衡、各网点签封链完整、总账科目等于明细账、中心合计等于网点报告的同一批次合计。',
    async run(opts) {
      const dir = dataDirOf(opts);
      opts.done();
      const r = await withStore(dir, (s) => checkCenter(s));
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

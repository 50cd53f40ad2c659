/**
 * `gjj sync …` on a branch host: joining a center, and the batch file for a USB stick when the line is down.
 * `gjj sync push` pushes over HTTPS once (the branch host also pushes in the background: services/branch/syncWorker.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../shared/errors';
import { openContext } from '../services/app/open';
import { joinNetwork, readEnrollment } from '../services/branch/join';
import { buildBatch, readSyncState, writeSyncState } from '../services/branch/export';
import { loadSigningKey, signingKeyFile } from '../services/branch/signing';
import { branchName } from '../services/branch/ownership';
import { applyCenterBatch } from '../services/branch/applyCenter';
import { clientFor, DEFAULT_MAX_SEALS, pushPending } from '../services/branch/push';
import { pullDown } from '../services/branch/pull';
import { UsageError } from './args';
import type { Command } from './commands';
import { cliOperator, dataDirOf, out, writerContext } from './util';

export const SYNC_COMMANDS: Command[] = [
  {
    name: 'sync join',
    usage: 'sync join --data DIR --enrollment 入网文件 --out 入网回执',
    help:
      '本数据目录加入中心，成为网点：记录网点代码和中心公钥，生成网点签名密钥（Ed25519，存放在数据目录之外、完整性密钥旁），\n' +
      '把尚未归属的单位归入本网点，并写出入网回执（交中心 gjj center register 登记）。',
    run(opts) {
      const dir = dataDirOf(opts);
      const enrollmentFile = resolve(opts.str('enrollment', '入网文件'));
      const outFile = resolve(opts.str('out', '入网回执'));
      opts.done();
      if (!existsSync(enrollmentFile)) throw new AppError('NOT_FOUND', `找不到入网文件 ${enrollmentFile}`);
      const enrollment = readEnrollment(readFileSync(enrollmentFile, 'utf8'));
      const ctx = writerContext(dir, 'sync join');
      try {
        const r = joinNetwork(ctx, cliOperator(), enrollment, signingKeyFile(dir));
        writeFileSync(outFile, r.file, { mode: 0o600 });
        out(opts, { branch: r.record.branch, centerId: r.record.centerId, fingerprint: r.fingerprint, out: outFile }, () =>
          `已加入中心${r.record.centerId}，本网点：${branchName(ctx, r.record.branch)}（${r.record.branch}）\n` +
          `网点公钥指纹：${r.fingerprint}（请与中心登记时显示的指纹核对）\n入网回执已写入 ${outFile}`,
        );
      } finally {
        ctx.db.close();
      }
    },
  },
  {
    name: 'sync push',
    usage: 'sync push --data DIR [--max-seals N] [--json]',
    help:
      '把中心尚未确认的签封在线推送到中心（入网文件中的中心地址，核对中心证书指纹），每批至多N个签封（默认' + DEFAULT_MAX_SEALS + '），\n' +
      '逐批显示进度。中心全部确认时退出码0；连不上中心、证书不符或中心拒绝时非0并说明原因。网点主机在后台也会自动推送。',
    async run(opts) {
      const dir = dataDirOf(opts);
      const maxSeals = opts.int('max-seals', '每批签封数', DEFAULT_MAX_SEALS);
      opts.done();
      if (maxSeals < 1) throw new UsageError('--max-seals 应为正整数');
      const ctx = openContext(dir);
      try {
        const r = await pushPending(ctx, dir, {
          maxSeals,
          onProgress: (p) => {
            if (!opts.json) console.log(`第${p.fromSeal}至${p.toSeal}批（${p.rows}条变更）：${p.message}；中心已确认到第${p.acknowledged}批，本网点共${p.local}批`);
          },
        });
        out(opts, r, () => (r.batches ? `推送完成：中心已确认到第${r.acknowledged}批（本网点共${r.local}批）` : `没有新内容：中心已确认到第${r.acknowledged}批（本网点共${r.local}批）`));
        return r.acknowledged >= r.local ? 0 : 1;
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw new AppError('CONFLICT', err instanceof Error ? err.message : String(err));
      } finally {
        ctx.db.close();
      }
    },
  },
  {
    name: 'sync pull',
    usage: 'sync pull --data DIR [--json]',
    help:
      '在线接收中心的下发（gjj center outbox 的同一签名内容，经中心服务 GET /sync/down，核对中心证书指纹），\n' +
      '与 gjj sync apply 同样核对和应用（每项只应用一次）。网点主机在后台也会自动接收；主机运行时本命令因数据目录被占用而不能运行。',
    async run(opts) {
      const dir = dataDirOf(opts);
      opts.done();
      const ctx = writerContext(dir, 'sync pull');
      try {
        const r = await pullDown(ctx, dir, clientFor(ctx), {
          onBatch: (b) => {
            if (!opts.json) console.log([b.message, ...b.notes.map((n) => `  ${n}`)].join('\n'));
          },
        });
        out(opts, { applied: r.applied, latest: r.latest, batches: r.batches, changes: r.changes, held: r.held }, () =>
          `${r.changes ? `接收完成：已应用到中心第${r.applied}号变更` : `没有新内容：已应用到中心第${r.applied}号变更`}（中心最新第${r.latest}号）${r.held ? `\n${r.held}` : ''}`,
        );
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw new AppError('CONFLICT', err instanceof Error ? err.message : String(err));
      } finally {
        ctx.db.close();
      }
    },
  },
  {
    name: 'sync export',
    usage: 'sync export --data DIR --out FILE [--from 签封编号] [--json]',
    help:
      '把尚未导出的签封（及其变更记录、截至最后一个签封的账务合计）写成一个用网点密钥签名的批次文件，\n' +
      '供线路中断时用U盘送中心（gjj center import）。--from N 从签封N之后重新导出。没有新内容时不写文件。',
    run(opts) {
      const dir = dataDirOf(opts);
      const outFile = resolve(opts.str('out', '批次文件'));
      const fromRaw = opts.optStr('from');
      opts.done();
      if (fromRaw !== undefined && !/^\d+$/.test(fromRaw)) throw new UsageError('--from 应为签封编号（非负整数）');
      const ctx = openContext(dir);
      try {
        const after = fromRaw !== undefined ? Number(fromRaw) : readSyncState(dir).exportedThroughSeal;
        const key = loadSigningKey(signingKeyFile(dir), false);
        const built = buildBatch(ctx, key, after);
        if (!built) {
          out(opts, { written: false, afterSeal: after }, () => `没有新内容：签封#${after}之后没有新的变更`);
          return 0;
        }
        writeFileSync(outFile, built.file, { mode: 0o600 });
        writeSyncState(dir, { exportedThroughSeal: Math.max(built.batch.toSeal, readSyncState(dir).exportedThroughSeal) });
        const rows = built.batch.rows.reduce((n, r) => n + r.length, 0);
        out(opts, { written: true, out: outFile, branch: built.batch.branch, fromSeal: built.batch.fromSeal, toSeal: built.batch.toSeal, rows }, () =>
          `已导出网点${built.batch.branch}第${built.batch.fromSeal}至${built.batch.toSeal}批（${rows}条变更）到 ${outFile}`,
        );
      } finally {
        ctx.db.close();
      }
    },
  },
  {
    name: 'sync apply',
    usage: 'sync apply --data DIR 下发文件 [--json]',
    help:
      '应用中心的下发文件（gjj center outbox 写出）：核对中心签名（入网时记录的中心公钥）和变更编号的接续，\n' +
      '在一个事务中按顺序应用（政策数据、公告、职工名册、归属转移），每项只应用一次，记入 center_applied（随下一批次回报中心）。\n' +
      '已应用过的文件：退出码0，“没有新内容”。损坏、伪造或缺号的文件：非0退出码，什么也不应用。',
    run(opts, rest) {
      const dir = dataDirOf(opts);
      opts.done();
      if (rest.length !== 1) throw new UsageError('需要一个下发文件');
      const file = resolve(rest[0]!);
      if (!existsSync(file)) throw new AppError('NOT_FOUND', `找不到下发文件 ${file}`);
      const ctx = writerContext(dir, 'sync apply');
      try {
        const r = applyCenterBatch(ctx, readFileSync(file, 'utf8'));
        out(opts, r, () => [r.message, ...r.notes.map((n) => `  ${n}`), ...(r.held ? [r.held] : [])].join('\n'));
      } finally {
        ctx.db.close();
      }
    },
  },
];

/**
 * `gjj integrity …`: the keyed chain's head (for the paper trail or the center) and the administrator's recorded
 * acceptance of an anchor mismatch (after a restore from backup, or an incident that `gjj check` explained).
 */
import { audit } from '../services/audit/log';
import { openContext } from '../services/app/open';
import { ANCHOR_FILE, printedHead, readAnchor } from '../services/integrity/anchor';
import { anchorProblem } from '../services/integrity/install';
import { defaultKeyFile } from '../services/integrity/key';
import { chainHead } from '../services/integrity/seal';
import type { Sealer } from '../services/integrity/seal';
import { join } from 'node:path';
import { UsageError } from './args';
import type { Command } from './commands';
import { cliOperator, dataDirOf, out, takeWriterLock } from './util';

export const INTEGRITY_COMMANDS: Command[] = [
  {
    name: 'integrity head',
    usage: 'integrity head --data DIR [--json]',
    help: '显示签封链的最新签封（日结单上打印的完整性校验码）和密钥文件位置。',
    run(opts) {
      const dir = dataDirOf(opts);
      opts.done();
      const ctx = openContext(dir, undefined, { checkOnly: true });
      const head = chainHead(ctx.db.sqlite);
      const data = { head, printed: printedHead(head), keyId: ctx.db.integrity!.key.id, keyFile: process.env.GJJ_INTEGRITY_KEY ? null : defaultKeyFile(dir) };
      ctx.db.close();
      out(opts, data, () => `完整性校验码：${data.printed}\n密钥编号 ${data.keyId}${data.keyFile ? `，密钥文件 ${data.keyFile}` : ''}`);
    },
  },
  {
    name: 'integrity accept',
    usage: 'integrity accept --data DIR --reason 说明',
    help:
      '锚定文件与数据库不符时（例如从备份恢复），在核实后记录处理意见并重新锚定：意见写入审计日志并签封，原锚定文件另存备查。\n' +
      '不会改变任何账务数据；账务核对（gjj check）的其他问题不受影响。',
    run(opts) {
      const dir = dataDirOf(opts);
      const reason = opts.str('reason', '处理意见');
      opts.done();
      if (reason.trim().length < 4) throw new UsageError('--reason 请写明核实情况（至少4个字）');
      takeWriterLock(dir, 'integrity accept');
      const ctx = openContext(dir, undefined, { checkOnly: true });
      const key = ctx.db.integrity!.key;
      const anchorFile = join(dir, ANCHOR_FILE);
      const read = readAnchor(anchorFile, key as never);
      const problem = anchorProblem(ctx.db.sqlite, read);
      if (!problem) {
        ctx.db.close();
        console.log('锚定文件与数据库一致，无需处理');
        return 0;
      }
      const previous = read.kind === 'ok' ? read.anchor : null;
      ctx.db.tx(() =>
        audit(ctx, { operator: cliOperator(), action: 'integrity.accept', recordType: 'anchor', recordId: ANCHOR_FILE, detail: { problem, reason, previous } }),
      );
      (ctx.db.hooks as Sealer).refreshAnchor();
      ctx.db.close();
      console.log(`已记录处理意见并重新锚定：${problem}`);
      return 0;
    },
  },
];

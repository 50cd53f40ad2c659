import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Db } from '../db/connection';
import { centerConfig, CENTER_IDS, type CenterId } from '../shared/centers';
import { checkContributionLimits, computeContribution } from '../shared/contribution';
import { AppError } from '../shared/errors';
import { formatYuan, formatYuanGrouped, parseYuan, toChineseUpper } from '../shared/money';
import { ROLES, ROLE_LABELS, type Role } from '../shared/roles';
import { initCenter, openContext, openDb } from '../services/app/open';
import { generateDemo } from '../services/demo/generate';
import { postRemittance } from '../services/contributions/remit';
import { callerKey } from '../services/ledger/keys';
import { getMember } from '../services/accounts/members';
import { memberStatement } from '../services/accounts/statement';
import { checkLedgerParallel, checkWorkerFile } from '../services/integrity/parallelCheck';
import { runYearEndInterest } from '../services/interest/yearEnd';
import { backupTo } from '../services/app/backup';
import { UsageError, type Opts } from './args';
import { cliOperator, dataDirOf, out, readStdin, takeWriterLock, writerContext } from './util';
import { withProgress, withProgressAsync } from './progress';

export interface Command {
  name: string;
  usage: string;
  help: string;
  run(opts: Opts, rest: string[]): number | void | Promise<number | void>;
}

function centerArg(opts: Opts): CenterId {
  const c = opts.str('center', '公积金中心');
  if (!CENTER_IDS.includes(c as CenterId)) throw new UsageError(`--center 须为 ${CENTER_IDS.join(' 或 ')}：${c}`);
  return c as CenterId;
}

export const COMMANDS: Command[] = [
  {
    name: 'init',
    usage: 'init --center yinchuan|urumqi --data DIR',
    help: '初始化数据目录：创建并迁移 SQLite 数据库，选定公积金中心（之后不可更改），建立会计科目。',
    run(opts) {
      const center = centerArg(opts);
      const dir = dataDirOf(opts);
      opts.done();
      takeWriterLock(dir, 'init');
      const db = openDb(dir);
      initCenter(db, center);
      const keySource = db.integrity!.key.source;
      db.close();
      console.log(`已初始化：${centerConfig(center).name}，数据目录 ${dir}`);
      console.log(`完整性密钥：${keySource}（请另行妥善备份；没有它无法核对账务的签封）`);
    },
  },
  {
    name: 'demo',
    usage: 'demo --data DIR --members N [--months M] [--per-employer K] [--seed S]',
    help: '生成演示数据：单位、职工（有效的身份证号和统一社会信用代码、中文姓名）和 M 个月（默认12）的汇缴记录。',
    run(opts) {
      const dir = dataDirOf(opts);
      const members = opts.int('members', '职工人数');
      const months = opts.int('months', '月数', 12);
      const perEmployer = opts.int('per-employer', '每单位人数', 50);
      const seed = opts.int('seed', '随机种子', 20260601);
      opts.done();
      if (members < 1) throw new UsageError('--members 至少为 1');
      const ctx = writerContext(dir, 'demo');
      const r = withProgress('生成演示数据', (report) => generateDemo(ctx, cliOperator(), { members, months, perEmployer, seed, report }));
      out(opts, r, () => `已生成 ${r.employers} 个单位、${r.members} 名职工、${r.remittances} 笔汇缴，用时 ${r.seconds.toFixed(1)} 秒`);
    },
  },
  {
    name: 'remit',
    usage: 'remit --data DIR --employer ID --month YYYY-MM [--backpay --members ID,ID] [--key KEY] [--json]',
    help: '为一个单位入账一个月的汇缴（或 --backpay 补缴）。同一月份重复汇缴会被拒绝。',
    run(opts) {
      const dir = dataDirOf(opts);
      const employerId = opts.int('employer', '单位编号');
      const month = opts.str('month', '缴存月份');
      const backpay = opts.flag('backpay');
      const memberList = opts.optStr('members');
      const key = opts.optStr('key') ?? `cli-${randomUUID()}`;
      opts.done();
      const ctx = writerContext(dir, 'remit');
      const memberIds = memberList?.split(',').map((s) => {
        if (!/^\d+$/.test(s)) throw new UsageError(`--members 应为逗号分隔的职工编号：${s}`);
        return Number(s);
      });
      const r = postRemittance(ctx, cliOperator(), { employerId, month, kind: backpay ? '补缴' : '汇缴', idempotencyKey: callerKey('cli', key), ...(memberIds ? { memberIds } : {}) });
      out(opts, r, () => `${r.kind}已入账：${r.employer.name} ${r.month}，${r.memberCount} 人，合计 ${formatYuanGrouped(r.totalFen)} 元（${toChineseUpper(r.totalFen)}），凭证号 ${r.entryNo}`);
    },
  },
  {
    name: 'statement',
    usage: 'statement --data DIR --member ID [--year YYYY] [--json]',
    help: '职工个人信息和账户明细（缴存 / 提取），证件号码脱敏显示。',
    run(opts) {
      const dir = dataDirOf(opts);
      const memberId = opts.int('member', '职工编号');
      const year = opts.optStr('year');
      opts.done();
      const ctx = openContext(dir);
      const m = getMember(ctx, memberId);
      const s = memberStatement(ctx, memberId, year);
      const { idNumber: _full, ...masked } = m;
      out(opts, { member: masked, statement: s }, () =>
        [
          `${m.name}  个人账号 ${m.accountNo}  证件号码 ${m.idNumberMasked}  ${m.status}`,
          `单位 ${m.employer.name}  缴存基数 ${formatYuan(m.baseFen)}  余额 ${formatYuanGrouped(m.balanceFen)} 元`,
          '记账日期     摘要      发生额        余额',
          ...s.lines.map((l) => `${l.bookedDate}  ${l.summary.padEnd(6, '　')}  ${formatYuan(l.amountFen).padStart(10)}  ${formatYuan(l.balanceFen).padStart(12)}`),
        ].join('\n'),
      );
    },
  },
  {
    name: 'check',
    usage: 'check --data DIR [--json]',
    help: '核对账务：每笔凭证借贷平衡、明细账合计等于控制账户、累计发生额与分录一致、审计日志哈希链完整，\n并用完整性密钥核对签封链、锚定文件和每一行业务数据（第一处被改动、删除或在程序之外写入的行）。\n成立时退出码 0，否则 1 并给出第一处问题。',
    async run(opts) {
      const dir = dataDirOf(opts);
      opts.done();
      const ctx = openContext(dir, undefined, { checkOnly: true });
      const { report: r } = await withProgressAsync('账务核对', (report) => checkLedgerParallel(ctx, checkWorkerFile(), report));
      out(opts, r, () =>
        r.ok
          ? `账务核对通过：${r.entries} 笔凭证、${r.postings} 条分录、${r.accounts} 个账户、${r.auditRows} 条审计日志；` +
            r.controls.map((c) => `${c.code} 余额 ${formatYuanGrouped(c.balanceFen)} 元 = 明细合计`).join('；') +
            `\n签封 ${r.seals} 个，覆盖 ${r.loggedChanges} 条变更，完整性校验码 ${r.chainHead}`
          : `账务核对失败：${r.firstViolation}`,
      );
      return r.ok ? 0 : 1;
    },
  },
  {
    name: 'interest',
    usage: 'interest --data DIR --year YYYY [--json]',
    help: '年终结息：按积数法（360天计息基数，存款利率表当日利率）计算 YYYY-1年7月1日至 YYYY年6月30日的利息，于6月30日记入全部未销户的个人账户。\n同一年度重复运行只记一次。',
    run(opts) {
      const dir = dataDirOf(opts);
      const year = opts.int('year', '结息年度');
      opts.done();
      if (year < 2000 || year > 2100) throw new UsageError('--year 应为四位年份');
      const ctx = writerContext(dir, 'interest');
      const r = withProgress('年终结息', (report) => runYearEndInterest(ctx, cliOperator(), year, { report }));
      out(opts, r, () =>
        r.alreadyRun
          ? `${year}年度已结息（${r.bookedDate}），${r.accounts} 个账户，合计 ${formatYuanGrouped(r.totalFen)} 元；本次未重复记账`
          : `${year}年度结息完成：${r.accounts} 个账户，利息合计 ${formatYuanGrouped(r.totalFen)} 元，${r.entries} 笔凭证，记账日期 ${r.bookedDate}，用时 ${r.seconds.toFixed(1)} 秒`,
      );
    },
  },
  {
    name: 'backup',
    usage: 'backup --data DIR --out FILE',
    help: '在线备份：把数据库一致地复制为一个文件（VACUUM INTO），程序运行中也可执行；先写入 FILE.partial-进程号，备份副本账务核对通过后才改名为 FILE（0600）。恢复时把该文件改名为 gjj.sqlite 放入数据目录。',
    run(opts) {
      const dir = dataDirOf(opts);
      const file = resolve(opts.str('out', '备份文件'));
      opts.done();
      if (existsSync(file)) throw new UsageError(`备份文件已存在，不会覆盖：${file}`);
      const r = backupTo(openContext(dir), file);
      if (!r.ok) {
        console.log(`备份未完成：备份副本的账务核对失败：${r.firstViolation}（未生成备份文件）`);
        return 1;
      }
      console.log(`已备份到 ${file}（${(statSync(file).size / 2 ** 20).toFixed(1)} MiB），备份文件账务核对通过`);
      return 0;
    },
  },
  {
    name: 'calc contribution',
    usage: 'calc contribution --base B --ratio R [--employer-ratio R2] --center C [--district 区县] [--json]',
    help: '月缴存额计算器：缴存基数（元）× 比例（%），个人和单位分别按四舍五入取整到元。超出中心规定的基数或比例报错并说明限额。',
    run(opts) {
      const center = centerConfig(centerArg(opts));
      const baseText = opts.str('base', '缴存基数');
      const ratio = opts.str('ratio', '个人缴存比例');
      const employerRatio = opts.optStr('employer-ratio') ?? ratio;
      const district = opts.optStr('district');
      opts.done();
      let baseFen: number;
      try {
        baseFen = parseYuan(baseText);
      } catch {
        throw new UsageError(`--base 应为金额（元）：${baseText}`);
      }
      const input = { baseFen, employeeRatioPercent: ratio, employerRatioPercent: employerRatio, ...(district ? { district } : {}) };
      const problems = checkContributionLimits(center, input);
      if (problems[0]) throw new AppError('BAD_INPUT', problems[0].message, problems[0].field);
      const r = computeContribution(center, input);
      out(
        opts,
        { center: center.id, baseYuan: formatYuan(r.baseFen), employeeYuan: formatYuan(r.employeeFen), employerYuan: formatYuan(r.employerFen), totalYuan: formatYuan(r.totalFen), ...r },
        () => `${center.shortName} ${r.limits.year}：个人月缴存额 ${formatYuan(r.employeeFen)} 元，单位月缴存额 ${formatYuan(r.employerFen)} 元，合计 ${formatYuan(r.totalFen)} 元`,
      );
    },
  },
];

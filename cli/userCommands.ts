/**
 * gjj user add / list / disable / reset-password. Whoever holds the data folder at installation may create logins
 * directly (the first administrators); through the program a new login or a role change needs a second
 * administrator's confirmation. Every change is audited as `cli:<os user>`.
 */
import { AppError } from '../shared/errors';
import { ROLES, ROLE_LABELS, type Role } from '../shared/roles';
import { openContext } from '../services/app/open';
import { writerContext } from './util';
import { addOperator, disableOperator, listOperators, resetPassword } from '../services/auth/operators';
import type { ServiceContext } from '../services/context';
import { UsageError, type Opts } from './args';
import type { Command } from './commands';
import { cliOperator, dataDirOf, out, readStdin } from './util';

function passwordFromStdin(opts: Opts): string {
  if (!opts.flag('password-stdin')) throw new UsageError('请用 --password-stdin 从标准输入提供密码（不要写在命令行上）');
  opts.done();
  return readStdin().replace(/\r?\n$/, '');
}

function operatorIdOf(ctx: ServiceContext, login: string): number {
  const row = ctx.db.prepare('SELECT id FROM operators WHERE login = ?').get(login) as { id: number } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `操作员不存在：${login}`);
  return row.id;
}

export const USER_COMMANDS: Command[] = [
  {
    name: 'user add',
    usage: 'user add --data DIR --login NAME --role clerk|reviewer|approver|admin --staff-no 工号 --id-number 证件号码 [--name 姓名] [--branch CODE] --password-stdin',
    help:
      '新增操作员（安装时由持有数据目录的人员直接建立，无需第二名管理员确认）；密码从标准输入读取（scrypt 加密保存）。\n' +
      '每个操作员登记本人的工号和证件号码：同一人可有多个登录名，但管理员不能同时担任经办、复核、审批岗位。',
    run(opts) {
      const dir = dataDirOf(opts);
      const login = opts.str('login', '登录名');
      const role = opts.str('role', '岗位角色') as Role;
      if (!ROLES.includes(role)) throw new UsageError(`--role 须为 ${ROLES.join('|')}`);
      const staffNo = opts.str('staff-no', '工号');
      const idNumber = opts.str('id-number', '证件号码');
      const name = opts.optStr('name') ?? login;
      const branchCode = opts.optStr('branch');
      const password = passwordFromStdin(opts);
      const ctx = writerContext(dir, 'user add');
      const op = addOperator(ctx, cliOperator(), { login, name, role, password, staffNo, idNumber, ...(branchCode ? { branchCode } : {}) });
      console.log(`已新增操作员 ${op.login}（${ROLE_LABELS[op.role]}），工号 ${staffNo}，网点 ${op.branchCode}`);
    },
  },
  {
    name: 'user list',
    usage: 'user list --data DIR [--json]',
    help: '列出操作员：登录名、姓名、工号、证件号码（脱敏）、岗位、状态。',
    run(opts) {
      const dir = dataDirOf(opts);
      opts.done();
      const rows = listOperators(openContext(dir));
      out(opts, rows, () =>
        rows
          .map((r) => [r.login, r.name, r.staffNo ?? '（未登记）', r.idNumberMasked ?? '（未登记）', r.roleLabel, r.active ? (r.lockedUntil ? '已锁定' : '启用') : '停用', r.mustChangePassword ? '须改密码' : ''].join('\t'))
          .join('\n'),
      );
    },
  },
  {
    name: 'user disable',
    usage: 'user disable --data DIR --login NAME --reason 原因',
    help: '停用操作员：不能再登录，已登录的会话在下一次操作时失效。',
    run(opts) {
      const dir = dataDirOf(opts);
      const login = opts.str('login', '登录名');
      const reason = opts.str('reason', '停用原因');
      opts.done();
      const ctx = writerContext(dir, 'user disable');
      ctx.db.tx(() => disableOperator(ctx, cliOperator(), operatorIdOf(ctx, login), reason));
      console.log(`已停用操作员 ${login}`);
    },
  },
  {
    name: 'user reset-password',
    usage: 'user reset-password --data DIR --login NAME --password-stdin',
    help: '重置密码：从标准输入读取临时密码；操作员下次登录后须先修改密码，锁定同时解除。',
    run(opts) {
      const dir = dataDirOf(opts);
      const login = opts.str('login', '登录名');
      const password = passwordFromStdin(opts);
      const ctx = writerContext(dir, 'user reset-password');
      ctx.db.tx(() => resetPassword(ctx, cliOperator(), operatorIdOf(ctx, login), password));
      console.log(`已重置操作员 ${login} 的密码：下次登录须先修改密码`);
    },
  },
];

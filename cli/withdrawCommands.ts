/**
 * gjj withdraw run: replays a withdrawal from intake to payout from one JSON script, each step under its own
 * operator's login and through the same contract dispatcher as the app (schemas, roles, four eyes), so an
 * auditor can re-enact a case without the UI. gjj print: any withdrawal form, again, marked 补打 after the first.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../shared/errors';
import type { CallInput, CallName } from '../shared/contract/calls';
import type { WithdrawalAppDto } from '../shared/contract/dto';
import { formatYuanGrouped } from '../shared/money';
import { dispatch } from '../services/api/dispatch';
import { openAppState, type AppState } from '../services/api/state';
import { printWithdrawalForm, type WithdrawalForm } from '../services/print/withdrawalForms';
import { withdrawalDto } from '../services/withdrawal/queries';
import { openContext } from '../services/app/open';
import { UsageError } from './args';
import type { Command } from './commands';
import { cliOperator, dataDirOf, out, takeWriterLock, writerContext } from './util';

interface Step {
  login: string;
  action: 'create' | 'submit' | 'review' | 'approve' | 'pay' | 'cancel' | 'requestReversal' | 'reviewReversal' | 'approveReversal';
  pass?: boolean;
  note?: string;
  reason?: string;
}

interface Script {
  memberId?: number;
  memberAccountNo?: string;
  spouseMemberId?: number | null;
  caseId: string;
  facts: Record<string, unknown>;
  requestedFen?: number | null;
  payee: CallInput<'withdrawal.create'>['payee'];
  materialsSeen: 'all' | string[];
  steps: Step[];
}

function readJson<T>(file: string, what: string): T {
  try {
    return JSON.parse(readFileSync(resolve(file), 'utf8')) as T;
  } catch (e) {
    throw new UsageError(`无法读取${what} ${file}：${(e as Error).message}`);
  }
}

function call<N extends CallName>(app: AppState, token: string | null, name: N, input: CallInput<N>): unknown {
  const r = dispatch(app, { call: name, input, token });
  if (!r.ok) throw new AppError(r.error.code, `${name}：${r.error.message}`, r.error.field);
  return r.data;
}

export function runWithdrawalScript(app: AppState, script: Script, passwords: Record<string, string>, log: (line: string) => void): WithdrawalAppDto {
  const tokens = new Map<string, string>();
  const tokenOf = (login: string) => {
    if (!tokens.has(login)) {
      const password = passwords[login] ?? process.env[`GJJ_PASSWORD_${login.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`];
      if (!password) throw new UsageError(`没有操作员 ${login} 的密码（--passwords 文件或环境变量 GJJ_PASSWORD_${login.toUpperCase()}）`);
      const r = call(app, null, 'session.login', { login, password }) as { token: string };
      tokens.set(login, r.token);
    }
    return tokens.get(login)!;
  };
  let memberId = script.memberId;
  if (!memberId && script.memberAccountNo) {
    const row = app.db.prepare('SELECT id FROM members WHERE account_no = ?').get(script.memberAccountNo) as { id: number } | undefined;
    if (!row) throw new AppError('NOT_FOUND', `个人账号不存在：${script.memberAccountNo}`);
    memberId = row.id;
  }
  if (!memberId) throw new UsageError('脚本须给出 memberId 或 memberAccountNo');
  let dto: WithdrawalAppDto | null = null;
  const key = () => `cli-${randomUUID()}`;
  for (const [i, step] of script.steps.entries()) {
    const token = tokenOf(step.login);
    const id = dto?.id;
    if (step.action !== 'create' && id === undefined) throw new UsageError(`第${i + 1}步：须先 create`);
    switch (step.action) {
      case 'create': {
        const base = { caseId: script.caseId, spouseMemberId: script.spouseMemberId ?? null, facts: script.facts, requestedFen: script.requestedFen ?? null, payee: script.payee };
        dto = call(app, token, 'withdrawal.create', { ...base, memberId, materialsSeen: [], idempotencyKey: key() }) as WithdrawalAppDto;
        const seen = script.materialsSeen === 'all' ? dto.materials.map((m) => m.id) : script.materialsSeen;
        if (seen.length) dto = call(app, token, 'withdrawal.update', { ...base, applicationId: dto.id, version: dto.version, materialsSeen: seen, idempotencyKey: key() }) as WithdrawalAppDto;
        break;
      }
      case 'submit':
        dto = call(app, token, 'withdrawal.submit', { applicationId: id!, idempotencyKey: key() }) as WithdrawalAppDto;
        break;
      case 'review':
      case 'approve':
      case 'reviewReversal':
      case 'approveReversal':
        dto = call(app, token, `withdrawal.${step.action}`, { applicationId: id!, pass: step.pass ?? true, ...(step.note ? { note: step.note } : {}), idempotencyKey: key() }) as WithdrawalAppDto;
        break;
      case 'pay':
        dto = call(app, token, 'withdrawal.pay', { applicationId: id!, idempotencyKey: key() }) as WithdrawalAppDto;
        break;
      case 'cancel':
      case 'requestReversal':
        dto = call(app, token, `withdrawal.${step.action}`, { applicationId: id!, reason: step.reason ?? step.note ?? '', idempotencyKey: key() }) as WithdrawalAppDto;
        break;
      default:
        throw new UsageError(`第${i + 1}步：未知操作 ${String((step as Step).action)}`);
    }
    log(`${i + 1}. ${step.login} ${step.action} → ${dto!.state}${dto!.paidEntryNo && step.action === 'pay' ? `，凭证号 ${dto!.paidEntryNo}，支付 ${formatYuanGrouped(dto!.paidAmountFen ?? 0)} 元` : ''}`);
  }
  return dto!;
}

const FORMS: Record<string, WithdrawalForm> = { voucher: 'voucher', notice: 'notice', receipt: 'receipt' };

export const WITHDRAW_COMMANDS: Command[] = [
  {
    name: 'withdraw run',
    usage: 'withdraw run --data DIR --script FILE.json [--passwords FILE.json] [--json]',
    help: '按脚本办理一笔提取：受理、提交、复核、审批、支付（及撤销、冲正），每一步用脚本指定的操作员登录，经过与界面相同的校验、岗位和四眼检查。\n脚本格式见 docs/withdrawal.md；密码来自 --passwords（{"登录名":"密码"}）或环境变量 GJJ_PASSWORD_<登录名>。',
    run(opts) {
      const dir = dataDirOf(opts);
      const script = readJson<Script>(opts.str('script', '脚本文件'), '脚本文件');
      const pwFile = opts.optStr('passwords');
      opts.done();
      const passwords = pwFile ? readJson<Record<string, string>>(pwFile, '密码文件') : {};
      takeWriterLock(dir, 'withdraw run');
      const app = openAppState(dir, undefined, { busyTimeoutMs: 5000 });
      const lines: string[] = [];
      const dto = runWithdrawalScript(app, script, passwords, (l) => lines.push(l));
      out(opts, dto, () => [`申请编号 ${dto.appNo}（${dto.caseName}），职工 ${dto.member.name}`, ...lines].join('\n'));
    },
  },
  {
    name: 'withdraw show',
    usage: 'withdraw show --data DIR --id ID [--json]',
    help: '显示一笔提取申请：状态、金额、审查结论、签署人和全部流转记录。',
    run(opts) {
      const dir = dataDirOf(opts);
      const id = opts.int('id', '申请编号');
      opts.done();
      const dto = withdrawalDto(openContext(dir), id);
      out(opts, dto, () =>
        [
          `${dto.appNo} ${dto.caseName} ${dto.state}  职工 ${dto.member.name}（${dto.member.accountNo}，${dto.member.idNumberMasked}）`,
          `金额 ${dto.approvedFen !== null ? formatYuanGrouped(dto.approvedFen) : '—'} 元  收款 ${dto.payee.bankName} ${dto.payee.accountNo} ${dto.payee.accountName}`,
          ...dto.events.map((e) => `  ${e.at} ${e.operatorName} ${e.action} ${e.fromState ?? ''}→${e.toState}${e.note ? ` ${e.note}` : ''}`),
        ].join('\n'),
      );
    },
  },
  {
    name: 'print',
    usage: 'print voucher|notice|receipt --data DIR --id ID --out FILE.pdf',
    help: '打印提取表单：voucher 提取凭证/审批表，notice 一次性告知书，receipt 支付回单。第二次起打印的表单标明“补打”。',
    run(opts, rest) {
      const form = FORMS[rest[0] ?? ''];
      if (!form) throw new UsageError('请指明表单：voucher、notice 或 receipt');
      const dir = dataDirOf(opts);
      const id = opts.int('id', '申请编号');
      const file = resolve(opts.str('out', '输出文件'));
      opts.done();
      const ctx = writerContext(dir, 'print');
      return void printWithdrawalForm(ctx, cliOperator(), id, form).then(
        (r) => {
          writeFileSync(file, Buffer.from(r.pdfBase64, 'base64'));
          console.log(`已保存 ${file}${r.reprint ? '（补打）' : ''}`);
        },
        (e: unknown) => {
          console.error(`错误：${e instanceof Error ? e.message : String(e)}`);
          process.exitCode = 1;
        },
      );
    },
  },
];


/** gjj eval / schema / rules / guide: the policy engine from the command line, for auditors and administrators. */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { centerConfig, CENTER_IDS, type CenterId } from '../shared/centers';
import { formatYuanGrouped } from '../shared/money';
import { LoanApplicationSchema, WithdrawalApplicationSchema, type Decision } from '../shared/rules';
import { openContext } from '../services/app/open';
import { decideLoan, decideWithdrawal, evalOptions, rulesError } from '../services/policy/decide';
import { AppError } from '../shared/errors';
import { memberFacts } from '../services/policy/facts';
import { evaluateLoan, evaluateWithdrawal, guides, guideText, listRules } from '../services/rules/engine';
import { renderGuidePdf } from '../services/print/guide';
import { chinaDate } from '../shared/dates';
import { chinaDateTime } from '../shared/dates';
import { today } from '../services/context';
import { UsageError, type Opts } from './args';
import type { Command } from './commands';
import { out } from './util';
import { parseEvalInput } from './evalInput';

const OUTCOME = { passed: '通过', failed: '不通过', not_applicable: '不适用' } as const;

function kindArg(rest: string[]): 'withdrawal' | 'loan' {
  const k = rest[0];
  if (k !== 'withdrawal' && k !== 'loan') throw new UsageError('请指明 withdrawal（提取）或 loan（贷款）');
  return k;
}

function centerArg(opts: Opts): CenterId {
  const c = opts.str('center', '公积金中心');
  if (!CENTER_IDS.includes(c as CenterId)) throw new UsageError(`--center 须为 ${CENTER_IDS.join(' 或 ')}：${c}`);
  return c as CenterId;
}

/**
 * --center without a database: the center's policy pack as written (no administrator overrides) and the national
 * rate table; the facts are the file's alone. An application without a date is judged on today's policy.
 */
function decideWithoutData(center: CenterId, kind: 'withdrawal' | 'loan', application: Record<string, unknown>): Decision {
  if (application.center !== undefined && application.center !== center) {
    throw new AppError('BAD_INPUT', `公积金中心：申请属于${String(application.center)}，与 --center ${center} 不符`, 'application.center');
  }
  const a = { ...application, center, applicationDate: application.applicationDate ?? chinaDate(new Date()) };
  try {
    return kind === 'loan' ? evaluateLoan(a) : evaluateWithdrawal(a);
  } catch (e) {
    return rulesError(e);
  }
}

export function decisionText(d: Decision): string {
  const lines = [
    `${centerConfig(d.center).name} · ${d.kind === 'withdrawal' ? '提取' : '贷款'} · ${d.caseName} · 政策日期 ${d.policyDate}`,
    `结论：${d.eligible ? '符合条件' : '不符合条件'}${d.maxAmountFen !== null ? `，最高${d.kind === 'loan' ? '可贷' : '可提取'} ${formatYuanGrouped(d.maxAmountFen)} 元` : ''}`,
  ];
  if (d.kind === 'loan') {
    for (const l of d.quota.limits) lines.push(`  额度：${l.label} ${formatYuanGrouped(l.amountFen)} 元${l.binding ? '（起决定作用）' : ''}`);
    if (d.rate) lines.push(`  利率：${d.rate.annualRatePercent}%（${d.rate.basis}）`);
  }
  lines.push('审查过程：');
  for (const t of d.trace) if (t.outcome !== 'not_applicable') lines.push(`  [${OUTCOME[t.outcome]}] ${t.ruleId} ${t.title}：${t.message}`);
  lines.push('所需材料：', ...d.materials.map((m, i) => `  ${i + 1}. ${m.text}`));
  if (d.postConditions.length) lines.push('办理要求：', ...d.postConditions.map((p) => `  - ${p.text}`));
  return lines.join('\n');
}

export const POLICY_COMMANDS: Command[] = [
  {
    name: 'eval',
    usage: 'eval withdrawal|loan (--data DIR | --center yinchuan|urumqi) --json FILE [--member ID] [--text]',
    help:
      '审查申请，输出决定（JSON）。--data：按数据目录所属中心的政策（含管理员设置的利率表和参数调整）；--center：不用数据库，按该中心的政策包与全国利率表（无账本事实、无参数调整），申请未写申请日期的按今天。\n' +
      'FILE 可为一份申请（JSON 对象）、多份（JSON 数组）或 JSON Lines（每行一份）；多份时输出结果数组，每份为 { index, decision } 或 { index, error }，有一份出错则退出码为 1。\n' +
      '--member（须 --data）用账本中的职工事实替换申请中的 member/borrower；输入格式见 docs/rules-input.md。',
    run(opts, rest) {
      const kind = kindArg(rest);
      const dataDir = opts.optStr('data');
      const centerOpt = opts.optStr('center');
      const file = resolve(opts.str('json', '申请文件'));
      const memberId = opts.optStr('member');
      const text = opts.flag('text');
      opts.done();
      if (!dataDir && !centerOpt) throw new UsageError('请指明 --data DIR（数据目录的政策）或 --center yinchuan|urumqi（不用数据库）');
      if (centerOpt && !CENTER_IDS.includes(centerOpt as CenterId)) throw new UsageError(`--center 须为 ${CENTER_IDS.join(' 或 ')}：${centerOpt}`);
      if (memberId && !dataDir) throw new UsageError('--member 取账本中的职工事实，须同时指定 --data');
      let raw: string;
      try {
        raw = readFileSync(file, 'utf8');
      } catch (e) {
        throw new UsageError(`无法读取申请文件 ${file}：${(e as Error).message}`);
      }
      const input = parseEvalInput(raw, file);
      const ctx = dataDir ? openContext(resolve(dataDir)) : null;
      if (ctx && centerOpt && ctx.center.id !== centerOpt) throw new UsageError(`数据目录属于${ctx.center.name}，与 --center ${centerOpt} 不符`);
      const decide = (application: Record<string, unknown>) => {
        if (ctx) {
          if (memberId) application[kind === 'loan' ? 'borrower' : 'member'] = memberFacts(ctx, Number(memberId));
          return kind === 'loan' ? decideLoan(ctx, application) : decideWithdrawal(ctx, application);
        }
        return decideWithoutData(centerOpt as CenterId, kind, application);
      };
      if (!input.batch) {
        const d = decide(input.applications[0]!);
        console.log(text ? decisionText(d) : JSON.stringify(d, null, 2));
        return;
      }
      const results = input.applications.map((a, i) => {
        try {
          return { index: i + 1, decision: decide(a) };
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          return { index: i + 1, error: { code: e.code, field: e.field ?? null, message: e.message } };
        }
      });
      if (text) {
        console.log(results.map((r) => `—— 第${r.index}份 ——\n${'decision' in r ? decisionText(r.decision!) : `错误：${r.error!.message}（${r.error!.field ?? ''}）`}`).join('\n\n'));
      } else console.log(JSON.stringify(results, null, 2));
      return results.some((r) => 'error' in r) ? 1 : 0;
    },
  },
  {
    name: 'schema',
    usage: 'schema withdrawal|loan',
    help: '输出申请输入的 JSON Schema（含中文字段说明）。',
    run(opts, rest) {
      const kind = kindArg(rest);
      opts.done();
      const schema = kind === 'loan' ? LoanApplicationSchema : WithdrawalApplicationSchema;
      console.log(JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2));
    },
  },
  {
    name: 'rules',
    usage: 'rules --center yinchuan|urumqi [--json]',
    help: '列出中心的全部政策规则：编号、标题、依据的政策原文（种子文件和条款）与说明。',
    run(opts) {
      const center = centerArg(opts);
      opts.done();
      const rules = listRules(center);
      out(opts, rules, () =>
        rules.map((r) => `${r.id}  ${r.kind === 'withdrawal' ? '提取' : '贷款'}  ${r.title}\n    依据：${r.source.file}「${r.source.clause}」${r.note ? `\n    说明：${r.note}` : ''}`).join('\n'),
      );
    },
  },
  {
    name: 'guide',
    usage: 'guide --center C [--kind withdrawal|loan --case ID] [--data DIR] [--out FILE.pdf]',
    help: '办事指南：不带 --case 时列出全部业务；带 --case 时输出该业务的指南（文字），--out 另存为 PDF。\n带 --data 时使用该数据目录中管理员设置的参数调整。',
    run(opts) {
      const center = centerArg(opts);
      const kind = opts.optStr('kind');
      const caseId = opts.optStr('case');
      const dataDir = opts.optStr('data');
      const outFile = opts.optStr('out');
      opts.done();
      const ctx = dataDir ? openContext(resolve(dataDir)) : null;
      if (ctx && ctx.center.id !== center) throw new UsageError(`数据目录属于${ctx.center.name}，与 --center ${center} 不符`);
      // The parameters in force today, and the date printed as 政策执行日期 — never the open-ended 9999-12-31.
      const all = guides(center, ctx ? today(ctx) : chinaDate(new Date()), ctx ? evalOptions(ctx).overrides : []);
      if (!caseId) {
        out(opts, all.map((g) => ({ kind: g.kind, caseId: g.caseId, title: g.title })), () => all.map((g) => `${g.kind}  ${g.caseId.padEnd(16)} ${g.title}`).join('\n'));
        return;
      }
      const g = all.find((x) => x.caseId === caseId && (!kind || x.kind === kind));
      if (!g) throw new UsageError(`没有这项业务：${caseId}（gjj guide --center ${center} 可列出全部）`);
      if (outFile) {
        return void renderGuidePdf(g, chinaDateTime(new Date())).then((pdf) => {
          writeFileSync(resolve(outFile), pdf);
          console.log(`已保存 ${resolve(outFile)}`);
        });
      }
      out(opts, g, () => guideText(g));
    },
  },
];

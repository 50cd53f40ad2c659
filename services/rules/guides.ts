/**
 * 办事指南 per case, generated from the same data the engine decides with: the rules that apply to the case
 * (conditions, time limits, amount limits, each with its clause), the catalogue's materials and the procedure
 * quoted from the seed, and the center's contact details. There is no second, hand-written copy to drift.
 */
import { centerConfig } from '../../shared/centers';
import type { CenterId } from '../../shared/centers/types';
import { MATERIAL_CONDITIONS, type CaseInfo } from '../../shared/rules/catalogueTypes';
import type { ParamOverride } from '../../shared/rules/types';
import type { Guide, GuideItem } from '../../shared/rules/views';
import type { PolicyPack } from './pack';
import { packFor } from './packs';
import { ParamReader } from './params';
import type { Rule } from './rule';

const LATEST = '9999-12-31';

function item(rule: Rule<unknown>): GuideItem {
  return { ruleId: rule.id, title: rule.title, clause: rule.source.clause, note: rule.note ?? null };
}

function guideFor(pack: PolicyPack, kase: CaseInfo, params: ParamReader, asOf: string): Guide {
  const rules = (kase.kind === 'withdrawal' ? pack.withdrawalRules : pack.loanRules) as Rule<unknown>[];
  const p = <T>(id: string) => params.get<T>(id);
  const relevant = rules.filter(
    (r) => (r.caseIds === '*' || r.caseIds.includes(kase.id)) && (r.inGuide ? r.inGuide(kase.id, p) : true) && !r.requestCheck,
  );
  const common = pack.catalogue.commonMaterials[kase.kind];
  const center = centerConfig(pack.center);
  return {
    center: pack.center,
    centerName: center.name,
    kind: kase.kind,
    caseId: kase.id,
    title: `${kase.name}（${kase.kind === 'withdrawal' ? '住房公积金提取' : '住房公积金贷款'}）办事指南`,
    group: kase.group,
    basis: kase.source,
    conditions: relevant.filter((r) => !['time_limit', 'amount'].includes(r.category)).map(item),
    timeLimits: relevant.filter((r) => r.category === 'time_limit').map(item),
    amountLimits: relevant.filter((r) => r.category === 'amount').map(item),
    materials: [...common, ...kase.materials].map((m) => ({
      text: m.text,
      when: m.when ? MATERIAL_CONDITIONS[m.when] : null,
      source: m.source,
    })),
    procedures: pack.catalogue.procedures
      .filter((pr) => pr.kind === kase.kind && procedureApplies(pack, pr.variant, kase.id, p))
      .map((pr) => ({ title: pr.title, steps: pr.steps.map((s, i) => ({ no: i + 1, text: s.text, source: s.source })) })),
    contact: {
      name: center.name,
      address: center.address,
      hours: center.hours,
      hotline: center.hotline,
      website: center.website,
      branches: center.branches.map((b) => ({ name: b.name, address: b.address, hours: b.hours, phone: b.phone })),
      ...(center.selfService ? { selfService: center.selfService } : {}),
    },
    asOf,
  };
}

/** A procedure variant limited to some cases (pack.procedureCases) applies only to those; others to every case. */
function procedureApplies(pack: PolicyPack, variant: string | undefined, caseId: string, p: <T>(id: string) => T): boolean {
  const param = variant ? pack.procedureCases?.[variant] : undefined;
  return param ? p<string[]>(param).includes(caseId) : true;
}

/** Every case's guide, with the parameters in force on `asOf` (default: the latest values). */
export function guides(center: CenterId, asOf: string = LATEST, overrides: readonly ParamOverride[] = []): Guide[] {
  const pack = packFor(center);
  const params = new ParamReader(pack.params, asOf, overrides);
  const cases = [...pack.catalogue.withdrawalCases, ...pack.catalogue.loanCases];
  return cases.map((k) => guideFor(pack, k, params, asOf));
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八'];

/** The guide as printable plain text (for the printed 办事指南 and the CLI). */
export function guideText(g: Guide): string {
  const lines: string[] = [`${g.centerName}`, g.title, `依据：“${g.basis.clause}”`, ''];
  let section = 0;
  const head = (t: string) => lines.push(`${NUMERALS[section++]}、${t}`);
  // The auditor's notes stay on screen for staff; the printed guide gives the applicant the center's own words.
  const items = (list: GuideItem[]) => list.forEach((it, i) => lines.push(`${i + 1}. ${it.title}。原文：“${it.clause}”`));
  head('办理条件');
  items(g.conditions);
  if (g.timeLimits.length > 0) {
    head('申请时限');
    items(g.timeLimits);
  }
  if (g.amountLimits.length > 0) {
    head(g.kind === 'withdrawal' ? '提取金额' : '贷款额度');
    items(g.amountLimits);
  }
  head('所需材料');
  g.materials.forEach((m, i) => lines.push(`${i + 1}. ${m.when ? `${m.when}：` : ''}${m.text}`));
  head('办理流程');
  for (const pr of g.procedures) {
    if (g.procedures.length > 1) lines.push(pr.title);
    pr.steps.forEach((s) => lines.push(`${s.no}. ${s.text}`));
  }
  head('办理地点及咨询');
  lines.push(`${g.contact.name}　地址：${g.contact.address}　时间：${g.contact.hours}　电话：${g.contact.hotline}`);
  for (const b of g.contact.branches.slice(1)) lines.push(`${b.name}　地址：${b.address}　时间：${b.hours}${b.phone ? `　电话：${b.phone}` : ''}`);
  const ss = g.contact.selfService;
  if (ss) {
    lines.push(`网上查询：${ss.online.join('；')}。查询范围：${ss.scope}`);
    lines.push(`查询电话：${ss.hotline.number}　服务时间：${ss.hotline.hours}　查询项目：${ss.hotline.items.join('；')}`);
  }
  return lines.join('\n');
}

/**
 * The 依据 wording on the archive prints (贷款审批书, 支取凭证): each passed rule by its Chinese title and the
 * clause number in the policy document, and the document by its official title — never the internal rule id or the
 * seed's file name (those stay in the audit, and in the optional appendix 附：规则编号 when the print asks for it).
 */
import { clauseNumber, policyDocumentTitle } from '../../shared/rules/citations';
import type { RuleResult } from '../../shared/rules/types';

/** 借款人开户满6个月（第101段第1条） */
export function basisItem(t: RuleResult): string {
  const n = clauseNumber(t.ruleId);
  return n ? `${t.title}（${n}）` : t.title;
}

/** 依据文件：《银川市公积金管理中心公积金业务指南》 — one title per document the passed rules cite. */
export function basisDocuments(passed: readonly RuleResult[]): string {
  const titles = [...new Set(passed.map((t) => policyDocumentTitle(t.source.file)))];
  return `依据文件：${titles.join('、') || '—'}`;
}

/**
 * 附：规则编号 — on a page of its own after the form (the form stays one sheet), each title with its rule id; or
 * nothing when the print did not ask for it.
 */
export function ruleIdAppendix(passed: readonly RuleResult[], wanted: boolean | undefined): unknown[] {
  if (!wanted || passed.length === 0) return [];
  return [
    {
      text: [{ text: '附：规则编号　', bold: true }, passed.map((t) => `${t.title}：${t.ruleId}`).join('；')],
      fontSize: 9,
      pageBreak: 'before',
    },
  ];
}

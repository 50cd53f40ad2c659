/**
 * The loan checklist asks only for what applies: an applicant with no spouse (未婚、离异、丧偶) is not asked for a
 * spouse's papers; a married one is. Both centers, through the engine (the same list the 一次性告知书 prints).
 */
import { describe, expect, it } from 'vitest';
import type { LoanApplicationInput } from '../../shared/rules/loanSchema';
import { evaluateLoan } from './engine';
import { loan, type DeepPartial } from './testing/fixtures';

type Patch = DeepPartial<LoanApplicationInput>;
const BASE: Record<'yinchuan' | 'urumqi', Patch> = { yinchuan: {}, urumqi: { guarantee: { type: 'company' } } };
const texts = (center: 'yinchuan' | 'urumqi', patch: Patch, caseId = 'commodity') =>
  evaluateLoan(loan(center, caseId, { ...BASE[center], ...patch })).materials.map((m) => m.text);
const spouseWords = /配偶|夫妻/;

const NO_SPOUSE: [string, Patch][] = [
  ['未婚', { maritalStatus: 'single', spouse: undefined }],
  ['离异', { maritalStatus: 'divorced', spouse: undefined, divorce: { date: '2020-01-01' } }],
  ['丧偶', { maritalStatus: 'widowed', spouse: undefined }],
];

describe.each(['yinchuan', 'urumqi'] as const)('%s loan materials and marital status', (center) => {
  it.each(NO_SPOUSE)('%s: no spouse documents', (_label, patch) => {
    const list = texts(center, patch);
    expect(list.length).toBeGreaterThan(2);
    expect(list.filter((t) => spouseWords.test(t))).toEqual([]);
  });

  it('已婚: the spouse documents are asked for', () => {
    const list = texts(center, { maritalStatus: 'married' });
    expect(list.filter((t) => spouseWords.test(t)).length).toBeGreaterThan(0);
  });
});

describe('the single applicant is asked for their own papers instead', () => {
  it('银川 商品房: own ID, household register and credit report', () => {
    const list = texts('yinchuan', { maritalStatus: 'single', spouse: undefined });
    expect(list).toEqual(expect.arrayContaining(['申请人的有效身份证', '申请人户口薄', '本人个人征信报告(有效期限为一个月)']));
    const married = texts('yinchuan', { maritalStatus: 'married' });
    expect(married).toEqual(expect.arrayContaining(['申请人及配偶的有效身份证', '夫妻双方个人征信报告(有效期限为一个月)']));
  });
  it('乌鲁木齐: the borrower\'s credit report only; the spouse ID item only when married', () => {
    expect(texts('urumqi', { maritalStatus: 'single', spouse: undefined })).toContain('借款人《个人信用报告》');
    expect(texts('urumqi', { maritalStatus: 'married' }).some((t) => t.startsWith('借款人配偶身份证'))).toBe(true);
  });
});

describe('乌鲁木齐 《个人信用报告》: 贴息贷款无需借款人提供', () => {
  const ids = (patch: Patch) => evaluateLoan(loan('urumqi', 'commodity', { ...BASE.urumqi, ...patch })).materials.map((m) => m.id);
  it('asks the couple’s reports for an ordinary loan', () => {
    expect(ids({})).toContain('uq.mat.loan.credit');
    expect(ids({})).not.toContain('uq.mat.loan.credit.spouse');
  });
  it('asks only the spouse’s report for a 贴息贷款, and none of a single borrower', () => {
    expect(ids({ subsidized: true })).not.toContain('uq.mat.loan.credit');
    expect(ids({ subsidized: true })).toContain('uq.mat.loan.credit.spouse');
    const single = ids({ subsidized: true, maritalStatus: 'single', spouse: undefined });
    expect(single.filter((id) => id.startsWith('uq.mat.loan.credit'))).toEqual([]);
  });
});

describe('银川 商转公: 受理要件 2–3 on the checklist', () => {
  it('lists the original loan contract and the house papers at acceptance, only for 商转公', () => {
    const conv = evaluateLoan(loan('yinchuan', 'commodity', { conversion: { preReviewPassed: true, commercialSettledDate: '2025-03-01' } })).materials.map((m) => m.id);
    expect(conv).toEqual(expect.arrayContaining(['yc.mat.loan.conv.accept.loanDocs', 'yc.mat.loan.conv.accept.house']));
    const plain = evaluateLoan(loan('yinchuan', 'commodity', {})).materials.map((m) => m.id);
    expect(plain).not.toContain('yc.mat.loan.conv.accept.loanDocs');
  });
});

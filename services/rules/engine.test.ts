import { describe, expect, it } from 'vitest';
import { workflowRules } from '../conditions/rules';
import { WithdrawalApplicationSchema } from '../../shared/rules/withdrawalSchema';
import {
  RulesInputError,
  evaluateLoan,
  evaluateWithdrawal,
  guideText,
  guides,
  listParams,
  listRules,
  loanHouseTypes,
  validateOverrides,
  validateWithdrawal,
  withdrawalCases,
} from './engine';
import { loan, rule, wd } from './testing/fixtures';

function inputError(run: () => unknown): RulesInputError {
  try {
    run();
  } catch (e) {
    if (e instanceof RulesInputError) return e;
    throw e;
  }
  throw new Error('expected a RulesInputError');
}

describe('validation names the field in Chinese', () => {
  it('names 职工姓名 for an empty member name', () => {
    const e = inputError(() => evaluateWithdrawal(wd('yinchuan', 'retirement', { member: { name: '' } })));
    expect(e.message).toContain('职工姓名');
  });
  it('names 提取原因 for a case the center does not have, and lists the choices', () => {
    const e = inputError(() => evaluateWithdrawal(wd('urumqi', 'dibao')));
    expect(e.message).toContain('提取原因');
    expect(e.message).toContain('retirement（离休、退休）');
  });
  it('names 购房合同签订日期 for an impossible date', () => {
    const e = inputError(() => evaluateWithdrawal(wd('yinchuan', 'purchase', { house: { contractDate: '2024-02-30' } })));
    expect(e.message).toContain('购房合同签订日期');
    expect(e.issues[0]?.path).toBe('house.contractDate');
  });
  it('refuses an unknown field rather than ignoring a typo', () => {
    const r = validateWithdrawal({ ...wd('yinchuan', 'retirement'), closeAcount: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.message).toContain('closeAcount');
  });
  it('refuses money as a float', () => {
    const e = inputError(() => evaluateWithdrawal(wd('yinchuan', 'retirement', { member: { balanceFen: 100.5 } })));
    expect(e.message).toContain('职工账户余额（分）');
  });
  it('refuses an application dated before the pack knows the policy', () => {
    const e = inputError(() => evaluateWithdrawal(wd('yinchuan', 'retirement', { applicationDate: '2021-06-30' })));
    expect(e.message).toContain('申请日期');
  });
  it('names 贷款购房类型 for an unknown loan type', () => {
    expect(inputError(() => evaluateLoan(loan('yinchuan', 'auction'))).message).toContain('贷款购房类型');
  });
});

describe('decisions', () => {
  it('trace every rule of the pack for the kind, in order', () => {
    const d = evaluateWithdrawal(wd('yinchuan', 'retirement', { situation: { retirementProof: true } }));
    // Workflow-enforced conditions (services/conditions) are listed with the rules but are steps, not judged here.
    const steps = new Set(workflowRules('yinchuan').map((r) => r.id));
    const ids = listRules('yinchuan').filter((r) => r.kind === 'withdrawal' && !steps.has(r.id)).map((r) => r.id);
    expect(d.trace.map((t) => t.ruleId)).toEqual(ids);
    for (const t of d.trace) expect(t.source.clause.length).toBeGreaterThan(0);
  });
  it('are reproducible from the JSON input alone', () => {
    const input = JSON.parse(JSON.stringify(loan('urumqi', 'commodity', { guarantee: { type: 'company' } })));
    expect(evaluateLoan(input)).toEqual(evaluateLoan(JSON.parse(JSON.stringify(input))));
  });
  it('list the parameters used with their dates', () => {
    const d = evaluateLoan(loan('yinchuan', 'commodity'));
    const cap = d.params.find((p) => p.paramId === 'yc.loan.quota.capBothFen');
    expect(cap).toMatchObject({ value: 70_000_000, effectiveFrom: '2021-07-01', overridden: false });
  });
});

describe('parameter overrides', () => {
  it('apply from their date, and not before', () => {
    const overrides = [{ paramId: 'uq.loan.quota.capFen', effectiveFrom: '2025-03-11', value: 80_000_000, note: '上调最高额度' }];
    const patch = { guarantee: { type: 'company' as const }, borrower: { balanceFen: 10_000_000 }, familyMonthlyIncomeFen: 5_000_000, house: { priceFen: 200_000_000 } };
    const on10 = evaluateLoan(loan('urumqi', 'commodity', patch), { overrides });
    const on11 = evaluateLoan(loan('urumqi', 'commodity', { ...patch, applicationDate: '2025-03-11' }), { overrides });
    expect(on10.quota.quotaFen).toBe(70_000_000);
    expect(on11.quota.quotaFen).toBe(80_000_000);
  });
  it('refuse an unknown parameter', () => {
    const e = inputError(() =>
      evaluateWithdrawal(wd('yinchuan', 'retirement'), { overrides: [{ paramId: 'yc.nope', effectiveFrom: '2025-01-01', value: 1, note: '' }] }),
    );
    expect(e.message).toContain('yc.nope');
  });
  it('refuse a value of the wrong shape', () => {
    const e = inputError(() =>
      evaluateWithdrawal(wd('yinchuan', 'retirement'), {
        overrides: [{ paramId: 'yc.wd.rent.incomePercent', effectiveFrom: '2025-01-01', value: 0.15, note: '' }],
      }),
    );
    expect(e.message).toContain('房租超出家庭工资收入的比例');
  });
});

describe('administrator parameters', () => {
  it('lists every dated parameter with its source', () => {
    const params = listParams('urumqi');
    expect(params.find((p) => p.id === 'uq.wd.keepMinFen')?.series[0]).toMatchObject({ value: 1000, effectiveFrom: '2021-07-01' });
  });
  it('checks overrides before they are saved', () => {
    expect(validateOverrides('urumqi', [{ paramId: 'uq.wd.keepMinFen', effectiveFrom: '2026-01-01', value: 2000, note: '保留二十元' }])).toEqual([]);
    expect(validateOverrides('urumqi', [{ paramId: 'uq.wd.keepMinFen', effectiveFrom: '2026-01-01', value: '20元', note: '' }])[0]?.message).toContain(
      '住房消费提取后账户至少保留余额',
    );
  });
});

describe('listRules', () => {
  for (const center of ['yinchuan', 'urumqi'] as const) {
    it(`gives every ${center} rule a unique id, a title, a source and resolved parameters`, () => {
      const rules = listRules(center);
      expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
      for (const r of rules) {
        expect(r.title).toMatch(/[\u4e00-\u9fff]/);
        expect(r.source.clause.length).toBeGreaterThan(0);
        for (const p of r.params) expect(p.series.length).toBeGreaterThan(0);
      }
    });
  }
});

describe('case catalogues', () => {
  it('give Yinchuan its 4 housing and 12 non-housing cases', () => {
    const cases = withdrawalCases('yinchuan');
    expect(cases.filter((c) => c.group === '房屋类')).toHaveLength(4);
    expect(cases.filter((c) => c.group === '非房屋类')).toHaveLength(12);
  });
  it('give Urumqi the seven cases (purchase split by the works) plus elevator and insulation', () => {
    expect(withdrawalCases('urumqi').map((c) => c.id)).toEqual([
      'purchase',
      'build',
      'rebuild',
      'repair',
      'repayment',
      'rent',
      'retirement',
      'death',
      'termination',
      'emigration',
      'elevator',
      'insulation',
    ]);
  });
  it('label every form field in Chinese from the schema', () => {
    for (const center of ['yinchuan', 'urumqi'] as const) {
      for (const c of [...withdrawalCases(center), ...loanHouseTypes(center)]) {
        for (const f of c.fields) expect(f.label, `${center} ${c.id} ${f.path}`).toMatch(/^[^a-zA-Z]*[\u4e00-\u9fff]/);
      }
    }
  });
  it('give the loan house types with their materials', () => {
    expect(loanHouseTypes('urumqi').map((c) => c.id)).toEqual(['commodity', 'secondHand', 'auction', 'reform', 'build', 'rebuild', 'repair']);
    expect(loanHouseTypes('yinchuan').find((c) => c.id === 'secondHand')?.materials.some((m) => m.text.includes('银行首付款冻结单'))).toBe(true);
  });
});

describe('guides', () => {
  it('cover every case of both kinds', () => {
    expect(guides('yinchuan')).toHaveLength(16 + 5);
    expect(guides('urumqi')).toHaveLength(12 + 7);
  });
  it('list the conditions from the rules, so a full-withdrawal case shows account closing and no rounding', () => {
    const g = guides('yinchuan').find((x) => x.kind === 'withdrawal' && x.caseId === 'retirement')!;
    const ids = [...g.conditions, ...g.amountLimits].map((c) => c.ruleId);
    expect(ids).toContain('yc.wd.full.close');
    expect(ids).not.toContain('yc.wd.amount.roundHundred');
    expect(ids).not.toContain('yc.wd.purchase.newHome');
  });
  it('show time limits, materials, the quoted procedure and the branches', () => {
    const g = guides('urumqi').find((x) => x.kind === 'withdrawal' && x.caseId === 'purchase')!;
    expect(g.timeLimits.map((t) => t.ruleId)).toContain('uq.wd.time.remoteSecondHand');
    expect(g.materials.some((m) => m.text === '开发商出具的售房账户证明原件' && m.when === '购买异地商品房（经济适用房）的')).toBe(true);
    expect(g.procedures[0]?.steps).toHaveLength(4);
    expect(g.contact.branches).toHaveLength(11);
    const text = guideText(g);
    expect(text).toContain('(一)购买商品房,自《商品房预售合同》签订之日起2年内。');
    expect(text).toContain('办理地点及咨询');
  });
  it('show the loan procedure for each guarantee type', () => {
    const g = guides('urumqi').find((x) => x.kind === 'loan' && x.caseId === 'commodity')!;
    expect(g.procedures.map((p) => p.title)).toEqual(['担保公司担保贷款', '二手房或房产抵押申请公积金贷款', '住房公积金联保贷款']);
  });
});

describe('schemas', () => {
  it('export JSON Schema with Chinese descriptions for `gjj schema`', async () => {
    const { z } = await import('zod');
    const json = JSON.stringify(z.toJSONSchema(WithdrawalApplicationSchema, { io: 'input' }));
    expect(json).toContain('提取原因');
  });
  it('fill defaults so a minimal application is complete', () => {
    const r = validateWithdrawal({
      center: 'yinchuan',
      caseId: 'dibao',
      applicationDate: '2025-03-10',
      member: { name: '王芳', accountStatus: '正常', balanceFen: 100_000 },
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.situation.receivingDibao).toBe(false);
    const d = evaluateWithdrawal({
      center: 'yinchuan',
      caseId: 'dibao',
      applicationDate: '2025-03-10',
      member: { name: '王芳', accountStatus: '正常', balanceFen: 100_000 },
      situation: { receivingDibao: true },
    });
    expect(d.eligible).toBe(true);
    expect(rule(d, 'yc.wd.dibao').outcome).toBe('passed');
  });
});

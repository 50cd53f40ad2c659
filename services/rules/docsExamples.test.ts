/** The examples in docs/rules-input.md are what `gjj eval --json` reads: they must stay valid and decide as described. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ParamOverride } from '../../shared/rules/types';
import { evaluateLoan, evaluateWithdrawal } from './engine';

const doc = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'rules-input.md'), 'utf8');
const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as unknown);

describe('docs/rules-input.md examples', () => {
  it('has a withdrawal, a loan and an override example', () => {
    expect(blocks).toHaveLength(3);
  });
  it('decides the withdrawal example as the text says', () => {
    const d = evaluateWithdrawal(blocks[0]);
    expect(d.eligible).toBe(true);
    expect(d.maxAmountFen).toBe(8_000_000);
  });
  it('decides the loan example as the text says', () => {
    const d = evaluateLoan(blocks[1]);
    expect(d.eligible).toBe(true);
    const limits = Object.fromEntries(d.quota.limits.map((l) => [l.id, l.amountFen]));
    expect(limits['uq.loan.quota.balance10']).toBe(80_000_000);
    expect(limits['uq.loan.downPayment.sum']).toBe(60_000_000);
    expect(limits['uq.loan.guarantee.property']).toBe(56_000_000);
    expect(d.rate?.annualRatePercent).toBe('2.85');
  });
  it('accepts the override example', () => {
    const overrides = blocks[2] as ParamOverride[];
    const d = evaluateLoan({ ...(blocks[1] as object), center: 'yinchuan', caseId: 'commodity', guarantee: undefined }, { overrides });
    expect(d.params.some((p) => p.paramId === 'yc.loan.quota.childrenCaps')).toBe(true);
  });
});

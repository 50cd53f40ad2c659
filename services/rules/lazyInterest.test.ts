import { describe, expect, it } from 'vitest';
import { evaluateWithdrawal } from './engine';
import { wd } from './testing/fixtures';

// The ledger's accrued interest is read only when a rule needs it (the account-closing ones), and then once.
describe('accrued interest is read on demand', () => {
  const reader = (fen: number) => {
    const calls = { n: 0 };
    return { calls, read: () => (calls.n++, fen) };
  };

  it('a closing case (乌鲁木齐 退休) reads it once and pays it as 销户利息, exactly as an eager figure would', () => {
    const app = wd('urumqi', 'retirement', { situation: { retirementProof: true } });
    const lazy = reader(563);
    const d = evaluateWithdrawal(app, { accruedInterest: { member: lazy.read } });
    expect(lazy.calls.n).toBe(1);
    expect(d.closesAccount).toBe(true);
    expect(d.sources).toContainEqual({ label: '销户利息', amountFen: 563, holder: 'interest' });
    const eager = evaluateWithdrawal({ ...app, member: { ...(app as { member: object }).member, accruedInterestFen: 563 } });
    expect(d).toEqual(eager);
  });

  it('a partial case (银川 租房) never reads it, and decides as with none', () => {
    const app = wd('yinchuan', 'rent', {});
    const lazy = reader(99_999);
    const d = evaluateWithdrawal(app, { accruedInterest: { member: lazy.read, spouse: lazy.read } });
    expect(lazy.calls.n).toBe(0);
    expect(d).toEqual(evaluateWithdrawal(app));
  });
});

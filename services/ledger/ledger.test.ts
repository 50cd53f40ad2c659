import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';
import { accountIdByCode, memberAccountId, memberBalances } from './accounts';
import { postEntry } from './post';
import { reverseEntry } from './reverse';
import { checkLedger } from './check';
import { SYSTEM_OPERATOR } from '../context';

let h: Harness;
beforeEach(() => (h = harness('yinchuan')));
afterEach(() => h.close());

function setup() {
  const ctx = h.app.ctx!;
  const e = newEmployer(h);
  const m = newMember(h, e.id);
  return { ctx, bank: accountIdByCode(ctx, '101'), acct: memberAccountId(ctx, m.id, 'basic')!, m };
}

describe('journal invariants', () => {
  it('refuses an unbalanced entry and writes nothing', () => {
    const { ctx, bank, acct } = setup();
    const before = checkLedger(ctx).postings;
    expect(() =>
      postEntry(ctx, {
        idempotencyKey: 'k-unbalanced-1',
        businessType: '汇缴',
        summary: '汇缴',
        operator: SYSTEM_OPERATOR,
        lines: [
          { accountId: bank, side: 'D', amountFen: 100 },
          { accountId: acct, side: 'C', amountFen: 99 },
        ],
      }),
    ).toThrow('借贷不平衡');
    expect(checkLedger(ctx).postings).toBe(before);
  });

  it('refuses zero, negative and fractional amounts', () => {
    const { ctx, bank, acct } = setup();
    for (const amountFen of [0, -5, 1.5]) {
      expect(() =>
        postEntry(ctx, {
          idempotencyKey: `k-bad-${amountFen}`,
          businessType: '汇缴',
          summary: '汇缴',
          operator: SYSTEM_OPERATOR,
          lines: [
            { accountId: bank, side: 'D', amountFen },
            { accountId: acct, side: 'C', amountFen },
          ],
        }),
      ).toThrow('正整数分');
    }
  });

  it('posts the same idempotency key once', () => {
    const { ctx, bank, acct, m } = setup();
    const entry = {
      idempotencyKey: 'k-once-000001',
      businessType: '汇缴',
      summary: '汇缴',
      operator: SYSTEM_OPERATOR,
      lines: [
        { accountId: bank, side: 'D' as const, amountFen: 56800 },
        { accountId: acct, side: 'C' as const, amountFen: 56800 },
      ],
    };
    const first = postEntry(ctx, entry);
    const second = postEntry(ctx, entry);
    expect(second).toEqual({ ...first, duplicate: true });
    expect(memberBalances(ctx, m.id).basicFen).toBe(56800);
  });

  it('a reversal restores the balance and cannot be repeated', () => {
    const { ctx, bank, acct, m } = setup();
    const posted = postEntry(ctx, {
      idempotencyKey: 'k-rev-orig-1',
      businessType: '汇缴',
      summary: '汇缴',
      operator: SYSTEM_OPERATOR,
      lines: [
        { accountId: bank, side: 'D', amountFen: 12345 },
        { accountId: acct, side: 'C', amountFen: 12345 },
      ],
    });
    expect(memberBalances(ctx, m.id).basicFen).toBe(12345);
    reverseEntry(ctx, { entryId: posted.entryId, reason: '金额录入错误', idempotencyKey: 'k-rev-1', operator: SYSTEM_OPERATOR });
    expect(memberBalances(ctx, m.id).basicFen).toBe(0);
    expect(() => reverseEntry(ctx, { entryId: posted.entryId, reason: '再次', idempotencyKey: 'k-rev-2', operator: SYSTEM_OPERATOR })).toThrow('已冲正');
    expect(checkLedger(ctx).ok).toBe(true);
  });
});

describe('gjj check', () => {
  it('holds on a fresh ledger with postings', () => {
    const { ctx } = setup();
    const r = checkLedger(ctx);
    expect(r.ok).toBe(true);
    expect(r.auditRows).toBeGreaterThan(0);
  });

  it('detects a posting edited behind the ledger’s back', () => {
    const { ctx, bank, acct } = setup();
    postEntry(ctx, {
      idempotencyKey: 'k-tamper-1',
      businessType: '汇缴',
      summary: '汇缴',
      operator: SYSTEM_OPERATOR,
      lines: [
        { accountId: bank, side: 'D', amountFen: 1000 },
        { accountId: acct, side: 'C', amountFen: 1000 },
      ],
    });
    const s = ctx.db.sqlite;
    s.exec('DROP TRIGGER postings_no_update');
    s.exec(`UPDATE postings SET amount_fen = 9000 WHERE account_id = ${acct}`);
    const r = checkLedger(ctx);
    expect(r.ok).toBe(false);
    expect(r.firstViolation).toContain('借贷不平衡');
  });

  it('names the lowest control account posted to directly, even when the posting nets to nothing', () => {
    const { ctx, bank, acct } = setup();
    const entryId = postEntry(ctx, {
      idempotencyKey: 'k-direct-1',
      businessType: '汇缴',
      summary: '汇缴',
      operator: SYSTEM_OPERATOR,
      lines: [
        { accountId: bank, side: 'D', amountFen: 1000 },
        { accountId: acct, side: 'C', amountFen: 1000 },
      ],
    }).entryId;
    const s = ctx.db.sqlite;
    // 202 first (lower posting ids), then 201: a debit and a credit each, totals kept, so only this check sees it.
    for (const code of ['202', '201']) {
      const id = accountIdByCode(ctx, code);
      s.exec(`INSERT INTO postings (entry_id, account_id, side, amount_fen) VALUES (${entryId}, ${id}, 'D', 7), (${entryId}, ${id}, 'C', 7)`);
      s.exec(`UPDATE accounts SET debits_fen = debits_fen + 7, credits_fen = credits_fen + 7 WHERE id = ${id}`);
    }
    const first = ['201', '202'].sort((a, b) => accountIdByCode(ctx, a) - accountIdByCode(ctx, b))[0];
    expect(checkLedger(ctx).firstViolation).toBe(`控制账户${first}不应直接记账（应记入个人明细账）`);
  });

  it('detects running totals that drift from the postings', () => {
    const { ctx, acct } = setup();
    ctx.db.sqlite.exec(`UPDATE accounts SET credits_fen = credits_fen + 1 WHERE id = ${acct}`);
    expect(checkLedger(ctx).firstViolation).toContain('累计发生额与分录不符');
  });

  it('detects an edited audit row', () => {
    const { ctx } = setup();
    ctx.db.sqlite.exec('DROP TRIGGER audit_log_no_update');
    ctx.db.sqlite.exec(`UPDATE audit_log SET detail = '{}' WHERE id = 2`);
    expect(checkLedger(ctx).firstViolation).toMatch(/审计日志第\d+条/);
  });

  it('detects a deleted audit row', () => {
    const { ctx } = setup();
    ctx.db.sqlite.exec('DROP TRIGGER audit_log_no_delete');
    ctx.db.sqlite.exec('DELETE FROM audit_log WHERE id = 3');
    expect(checkLedger(ctx).firstViolation).toMatch(/审计日志/);
  });
});

/**
 * 年终结息 in short entries (issue 14: clerks' writes get in between them): the same fen per account as one run
 * in a single entry, and a run cut short resumes without crediting anyone twice; a booking inside the settlement
 * year made while the run goes stops it before the next entry.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { yearEndCredits as credits } from '../testing/yearEndBook';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';
import { SYSTEM_OPERATOR } from '../context';
import { runYearEndInterest } from './yearEnd';
import { postEntry } from '../ledger/post';
import { accountIdByCode } from '../ledger/accounts';

const open: Harness[] = [];
afterEach(() => {
  for (const h of open.splice(0)) h.close();
});

/** Seven members with different bases, contributions May and June 2026: the same book every time. */
function book(): Harness {
  const h = harness('yinchuan', '2026-05-01T02:00:00Z');
  open.push(h);
  const e = newEmployer(h);
  for (let i = 0; i < 7; i++) newMember(h, e.id, { baseFen: 300_000 + i * 123_457, openedDate: '2026-05-01' });
  for (const month of ['2026-05', '2026-06']) {
    h.at(`${month}-20T02:00:00Z`);
    h.call('remit.post', { employerId: e.id, month, idempotencyKey: h.key() });
  }
  h.at('2026-07-01T02:00:00Z');
  return h;
}

/** 1.00 yuan into the last member's account, booked on the given day. */
function deposit(h: Harness, bookedDate: string): void {
  const ctx = h.app.ctx!;
  const member = h.app.db.sqlite.prepare(`SELECT MAX(id) FROM accounts WHERE parent_code = '201'`).pluck().get() as number;
  postEntry(ctx, {
    idempotencyKey: h.key(),
    businessType: '补缴',
    summary: '测试入账',
    bookedDate,
    operator: SYSTEM_OPERATOR,
    lines: [
      { accountId: accountIdByCode(ctx, '101'), side: 'D', amountFen: 100 },
      { accountId: member, side: 'C', amountFen: 100 },
    ],
  });
}

describe('年终结息 in short entries', () => {
  it('gives every account the same fen in entries of two lines as in one entry', () => {
    const one = book();
    const whole = runYearEndInterest(one.app.ctx!, SYSTEM_OPERATOR, 2026);
    const two = book();
    const phases: string[] = [];
    const split = runYearEndInterest(two.app.ctx!, SYSTEM_OPERATOR, 2026, { entryLines: 2, report: (p, d, t) => phases.push(`${p}${d}/${t}`) });
    expect(whole).toMatchObject({ accounts: 7, entries: 1 });
    expect(split).toMatchObject({ accounts: 7, entries: 4, totalFen: whole.totalFen });
    expect(credits(two)).toEqual(credits(one));
    expect(phases).toEqual(['计算积数0/1', '计算积数1/1', '记账0/7', '记账2/7', '记账4/7', '记账6/7', '记账7/7']);
    expect(two.call('ledger.check', {}, 'admin').ok).toBe(true);
  });

  it('resumes a run cut short after two entries: the rest is credited, nobody twice, same figures', () => {
    const ref = book();
    const expected = runYearEndInterest(ref.app.ctx!, SYSTEM_OPERATOR, 2026);
    const h = book();
    let entries = 0;
    const killed = () =>
      runYearEndInterest(h.app.ctx!, SYSTEM_OPERATOR, 2026, {
        entryLines: 2,
        report: (phase) => {
          if (phase === '记账' && ++entries === 3) throw new Error('kill -9');
        },
      });
    expect(killed).toThrow('kill -9');
    // Two entries (four accounts) stand; the year is not recorded yet.
    expect(Object.keys(credits(h))).toHaveLength(4);
    expect(h.app.db.sqlite.prepare('SELECT COUNT(*) FROM interest_runs').pluck().get()).toBe(0);
    const resumed = runYearEndInterest(h.app.ctx!, SYSTEM_OPERATOR, 2026, { entryLines: 2 });
    expect(resumed).toMatchObject({ alreadyRun: false, accounts: 7, totalFen: expected.totalFen, entries: 4 });
    expect(credits(h)).toEqual(credits(ref));
    expect(runYearEndInterest(h.app.ctx!, SYSTEM_OPERATOR, 2026)).toMatchObject({ alreadyRun: true, totalFen: expected.totalFen });
    expect(h.call('ledger.check', {}, 'admin').ok).toBe(true);
  });

  it('stops before the next entry when an entry dated inside the year is booked meanwhile, and a rerun finishes', () => {
    const h = book();
    let sneaked = false;
    const run = () =>
      runYearEndInterest(h.app.ctx!, SYSTEM_OPERATOR, 2026, {
        entryLines: 3,
        report: (phase, done) => {
          if (phase === '记账' && done === 3 && !sneaked) {
            sneaked = true;
            // A deposit booked on 30 June: it changes the 积数 of the year being settled.
            deposit(h, '2026-06-30');
          }
        },
      });
    expect(run).toThrow('结息过程中有2026-07-01之前日期的新记账');
    expect(Object.keys(credits(h))).toHaveLength(3);
    const done = runYearEndInterest(h.app.ctx!, SYSTEM_OPERATOR, 2026, { entryLines: 3 });
    expect(done).toMatchObject({ accounts: 7, alreadyRun: false });
    expect(Object.keys(credits(h))).toHaveLength(7);
    expect(h.call('ledger.check', {}, 'admin').ok).toBe(true);
  });

  it('a boundary on the other side: a booking dated after the year does not stop the run', () => {
    const h = book();
    const r = runYearEndInterest(h.app.ctx!, SYSTEM_OPERATOR, 2026, {
      entryLines: 3,
      report: (phase, done) => {
        if (phase === '记账' && done === 3) deposit(h, '2026-07-01');
      },
    });
    expect(r).toMatchObject({ accounts: 7, entries: 3 });
  });
});

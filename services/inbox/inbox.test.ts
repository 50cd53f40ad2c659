import { afterEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../testing/harness';
import { loanAndWithdrawalWaiting } from '../testing/inboxFixture';

let h: Harness;
afterEach(() => h.close());

/** A 银川 household with a loan and a rent withdrawal both submitted at 2026-06-25 10:00 (Beijing), waiting for 复核. */
function waiting() {
  h = harness('yinchuan', '2026-01-05T02:00:00Z');
  return loanAndWithdrawalWaiting(h);
}

describe('inbox.list (issue 12: one inbox)', () => {
  it('gives a reviewer the waiting withdrawal and loan, each with its deadline and the hours waited', () => {
    const { loanId, withdrawalId } = waiting();
    h.at('2026-06-26T04:00:00Z'); // 26 hours later
    const list = h.call('inbox.list', {}, 'reviewer');
    expect(list.items.map((i) => [i.kind, i.id, i.state, i.limitDays, i.dueAt, i.waitedHours])).toEqual([
      ['withdrawal', withdrawalId, '待复核', 3, '2026-06-28T02:00:00.000Z', 26],
      ['loan', loanId, '待复核', 15, '2026-07-10T02:00:00.000Z', 26],
    ]);
    expect(list.items.map((i) => i.deadlineStatus)).toEqual(['ok', 'ok']);
    expect(list.limitNote).toContain('本中心规定');
    expect(list.limitNote).toContain('《住房公积金管理条例》第二十四条');
    // An approver has nothing yet: both wait for 复核.
    expect(h.call('inbox.list', {}, 'approver').items).toEqual([]);
  });

  it('marks a withdrawal past its 3 days as over while the loan is still within its 15', () => {
    waiting();
    h.at('2026-06-29T02:00:00Z');
    const list = h.call('inbox.list', {}, 'reviewer');
    expect(list.items.map((i) => [i.kindLabel, i.deadlineStatus, i.waitedHours])).toEqual([
      ['提取', 'over', 96],
      ['贷款', 'ok', 96],
    ]);
  });

  it('lists only the signed-in operator’s own drafts', () => {
    h = harness();
    h.call('draft.save', { form: 'members.open', title: '职工开户 · 张三', data: { name: '张三' } }, 'clerk');
    expect(h.call('inbox.list', {}, 'clerk').drafts.map((d) => d.title)).toEqual(['职工开户 · 张三']);
    expect(h.call('inbox.list', {}, 'clerk2').drafts).toEqual([]);
  });
});

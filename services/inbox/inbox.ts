/**
 * 待办: withdrawals and loans waiting for this post, merged, with the decision deadline and the hours waited, and
 * the operator's own drafts. The states per post are those of the two existing inboxes (withdrawal/queries.ts,
 * loan/queries.ts). Limits: the policy texts in /work/shared/seeds say nothing about a decision time limit (办结时限),
 * so the center's rule is the national one, 《住房公积金管理条例》第二十四条 (withdrawal, 3 days from acceptance) and
 * 第二十九条 (loan, 15 days), as DECISION_DAYS and LOAN_DECISION_DAYS already apply.
 */
import type { InboxEntry, InboxList } from '../../shared/contract/inbox';
import type { InboxItem } from '../../shared/contract/dto';
import type { Operator, ServiceContext } from '../context';
import { listDrafts } from '../drafts/drafts';
import { LOAN_DECISION_DAYS, loanInbox } from '../loan/queries';
import { DECISION_DAYS, inbox as withdrawalInbox } from '../withdrawal/queries';

export const LIMIT_NOTE = `办结时限按本中心规定：提取申请自受理之日起${DECISION_DAYS}日内、贷款申请自受理之日起${LOAN_DECISION_DAYS}日内作出决定（依《住房公积金管理条例》第二十四条、第二十九条；本中心政策文件未另行规定）`;

const DAY = 86_400_000;

function entry(item: InboxItem, kind: InboxEntry['kind'], days: number): InboxEntry {
  const dueAt = item.deadlineStatus !== null && item.submittedAt ? new Date(new Date(item.submittedAt).getTime() + days * DAY).toISOString() : null;
  return { ...item, kind, kindLabel: kind === 'loan' ? '贷款' : '提取', dueAt, limitDays: days };
}

/** Due first (the nearest deadline on top), then the rest newest first. */
function order(a: InboxEntry, b: InboxEntry): number {
  if (a.dueAt && b.dueAt) return a.dueAt.localeCompare(b.dueAt);
  if (a.dueAt) return -1;
  if (b.dueAt) return 1;
  return b.updatedAt.localeCompare(a.updatedAt);
}

export function inboxList(ctx: ServiceContext, op: Operator): InboxList {
  const items = [
    ...withdrawalInbox(ctx, op.role).map((i) => entry(i, 'withdrawal', DECISION_DAYS)),
    ...loanInbox(ctx, op.role).map((i) => entry(i, 'loan', LOAN_DECISION_DAYS)),
  ].sort(order);
  return { items, drafts: listDrafts(ctx, op), limitNote: LIMIT_NOTE };
}

/** 待办 (issue 12): one list of everything waiting for the signed-in person. */
import type { InboxItem } from './dto';
import type { DraftSummary } from './drafts';

export interface InboxEntry extends InboxItem {
  kind: 'withdrawal' | 'loan';
  kindLabel: '提取' | '贷款';
  /** When the decision is due (submission + the limit), for applications in 复核 / 审批; else null. */
  dueAt: string | null;
  /** The decision limit in days for this kind of application. */
  limitDays: number;
}

export interface InboxList {
  items: InboxEntry[];
  /** The signed-in operator's own drafts of open forms. */
  drafts: DraftSummary[];
  /** Where the limits come from, as the screen shows it. */
  limitNote: string;
}

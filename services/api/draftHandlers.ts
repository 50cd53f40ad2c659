/** draft.* and inbox.list (issue 12): always the signed-in operator's own drafts and inbox. */
import { discardDraft, getDraft, listDrafts, saveDraft } from '../drafts/drafts';
import { inboxList } from '../inbox/inbox';
import { ctxOf, op, type Handlers } from './handlers';

export const DRAFT_HANDLERS: Pick<Handlers, 'draft.save' | 'draft.get' | 'draft.list' | 'draft.discard' | 'inbox.list'> = {
  'draft.save': (env, i) => saveDraft(ctxOf(env), op(env), i),
  'draft.get': (env, i) => ({ draft: getDraft(ctxOf(env), op(env), i.form, i.scope) }),
  'draft.list': (env) => listDrafts(ctxOf(env), op(env)),
  'draft.discard': (env, i) => discardDraft(ctxOf(env), op(env), i.form, i.scope),
  'inbox.list': (env) => inboxList(ctxOf(env), op(env)),
};

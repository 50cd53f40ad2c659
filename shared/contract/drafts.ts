/** Drafts of open forms (issue 12): which forms keep one, and what the screens get back. */
export const DRAFT_FORMS = ['withdrawal.intake', 'loan.intake', 'members.open', 'employers.create'] as const;
export type DraftForm = (typeof DRAFT_FORMS)[number];

export const DRAFT_FORM_LABELS: Record<DraftForm, string> = {
  'withdrawal.intake': '提取受理',
  'loan.intake': '贷款受理',
  'members.open': '职工开户',
  'employers.create': '新增单位',
};

/** Where the form is kept: the renderer's route of each form (the application, when there is one, is `?id=`). */
export const DRAFT_FORM_PATHS: Record<DraftForm, string> = {
  'withdrawal.intake': '/withdrawal/intake',
  'loan.intake': '/loan/new',
  'members.open': '/members/open',
  'employers.create': '/employers/new',
};

export interface DraftSummary {
  form: DraftForm;
  formLabel: string;
  /** '' for a form not yet saved as an application, else the application's id. */
  scope: string;
  /** What the clerk sees in 待办 (a name, a case); a full ID number in it is masked. */
  title: string;
  updatedAt: string;
}

export interface DraftDto extends DraftSummary {
  data: Record<string, unknown>;
}

/** The biggest draft kept (characters of JSON): a form, not a file. */
export const MAX_DRAFT_CHARS = 100_000;

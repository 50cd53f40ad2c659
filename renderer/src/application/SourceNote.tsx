import type { SeedRef } from '../../../shared/rules/types';
import { clauseNumber, policyDocumentTitle } from '../../../shared/rules/citations';

/**
 * The policy a rule, a limit or a material applies, shown on hover so the clerk can check it: the document's
 * official title, the clause number (when the rule is known) and the clause's words — the same plain wording as the
 * 依据 on the prints; internal rule ids and seed file names stay out of the clerk's view (they are in the audit).
 */
export function SourceNote(props: { source: SeedRef; ruleId?: string }) {
  const n = props.ruleId ? clauseNumber(props.ruleId) : null;
  return (
    <div style={{ maxWidth: 420 }} data-testid="source-note">
      <div>
        依据：{policyDocumentTitle(props.source.file)}
        {n ?? ''}
      </div>
      <div style={{ marginTop: 4 }}>原文：“{props.source.clause}”</div>
    </div>
  );
}

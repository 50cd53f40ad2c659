import type { FieldIssue } from '../../shared/rules/issues';

/** An application the engine cannot judge: each issue names the field in Chinese. */
export class RulesInputError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((i) => i.message).join('；'));
    this.name = 'RulesInputError';
  }
}

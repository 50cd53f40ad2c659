/**
 * What the renderer and the contract need of the policy rules: the input schemas, the output types, the case
 * catalogues and the Chinese field labels. The decisions themselves are made in services/rules/engine.ts.
 */
export * from './types';
export * from './views';
export * from './catalogueTypes';
export { WithdrawalApplicationSchema, type WithdrawalApplication, type WithdrawalApplicationInput } from './withdrawalSchema';
export { LoanApplicationSchema, type LoanApplication, type LoanApplicationInput } from './loanSchema';
export { PersonSchema, type Person, type PfLoan } from './personSchema';
export { describeIssues, labelForPath, safeParseApplication, type FieldIssue } from './issues';
export { YINCHUAN_CATALOGUE, YINCHUAN_SEED } from './catalogue/yinchuan';
export { URUMQI_CATALOGUE, URUMQI_SEED } from './catalogue/urumqi';

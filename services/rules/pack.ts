/**
 * A center's policy pack: its case catalogue, dated parameters and ordered rules. The engine runs the rules in
 * the order given, so amount rules that read the running maximum come after the rules that set pools and caps.
 */
import type { CenterId } from '../../shared/centers/types';
import type { CenterCatalogue } from '../../shared/rules/catalogueTypes';
import type { LoanApplication } from '../../shared/rules/loanSchema';
import type { ParamDef } from './params';
import type { LoanRule, WithdrawalRule } from './rule';

export interface PolicyPack {
  center: CenterId;
  catalogue: CenterCatalogue;
  params: ParamDef[];
  withdrawalRules: WithdrawalRule[];
  loanRules: LoanRule[];
  /** The parameter holding how a second use is priced (SecondUseRule). */
  secondUseParam: string;
  /** Provident-fund loans the family has already used, as this center counts them. */
  priorUses(input: LoanApplication): number;
  /**
   * Procedure variants (a guarantee type) that only some loan cases may use: variant → the parameter listing those
   * cases, so a guide prints only the procedures that apply (乌鲁木齐 联保: 可用于除二手房以外所有类型贷款).
   */
  procedureCases?: Record<string, string>;
}

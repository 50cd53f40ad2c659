/**
 * An appointment's 业务类型 is free text from the mobile app or a file ("租房提取", "退休提取"…). It picks a case only
 * when it plainly names one; anything else is left for the clerk to choose, never guessed.
 */
import type { CaseView } from '../../../../shared/rules';

/** The members' everyday words for a case whose catalogue name says it differently; ids are the same in both centers. */
const EVERYDAY: Record<string, string> = {
  租房: 'rent',
  房租: 'rent',
  租赁: 'rent',
  购房: 'purchase',
  买房: 'purchase',
  购买住房: 'purchase',
  还贷: 'repayment',
  偿还贷款: 'repayment',
  退休: 'retirement',
  离休: 'retirement',
  建房: 'build',
  翻建: 'rebuild',
  大修: 'repair',
  出境: 'emigration',
  死亡: 'death',
  低保: 'dibao',
  重大疾病: 'medical',
  大病: 'medical',
  加装电梯: 'elevator',
};

export function caseForBusiness(business: string | null | undefined, cases: readonly CaseView[]): string | undefined {
  const core = (business ?? '').replace(/\s/g, '').replace(/(业务|提取|申请)/g, '');
  if (!core) return undefined;
  const named = cases.filter((c) => c.id === core || c.name === core || c.name.includes(core));
  if (named.length === 1) return named[0]!.id;
  const id = EVERYDAY[core];
  return id && cases.some((c) => c.id === id) ? id : undefined;
}

/** A member as the intake needs one: the ledger's detail for the screen and the engine's facts for the live panel. */
import type { MemberDetail, MemberListItem } from '../../../../shared/contract/dto';
import type { Person } from '../../../../shared/rules';
import { api } from '../../api';

export interface LoadedPerson {
  detail: MemberDetail;
  facts: Person;
}

export async function loadPerson(memberId: number): Promise<LoadedPerson> {
  const [detail, facts] = await Promise.all([api('members.get', { memberId }), api('rules.memberFacts', { memberId })]);
  return { detail, facts };
}

export const asListItem = (m: MemberDetail): MemberListItem => ({
  id: m.id,
  accountNo: m.accountNo,
  name: m.name,
  idNumberMasked: m.idNumberMasked,
  employerName: m.employer.name,
  status: m.status,
  balanceFen: m.balanceFen,
});

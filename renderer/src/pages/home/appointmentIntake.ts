/** 受理 from an appointment: the intake's address with the member, the case (when the business names one) and the visit. */
import type { AppointmentDto } from '../../../../shared/contract/dto';
import type { CaseView } from '../../../../shared/rules';
import { caseForBusiness } from '../withdrawal/caseMatch';

export function intakeAddress(a: AppointmentDto, cases: readonly CaseView[]): string {
  const q = new URLSearchParams();
  if (a.memberId !== null) q.set('memberId', String(a.memberId));
  const caseId = caseForBusiness(a.business, cases);
  if (caseId) q.set('case', caseId);
  q.set('business', a.business);
  q.set('who', a.name);
  q.set('appointmentId', String(a.id));
  return `/withdrawal/intake?${q.toString()}`;
}

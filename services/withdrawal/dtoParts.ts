/**
 * Pieces both application DTOs (withdrawal and loan) are built from: operator names, the event timeline, the
 * applicant block and the decision deadline, so the two screens and their forms describe applications alike.
 */
import type { ApplicationEventDto, WithdrawalAppDto } from '../../shared/contract/dto';
import type { ServiceContext } from '../context';
import type { MemberCard } from '../accounts/members';

const HOUR = 3_600_000;

/** Operator id → name, looked up once per DTO. */
export function operatorNamer(ctx: ServiceContext): (id: number | null) => string {
  const cache = new Map<number, string>();
  return (id) => {
    if (id === null) return '';
    if (!cache.has(id)) cache.set(id, (ctx.db.prepare('SELECT name FROM operators WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? `#${id}`);
    return cache.get(id)!;
  };
}

export function applicationEvents(ctx: ServiceContext, applicationId: number, nameOf: (id: number | null) => string): ApplicationEventDto[] {
  return (
    ctx.db.prepare('SELECT at, operator_id, action, from_state, to_state, note FROM application_events WHERE application_id = ? ORDER BY id').all(applicationId) as Array<{
      at: string;
      operator_id: number | null;
      action: string;
      from_state: string | null;
      to_state: string;
      note: string | null;
    }>
  ).map((e) => ({ at: e.at, operatorName: nameOf(e.operator_id), action: e.action, fromState: e.from_state, toState: e.to_state, note: e.note }));
}

export function applicantBlock(m: MemberCard): WithdrawalAppDto['member'] {
  return {
    id: m.id,
    name: m.name,
    accountNo: m.accountNo,
    idNumber: m.idNumber,
    idNumberMasked: m.idNumberMasked,
    phone: m.phone,
    balanceFen: m.balanceFen,
    employerName: m.employer.name,
    employerAccountNo: m.employer.accountNo,
    custody: m.employer.custody,
    status: m.status,
  };
}

/** The statutory decision deadline from submission: 'near' within `nearHours` of it, 'over' past it. */
export function decisionDeadline(submittedAt: string | null, now: Date, days: number, nearHours: number) {
  if (!submittedAt) return null;
  const due = new Date(new Date(submittedAt).getTime() + days * 24 * HOUR);
  const left = due.getTime() - now.getTime();
  return { submittedAt, dueAt: due.toISOString(), status: (left < 0 ? 'over' : left < nearHours * HOUR ? 'near' : 'ok') as 'ok' | 'near' | 'over' };
}

/**
 * Tests that approve a 乌鲁木齐 withdrawal record the 失信惩戒 query first, as the counter must (004 一、(一); the
 * approval refuses without it: services/conditions/dishonestRecorded.ts). Elsewhere nothing to record.
 */
import type { Harness } from './harness';

export function recordClearCheck(h: Pick<Harness, 'app' | 'call' | 'key'>, applicationId: number, as = 'clerk'): void {
  if (h.app.ctx?.center.id !== 'urumqi') return;
  const app = h.call('withdrawal.get', { applicationId });
  if (app.caseId === 'death') return; // applied for by heirs: not asked for
  const people: Array<'member' | 'spouse'> = (app.facts as { includeSpouse?: boolean }).includeSpouse ? ['member', 'spouse'] : ['member'];
  for (const person of people) {
    h.call('withdrawal.recordDishonestCheck', { applicationId, person, source: '信用中国', result: 'clear', reference: `XY${applicationId}${person === 'spouse' ? 'S' : ''}`, idempotencyKey: h.key() }, as);
  }
}

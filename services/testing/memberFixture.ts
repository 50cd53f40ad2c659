/**
 * The withdrawal tests' common member: 银川, twelve months of 汇缴 (2025-07 … 2026-06) at base 10,000 × 12% + 12%
 * = 2,400.00 a month → 28,800.00, the clock left at 2026-06-25 10:00 Beijing.
 */
import { harness, newEmployer, newMember, type Harness } from './harness';

export function twelveMonthMember(employer: Parameters<typeof newEmployer>[1] = {}): { h: Harness; e: ReturnType<typeof newEmployer>; m: ReturnType<typeof newMember> } {
  const h = harness('yinchuan', '2025-07-10T02:00:00Z');
  const e = newEmployer(h, employer);
  const m = newMember(h, e.id, { name: '马建国', baseFen: 1_000_000, openedDate: '2025-01-01' });
  for (let k = 0; k < 12; k++) {
    const month = `${k < 6 ? 2025 : 2026}-${String(((k + 6) % 12) + 1).padStart(2, '0')}`;
    h.at(`${month}-20T02:00:00Z`);
    h.call('remit.post', { employerId: e.id, month, idempotencyKey: h.key() });
  }
  h.at('2026-06-25T02:00:00Z');
  return { h, e, m };
}

/**
 * An application event keeps the policy decision only when it changed at that step (store.ts transition): NULL in
 * `application_events.decision_json` means the decision in force stayed the same. The row always holds the one in
 * force, so the latest stored event decision and the row's agree at every step, and every step's decision can be
 * read back from the events alone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../testing/harness';
import { twelveMonthMember } from '../testing/memberFixture';
import { ownPayee as OWN, RENT_FACTS as FACTS } from '../testing/withdrawalFixture';

let h: Harness;
afterEach(() => h.close());

/** Taken in asking 20,000.00, raised to 21,000.00 when the materials are seen, then reviewed and approved. */
function approvedRent() {
  const r = twelveMonthMember();
  h = r.h;
  const d = h.call('withdrawal.create', { memberId: r.m.id, caseId: 'rent', facts: FACTS, requestedFen: 2_000_000, payee: OWN(r.m.name), materialsSeen: [], idempotencyKey: h.key() });
  const u = h.call('withdrawal.update', { applicationId: d.id, version: d.version, caseId: 'rent', facts: FACTS, requestedFen: 2_100_000, payee: OWN(r.m.name), materialsSeen: d.materials.map((x) => x.id), idempotencyKey: h.key() });
  h.call('withdrawal.submit', { applicationId: u.id, idempotencyKey: h.key() });
  h.call('withdrawal.review', { applicationId: u.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
  h.call('withdrawal.approve', { applicationId: u.id, pass: true, idempotencyKey: h.key() }, 'approver');
  return u.id;
}

function events(id: number) {
  return h.app.db.sqlite.prepare('SELECT action, decision_json FROM application_events WHERE application_id = ? ORDER BY id').all(id) as Array<{ action: string; decision_json: string | null }>;
}
const rowDecision = (id: number) => (h.app.db.sqlite.prepare('SELECT decision_json FROM applications WHERE id = ?').get(id) as { decision_json: string }).decision_json;
/** The decision in force after each event: the latest one an event stored. */
function inForce(ev: Array<{ decision_json: string | null }>): Array<string | null> {
  let cur: string | null = null;
  return ev.map((e) => (cur = e.decision_json ?? cur));
}

describe('application events store a decision only when it changed', () => {
  it('a same-day flow stores it at intake and when the amount changes, not again at submit, review, approval or payout', () => {
    const id = approvedRent();
    h.call('withdrawal.pay', { applicationId: id, idempotencyKey: h.key() }, 'clerk2');
    const ev = events(id);
    expect(ev.map((e) => [e.action, e.decision_json !== null])).toEqual([
      ['create', true],
      ['update', true], // the requested amount is part of the decision
      ['submit', false],
      ['review', false],
      ['approve', false],
      ['pay', false],
    ]);
    expect(JSON.parse(ev[0]!.decision_json!).requestedFen).toBe(2_000_000);
    expect(JSON.parse(ev[1]!.decision_json!).requestedFen).toBe(2_100_000);
    expect(inForce(ev).at(-1)).toBe(rowDecision(id));
  });

  it('a payout on a later day stores the decision it was paid on, and the row agrees', () => {
    const id = approvedRent();
    const atApproval = rowDecision(id);
    h.at('2026-06-26T02:00:00Z');
    h.call('withdrawal.pay', { applicationId: id, idempotencyKey: h.key() }, 'clerk2');
    const ev = events(id);
    const pay = ev.at(-1)!;
    expect(pay.action).toBe('pay');
    expect(pay.decision_json).not.toBeNull();
    expect(JSON.parse(pay.decision_json!).policyDate).toBe('2026-06-26');
    expect(JSON.parse(atApproval).policyDate).toBe('2026-06-25');
    expect(rowDecision(id)).toBe(pay.decision_json);
    expect(inForce(ev).at(-2)).toBe(atApproval);
  });

  it('the row image the integrity log took at every step carries the decision then in force', () => {
    const id = approvedRent();
    h.at('2026-06-26T02:00:00Z');
    h.call('withdrawal.pay', { applicationId: id, idempotencyKey: h.key() }, 'clerk2');
    const cols = (h.app.db.sqlite.prepare(`SELECT name FROM pragma_table_info('applications') ORDER BY cid`).all() as Array<{ name: string }>).map((c) => c.name);
    const at = cols.indexOf('decision_json');
    const images = (h.app.db.sqlite.prepare(`SELECT image FROM integrity_log WHERE tbl = 'applications' AND row_key = ? AND image IS NOT NULL ORDER BY seq`).all(`[${id}]`) as Array<{ image: string }>)
      .map((r) => (JSON.parse(r.image) as unknown[])[at]);
    // One image per step: the insert (create) and the five updates.
    expect(images).toEqual(inForce(events(id)));
  });
});

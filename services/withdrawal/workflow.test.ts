import { afterEach, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../shared/idcard';
import { harness, newEmployer, newMember, type Harness } from '../testing/harness';
import { twelveMonthMember } from '../testing/memberFixture';
import { reviewWithdrawal, approveWithdrawal } from './workflow';
import { loadApp } from './store';

let h: Harness;
afterEach(() => h.close());

const OWN = (name: string) => ({ kind: 'own' as const, bankName: '中国建设银行银川分行', accountNo: '6217000010012345678', accountName: name });

/** 银川: a member with 12 months at base 10,000 × 12% + 12% = 2,400 a month → 28,800.00. */
function yinchuanMember() {
  const r = twelveMonthMember();
  h = r.h;
  return { e: r.e, m: r.m };
}

function rentIntake(memberId: number, name: string, seen: 'all' | 'none' = 'all') {
  // Rent 36,000 a year against a family income of 100,000: the part above 15% is 21,000.00.
  const facts = { maritalStatus: 'single', rent: { annualRentFen: 3_600_000, familyAnnualIncomeFen: 10_000_000, contractDate: '2026-03-01', publicHousing: true } };
  const draft = h.call('withdrawal.create', { memberId, caseId: 'rent', facts, requestedFen: 2_000_000, payee: OWN(name), materialsSeen: [], idempotencyKey: h.key() });
  if (seen === 'none') return draft;
  return h.call('withdrawal.update', {
    applicationId: draft.id,
    version: draft.version,
    caseId: 'rent',
    facts,
    requestedFen: 2_000_000,
    payee: OWN(name),
    materialsSeen: draft.materials.map((x) => x.id),
    idempotencyKey: h.key(),
  });
}

describe('银川 rent withdrawal, intake to payout', () => {
  it('goes 草稿 → 待复核 → 待审批 → 已审批 → 已支付 with one balanced entry', () => {
    const { m } = yinchuanMember();
    const draft = rentIntake(m.id, m.name);
    expect(draft.state).toBe('草稿');
    expect(draft.decision!.maxAmountFen).toBe(2_100_000);
    const a = h.call('withdrawal.submit', { applicationId: draft.id, idempotencyKey: h.key() });
    expect(a).toMatchObject({ state: '待复核', approvedFen: 2_000_000 });
    expect(h.call('withdrawal.list', {}, 'reviewer').map((x) => x.id)).toContain(a.id);
    const b = h.call('withdrawal.review', { applicationId: a.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
    expect(b.state).toBe('待审批');
    const c = h.call('withdrawal.approve', { applicationId: a.id, pass: true, idempotencyKey: h.key() }, 'approver');
    expect(c.state).toBe('已审批');
    const paid = h.call('withdrawal.pay', { applicationId: a.id, idempotencyKey: h.key() }, 'clerk2');
    expect(paid).toMatchObject({ state: '已支付', paidAmountFen: 2_000_000 });
    expect(paid.created.name).toBe('王经办');
    expect(paid.reviewed!.name).toBe('赵复核');
    expect(paid.approved!.name).toBe('钱审批');
    expect(h.call('members.get', { memberId: m.id }).balanceFen).toBe(2_880_000 - 2_000_000);
    const line = h.call('members.statement', { memberId: m.id }).lines[0]!;
    expect(line).toMatchObject({ summary: '部分提取', category: '提取', amountFen: -2_000_000, bookedDate: '2026-06-25' });
    expect(paid.events.map((e) => e.action)).toEqual(['create', 'update', 'submit', 'review', 'approve', 'pay']);
    expect(h.call('ledger.check', {}, 'admin').ok).toBe(true);
  });

  it('refuses the wrong role at every step', () => {
    const { m } = yinchuanMember();
    const a = h.call('withdrawal.submit', { applicationId: rentIntake(m.id, m.name).id, idempotencyKey: h.key() });
    expect(h.fail('withdrawal.review', { applicationId: a.id, pass: true, idempotencyKey: h.key() }, 'clerk').code).toBe('FORBIDDEN');
    expect(h.fail('withdrawal.approve', { applicationId: a.id, pass: true, idempotencyKey: h.key() }, 'reviewer').code).toBe('FORBIDDEN');
    expect(h.fail('withdrawal.create', { memberId: m.id }, 'approver').code).toBe('FORBIDDEN');
    expect(h.fail('withdrawal.pay', { applicationId: a.id, idempotencyKey: h.key() }, 'reviewer').code).toBe('FORBIDDEN');
  });

  it('enforces the order: no approval before review, no payout before approval', () => {
    const { m } = yinchuanMember();
    const a = h.call('withdrawal.submit', { applicationId: rentIntake(m.id, m.name).id, idempotencyKey: h.key() });
    expect(h.fail('withdrawal.approve', { applicationId: a.id, pass: true, idempotencyKey: h.key() }, 'approver').message).toContain('当前为“待复核”');
    expect(h.fail('withdrawal.pay', { applicationId: a.id, idempotencyKey: h.key() }).message).toContain('不能支付');
  });

  it('keeps the four eyes: whoever entered it cannot review or approve, the reviewer cannot approve', () => {
    const { m } = yinchuanMember();
    const a = h.call('withdrawal.submit', { applicationId: rentIntake(m.id, m.name).id, idempotencyKey: h.key() });
    const ctx = h.app.ctx!;
    const row = loadApp(ctx, a.id);
    const creator = { id: row.created_by, login: 'clerk', name: '王经办', role: 'reviewer' as const, branchCode: 'YC00' };
    expect(() => reviewWithdrawal(ctx, creator, a.id, { pass: true })).toThrow('四眼原则');
    const b = h.call('withdrawal.review', { applicationId: a.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
    const reviewer = { id: loadApp(ctx, b.id).reviewed_by!, login: 'reviewer', name: '赵复核', role: 'approver' as const, branchCode: 'YC00' };
    expect(() => approveWithdrawal(ctx, reviewer, a.id, { pass: true })).toThrow('四眼原则');
  });

  it('returns with a reason, and the clerk resubmits', () => {
    const { m } = yinchuanMember();
    const a = h.call('withdrawal.submit', { applicationId: rentIntake(m.id, m.name).id, idempotencyKey: h.key() });
    expect(h.fail('withdrawal.review', { applicationId: a.id, pass: false, idempotencyKey: h.key() }, 'reviewer').field).toBe('note');
    const back = h.call('withdrawal.review', { applicationId: a.id, pass: false, note: '租赁合同复印件不清晰', idempotencyKey: h.key() }, 'reviewer');
    expect(back).toMatchObject({ state: '退回', lastNote: '租赁合同复印件不清晰' });
    expect(h.call('withdrawal.submit', { applicationId: a.id, idempotencyKey: h.key() }).state).toBe('待复核');
  });

  it('never submits with missing materials; they are listed for the 一次性告知书', () => {
    const { m } = yinchuanMember();
    const draft = rentIntake(m.id, m.name, 'none');
    expect(draft.missingMaterials.length).toBe(draft.materials.length);
    const err = h.fail('withdrawal.submit', { applicationId: draft.id, idempotencyKey: h.key() });
    expect(err.code).toBe('RULE');
    expect(err.message).toContain('一次性告知书');
    expect(h.call('withdrawal.get', { applicationId: draft.id }).state).toBe('草稿');
  });

  it('re-checks the balance at payout: a stale balance is refused, nothing posted', () => {
    const { e, m } = yinchuanMember();
    const a = h.call('withdrawal.submit', { applicationId: rentIntake(m.id, m.name).id, idempotencyKey: h.key() });
    h.call('withdrawal.review', { applicationId: a.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
    h.call('withdrawal.approve', { applicationId: a.id, pass: true, idempotencyKey: h.key() }, 'approver');
    // Five remittances are reversed after approval: 28,800 → 16,800, below the approved 20,000.
    const remits = h.call('employers.get', { employerId: e.id }).remittances;
    for (const r of remits.slice(0, 5)) h.call('ledger.reverse', { entryId: r.entryId, reason: '单位划款退回', idempotencyKey: h.key() }, 'reviewer');
    expect(h.call('members.get', { memberId: m.id }).balanceFen).toBe(1_680_000);
    const err = h.fail('withdrawal.pay', { applicationId: a.id, idempotencyKey: h.key() });
    expect(err.code).toBe('RULE');
    expect(err.message).toContain('账户余额已变动');
    expect(h.call('members.get', { memberId: m.id }).balanceFen).toBe(1_680_000);
  });

  it('pays once: the same key replays, another key is refused', () => {
    const { m } = yinchuanMember();
    const a = h.call('withdrawal.submit', { applicationId: rentIntake(m.id, m.name).id, idempotencyKey: h.key() });
    h.call('withdrawal.review', { applicationId: a.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
    h.call('withdrawal.approve', { applicationId: a.id, pass: true, idempotencyKey: h.key() }, 'approver');
    const key = h.key();
    const first = h.call('withdrawal.pay', { applicationId: a.id, idempotencyKey: key });
    expect(h.call('withdrawal.pay', { applicationId: a.id, idempotencyKey: key }).paidEntryNo).toBe(first.paidEntryNo);
    expect(h.fail('withdrawal.pay', { applicationId: a.id, idempotencyKey: h.key() }).message).toContain('不能重复支付');
    expect(h.call('members.get', { memberId: m.id }).balanceFen).toBe(880_000);
  });

  it('a paid withdrawal is undone only by a reviewed and approved reversal', () => {
    const { m } = yinchuanMember();
    const a = h.call('withdrawal.submit', { applicationId: rentIntake(m.id, m.name).id, idempotencyKey: h.key() });
    h.call('withdrawal.review', { applicationId: a.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
    h.call('withdrawal.approve', { applicationId: a.id, pass: true, idempotencyKey: h.key() }, 'approver');
    h.call('withdrawal.pay', { applicationId: a.id, idempotencyKey: h.key() });
    // Not by the generic 冲正: a payout has its own reviewed and approved reversal.
    const paidEntry = (h.app.db.prepare('SELECT paid_entry_id AS id FROM applications WHERE id = ?').get(a.id) as { id: number }).id;
    expect(h.fail('ledger.reverse', { entryId: paidEntry, reason: '银行退票', idempotencyKey: h.key() }, 'reviewer').message).toContain('提取申请的冲正流程');
    const r1 = h.call('withdrawal.requestReversal', { applicationId: a.id, reason: '收款账号填写错误，银行退票', idempotencyKey: h.key() });
    expect(r1.state).toBe('冲正待复核');
    expect(h.call('members.get', { memberId: m.id }).balanceFen).toBe(880_000);
    h.call('withdrawal.reviewReversal', { applicationId: a.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
    const done = h.call('withdrawal.approveReversal', { applicationId: a.id, pass: true, idempotencyKey: h.key() }, 'approver');
    expect(done.state).toBe('已冲正');
    expect(done.reversal!.entryNo).toMatch(/^JZ/);
    expect(h.call('members.get', { memberId: m.id }).balanceFen).toBe(2_880_000);
    expect(h.call('ledger.check', {}, 'admin').ok).toBe(true);
  });
});

describe('乌鲁木齐 retirement: full withdrawal closes the account with interest to the day', () => {
  it('pays balance + 积数 interest and marks the account 销户', () => {
    h = harness('urumqi', '2026-03-01T02:00:00Z');
    const e = newEmployer(h, { district: '天山区', employeeRatioPercent: '8', employerRatioPercent: '8' });
    const m = newMember(h, e.id, { name: '艾力', idNumber: makeIdNumber('650102', '19650310', 11), baseFen: 500_000, openedDate: '2026-01-01' });
    for (const month of ['2026-03', '2026-04', '2026-05']) {
      h.at(`${month}-20T02:00:00Z`);
      h.call('remit.post', { employerId: e.id, month, idempotencyKey: h.key() });
    }
    h.at('2026-06-15T02:00:00Z');
    // The 失信惩戒 query recorded at intake (004 一、(一)): what 审批 asks for.
    const facts = { maritalStatus: 'single', memberExtra: { dishonestCheck: { source: '信用中国', result: 'clear' } } };
    const draft = h.call('withdrawal.create', { memberId: m.id, caseId: 'retirement', facts, payee: { kind: 'own', cardType: 'debit', bankName: '中国工商银行乌鲁木齐分行', accountNo: '6222020000012345678', accountName: '艾力' }, materialsSeen: [], idempotencyKey: h.key() });
    expect(draft.decision!.closesAccount).toBe(true);
    const ready = h.call('withdrawal.update', { applicationId: draft.id, version: draft.version, caseId: 'retirement', facts, payee: draft.payee, materialsSeen: draft.materials.map((x) => x.id), idempotencyKey: h.key() });
    h.call('withdrawal.submit', { applicationId: ready.id, idempotencyKey: h.key() });
    h.call('withdrawal.review', { applicationId: ready.id, pass: true, idempotencyKey: h.key() }, 'reviewer');
    h.call('withdrawal.approve', { applicationId: ready.id, pass: true, idempotencyKey: h.key() }, 'approver');
    const paid = h.call('withdrawal.pay', { applicationId: ready.id, idempotencyKey: h.key() });
    // 800 from 03-20 (31 days), 1,600 from 04-20 (30 days), 2,400 from 05-20 to 06-15 (26 days):
    // 800×31 + 1600×30 + 2400×26 = 135,200 yuan-days × 1.5% ÷ 360 = 5.6333 → 5.63.
    expect(paid.interestFen).toBe(563);
    // The decision re-made at payout read the same interest from the ledger (compose.ts reads it on demand).
    expect(paid.decision!.sources).toContainEqual({ label: '销户利息', amountFen: 563, holder: 'interest' });
    expect(paid.paidAmountFen).toBe(240_000 + 563);
    const after = h.call('members.get', { memberId: m.id });
    expect(after).toMatchObject({ status: '销户', balanceFen: 0 });
    const lines = h.call('members.statement', { memberId: m.id }).lines;
    expect(lines.filter((l) => l.bookedDate === '2026-06-15').map((l) => [l.summary, l.category, l.amountFen])).toEqual([
      ['销户提取', '提取', -240_563],
      ['销户结息', '缴存', 563],
    ]);
    expect(h.call('ledger.check', {}, 'admin').ok).toBe(true);
    // A closed account takes no new withdrawal.
    expect(h.fail('withdrawal.create', { memberId: m.id, caseId: 'retirement', facts: {}, payee: paid.payee, materialsSeen: [], idempotencyKey: h.key() }).message).toContain('已销户');
  });
});

describe('乌鲁木齐 purchase pays the developer’s account', () => {
  it('refuses the applicant’s own card as payee', () => {
    h = harness('urumqi', '2026-06-15T02:00:00Z');
    const e = newEmployer(h, { district: '天山区' });
    const m = newMember(h, e.id, { baseFen: 500_000 });
    h.call('remit.post', { employerId: e.id, month: '2026-05', idempotencyKey: h.key() });
    const facts = { maritalStatus: 'single', house: { houseId: 'H1', type: 'new', residential: true, priceFen: 60_000_000, contractDate: '2026-05-01', developerFiled: true } };
    const err = h.fail('withdrawal.create', { memberId: m.id, caseId: 'purchase', facts, payee: OWN(m.name), materialsSeen: [], idempotencyKey: h.key() });
    expect(err).toMatchObject({ code: 'BAD_INPUT', field: 'payee.kind' });
    const ok = h.call('withdrawal.create', { memberId: m.id, caseId: 'purchase', facts, payee: { kind: 'developer', bankName: '中国银行乌鲁木齐分行', accountNo: '107654321000123', accountName: '新疆天山房地产开发有限公司' }, materialsSeen: [], idempotencyKey: h.key() });
    expect(ok.payee.kind).toBe('developer');
  });
});

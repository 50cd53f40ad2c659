/** 担保服务费 paid by the center (004 担保方式1, rule uq.flow.guaranteeFee): Dr 411 业务支出, Cr 101 住房公积金存款. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../testing/harness';
import { household, signedLoan, UQ_LOAN_FACTS } from './conditionsFixture';

let h: Harness;
afterEach(() => h.close());

describe('uq.flow.guaranteeFee', () => {
  it('books the fee for a loan guaranteed by a guarantee company, and refuses it for another guarantee', () => {
    const r = household('urumqi', ['马建国', '李秀兰', '张三', '李四']);
    h = r.h;
    const [b, s, c, d] = r.members as [typeof r.members[0], typeof r.members[0], typeof r.members[0], typeof r.members[0]];
    const company = signedLoan(h, { memberId: b.id, spouseMemberId: s.id, facts: { ...UQ_LOAN_FACTS, guarantee: { type: 'company' } }, requestedFen: 20_000_000 }, 'UQ-2026-DB01');
    const loan = h.call('loan.disburse', { applicationId: company.id, idempotencyKey: h.key() }).loan!;
    const fee = h.call('loan.guaranteeFee', { loanId: loan.id, amountFen: 123_456, company: '新疆住房置业担保有限公司', idempotencyKey: h.key() });
    expect(fee.amountFen).toBe(123_456);
    const lines = h.app.db
      .prepare(`SELECT a.code, p.side, p.amount_fen AS fen FROM postings p JOIN accounts a ON a.id = p.account_id JOIN journal_entries e ON e.id = p.entry_id WHERE e.entry_no = ? ORDER BY p.side DESC`)
      .all(fee.entryNo);
    expect(lines).toEqual([{ code: '411', side: 'D', fen: 123_456 }, { code: '101', side: 'C', fen: 123_456 }]);
    expect(h.call('ledger.check', {}, 'admin').ok).toBe(true);

    const developer = signedLoan(h, { memberId: c.id, spouseMemberId: d.id, facts: UQ_LOAN_FACTS, requestedFen: 20_000_000 }, 'UQ-2026-DB02');
    const other = h.call('loan.disburse', { applicationId: developer.id, idempotencyKey: h.key() }).loan!;
    expect(h.fail('loan.guaranteeFee', { loanId: other.id, amountFen: 100, company: '新疆住房置业担保有限公司', idempotencyKey: h.key() }).message).toContain('担保方式不是担保公司担保');
    expect(h.fail('loan.guaranteeFee', { loanId: loan.id, amountFen: 0, company: '新疆住房置业担保有限公司', idempotencyKey: h.key() })).toMatchObject({ code: 'BAD_INPUT', field: 'amountFen' });
  });
  it('lists the fees booked on a loan (loan.guaranteeFees), for any post; only the roles of loan.guaranteeFee book one', () => {
    const r = household('urumqi', ['马建国', '李秀兰']);
    h = r.h;
    const [b, s] = r.members as [typeof r.members[0], typeof r.members[0]];
    const app = signedLoan(h, { memberId: b.id, spouseMemberId: s.id, facts: { ...UQ_LOAN_FACTS, guarantee: { type: 'company' } }, requestedFen: 20_000_000 }, 'UQ-2026-DB03');
    const loan = h.call('loan.disburse', { applicationId: app.id, idempotencyKey: h.key() }).loan!;
    expect(h.call('loan.guaranteeFees', { loanId: loan.id }, 'approver')).toEqual([]);
    const fee = h.call('loan.guaranteeFee', { loanId: loan.id, amountFen: 80_000, company: '新疆住房置业担保有限公司', idempotencyKey: h.key() });
    h.call('loan.guaranteeFee', { loanId: loan.id, amountFen: 20_000, company: '乌鲁木齐市融资担保有限公司', idempotencyKey: h.key() }, 'admin');
    const list = h.call('loan.guaranteeFees', { loanId: loan.id }, 'reviewer');
    expect(list.map((x) => [x.entryNo === fee.entryNo, x.company, x.amountFen, x.operatorName])).toEqual([
      [true, '新疆住房置业担保有限公司', 80_000, '王经办'],
      [false, '乌鲁木齐市融资担保有限公司', 20_000, '管理员'],
    ]);
    expect(h.fail('loan.guaranteeFee', { loanId: loan.id, amountFen: 100, company: '新疆住房置业担保有限公司', idempotencyKey: h.key() }, 'approver').code).toBe('FORBIDDEN');
  });
});
